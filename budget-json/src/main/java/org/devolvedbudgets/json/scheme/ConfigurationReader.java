package org.devolvedbudgets.json.scheme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import org.devolvedbudgets.json.read.FileProblem;
import org.devolvedbudgets.json.read.FileProblemCode;
import org.devolvedbudgets.json.read.FileReadException;
import org.devolvedbudgets.json.read.JsonValue;
import org.devolvedbudgets.json.read.ProblemCollector;
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
import org.devolvedbudgets.model.scheme.EvidencePolicy;
import org.devolvedbudgets.model.scheme.EvidenceRequirement;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.scheme.ProblemCode;
import org.devolvedbudgets.model.scheme.Randomisation;
import org.devolvedbudgets.model.scheme.SpendingFreeze;
import org.devolvedbudgets.model.spend.EvidenceKind;
import org.devolvedbudgets.model.spend.PaymentMethod;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.Subcategory;
import org.devolvedbudgets.model.text.SafeText;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.jspecify.annotations.Nullable;

/**
 * Reads configuration versions from JSON values: the versions of a scheme file, which take the scheme's id, council
 * and currency from the file's top level ({@link Shared}), and the stand-alone configurations of scenario files,
 * which carry them and may start from a named base configuration ({@code "pilot": "wigan"}).
 *
 * <p><b>Every problem at once.</b> Each field and each nested object (an allowance, the approval policy, the
 * allocation) is read on its own, and a problem in one does not stop the others: a bad approval tier and a cap in
 * another currency are both reported. A nested object that cannot be built still lets the configuration's own
 * checks run, with a neutral stand-in in its place whose problems are dropped; the stand-ins are an approval
 * policy of one unlimited director tier, an allowance of one penny and an all-eligible allocation. Stateless.
 */
final class ConfigurationReader {

  /** The fields of one version in a scheme file. */
  static final String[] VERSION_FIELDS = {"version", "effectiveFrom", "scheme", "term", "allTeamsEligible",
      "eligibleTeams", "allocation", "allowances", "approvalPolicy", "allowedCategories", "blockedSubcategories",
      "cashAllowed", "refundRestoresAllowance", "repaymentRestoresAllowance", "spendingFreeze", "evidencePolicy"};

  /** The fields of a stand-alone configuration: a version's, and the scheme's own. */
  static final String[] STANDALONE_FIELDS = {"pilot", "council", "schemeId", "currency", "version", "effectiveFrom",
      "scheme", "term", "allTeamsEligible", "eligibleTeams", "allocation", "allowances", "approvalPolicy",
      "allowedCategories", "blockedSubcategories", "cashAllowed", "refundRestoresAllowance", "repaymentRestoresAllowance", "spendingFreeze", "evidencePolicy"};

  /** The scheme id of a stand-alone configuration that names neither a base nor an id of its own. */
  static final SchemeId UNNAMED_SCHEME = SchemeId.of("scenario");

  /** What every version of a scheme file shares, read from the file's top level; any part may be missing. */
  record Shared(@Nullable SchemeId schemeId, @Nullable String council, @Nullable CurrencyUnit currency) {}

  private ConfigurationReader() {}

  /**
   * Reads versions in order into a history; on a problem, records it (and every other) and returns null.
   *
   * @param versions the version objects
   * @param path the path of the array holding them
   * @param shared the scheme's own fields, or null for stand-alone configurations
   * @param bases the named base configurations a stand-alone one may start from
   * @param strict whether this is a scheme file, whose allowances each give their id and whose enum constants are
   *     written exactly, as its JSON Schema lists them; scenario files (formats 1 and 2) may leave an id to the
   *     name and write constants in any case
   */
  static @Nullable ConfigurationHistory history(List<JsonValue> versions, String path, @Nullable Shared shared,
      Map<String, PilotConfiguration> bases, boolean strict, ProblemCollector problems) {
    List<PilotConfiguration> read = new ArrayList<>();
    for (JsonValue version : versions) {
      read.add(read(version, shared, bases, strict, problems));
    }
    if (read.contains(null)) {
      return null;
    }
    try {
      return ConfigurationHistory.of(read);
    } catch (ConfigurationException e) {
      for (ConfigurationProblem problem : e.problems()) {
        problems.add(FileProblem.ofConfiguration(problem.code(), path + problem.path().replaceFirst("^versions", ""),
            problem.message()));
      }
      return null;
    }
  }

