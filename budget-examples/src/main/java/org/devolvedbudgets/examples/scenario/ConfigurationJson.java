package org.devolvedbudgets.examples.scenario;

import java.util.ArrayList;
import java.util.List;
import javax.money.Monetary;
import org.devolvedbudgets.examples.pilots.Pilots;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.period.PeriodPolicy;
import org.devolvedbudgets.model.scheme.AgeBand;
import org.devolvedbudgets.model.scheme.AllocationMethod;
import org.devolvedbudgets.model.scheme.AllocationPolicy;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.scheme.ApprovalPolicy;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.ApprovalTier;
import org.devolvedbudgets.model.scheme.ConfigurationException;
import org.devolvedbudgets.model.scheme.ConfigurationProblem;
import org.devolvedbudgets.model.scheme.CumulativeThreshold;
import org.devolvedbudgets.model.scheme.Enforcement;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.scheme.Randomisation;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.Subcategory;
import org.devolvedbudgets.rules.ConfigurationHistory;

/**
 * Reads a scheme's configuration from JSON (the format is in SCENARIOS.md): either every field, or
 * {@code "pilot": "wigan"} (one of the {@link Pilots} fixtures) with any fields to change. Stateless.
 */
final class ConfigurationJson {

  static final String[] FIELDS = {"pilot", "council", "scheme", "version", "effectiveFrom", "currency", "term",
      "allTeamsEligible", "eligibleTeams", "allocation", "allowances", "approvalPolicy", "allowedCategories",
      "blockedSubcategories", "cashAllowed", "refundRestoresAllowance"};

  private ConfigurationJson() {}

  /** Reads {@code "configuration": {...}} or {@code "configurations": [{...}, ...]} from a scenario. */
  static ConfigurationHistory history(JsonNodes scenario) {
    if (scenario.has("configuration") == scenario.has("configurations")) {
      throw scenario.problem("needs exactly one of \"configuration\" (one version) or \"configurations\" "
          + "(versions in order of effectiveFrom)");
    }
    List<PilotConfiguration> versions = new ArrayList<>();
    if (scenario.has("configuration")) {
      versions.add(read(scenario.child("configuration")));
    } else {
      for (JsonNodes version : scenario.array("configurations")) {
        versions.add(read(version));
      }
      if (versions.isEmpty()) {
        throw scenario.child("configurations").problem("must hold at least one version");
      }
    }
    try {
      return ConfigurationHistory.of(versions);
    } catch (IllegalArgumentException e) {
      throw scenario.problem("configurations", e.getMessage(), e);
    }
  }

  static PilotConfiguration read(JsonNodes json) {
    json.onlyFields(FIELDS);
    PilotConfiguration.Builder builder = PilotConfiguration.builder();
    if (json.has("pilot")) {
      String pilot = json.text("pilot");
      switch (pilot) {
        case "hillingdon":
          builder.from(Pilots.hillingdon());
          break;
        case "wigan":
          builder.from(Pilots.wigan());
          break;
        case "darlington":
          builder.from(Pilots.darlington());
          break;
        default:
          throw json.child("pilot").problem("must be hillingdon, wigan or darlington, but was '" + pilot + "'");
      }
    }
    json.optional("council").ifPresent(node -> builder.council(node.text()));
    json.optional("scheme").ifPresent(node -> builder.scheme(node.text()));
    if (json.has("version")) {
      builder.version((int) json.integer("version", 1, Integer.MAX_VALUE));
    }
    if (json.has("effectiveFrom")) {
      builder.effectiveFrom(json.date("effectiveFrom"));
    }
    if (json.has("currency")) {
      builder.currency(json.parse("currency", "an ISO 4217 code such as \"GBP\"", Monetary::getCurrency));
    }
    json.optional("term").ifPresent(term -> {
      term.onlyFields("start", "end");
      try {
        builder.term(BudgetPeriod.of(term.date("start"), term.date("end")));
      } catch (IllegalArgumentException e) {
        throw term.problem(e.getMessage());
      }
    });
    if (json.has("allTeamsEligible")) {
      builder.allTeamsEligible(json.bool("allTeamsEligible"));
    }
    if (json.has("eligibleTeams")) {
      List<TeamId> teams = new ArrayList<>();
      for (JsonNodes team : json.array("eligibleTeams")) {
        teams.add(team.parse("a team id", TeamId::of));
      }
      builder.eligibleTeams(teams);
    }
    json.optional("allocation").ifPresent(node -> builder.allocation(allocation(node)));
    if (json.has("allowances")) {
      List<Allowance> allowances = new ArrayList<>();
      for (JsonNodes allowance : json.array("allowances")) {
        allowances.add(allowance(allowance));
      }
      builder.allowances(allowances);
    }
    json.optional("approvalPolicy").ifPresent(node -> builder.approvalPolicy(approval(node)));
    if (json.has("allowedCategories")) {
      List<SpendCategory> categories = new ArrayList<>();
      for (JsonNodes category : json.array("allowedCategories")) {
        categories.add(category.enumValue(SpendCategory.class));
      }
      builder.allowedCategories(categories);
    }
    if (json.has("blockedSubcategories")) {
      List<Subcategory> blocked = new ArrayList<>();
      for (JsonNodes subcategory : json.array("blockedSubcategories")) {
        blocked.add(subcategory.parse("CATEGORY:code, such as \"PRACTICAL/car\"", ConfigurationJson::subcategory));
      }
      builder.blockedSubcategories(blocked);
    }
    if (json.has("cashAllowed")) {
      builder.cashAllowed(json.bool("cashAllowed"));
    }
    if (json.has("refundRestoresAllowance")) {
      builder.refundRestoresAllowance(json.bool("refundRestoresAllowance"));
    }
    try {
      return builder.build();
    } catch (ConfigurationException e) {
      ConfigurationProblem first = e.problems().get(0);
      throw new ScenarioFileException(json.file(), json.path() + "." + first.path(), first.message()
          + " [" + first.code() + "]" + (e.problems().size() > 1 ? " (and " + (e.problems().size() - 1)
          + " more: " + e.getMessage() + ")" : ""), e);
    } catch (IllegalStateException e) {
      throw json.problem("is incomplete: " + e.getMessage());
    }
  }

