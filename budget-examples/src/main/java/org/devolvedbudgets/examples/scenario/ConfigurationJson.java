package org.devolvedbudgets.examples.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import org.devolvedbudgets.examples.pilots.Pilots;
import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.money.Money;
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
import org.devolvedbudgets.model.text.SafeText;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.jspecify.annotations.Nullable;

/**
 * Reads a scheme's configuration from JSON (the format is in SCENARIOS.md): either every field, or
 * {@code "pilot": "wigan"} (one of the {@link Pilots} fixtures) with any fields to change.
 *
 * <p><b>Every problem at once.</b> Each field and each nested object (an allowance, the approval policy, the
 * allocation) is read on its own, and a problem in one does not stop the others: a bad approval tier and a cap in
 * another currency are both reported. A nested object that cannot be built still lets the configuration's own
 * checks run, with a neutral stand-in in its place whose problems are dropped; the stand-ins are an approval
 * policy of one unlimited director tier, an allowance of one penny and an all-eligible allocation. Stateless.
 */
final class ConfigurationJson {

  static final String[] FIELDS = {"pilot", "council", "scheme", "version", "effectiveFrom", "currency", "term",
      "allTeamsEligible", "eligibleTeams", "allocation", "allowances", "approvalPolicy", "allowedCategories",
      "blockedSubcategories", "cashAllowed", "refundRestoresAllowance", "schemeId"};

  /** The scheme id of a configuration that names neither a pilot nor an id of its own. */
  static final SchemeId SCENARIO_SCHEME = SchemeId.of("scenario");

  private ConfigurationJson() {}

  /** Reads {@code "configuration": {...}} or {@code "configurations": [{...}, ...]} from a scenario. */
  static @Nullable ConfigurationHistory history(JsonNodes scenario, FileProblems problems) {
    if (scenario.has("configuration") == scenario.has("configurations")) {
      problems.add(scenario.path(), "needs exactly one of \"configuration\" (one version) or \"configurations\" "
          + "(versions in order of effectiveFrom)");
      return null;
    }
    if (scenario.has("configuration")) {
      return history(List.of(scenario.child("configuration")), scenario.pathOf("configuration"), problems);
    }
    List<JsonNodes> versions = problems.attempt(() -> scenario.array("configurations"));
    if (versions != null && versions.isEmpty()) {
      problems.add(scenario.pathOf("configurations"), "must hold at least one version");
      return null;
    }
    return versions == null ? null : history(versions, scenario.pathOf("configurations"), problems);
  }

  /** Reads the versions, and their history if every one could be read. */
  static @Nullable ConfigurationHistory history(List<JsonNodes> versions, String path, FileProblems problems) {
    List<PilotConfiguration> read = new ArrayList<>();
    for (JsonNodes version : versions) {
      read.add(read(version, problems));
    }
    if (read.contains(null)) {
      return null;
    }
    try {
      return ConfigurationHistory.of(read);
    } catch (ConfigurationException e) {
      for (ConfigurationProblem problem : e.problems()) {
        problems.add(path + problem.path().replaceFirst("^versions", ""), problem.message() + " ["
            + problem.code() + "]");
      }
      return null;
    }
  }

