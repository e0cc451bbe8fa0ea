package org.devolvedbudgets.examples.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.devolvedbudgets.json.read.FileProblem;
import org.devolvedbudgets.json.read.FileProblemCode;
import org.devolvedbudgets.json.read.FileReadException;
import org.devolvedbudgets.json.read.JsonValue;
import org.devolvedbudgets.json.read.ProblemCollector;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.devolvedbudgets.rules.allocation.Arm;
import org.devolvedbudgets.rules.evaluation.EvaluationReport;
import org.devolvedbudgets.rules.evaluation.RequestStatus;
import org.jspecify.annotations.Nullable;

/**
 * A scenario's closing {@code "evaluation"}: what {@link EvaluationReport} should say about the run, over a range
 * (by default the whole of every version's term), as of the clock at the end. Every figure is optional and each
 * is compared on its own. Immutable once read.
 */
final class EvaluationCheck {

  static final String[] FIELDS = {"eligible", "withRequests", "uptake", "requests", "approved", "declined",
      "rejected", "expired", "awaiting", "neededApproval", "spent", "spentByCategory", "spentByTeam", "spentByArm",
      "decidedUnderFreeze", "heldBackByFreeze", "evidenceRequired", "evidenceOnTime", "evidenceOverdue",
      "medianDaysToEvidence", "repaid", "repaymentOutstanding", "repaymentOverdue"};

  private final @Nullable BudgetPeriod range;
  private final Map<String, Object> expected = new LinkedHashMap<>();

  private EvaluationCheck(@Nullable BudgetPeriod range) {
    this.range = range;
  }

  static EvaluationCheck read(JsonValue json) {
    json.onlyFields("range", "expect");
    ProblemCollector problems = new ProblemCollector(json.document());
    BudgetPeriod range = json.has("range") ? problems.attempt(() -> {
      JsonValue period = json.child("range").onlyFields("start", "end");
      try {
        return BudgetPeriod.of(period.date("start"), period.date("end"));
      } catch (IllegalArgumentException e) {
        throw period.problem(FileProblemCode.BAD_VALUE, e.getMessage());
      }
    }) : null;
    EvaluationCheck check = new EvaluationCheck(range);
    JsonValue expect = json.child("expect").onlyFields(FIELDS);
    for (String field : expect.fieldNames()) {
      problems.attempt(() -> check.expected.put(field, value(expect, field)));
    }
    if (check.expected.isEmpty()) {
      problems.add(FileProblem.of(FileProblemCode.BAD_VALUE, expect.path(),
          "must expect at least one figure, such as \"uptake\": \"7 of 21\""));
    }
    problems.throwIfAny();
    return check;
  }

  private static Object value(JsonValue expect, String field) {
    switch (field) {
      case "uptake":
      case "neededApproval":
      case "decidedUnderFreeze":
      case "heldBackByFreeze":
      case "evidenceOnTime":
        return expect.parse(field, FileProblemCode.BAD_VALUE, "a share such as \"7 of 21\"", text -> {
          if (!text.matches("[0-9]{1,9} of [0-9]{1,9}")) {
            throw new IllegalArgumentException("not 'N of M'");
          }
          return text;
        });
      case "spent":
      case "repaid":
      case "repaymentOutstanding":
      case "repaymentOverdue":
        return expect.money(field);
      case "spentByCategory":
        return amounts(expect.child(field), name -> SpendCategory.valueOf(name.toUpperCase(Locale.ROOT)
            .replace('-', '_')).name());
      case "spentByArm":
        return amounts(expect.child(field), name -> Arm.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'))
            .name());
      case "spentByTeam":
        return amounts(expect.child(field), name -> TeamId.of(name).value());
      default:
        return expect.integer(field, 0, Integer.MAX_VALUE);
    }
  }

