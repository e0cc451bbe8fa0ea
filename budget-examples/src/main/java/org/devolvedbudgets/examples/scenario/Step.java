package org.devolvedbudgets.examples.scenario;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.devolvedbudgets.model.id.ChildId;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.spend.PaymentMethod;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.Approver;
import org.devolvedbudgets.rules.FindingCode;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.devolvedbudgets.rules.allocation.Arm;
import org.devolvedbudgets.rules.ledger.LedgerRefusal;
import org.devolvedbudgets.rules.ledger.LedgerResult;
import org.devolvedbudgets.rules.ledger.Reservation;
import org.devolvedbudgets.rules.ledger.ReservationStatus;
import org.devolvedbudgets.rules.ledger.Submission;
import org.devolvedbudgets.rules.position.RemainingBudget;
import org.jspecify.annotations.Nullable;

/**
 * One step of a scenario, read from {@code $.steps[i]}: what to do and what it should do. Immutable.
 */
abstract class Step {

  static final String[] KINDS = {"submit", "approve", "reject", "post", "void", "refund", "expire", "advance",
      "allocate"};

  final int number;
  final @Nullable Instant at;
  final Expectations expect;

  private Step(int number, JsonNodes json, String... expectFields) {
    this.number = number;
    this.at = json.has("at") ? json.instant("at") : null;
    this.expect = Expectations.read(json, expectFields);
  }

  /** Reads one step. */
  static Step read(int number, JsonNodes json) {
    json.requireObject();
    String kind = json.text("step");
    switch (kind) {
      case "submit":
        json.onlyFields("step", "at", "expect", "id", "family", "team", "worker", "amount", "category",
            "subcategory", "payment", "children", "vatRecoverable");
        return new Submit(number, json);
      case "approve":
      case "reject":
        json.onlyFields("step", "at", "expect", "request", "approver", "role");
        return new Decide(number, json, kind.equals("approve"));
      case "post":
      case "void":
      case "refund":
        json.onlyFields("step", "at", "expect", "request", "amount", "worker");
        return new Settle(number, json, kind);
      case "expire":
        json.onlyFields("step", "at", "expect");
        return new Expire(number, json);
      case "advance":
        json.onlyFields("step", "by", "to");
        return new Advance(number, json);
      case "allocate":
        json.onlyFields("step", "at", "expect", "family", "childAge", "worker");
        return new Allocate(number, json);
      default:
        throw json.child("step").problem("must be one of " + List.of(KINDS) + ", but was '" + kind + "'");
    }
  }

  /** Runs the step against a scenario's ledger. */
  abstract StepResult run(ScenarioRun run);

  final Instant when(ScenarioRun run) {
    if (at != null) {
      run.clock.advanceTo(at);
      return at;
    }
    return run.clock.instant();
  }

  final StepResult result(String description, List<String> mismatches) {
    return new StepResult(number, description, mismatches);
  }

  /** What a step should do; every field is optional. */
  static final class Expectations {
    @Nullable Outcome outcome;
    @Nullable List<FindingCode> findings;
    @Nullable ApprovalRole role;
    @Nullable Boolean applied;
    @Nullable LedgerRefusal refusal;
    @Nullable ReservationStatus status;
    @Nullable List<RequestId> expired;
    @Nullable Arm arm;
    final Map<String, Money> remaining = new LinkedHashMap<>();

    static Expectations read(JsonNodes step, String... fields) {
      Expectations expect = new Expectations();
      if (!step.has("expect")) {
        return expect;
      }
      JsonNodes json = step.child("expect").onlyFields(fields);
      if (json.has("outcome")) {
        expect.outcome = json.enumValue("outcome", Outcome.class);
      }
      if (json.has("findings")) {
        List<FindingCode> codes = new ArrayList<>();
        for (JsonNodes code : json.array("findings")) {
          codes.add(code.enumValue(FindingCode.class));
        }
        codes.sort(null);
        expect.findings = codes;
      }
      if (json.has("role")) {
        expect.role = json.enumValue("role", ApprovalRole.class);
      }
      if (json.has("applied")) {
        expect.applied = json.bool("applied");
      }
      if (json.has("refusal")) {
        expect.refusal = json.enumValue("refusal", LedgerRefusal.class);
      }
      if (json.has("status")) {
        expect.status = json.enumValue("status", ReservationStatus.class);
      }
      if (json.has("expired")) {
        List<RequestId> ids = new ArrayList<>();
        for (JsonNodes id : json.array("expired")) {
          ids.add(id.parse("a request id", RequestId::of));
        }
        ids.sort(null);
        expect.expired = ids;
      }
      if (json.has("arm")) {
        expect.arm = json.enumValue("arm", Arm.class);
      }
      json.optional("remaining").ifPresent(remaining -> {
        remaining.requireObject();
        for (String name : remaining.fieldNames()) {
          expect.remaining.put(name, remaining.money(name));
        }
      });
      if (json.has("applied") && Boolean.TRUE.equals(expect.applied) && expect.refusal != null) {
        throw json.problem("cannot expect both \"applied\": true and a refusal");
      }
      return expect;
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
      compareStatus(mismatches, run, request);
    }