  /** Reads one configuration; on a problem, records it (and every other) and returns null. */
  static @Nullable PilotConfiguration read(JsonNodes json, FileProblems problems) {
    if (problems.attempt(() -> json.onlyFields(FIELDS)) == null) {
      return null;
    }
    PilotConfiguration.Builder builder = PilotConfiguration.builder();
    Reading reading = new Reading(json, problems);
    if (json.has("pilot")) {
      reading.field(() -> {
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
            throw json.child("pilot").problem("must be hillingdon, wigan or darlington, but was "
                + SafeText.excerpt(pilot));
        }
      });
    }
    reading.optional("council", () -> builder.council(json.title("council", 100)),
        () -> builder.council("(unreadable council)"));
    reading.optional("scheme", () -> builder.scheme(json.title("scheme", 100)),
        () -> builder.scheme("(unreadable scheme)"));
    if (!json.has("pilot")) {
      builder.schemeId(SCENARIO_SCHEME); // unless the file names one, as format 1 and 2 files need not
    }
    reading.optional("schemeId", () -> builder.schemeId(json.identifier("schemeId", "a scheme id", SchemeId::of)),
        () -> builder.schemeId(SCENARIO_SCHEME));
    reading.optional("version", () -> builder.version((int) json.integer("version", 1, Integer.MAX_VALUE)),
        () -> builder.version(1));
    reading.optional("effectiveFrom", () -> builder.effectiveFrom(json.date("effectiveFrom")));
    CurrencyUnit[] currency = {json.has("pilot") ? Pilots.GBP : null};
    reading.optional("currency", () -> {
      currency[0] = json.parse("currency", "an ISO 4217 code such as \"GBP\"", Monetary::getCurrency);
      builder.currency(currency[0]);
    });
    reading.optional("term", () -> {
      JsonNodes term = json.child("term").onlyFields("start", "end");
      try {
        builder.term(BudgetPeriod.of(term.date("start"), term.date("end")));
      } catch (IllegalArgumentException e) {
        throw term.problem(e.getMessage());
      }
    });
    reading.optional("allTeamsEligible", () -> builder.allTeamsEligible(json.bool("allTeamsEligible")));
    reading.optional("eligibleTeams", () -> builder.eligibleTeams(
        reading.list("eligibleTeams", team -> team.identifier("a team id", TeamId::of))));
    reading.optional("allocation", () -> builder.allocation(reading.nested("allocation",
        () -> allocation(json.child("allocation")), AllocationPolicy::allEligible)));
    reading.optional("allowances", () -> {
      List<Allowance> allowances = new ArrayList<>();
      List<JsonNodes> items = json.array("allowances");
      for (int i = 0; i < items.size(); i++) {
        JsonNodes item = items.get(i);
        int index = i;
        allowances.add(reading.nested("allowances[" + i + "]", () -> allowance(item),
            () -> Allowance.builder().id(AllowanceId.of("unreadable-" + index))
                .name("(unreadable allowance " + index + ")")
                .cap(Money.ofMinor(currency[0] != null ? currency[0] : Pilots.GBP, 1))
                .scope(AllowanceScope.REQUEST).build()));
      }
      builder.allowances(allowances);
    });
    reading.optional("approvalPolicy", () -> builder.approvalPolicy(reading.nested("approvalPolicy",
        () -> approval(json.child("approvalPolicy")),
        () -> ApprovalPolicy.builder().addTiers(ApprovalTier.unlimited(ApprovalRole.DIRECTOR)).build())));
    reading.optional("allowedCategories", () -> builder.allowedCategories(
        reading.list("allowedCategories", category -> category.enumValue(SpendCategory.class))));
    reading.optional("blockedSubcategories", () -> builder.blockedSubcategories(reading.list("blockedSubcategories",
        subcategory -> subcategory.parse("CATEGORY/code, such as \"PRACTICAL/car\"", ConfigurationJson::subcategory))));
    reading.optional("cashAllowed", () -> builder.cashAllowed(json.bool("cashAllowed")));
    reading.optional("refundRestoresAllowance",
        () -> builder.refundRestoresAllowance(json.bool("refundRestoresAllowance")));
    if (reading.scalarFailed) {
      return null; // the configuration's own checks need every scalar: what was found is reported
    }
    try {
      PilotConfiguration configuration = builder.build();
      return reading.failed.isEmpty() ? configuration : null;
    } catch (ConfigurationException e) {
      for (ConfigurationProblem problem : e.problems()) {
        String field = fileField(problem.path());
        if (!reading.isUnderFailed(field)) {
          problems.add(json.path() + "." + field, problem.message() + " [" + problem.code() + "]");
        }
      }
      return null;
    } catch (IllegalStateException e) {
      problems.add(json.path(), "is incomplete: " + e.getMessage());
      return null;
    }
  }

  /** What one configuration's reading has found wrong, field by field. Not thread-safe. */
  private static final class Reading {
    final JsonNodes json;
    final FileProblems problems;
    /** Paths, relative to the configuration, of nested objects replaced by a stand-in. */
    final List<String> failed = new ArrayList<>();
    boolean scalarFailed;

    Reading(JsonNodes json, FileProblems problems) {
      this.json = json;
      this.problems = problems;
    }

    void field(Runnable read) {
      if (!problems.succeeded(read)) {
        scalarFailed = true;
      }
    }

    void optional(String name, Runnable read) {
      if (json.has(name)) {
        field(read);
      }
    }

    /** Reads a field that has a neutral stand-in, so that a problem in it does not stop the other checks. */
    void optional(String name, Runnable read, Runnable standIn) {
      if (json.has(name) && !problems.succeeded(read)) {
        failed.add(name);
        standIn.run();
      }
    }

    /** Reads a nested object; if it cannot be built, records why and returns the stand-in. */
    <T> T nested(String path, Supplier<T> read, Supplier<T> standIn) {
      T value = problems.attempt(read);
      if (value == null) {
        failed.add(path);
        return standIn.get();
      }
      return value;
    }

    /** Reads an array's items one by one; the list holds those that could be read. */
    <T> List<T> list(String field, Function<JsonNodes, T> item) {
      List<T> values = new ArrayList<>();
      for (JsonNodes element : json.array(field)) {
        T value = problems.attempt(() -> item.apply(element));
        if (value == null) {
          failed.add(field);
        } else {
          values.add(value);
        }
      }
      return values;
    }

    boolean isUnderFailed(String path) {
      for (String prefix : failed) {
        if (path.equals(prefix) || path.startsWith(prefix + ".") || path.startsWith(prefix + "[")) {
          return true;
        }
      }
      return false;
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
    FileProblems problems = new FileProblems(json.file());
    Randomisation.Builder randomisation = Randomisation.builder();
    problems.attempt(() -> randomisation.seed(json.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE)));
    if (json.has("treatmentWeight")) {
      problems.attempt(() -> randomisation.treatmentWeight((int) json.integer("treatmentWeight", 1, 100)));
    }
    if (json.has("controlWeight")) {
      problems.attempt(() -> randomisation.controlWeight((int) json.integer("controlWeight", 1, 100)));
    }
    for (JsonNodes band : json.optionalArray("strata")) {
      problems.attempt(() -> randomisation.addStrata(band.parse("an age band such as \"0-4\"",
          ConfigurationJson::ageBand)));
    }
    if (json.has("suspendedFrom")) {
      problems.attempt(() -> randomisation.suspendedFrom(json.date("suspendedFrom")));
    }
    problems.throwIfAny();
    try {
      return AllocationPolicy.randomised(randomisation.build());
    } catch (ConfigurationException e) {
      throw problems(json, e);
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
    json.onlyFields("id", "name", "cap", "scope", "period", "enforcement", "category");
    FileProblems problems = new FileProblems(json.file());
    Allowance.Builder allowance = Allowance.builder();
    String name = problems.attempt(() -> json.title("name", 100));
    if (name != null) {
      allowance.name(name);
    }
    if (json.has("id")) {
      problems.attempt(() -> allowance.id(json.identifier("id", "an allowance id", AllowanceId::of)));
    } else if (name != null) {
      allowance.id(idFor(name)); // format 1 and 2 files name no id
    }
    problems.attempt(() -> allowance.cap(json.money("cap")));
    problems.attempt(() -> allowance.scope(json.enumValue("scope", AllowanceScope.class)));
    if (json.has("period")) {
      problems.attempt(() -> allowance.period(json.parse("period",
          "financial-year, calendar-year, whole-pilot or rolling-N-days", ConfigurationJson::period)));
    }
    if (json.has("enforcement")) {
      problems.attempt(() -> allowance.enforcement(json.enumValue("enforcement", Enforcement.class)));
    }
    if (json.has("category")) {
      problems.attempt(() -> allowance.category(json.enumValue("category", SpendCategory.class)));
    }
    try {
      Allowance built = allowance.build(); // checked even if an optional field failed: its default stands in
      problems.throwIfAny();
      return built;
    } catch (ConfigurationException e) {
      problems.add(problems(json, e));
      problems.throwIfAny();
      throw new AssertionError("unreachable: problems were added");
    } catch (IllegalStateException e) {
      problems.throwIfAny(); // a required field failed: its problem says so
      throw json.problem("is incomplete: " + e.getMessage());
    }
  }

  /**
   * The id an allowance named in a file without ids is given: its name in lower case, each run of other
   * characters a hyphen ({@code "Per family"} is {@code per-family}); {@code allowance} if nothing is left.
   */
  static AllowanceId idFor(String name) {
    String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return AllowanceId.of(slug.isEmpty() ? "allowance" : slug.substring(0, Math.min(slug.length(), 64)));
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
        if (text.startsWith("rolling-") && text.endsWith("-days") && text.length() > 13) {
          return PeriodPolicy.rollingDays(Integer.parseInt(text.substring(8, text.length() - 5)));
        }
        throw new IllegalArgumentException("unknown period");
    }
  }

  private static ApprovalPolicy approval(JsonNodes json) {
    json.onlyFields("tiers", "cumulative");
    FileProblems problems = new FileProblems(json.file());
    ApprovalPolicy.Builder policy = ApprovalPolicy.builder();
    for (JsonNodes tier : json.array("tiers")) {
      problems.succeeded(() -> {
        tier.onlyFields("role", "upTo");
        ApprovalRole role = tier.enumValue("role", ApprovalRole.class);
        if (!tier.has("upTo")) {
          policy.addTiers(ApprovalTier.unlimited(role));
          return;
        }
        Money limit = tier.money("upTo");
        try {
          policy.addTiers(ApprovalTier.upTo(role, limit));
        } catch (ConfigurationException e) {
          throw new ScenarioFileException(tier.file(), tier.pathOf("upTo"), e.problems().get(0).message() + " ["
              + e.problems().get(0).code() + "]", e);
        }
      });
    }
    json.optional("cumulative").ifPresent(cumulative -> problems.succeeded(() -> {
      cumulative.onlyFields("amount", "window");
      Money amount = cumulative.money("amount");
      PeriodPolicy window = cumulative.parse("window", "financial-year, calendar-year, whole-pilot or rolling-N-days",
          ConfigurationJson::period);
      try {
        policy.cumulativeThreshold(CumulativeThreshold.of(amount, window));
      } catch (ConfigurationException e) {
        throw new ScenarioFileException(cumulative.file(), cumulative.pathOf("amount"),
            e.problems().get(0).message() + " [" + e.problems().get(0).code() + "]", e);
      }
    }));
    problems.throwIfAny();
    try {
      return policy.build();
    } catch (ConfigurationException e) {
      throw problems(json, e);
    }
  }

  /**
   * A nested object's configuration problems at their paths in the file. A problem's path starts with the object's
   * own name ({@code allowance.cap}, {@code approvalPolicy.tiers[1].upTo}); the part after it is placed under
   * the object's path.
   */
  private static ScenarioFileException problems(JsonNodes json, ConfigurationException e) {
    List<ScenarioFileException.Problem> found = new ArrayList<>();
    for (ConfigurationProblem problem : e.problems()) {
      String path = fileField(problem.path());
      int dot = path.indexOf('.');
      String inside = dot < 0 ? "" : path.substring(dot);
      found.add(new ScenarioFileException.Problem(json.path() + inside,
          problem.message() + " [" + problem.code() + "]"));
    }
    return new ScenarioFileException(json.file(), found, e);
  }

  /**
   * Where a configuration problem's path (the model's, such as {@code allocation.randomisation.seed}) is in the
   * file, whose fields are named a little differently ({@code allocation.seed}, {@code approvalPolicy.cumulative}).
   */
  static String fileField(String modelPath) {
    if (modelPath.startsWith("allocation.randomisation.")) {
      return "allocation." + modelPath.substring("allocation.randomisation.".length());
    }
    if (modelPath.startsWith("approvalPolicy.cumulativeThreshold")) {
      return "approvalPolicy.cumulative" + modelPath.substring("approvalPolicy.cumulativeThreshold".length());
    }
    return modelPath;
  }
}
