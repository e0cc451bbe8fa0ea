package org.devolvedbudgets.examples.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.devolvedbudgets.json.read.FileProblem;
import org.devolvedbudgets.json.read.FileProblemCode;
import org.devolvedbudgets.json.read.JsonValue;
import org.devolvedbudgets.json.read.ProblemCollector;
import org.devolvedbudgets.model.id.ChildId;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.rules.FindingCode;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.RefusalCode;
import org.devolvedbudgets.rules.allocation.Arm;
import org.devolvedbudgets.rules.ledger.LedgerRefusal;
import org.devolvedbudgets.rules.ledger.LedgerResult;
import org.devolvedbudgets.rules.ledger.Reservation;
import org.devolvedbudgets.rules.ledger.ReservationStatus;
import org.devolvedbudgets.rules.position.RemainingBudget;
import org.jspecify.annotations.Nullable;

/**
 * What a step should do, read from its {@code "expect"}; every field is optional, and each given is compared on its
 * own so that every mismatch is listed. Which fields a step may expect depends on its kind. Not thread-safe.
 */
final class Expectations {

  /** The expectations that need {@code "format": 2}. */
  static final Set<String> SINCE_FORMAT_2 = Set.of("retry", "conflict", "approvalRefusals", "version",
      "evidenceDue", "evidenceOverdue", "repaymentOutstanding", "repaymentOverdue");

  /** The expectations that need {@code "format": 3}. */
  static final Set<String> SINCE_FORMAT_3 = Set.of("approvalQueue");

  @Nullable Outcome outcome;
  @Nullable List<FindingCode> findings;
  @Nullable ApprovalRole role;
  @Nullable Integer version;
  @Nullable Boolean retry;
  @Nullable List<String> conflict;
  @Nullable Boolean applied;
  @Nullable LedgerRefusal refusal;
  @Nullable List<RefusalCode> approvalRefusals;
  @Nullable ReservationStatus status;
  @Nullable List<RequestId> expired;
  @Nullable Arm arm;
  /** How many evidence items are still due, and how many of them overdue, for a check's holder on its day. */
  @Nullable Integer evidenceDue;
  @Nullable Integer evidenceOverdue;
  /** What is still to be repaid, and overdue on the check's day, on a check's family's, team's or pilot's spends. */
  @Nullable Money repaymentOutstanding;
  @Nullable Money repaymentOverdue;
  /** The request ids a check's approval queue should hold, in its order (oldest first). */
  @Nullable List<RequestId> approvalQueue;
  /** Allowance name to expected amounts: by holder id, or under the empty key for "the step's holder". */
  final Map<String, Map<String, Money>> remaining = new LinkedHashMap<>();