    void compareStatus(List<String> mismatches, ScenarioRun run, RequestId request) {
      if (status != null) {
        compare(mismatches, "status", status,
            run.ledger.reservation(request).map(Reservation::status).map(Enum::name).orElse("none (nothing reserved)"));
      }
    }

    void compareRemaining(List<String> mismatches, ScenarioRun run, FamilyId family, @Nullable TeamId team,
        LocalDate day) {
      for (Map.Entry<String, Money> entry : remaining.entrySet()) {
        Optional<Money> actual = find(run.ledger.remainingBudget(family, day), entry.getKey());
        if (actual.isEmpty() && team != null) {
          actual = find(run.ledger.remainingBudget(team, day), entry.getKey());
        }
        if (actual.isEmpty()) {
          actual = find(run.ledger.remainingBudgetOfPilot(day), entry.getKey());
        }
        compare(mismatches, "remaining[\"" + entry.getKey() + "\"]", entry.getValue(),
            actual.map(Object::toString).orElse("no such allowance for family " + family));
      }
    }

    private static Optional<Money> find(List<RemainingBudget> budgets, String name) {
      return budgets.stream().filter(budget -> budget.allowanceName().equals(name)).findFirst()
          .map(RemainingBudget::remaining);
    }
  }

  /** Submits a spend request. */
  static final class Submit extends Step {
    final SpendRequest.Builder request;
    final String path;

    Submit(int number, JsonNodes json) {
      super(number, json, "outcome", "findings", "role", "status", "remaining");
      this.path = json.path();
      this.request = SpendRequest.builder()
          .id(json.parse("id", "a request id", RequestId::of))
          .familyId(json.parse("family", "a family id", FamilyId::of))
          .teamId(json.parse("team", "a team id", TeamId::of))
          .requestedBy(json.parse("worker", "a worker id", WorkerId::of))
          .amount(json.money("amount"))
          .category(json.enumValue("category", SpendCategory.class))
          .description("Scenario step " + number)
          .paymentMethod(json.has("payment") ? json.enumValue("payment", PaymentMethod.class)
              : PaymentMethod.PREPAID_CARD);
      if (json.has("subcategory")) {
        request.subcategory(json.parse("subcategory", "CATEGORY:code, such as \"PRACTICAL/car\"",
            ConfigurationJson::subcategory));
      }
      for (JsonNodes child : json.optionalArray("children")) {
        request.addChildIds(child.parse("a child id", ChildId::of));
      }
      if (json.has("vatRecoverable")) {
        request.vatRecoverable(json.bool("vatRecoverable"));
      }
    }

    @Override
    StepResult run(ScenarioRun run) {
      Instant when = when(run);
      SpendRequest spend;
      try {
        spend = request.requestedAt(when).build();
      } catch (RuntimeException e) {
        throw new ScenarioFileException(run.file, path, "is not a valid request: " + e.getMessage(), e);
      }
      Submission submission = run.ledger.submit(spend);
      run.requests.put(spend.id(), spend);
      List<String> mismatches = new ArrayList<>();
      Expectations.compare(mismatches, "outcome", expect.outcome, submission.outcome());
      if (expect.findings != null) {
        List<FindingCode> actual = new ArrayList<>(submission.decision().codes());
        actual.sort(null);
        Expectations.compare(mismatches, "findings", expect.findings, actual);
      }
      if (expect.role != null) {
        Expectations.compare(mismatches, "role", expect.role,
            submission.decision().requiredRole().map(Enum::name).orElse("none"));
      }
      expect.compareStatus(mismatches, run, spend.id());
      expect.compareRemaining(mismatches, run, spend.familyId(), spend.teamId(), spend.requestedOn());
      if (!mismatches.isEmpty()) {
        mismatches.add("(the decision said: " + submission.decision().findings().stream()
            .map(finding -> finding.code() + ": " + finding.message()).toList() + ")");
      }
      return result("submit " + spend.id() + " " + spend.amount() + " " + spend.category(), mismatches);
    }
  }

  /** Approves or rejects a request awaiting approval. */
  static final class Decide extends Step {
    final RequestId request;
    final WorkerId worker;
    final ApprovalRole role;
    final boolean approve;

    Decide(int number, JsonNodes json, boolean approve) {
      super(number, json, "applied", "refusal", "status", "remaining");
      this.request = json.parse("request", "a request id", RequestId::of);
      this.worker = json.parse("approver", "a worker id", WorkerId::of);
      this.role = json.enumValue("role", ApprovalRole.class);
      this.approve = approve;
    }