  /** Reads one configuration; on a problem, records it (and every other) and returns null. */
  static @Nullable PilotConfiguration read(JsonValue json, @Nullable Shared shared,
      Map<String, PilotConfiguration> bases, boolean strict, ProblemCollector problems) {
    Boolean known = problems.attempt(() -> json.checkFields(problems, shared != null ? VERSION_FIELDS
        : STANDALONE_FIELDS));
    if (known == null) {
      return null; // not an object
    }
    PilotConfiguration.Builder builder = PilotConfiguration.builder();
    Reading reading = new Reading(json, problems);
    CurrencyUnit[] currency = {null};
    if (shared != null) {
      // The file's top level was read on its own; stand-ins let a version be checked even where it failed.
      builder.schemeId(shared.schemeId() != null ? shared.schemeId() : UNNAMED_SCHEME);
      builder.council(shared.council() != null ? shared.council() : "(unreadable council)");
      currency[0] = shared.currency();
      builder.currency(currency[0] != null ? currency[0] : Monetary.getCurrency("GBP"));
      if (shared.schemeId() == null || shared.council() == null || shared.currency() == null) {
        reading.scalarFailed = true;
      }
    } else {
      if (json.has("pilot")) {
        reading.field(() -> {
          String name = json.text("pilot");
          PilotConfiguration base = bases.get(name);
          if (base == null) {
            throw json.child("pilot").problem(FileProblemCode.BAD_VALUE, "must be one of "
                + new java.util.TreeSet<>(bases.keySet()) + ", but was " + SafeText.excerpt(name));
          }
          builder.from(base);
          currency[0] = base.currency();
        });
      } else {
        builder.schemeId(UNNAMED_SCHEME); // unless the file names one
      }
      reading.optional("council", () -> builder.council(json.title("council", 100)),
          () -> builder.council("(unreadable council)"));
      reading.optional("schemeId", () -> builder.schemeId(json.identifier("schemeId", "a scheme id", SchemeId::of)),
          () -> builder.schemeId(UNNAMED_SCHEME));
      reading.optional("currency", () -> {
        currency[0] = json.parse("currency", FileProblemCode.BAD_VALUE, "an ISO 4217 code such as \"GBP\"",
            Monetary::getCurrency);
        builder.currency(currency[0]);
      });
    }
    reading.optional("scheme", () -> builder.scheme(json.title("scheme", 100)),
        () -> builder.scheme("(unreadable scheme)"));
    reading.optional("version", () -> builder.version((int) json.integer("version", 1, Integer.MAX_VALUE)),
        () -> builder.version(1));
    reading.optional("effectiveFrom", () -> builder.effectiveFrom(json.date("effectiveFrom")));
    reading.optional("term", () -> {
      JsonValue term = json.child("term").onlyFields("start", "end");
      LocalDate start = term.date("start");
      LocalDate end = term.date("end");
      try {
        builder.term(BudgetPeriod.of(start, end));
      } catch (IllegalArgumentException e) {
        throw term.problem(FileProblemCode.BAD_DATE, e.getMessage());
      }
    });
    reading.optional("allTeamsEligible", () -> builder.allTeamsEligible(json.bool("allTeamsEligible")));
    reading.optional("eligibleTeams", () -> builder.eligibleTeams(
        reading.list("eligibleTeams", team -> team.identifier("a team id", TeamId::of))));
    reading.optional("allocation", () -> builder.allocation(reading.nested("allocation",
        () -> allocation(json.child("allocation"), strict), AllocationPolicy::allEligible)));
    reading.optional("allowances", () -> {
      List<Allowance> allowances = new ArrayList<>();
      List<JsonValue> items = json.array("allowances");
      for (int i = 0; i < items.size(); i++) {
        JsonValue item = items.get(i);
        int index = i;
        allowances.add(reading.nested("allowances[" + i + "]", () -> allowance(item, strict),
            () -> Allowance.builder().id(AllowanceId.of("unreadable-" + index))
                .name("(unreadable allowance " + index + ")")
                .cap(Money.ofMinor(currency[0] != null ? currency[0] : Monetary.getCurrency("GBP"), 1))
                .scope(AllowanceScope.REQUEST).build()));
      }
      builder.allowances(allowances);
    });
    reading.optional("approvalPolicy", () -> builder.approvalPolicy(reading.nested("approvalPolicy",
        () -> approval(json.child("approvalPolicy"), strict),
        () -> ApprovalPolicy.builder().addTiers(ApprovalTier.unlimited(ApprovalRole.DIRECTOR)).build())));
    reading.optional("allowedCategories", () -> builder.allowedCategories(
        reading.list("allowedCategories", category -> category.enumValue(SpendCategory.class, strict))));
    reading.optional("blockedSubcategories", () -> builder.blockedSubcategories(reading.list("blockedSubcategories",
        subcategory -> subcategory.parse(FileProblemCode.BAD_VALUE, "CATEGORY/code, such as \"PRACTICAL/car\"",
            Subcategory::parse))));
    reading.optional("cashAllowed", () -> builder.cashAllowed(json.bool("cashAllowed")));
    reading.optional("refundRestoresAllowance",
        () -> builder.refundRestoresAllowance(json.bool("refundRestoresAllowance")));
    reading.optional("repaymentRestoresAllowance",
        () -> builder.repaymentRestoresAllowance(json.bool("repaymentRestoresAllowance")));
    reading.optional("spendingFreeze", () -> builder.spendingFreeze(reading.nested("spendingFreeze",
        () -> freeze(json.child("spendingFreeze"), strict), () -> SpendingFreeze.of(Set.of(), Optional.empty()))));
    reading.optional("evidencePolicy", () -> builder.evidencePolicy(reading.nested("evidencePolicy",
        () -> evidence(json.child("evidencePolicy"), strict), ConfigurationReader::unreadableEvidence)));
    if (reading.scalarFailed) {
      return null; // the configuration's own checks need every scalar: what was found is reported
    }
    try {
      PilotConfiguration configuration = builder.build();
      return reading.failed.isEmpty() && known ? configuration : null;
    } catch (ConfigurationException e) {
      for (ConfigurationProblem problem : e.problems()) {
        String field = fileField(problem.path());
        if (!reading.isUnderFailed(field) && !(shared != null && isShared(field))) {
          problems.add(FileProblem.ofConfiguration(problem.code(), json.path() + "." + field, problem.message()));
        }
      }
      return null;
    } catch (IllegalStateException e) {
      problems.add(FileProblem.of(FileProblemCode.MISSING_FIELD, json.path(), "is incomplete: "
          + missingFields(e.getMessage())));
      return null;
    }
  }