  static Expectations read(JsonValue step, int format, String... fields) {
    Expectations expect = new Expectations();
    if (!step.has("expect")) {
      return expect;
    }
    JsonValue json = step.child("expect").onlyFields(fields);
    ProblemCollector problems = new ProblemCollector(json.document());
    if (format < 2) {
      for (String field : json.fieldNames()) {
        if (SINCE_FORMAT_2.contains(field)) {
          problems.add(FileProblem.of(FileProblemCode.BAD_VALUE, json.pathOf(field),
              "is an expectation of scenario format 2: add \"format\": 2 to the file"));
        }
      }
    }
    if (format < 3) {
      for (String field : json.fieldNames()) {
        if (SINCE_FORMAT_3.contains(field)) {
          problems.add(FileProblem.of(FileProblemCode.BAD_VALUE, json.pathOf(field),
              "is an expectation of scenario format 3: add \"format\": 3 to the file"));
        }
      }
    }
    if (json.has("outcome")) {
      problems.attempt(() -> expect.outcome = json.enumValue("outcome", Outcome.class));
    }
    if (json.has("findings")) {
      problems.attempt(() -> expect.findings = sorted(enums(json, "findings", FindingCode.class)));
    }
    if (json.has("role")) {
      problems.attempt(() -> expect.role = json.enumValue("role", ApprovalRole.class));
    }
    if (json.has("version")) {
      problems.attempt(() -> expect.version = (int) json.integer("version", 1, Integer.MAX_VALUE));
    }
    if (json.has("retry")) {
      problems.attempt(() -> expect.retry = json.bool("retry"));
    }
    if (json.has("conflict")) {
      problems.succeeded(() -> {
        List<String> names = new ArrayList<>();
        for (JsonValue name : json.array("conflict")) {
          names.add(name.parse(FileProblemCode.BAD_VALUE, "a field of a request, such as \"amount\"",
              Expectations::requestField));
        }
        if (names.isEmpty()) {
          throw json.child("conflict").problem(FileProblemCode.BAD_VALUE, "must name at least one field that differs");
        }
        names.sort(null);
        expect.conflict = names;
      });
    }
    if (json.has("applied")) {
      problems.attempt(() -> expect.applied = json.bool("applied"));
    }
    if (json.has("refusal")) {
      problems.attempt(() -> expect.refusal = json.enumValue("refusal", LedgerRefusal.class));
    }
    if (json.has("approvalRefusals")) {
      problems.attempt(() -> expect.approvalRefusals = sorted(enums(json, "approvalRefusals", RefusalCode.class)));
    }
    if (json.has("status")) {
      problems.attempt(() -> expect.status = json.enumValue("status", ReservationStatus.class));
    }
    if (json.has("expired")) {
      problems.succeeded(() -> {
        List<RequestId> ids = new ArrayList<>();
        for (JsonValue id : json.array("expired")) {
          ids.add(id.identifier("a request id", RequestId::of));
        }
        ids.sort(null);
        expect.expired = ids;
      });
    }
    if (json.has("approvalQueue")) {
      problems.succeeded(() -> {
        List<RequestId> ids = new ArrayList<>();
        for (JsonValue id : json.array("approvalQueue")) {
          ids.add(id.identifier("a request id", RequestId::of));
        }
        expect.approvalQueue = ids;
      });
    }
    if (json.has("arm")) {
      problems.attempt(() -> expect.arm = json.enumValue("arm", Arm.class));
    }
    if (json.has("evidenceDue")) {
      problems.attempt(() -> expect.evidenceDue = (int) json.integer("evidenceDue", 0, Integer.MAX_VALUE));
    }
    if (json.has("repaymentOutstanding")) {
      problems.attempt(() -> expect.repaymentOutstanding = json.money("repaymentOutstanding"));
    }
    if (json.has("repaymentOverdue")) {
      problems.attempt(() -> expect.repaymentOverdue = json.money("repaymentOverdue"));
    }
    if (json.has("evidenceOverdue")) {
      problems.attempt(() -> expect.evidenceOverdue = (int) json.integer("evidenceOverdue", 0, Integer.MAX_VALUE));
    }
    json.optional("remaining").ifPresent(remaining -> problems.succeeded(() -> readRemaining(remaining, format,
        expect.remaining)));
    if (Boolean.TRUE.equals(expect.applied) && expect.refusal != null) {
      problems.add(FileProblem.of(FileProblemCode.BAD_VALUE, json.path(),
          "cannot expect both \"applied\": true and a refusal"));
    }
    if (expect.conflict != null && (expect.retry != null || expect.outcome != null || expect.findings != null)) {
      problems.add(FileProblem.of(FileProblemCode.BAD_VALUE, json.path(),
          "an expected conflict throws: it cannot also expect a retry, an outcome or findings"));
    }
    problems.throwIfAny();
    return expect;
  }

  private static void readRemaining(JsonValue json, int format, Map<String, Map<String, Money>> into) {
    json.requireObject();
    ProblemCollector problems = new ProblemCollector(json.document());
    for (String allowance : json.fieldNames()) {
      JsonValue value = json.namedChild(allowance);
      if (!value.node().isObject()) {
        problems.attempt(() -> into.put(allowance, Map.of("", value.money())));
        continue;
      }
      if (format < 2) {
        problems.add(FileProblem.of(FileProblemCode.BAD_VALUE, value.path(),
            "gives an amount for each holder, which needs scenario format 2: add "
            + "\"format\": 2 to the file"));
        continue;
      }
      Map<String, Money> byHolder = new LinkedHashMap<>();
      for (String holder : value.fieldNames()) {
        problems.succeeded(() -> {
          // A holder is a family, child or team id: checked as one, and never repeated if it is not.
          ChildId id = value.fieldNameAsIdentifier(holder, "a child, family or team id", ChildId::of);
          byHolder.put(id.value(), value.child(holder).money());
        });
      }
      into.put(allowance, byHolder);
    }
    problems.throwIfAny();
  }

  /** The fields {@code IdempotencyConflictException} names, as a request's builder calls them. */
  private static final Set<String> REQUEST_FIELDS = Set.of("familyId", "childIds", "childShares", "teamId",
      "requestedBy", "amount", "category", "subcategory", "description", "requestedAt", "paymentMethod",
      "vatRecoverable", "evidenceReference", "repayment");

  private static String requestField(String name) {
    if (!REQUEST_FIELDS.contains(name)) {
      throw new IllegalArgumentException("one of " + new TreeSet<>(REQUEST_FIELDS));
    }
    return name;
  }

  private static <E extends Enum<E>> List<E> enums(JsonValue json, String field, Class<E> type) {
    List<E> values = new ArrayList<>();
    for (JsonValue value : json.array(field)) {
      values.add(value.enumValue(type));
    }
    return values;
  }