  static Subcategory subcategory(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("no '/' between category and code");
    }
    return Subcategory.of(SpendCategory.valueOf(text.substring(0, slash)), text.substring(slash + 1));
  }

  private static AllocationPolicy allocation(JsonNodes json) {
    json.onlyFields("method", "seed", "treatmentWeight", "controlWeight", "strata", "suspendedFrom");
    AllocationMethod method = json.enumValue("method", AllocationMethod.class);
    if (method == AllocationMethod.ALL_ELIGIBLE) {
      return AllocationPolicy.allEligible();
    }
    if (method == AllocationMethod.DISCRETIONARY) {
      return AllocationPolicy.discretionary();
    }
    Randomisation.Builder randomisation = Randomisation.builder()
        .seed(json.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE));
    if (json.has("treatmentWeight")) {
      randomisation.treatmentWeight((int) json.integer("treatmentWeight", 1, 100));
    }
    if (json.has("controlWeight")) {
      randomisation.controlWeight((int) json.integer("controlWeight", 1, 100));
    }
    for (JsonNodes band : json.optionalArray("strata")) {
      randomisation.addStrata(band.parse("an age band such as \"0-4\"", ConfigurationJson::ageBand));
    }
    if (json.has("suspendedFrom")) {
      randomisation.suspendedFrom(json.date("suspendedFrom"));
    }
    try {
      return AllocationPolicy.randomised(randomisation.build());
    } catch (ConfigurationException e) {
      throw json.problem(e.getMessage());
    }
  }

  private static AgeBand ageBand(String text) {
    int dash = text.indexOf('-');
    if (dash < 0) {
      throw new IllegalArgumentException("no '-' between the ages");
    }
    return AgeBand.of(Integer.parseInt(text.substring(0, dash)), Integer.parseInt(text.substring(dash + 1)));
  }

  private static Allowance allowance(JsonNodes json) {
    json.onlyFields("name", "cap", "scope", "period", "enforcement", "category");
    Allowance.Builder allowance = Allowance.builder()
        .name(json.text("name"))
        .cap(json.money("cap"))
        .scope(json.enumValue("scope", AllowanceScope.class));
    if (json.has("period")) {
      allowance.period(json.parse("period", "financial-year, calendar-year, whole-pilot or rolling-N-days",
          ConfigurationJson::period));
    }
    if (json.has("enforcement")) {
      allowance.enforcement(json.enumValue("enforcement", Enforcement.class));
    }
    if (json.has("category")) {
      allowance.category(json.enumValue("category", SpendCategory.class));
    }
    try {
      return allowance.build();
    } catch (ConfigurationException e) {
      throw json.problem(e.getMessage());
    }
  }

  static PeriodPolicy period(String text) {
    switch (text) {
      case "financial-year":
        return PeriodPolicy.financialYear();
      case "calendar-year":
        return PeriodPolicy.calendarYear();
      case "whole-pilot":
        return PeriodPolicy.wholePilot();
      default:
        if (text.startsWith("rolling-") && text.endsWith("-days")) {
          return PeriodPolicy.rollingDays(Integer.parseInt(text.substring(8, text.length() - 5)));
        }
        throw new IllegalArgumentException("unknown period");
    }
  }

  private static ApprovalPolicy approval(JsonNodes json) {
    json.onlyFields("tiers", "cumulative");
    ApprovalPolicy.Builder policy = ApprovalPolicy.builder();
    for (JsonNodes tier : json.array("tiers")) {
      tier.onlyFields("role", "upTo");
      ApprovalRole role = tier.enumValue("role", ApprovalRole.class);
      policy.addTiers(tier.has("upTo") ? ApprovalTier.upTo(role, tier.money("upTo")) : ApprovalTier.unlimited(role));
    }
    json.optional("cumulative").ifPresent(cumulative -> {
      cumulative.onlyFields("amount", "window");
      policy.cumulativeThreshold(CumulativeThreshold.of(cumulative.money("amount"), cumulative.parse("window",
          "financial-year, calendar-year, whole-pilot or rolling-N-days", ConfigurationJson::period)));
    });
    try {
      return policy.build();
    } catch (ConfigurationException e) {
      throw json.problem(e.getMessage());
    }
  }
}