  /** Whether a problem's field is one the scheme file's top level gives, whose problems are reported there. */
  private static boolean isShared(String field) {
    return field.equals("council") || field.equals("schemeId") || field.equals("currency");
  }

  /** Immutables' message for missing attributes, which names them, as "required: a, b". */
  private static String missingFields(@Nullable String message) {
    if (message != null) {
      int open = message.indexOf('[');
      int close = message.indexOf(']', open + 1);
      if (open >= 0 && close > open) {
        return "required: " + message.substring(open + 1, close);
      }
    }
    return "a required field is missing";
  }

  /** What one configuration's reading has found wrong, field by field. Not thread-safe. */
  private static final class Reading {
    final JsonValue json;
    final ProblemCollector problems;
    /** Paths, relative to the configuration, of nested objects replaced by a stand-in. */
    final List<String> failed = new ArrayList<>();
    boolean scalarFailed;

    Reading(JsonValue json, ProblemCollector problems) {
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
    <T> List<T> list(String field, Function<JsonValue, T> item) {
      List<T> values = new ArrayList<>();
      for (JsonValue element : json.array(field)) {
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

  private static AllocationPolicy allocation(JsonValue json, boolean strict) {
    ProblemCollector problems = new ProblemCollector(json.document());
    json.checkFields(problems, "method", "seed", "treatmentWeight", "controlWeight", "strata", "suspendedFrom");
    AllocationMethod method = problems.attempt(() -> json.enumValue("method", AllocationMethod.class, strict));
    if (method != AllocationMethod.RANDOMISED) {
      for (String setting : List.of("seed", "treatmentWeight", "controlWeight", "strata", "suspendedFrom")) {
        if (method != null && json.has(setting)) {
          problems.add(FileProblem.ofConfiguration(ProblemCode.ALLOCATION_INCONSISTENT, json.pathOf(setting),
              "is a setting of a randomised allocation, but the method is " + method));
        }
      }
      problems.throwIfAny(); // an unknown field, a setting of another method, or the method itself
      return method == AllocationMethod.ALL_ELIGIBLE ? AllocationPolicy.allEligible()
          : AllocationPolicy.discretionary();
    }
    Randomisation.Builder randomisation = Randomisation.builder();
    problems.attempt(() -> randomisation.seed(json.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE)));
    if (json.has("treatmentWeight")) {
      problems.attempt(() -> randomisation.treatmentWeight((int) json.integer("treatmentWeight", 1, 100)));
    }
    if (json.has("controlWeight")) {
      problems.attempt(() -> randomisation.controlWeight((int) json.integer("controlWeight", 1, 100)));
    }
    for (JsonValue band : json.optionalArray("strata")) {
      problems.attempt(() -> randomisation.addStrata(band.parse(FileProblemCode.BAD_VALUE,
          "an age band such as \"0-4\"", AgeBand::parse)));
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

  private static Allowance allowance(JsonValue json, boolean strict) {
    ProblemCollector problems = new ProblemCollector(json.document());
    json.checkFields(problems, "id", "name", "cap", "scope", "period", "enforcement", "category");
    Allowance.Builder allowance = Allowance.builder();
    String name = problems.attempt(() -> json.title("name", 100));
    if (name != null) {
      allowance.name(name);
    }
    if (json.has("id") || strict) {
      problems.attempt(() -> allowance.id(json.identifier("id", "an allowance id", AllowanceId::of)));
    } else if (name != null) {
      allowance.id(idFor(name)); // scenario files of formats 1 and 2 name no id
    }
    problems.attempt(() -> allowance.cap(json.money("cap")));
    problems.attempt(() -> allowance.scope(json.enumValue("scope", AllowanceScope.class, strict)));
    if (json.has("period")) {
      problems.attempt(() -> allowance.period(json.parse("period", FileProblemCode.BAD_VALUE,
          "financial-year, calendar-year, whole-pilot or rolling-N-days", ConfigurationReader::period)));
    }
    if (json.has("enforcement")) {
      problems.attempt(() -> allowance.enforcement(json.enumValue("enforcement", Enforcement.class, strict)));
    }
    if (json.has("category")) {
      problems.attempt(() -> allowance.category(json.enumValue("category", SpendCategory.class, strict)));
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
      throw json.problem(FileProblemCode.MISSING_FIELD, "is incomplete: " + missingFields(e.getMessage()));
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

  private static SpendingFreeze freeze(JsonValue json, boolean strict) {
    ProblemCollector problems = new ProblemCollector(json.document());
    json.checkFields(problems, "safeguarding", "approvedBy");
    Set<Subcategory> safeguarding = new LinkedHashSet<>();
    for (JsonValue subcategory : json.optionalArray("safeguarding")) {
      problems.attempt(() -> safeguarding.add(subcategory.parse(FileProblemCode.BAD_VALUE,
          "CATEGORY/code, such as \"PRACTICAL/bedding\"", Subcategory::parse)));
    }
    Optional<ApprovalRole> approvedBy = json.has("approvedBy")
        ? Optional.ofNullable(problems.attempt(() -> json.enumValue("approvedBy", ApprovalRole.class, strict)))
        : Optional.empty();
    problems.throwIfAny();
    return SpendingFreeze.of(safeguarding, approvedBy);
  }

  /** What stands in for an evidence policy that could not be read, so the rest of the version is still checked. */
  private static EvidencePolicy unreadableEvidence() {
    return EvidencePolicy.builder().addRequirements(EvidenceRequirement.builder().addAccepts(EvidenceKind.RECEIPT)
        .dueWithinDays(0).build()).build();
  }

  private static EvidencePolicy evidence(JsonValue json, boolean strict) {
    ProblemCollector problems = new ProblemCollector(json.document());
    json.checkFields(problems, "requirements", "whenOverdue", "approvedBy");
    EvidencePolicy.Builder policy = EvidencePolicy.builder();
    List<JsonValue> requirements = json.array("requirements");
    for (JsonValue item : requirements) {
      problems.succeeded(() -> policy.addRequirements(requirement(item, strict)));
    }
    if (json.has("whenOverdue")) {
      problems.attempt(() -> policy.whenOverdue(json.enumValue("whenOverdue", EvidencePolicy.WhenOverdue.class,
          strict)));
    }
    if (json.has("approvedBy")) {
      problems.attempt(() -> policy.approvedBy(json.enumValue("approvedBy", ApprovalRole.class, strict)));
    }
    problems.throwIfAny();
    return policy.build();
  }

  private static EvidenceRequirement requirement(JsonValue json, boolean strict) {
    ProblemCollector problems = new ProblemCollector(json.document());
    json.checkFields(problems, "accepts", "dueWithinDays", "fromAmount", "categories", "paymentMethods");
    EvidenceRequirement.Builder requirement = EvidenceRequirement.builder();
    for (JsonValue kind : json.array("accepts")) {
      problems.attempt(() -> requirement.addAccepts(kind.enumValue(EvidenceKind.class, strict)));
    }
    problems.attempt(() -> requirement.dueWithinDays((int) json.integer("dueWithinDays", Integer.MIN_VALUE,
        Integer.MAX_VALUE)));
    if (json.has("fromAmount")) {
      problems.attempt(() -> requirement.fromAmount(json.money("fromAmount")));
    }
    for (JsonValue category : json.optionalArray("categories")) {
      problems.attempt(() -> requirement.addCategories(category.enumValue(SpendCategory.class, strict)));
    }
    for (JsonValue method : json.optionalArray("paymentMethods")) {
      problems.attempt(() -> requirement.addPaymentMethods(method.enumValue(PaymentMethod.class, strict)));
    }
    problems.throwIfAny();
    try {
      return requirement.build();
    } catch (ConfigurationException e) {
      throw problems(json, e);
    }
  }

  private static ApprovalPolicy approval(JsonValue json, boolean strict) {
    ProblemCollector problems = new ProblemCollector(json.document());
    json.checkFields(problems, "tiers", "cumulative");
    ApprovalPolicy.Builder policy = ApprovalPolicy.builder();
    for (JsonValue tier : json.array("tiers")) {
      problems.succeeded(() -> {
        tier.checkFields(problems, "role", "upTo");
        ApprovalRole role = tier.enumValue("role", ApprovalRole.class, strict);
        if (!tier.has("upTo")) {
          policy.addTiers(ApprovalTier.unlimited(role));
          return;
        }
        Money limit = tier.money("upTo");
        try {
          policy.addTiers(ApprovalTier.upTo(role, limit));
        } catch (ConfigurationException e) {
          throw configurationProblem(tier, "upTo", e);
        }
      });
    }
    json.optional("cumulative").ifPresent(cumulative -> problems.succeeded(() -> {
      cumulative.checkFields(problems, "amount", "window");
      Money amount = cumulative.money("amount");
      PeriodPolicy window = cumulative.parse("window", FileProblemCode.BAD_VALUE,
          "financial-year, calendar-year, whole-pilot or rolling-N-days",
          ConfigurationReader::period);
      try {
        policy.cumulativeThreshold(CumulativeThreshold.of(amount, window));
      } catch (ConfigurationException e) {
        throw configurationProblem(cumulative, "amount", e);
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
  private static FileReadException problems(JsonValue json, ConfigurationException e) {
    List<FileProblem> found = new ArrayList<>();
    for (ConfigurationProblem problem : e.problems()) {
      String path = fileField(problem.path());
      int dot = path.indexOf('.');
      String inside = dot < 0 ? "" : path.substring(dot);
      found.add(FileProblem.ofConfiguration(problem.code(), json.path() + inside, problem.message()));
    }
    return new FileReadException(json.document().name(), found, e);
  }

  /** The first configuration problem of a part, at one of its fields. */
  private static FileReadException configurationProblem(JsonValue json, String field, ConfigurationException e) {
    ConfigurationProblem problem = e.problems().get(0);
    return new FileReadException(json.document().name(), List.of(FileProblem.ofConfiguration(problem.code(),
        json.pathOf(field), problem.message())), e);
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