  private static Map<String, Money> amounts(JsonValue json, Function<String, String> key) {
    Map<String, Money> amounts = new LinkedHashMap<>();
    ProblemCollector problems = new ProblemCollector(json.document());
    for (String name : json.requireObject().fieldNames()) {
      problems.succeeded(() -> {
        String checked;
        try {
          checked = key.apply(name);
        } catch (IllegalArgumentException e) {
          throw new FileReadException(json.document().name(), FileProblemCode.BAD_VALUE, json.pathOf(name),
              "is not a category, arm or team id", e);
        }
        amounts.put(checked, json.child(name).money());
      });
    }
    problems.throwIfAny();
    return amounts;
  }

  /** Computes the report from the run's journal and compares it. */
  StepResult run(ScenarioRun run, int number) {
    ConfigurationHistory history = run.history;
    BudgetPeriod days = range != null ? range : BudgetPeriod.of(history.versions().get(0).term().start(),
        history.latest().term().end());
    EvaluationReport report = EvaluationReport.of(history, run.ledger.store().readAll(), days, run.clock.instant());
    Map<String, Object> actual = new LinkedHashMap<>();
    actual.put("eligible", (long) report.eligibleFamilies());
    actual.put("withRequests", (long) report.familiesWithRequests());
    actual.put("uptake", report.familiesWithRequests() + " of " + report.eligibleFamilies());
    actual.put("requests", (long) report.requests().size());
    actual.put("approved", (long) report.approved());
    actual.put("declined", (long) report.declined());
    actual.put("rejected", (long) report.rejected());
    actual.put("expired", (long) report.expired());
    actual.put("awaiting", (long) report.count(RequestStatus.AWAITING_APPROVAL));
    actual.put("neededApproval", report.neededApproval().part() + " of " + report.neededApproval().whole());
    actual.put("decidedUnderFreeze", report.decidedUnderFreeze().part() + " of " + report.decidedUnderFreeze().whole());
    actual.put("heldBackByFreeze", report.heldBackByFreeze().part() + " of " + report.heldBackByFreeze().whole());
    actual.put("evidenceRequired", (long) report.evidenceRequired());
    actual.put("evidenceOnTime", report.evidenceOnTime().part() + " of " + report.evidenceOnTime().whole());
    actual.put("evidenceOverdue", (long) report.evidenceOverdue());
    actual.put("medianDaysToEvidence", report.daysToEvidence().median().<Object>map(median -> median).orElse("none"));
    actual.put("repaid", report.repaid());
    actual.put("repaymentOutstanding", report.repaymentOutstanding());
    actual.put("repaymentOverdue", report.repaymentOverdue());
    actual.put("spent", report.spent());
    Map<String, Money> byCategory = new LinkedHashMap<>();
    report.spentByCategory().forEach((category, amount) -> byCategory.put(category.name(), amount));
    actual.put("spentByCategory", byCategory);
    Map<String, Money> byTeam = new LinkedHashMap<>();
    report.spentByTeam().forEach((team, amount) -> byTeam.put(team.value(), amount));
    actual.put("spentByTeam", byTeam);
    Map<String, Money> byArm = new LinkedHashMap<>();
    report.spentByArm().forEach((arm, amount) -> byArm.put(arm.name(), amount));
    actual.put("spentByArm", byArm);
    List<String> mismatches = new ArrayList<>();
    for (Map.Entry<String, Object> figure : expected.entrySet()) {
      Object value = actual.get(figure.getKey());
      if (figure.getValue() instanceof Map) {
        @SuppressWarnings("unchecked")
        Map<String, Money> wanted = (Map<String, Money>) figure.getValue();
        @SuppressWarnings("unchecked")
        Map<String, Money> got = (Map<String, Money>) value;
        wanted.forEach((key, amount) -> Expectations.compare(mismatches, figure.getKey() + "[" + key + "]", amount,
            got.getOrDefault(key, Money.zero(history.latest().currency()))));
      } else {
        Expectations.compare(mismatches, figure.getKey(), figure.getValue(), value);
      }
    }
    LocalDate last = days.end().minusDays(1);
    return new StepResult(number, "evaluation", days.start() + " to " + last, mismatches);
  }
}