    @Override
    StepResult run(ScenarioRun run) {
      Instant when = when(run);
      SpendRequest spend = run.request(request, number);
      Approver approver = Approver.of(worker, role, spend.teamId());
      LedgerResult result = approve ? run.ledger.approve(request, approver, when)
          : run.ledger.reject(request, approver, when);
      List<String> mismatches = new ArrayList<>();
      expect.compareResult(mismatches, result, run, request);
      expect.compareRemaining(mismatches, run, spend.familyId(), spend.teamId(), BudgetPeriod.toLocalDate(when));
      return result((approve ? "approve " : "reject ") + request + " as " + approver.role(), mismatches);
    }
  }

  /** Settles a reservation: posts, voids or refunds. */
  static final class Settle extends Step {
    final String kind;
    final RequestId request;
    final @Nullable Money amount;
    final @Nullable WorkerId worker;

    Settle(int number, JsonNodes json, String kind) {
      super(number, json, "applied", "refusal", "status", "remaining");
      this.kind = kind;
      this.request = json.parse("request", "a request id", RequestId::of);
      if (kind.equals("refund") && !json.has("amount")) {
        throw json.child("amount").problem("is required for a refund");
      }
      if (kind.equals("void") && json.has("amount")) {
        throw json.child("amount").problem("must not be given for a void");
      }
      this.amount = json.has("amount") ? json.money("amount") : null;
      this.worker = json.has("worker") ? json.parse("worker", "a worker id", WorkerId::of) : null;
    }

    @Override
    StepResult run(ScenarioRun run) {
      Instant when = when(run);
      SpendRequest spend = run.request(request, number);
      WorkerId actor = worker != null ? worker : spend.requestedBy();
      LedgerResult result;
      Money money = amount;
      switch (kind) {
        case "post":
          money = amount != null ? amount : spend.amount();
          result = run.ledger.post(request, money, actor, when);
          break;
        case "void":
          result = run.ledger.voidReservation(request, actor, when);
          break;
        default:
          result = run.ledger.refund(request, requireNonNull(amount), actor, when);
          break;
      }
      List<String> mismatches = new ArrayList<>();
      expect.compareResult(mismatches, result, run, request);
      expect.compareRemaining(mismatches, run, spend.familyId(), spend.teamId(), BudgetPeriod.toLocalDate(when));
      return result(kind + " " + request + (money == null ? "" : " " + money), mismatches);
    }
  }

  /** Expires lapsed holds. */
  static final class Expire extends Step {
    Expire(int number, JsonNodes json) {
      super(number, json, "expired");
    }

    @Override
    StepResult run(ScenarioRun run) {
      Instant when = when(run);
      List<RequestId> expired = new ArrayList<>();
      for (Reservation reservation : run.ledger.expire(when)) {
        expired.add(reservation.requestId());
      }
      expired.sort(null);
      List<String> mismatches = new ArrayList<>();
      Expectations.compare(mismatches, "expired", expect.expired, expired);
      return result("expire at " + local(when), mismatches);
    }
  }

  /** Moves the clock. */
  static final class Advance extends Step {
    final @Nullable Duration by;
    final @Nullable Instant to;

    Advance(int number, JsonNodes json) {
      super(number, json);
      if (json.has("by") == json.has("to")) {
        throw json.problem("an advance needs exactly one of \"by\" (a duration such as \"P15D\") or \"to\" "
            + "(a date and time)");
      }
      this.by = json.has("by") ? json.duration("by") : null;
      this.to = json.has("to") ? json.instant("to") : null;
      if (by != null && by.isNegative()) {
        throw json.child("by").problem("must not be negative: the clock never goes back");
      }
    }

    @Override
    StepResult run(ScenarioRun run) {
      Instant target = to != null ? to : run.clock.instant().plus(requireNonNull(by));
      run.clock.advanceTo(target);
      return result("advance the clock to " + local(run.clock.instant()), List.of());
    }
  }

  /** Allocates a family. */
  static final class Allocate extends Step {
    final FamilyId family;
    final int childAge;
    final WorkerId worker;

    Allocate(int number, JsonNodes json) {
      super(number, json, "arm", "remaining");
      this.family = json.parse("family", "a family id", FamilyId::of);
      this.childAge = (int) json.integer("childAge", 0, 25);
      this.worker = json.has("worker") ? json.parse("worker", "a worker id", WorkerId::of)
          : WorkerId.of("scenario");
    }

    @Override
    StepResult run(ScenarioRun run) {
      LocalDate day = BudgetPeriod.toLocalDate(when(run));
      AllocationRecord record = run.ledger.allocate(family, childAge, day, worker);
      List<String> mismatches = new ArrayList<>();
      Expectations.compare(mismatches, "arm", expect.arm, record.arm());
      expect.compareRemaining(mismatches, run, family, null, day);
      return result("allocate " + family + " (child aged " + childAge + ") on " + day, mismatches);
    }
  }

  static String local(Instant instant) {
    return LocalDateTime.ofInstant(instant, BudgetPeriod.ZONE).toString();
  }

}