  private static <T extends Comparable<T>> List<T> sorted(List<T> values) {
    values.sort(null);
    return values;
  }

  /** Compares what a step expected (if it said) with what happened, by their text. */
  static void compare(List<String> mismatches, String field, @Nullable Object expected, Object actual) {
    if (expected != null && !expected.toString().equals(actual.toString())) {
      mismatches.add(field + ": expected " + expected + ", actual " + actual);
    }
  }

  void compareResult(List<String> mismatches, LedgerResult result, ScenarioRun run, RequestId request) {
    compare(mismatches, "applied", applied, result.isApplied());
    if (refusal != null) {
      compare(mismatches, "refusal", refusal, result.refusal().map(Enum::name).orElse("none (applied)"));
    }
    if (approvalRefusals != null) {
      List<RefusalCode> actual = new ArrayList<>();
      result.approvalCheck().ifPresent(check -> check.refusals().forEach(refusal -> actual.add(refusal.code())));
      actual.sort(null);
      compare(mismatches, "approvalRefusals", approvalRefusals, actual);
    }
    compareStatus(mismatches, run, request);
  }

  void compareStatus(List<String> mismatches, ScenarioRun run, RequestId request) {
    if (status != null) {
      compare(mismatches, "status", status,
          run.ledger.reservation(request).map(Reservation::status).map(Enum::name).orElse("none (nothing reserved)"));
    }
  }

  /**
   * Compares each expected remaining budget on {@code day}: an amount alone is looked up for the family, then the
   * team, then the pilot; an amount for each holder is looked up for that child, family or team. A child with
   * nothing charged yet has the whole cap left.
   */
  void compareRemaining(List<String> mismatches, ScenarioRun run, @Nullable FamilyId family, @Nullable TeamId team,
      LocalDate day) {
    if (remaining.isEmpty()) {
      return;
    }
    PilotConfiguration configuration = run.history.inForceOn(day);
    if (!configuration.term().contains(day)) {
      mismatches.add("remaining: " + day + " is outside the term " + configuration.term()
          + ", so no allowance is counted on it");
      return;
    }
    List<RemainingBudget> familyBudgets = family == null ? List.of() : run.ledger.remainingBudget(family, day);
    List<RemainingBudget> teamBudgets = team == null ? List.of() : run.ledger.remainingBudget(team, day);
    List<RemainingBudget> pilotBudgets = run.ledger.remainingBudgetOfPilot(day);
    for (Map.Entry<String, Map<String, Money>> expected : remaining.entrySet()) {
      String name = expected.getKey();
      Allowance allowance = configuration.allowances().stream().filter(a -> a.name().equals(name)).findFirst()
          .orElse(null);
      if (allowance == null) {
        mismatches.add("remaining[\"" + name + "\"]: no such allowance in version " + configuration.version());
        continue;
      }
      for (Map.Entry<String, Money> holder : expected.getValue().entrySet()) {
        String field = "remaining[\"" + name + "\"]" + (holder.getKey().isEmpty() ? "" : "[" + holder.getKey() + "]");
        Object actual;
        if (holder.getKey().isEmpty()) {
          List<RemainingBudget> found = new ArrayList<>(named(familyBudgets, name));
          if (found.isEmpty()) {
            found.addAll(named(teamBudgets, name));
          }
          if (found.isEmpty()) {
            found.addAll(named(pilotBudgets, name));
          }
          actual = found.size() == 1 ? found.get(0).remaining()
              : found.isEmpty() ? (allowance.scope() == AllowanceScope.CHILD ? allowance.cap()
                  : "no such allowance for this holder")
              : "one for each of " + found.size() + " holders; give each holder's amount";
        } else {
          List<RemainingBudget> all = new ArrayList<>(familyBudgets);
          all.addAll(teamBudgets);
          if (team == null && allowance.scope() == AllowanceScope.TEAM) {
            all.addAll(run.ledger.remainingBudget(TeamId.of(holder.getKey()), day));
          }
          Optional<RemainingBudget> found = named(all, name).stream()
              .filter(budget -> budget.holder().equals(holder.getKey())).findFirst();
          actual = found.<Object>map(RemainingBudget::remaining)
              .orElse(allowance.scope() == AllowanceScope.CHILD ? allowance.cap()
                  : "no such allowance for " + holder.getKey());
        }
        compare(mismatches, field, holder.getValue(), actual);
      }
    }
  }

  private static List<RemainingBudget> named(List<RemainingBudget> budgets, String name) {
    return budgets.stream().filter(budget -> budget.allowanceName().equals(name)).toList();
  }
}
