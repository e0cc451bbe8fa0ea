package org.devolvedbudgets.examples.scenario;

import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.devolvedbudgets.json.read.FileProblem;
import org.devolvedbudgets.json.read.FileProblemCode;
import org.devolvedbudgets.json.read.FileReadException;
import org.devolvedbudgets.json.read.JsonValue;
import org.devolvedbudgets.json.read.ProblemCollector;
import org.devolvedbudgets.model.id.ChildId;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.LondonTime;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.spend.EvidenceKind;
import org.devolvedbudgets.model.spend.Instalment;
import org.devolvedbudgets.model.spend.ListedBenefit;
import org.devolvedbudgets.model.spend.MeansAssessment;
import org.devolvedbudgets.model.spend.RepaymentTerms;
import org.devolvedbudgets.model.spend.PaymentMethod;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.model.spend.Subcategory;
import org.devolvedbudgets.model.text.SafeText;
import org.devolvedbudgets.rules.Approver;
import org.devolvedbudgets.rules.FindingCode;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.devolvedbudgets.rules.ledger.AwaitingApproval;
import org.devolvedbudgets.rules.ledger.EvidenceDue;
import org.devolvedbudgets.rules.ledger.IdempotencyConflictException;
import org.devolvedbudgets.rules.ledger.LedgerResult;
import org.devolvedbudgets.rules.ledger.RepaymentStatus;
import org.devolvedbudgets.rules.ledger.Reservation;
import org.devolvedbudgets.rules.ledger.Submission;
import org.jspecify.annotations.Nullable;

/**
 * One step of a scenario, read from {@code $.steps[i]}: what to do and what it should do. Immutable once read.
 */
abstract class Step {

  static final String[] KINDS = {"submit", "approve", "reject", "post", "void", "refund", "repay", "evidence",
      "expire", "advance", "allocate", "check"};

  /** The fields of a submit step that need {@code "format": 2}. */
  private static final Set<String> SUBMIT_SINCE_FORMAT_2 = Set.of("description", "requestedAt", "shares",
      "repayment");

  /** The fields of an approve or reject step that need {@code "format": 2}. */
  private static final Set<String> DECIDE_SINCE_FORMAT_2 = Set.of("team");

  final int number;
  final @Nullable Instant at;
  final Expectations expect;

  private Step(int number, JsonValue json, int format, String... expectFields) {
    this.number = number;
    this.at = json.has("at") ? json.instant("at") : null;
    this.expect = Expectations.read(json, format, expectFields);
  }

  /** Reads one step, reporting every problem in it at once. */
  static Step read(int number, JsonValue json, int format) {
    json.requireObject();
    String kind = json.text("step");
    switch (kind) {
      case "submit":
        fields(json, format, SUBMIT_SINCE_FORMAT_2, "step", "at", "expect", "id", "family", "team", "worker", "amount",
            "category", "subcategory", "payment", "children", "shares", "vatRecoverable", "description",
            "requestedAt", "repayment");
        return new Submit(number, json, format);
      case "approve":
      case "reject":
        fields(json, format, DECIDE_SINCE_FORMAT_2, "step", "at", "expect", "request", "approver", "role", "team");
        return new Decide(number, json, format, kind.equals("approve"));
      case "repay":
        needsFormat2(json, format);
        fields(json, format, Set.of(), "step", "at", "expect", "request", "amount", "worker");
        return new Settle(number, json, format, kind);
      case "post":
      case "void":
      case "refund":
        fields(json, format, Set.of(), "step", "at", "expect", "request", "amount", "worker");
        return new Settle(number, json, format, kind);
      case "evidence":
        needsFormat2(json, format);
        fields(json, format, Set.of(), "step", "at", "expect", "request", "kind", "reference", "worker");
        return new Evidence(number, json, format);
      case "expire":
        fields(json, format, Set.of(), "step", "at", "expect");
        return new Expire(number, json, format);
      case "advance":
        fields(json, format, Set.of(), "step", "by", "to");
        return new Advance(number, json, format);
      case "allocate":
        fields(json, format, Set.of(), "step", "at", "expect", "family", "childAge", "worker");
        return new Allocate(number, json, format);
      case "check":
        needsFormat2(json, format);
        fields(json, format, Set.of(), "step", "at", "expect", "date", "family", "team", "worker", "approver",
            "role");
        if (format < 3 && (json.has("approver") || json.has("role"))) {
          throw new FileReadException(json.document().name(), FileProblemCode.BAD_VALUE,
              json.pathOf(json.has("approver") ? "approver" : "role"),
              "is a field of scenario format 3: add \"format\": 3 to the file", null);
        }
        return new Check(number, json, format);
      default:
        throw json.child("step").problem(FileProblemCode.BAD_VALUE, "must be one of " + List.of(KINDS) + ", but was "
            + SafeText.excerpt(kind));
    }
  }

  private static void needsFormat2(JsonValue json, int format) {
    if (format < 2) {
      throw json.child("step").problem(FileProblemCode.BAD_VALUE, "\"" + json.text("step")
          + "\" is a step of scenario format 2: add \"format\": 2 to the file");
    }
  }

  private static void fields(JsonValue json, int format, Set<String> sinceFormat2, String... known) {
    json.onlyFields(known);
    if (format < 2) {
      for (String field : json.fieldNames()) {
        if (sinceFormat2.contains(field)) {
          throw new FileReadException(json.document().name(), FileProblemCode.BAD_VALUE, json.pathOf(field),
              "is a field of scenario format 2: add \"format\": 2 to the file", null);
        }
      }
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
    return new StepResult(number, "step " + number, description, mismatches);
  }

  /** Submits a spend request. */
  static final class Submit extends Step {
    final SpendRequest.Builder request;
    final RequestId id;
    final @Nullable Instant requestedAt;
    final String path;

    Submit(int number, JsonValue json, int format) {
      super(number, json, format, "outcome", "findings", "role", "status", "remaining", "version", "retry",
          "conflict");
      this.path = json.path();
      ProblemCollector problems = new ProblemCollector(json.document());
      SpendRequest.Builder builder = SpendRequest.builder();
      this.id = Objects.requireNonNullElse(problems.attempt(() -> json.identifier("id", "a request id",
          RequestId::of)), RequestId.of("unread"));
      builder.id(id);
      problems.attempt(() -> builder.familyId(json.identifier("family", "a family id", FamilyId::of)));
      problems.attempt(() -> builder.teamId(json.identifier("team", "a team id", TeamId::of)));
      problems.attempt(() -> builder.requestedBy(json.identifier("worker", "a worker id", WorkerId::of)));
      problems.attempt(() -> builder.amount(json.money("amount")));
      problems.attempt(() -> builder.category(json.enumValue("category", SpendCategory.class)));
      problems.attempt(() -> builder.paymentMethod(json.has("payment")
          ? json.enumValue("payment", PaymentMethod.class) : PaymentMethod.PREPAID_CARD));
      if (json.has("subcategory")) {
        problems.attempt(() -> builder.subcategory(json.parse("subcategory", FileProblemCode.BAD_VALUE,
            "CATEGORY/code, such as \"PRACTICAL/car\"", Subcategory::parse)));
      }
      List<ChildId> children = new ArrayList<>();
      List<JsonValue> childItems = problems.attempt(() -> json.optionalArray("children"));
      for (JsonValue child : childItems == null ? List.<JsonValue>of() : childItems) {
        problems.attempt(() -> children.add(child.identifier("a child id", ChildId::of)));
      }
      if (json.has("shares")) {
        problems.succeeded(() -> {
          JsonValue shares = json.child("shares").requireObject();
          Map<ChildId, Money> byChild = new LinkedHashMap<>();
          for (String child : shares.fieldNames()) {
            ChildId childId = shares.fieldNameAsIdentifier(child, "a child id", ChildId::of);
            byChild.put(childId, shares.child(child).money());
          }
          if (!json.has("children")) {
            children.addAll(byChild.keySet());
          }
          builder.childShares(byChild);
        });
      }
      builder.childIds(children);
      if (json.has("vatRecoverable")) {
        problems.attempt(() -> builder.vatRecoverable(json.bool("vatRecoverable")));
      }
      if (json.has("description")) {
        problems.succeeded(() -> {
          String description = json.text("description");
          if (description.length() > SpendRequest.MAX_DESCRIPTION_LENGTH) {
            throw json.child("description").problem(FileProblemCode.BAD_VALUE,
                "must be at most " + SpendRequest.MAX_DESCRIPTION_LENGTH
                + " characters, but was " + description.length());
          }
          builder.description(description);
        });
      }
      this.requestedAt = json.has("requestedAt") ? problems.attempt(() -> json.instant("requestedAt")) : null;
      if (json.has("repayment")) {
        problems.attempt(() -> builder.repayment(repayment(json.child("repayment"))));
      }
      problems.throwIfAny();
      this.request = builder;
    }

    @Override
    StepResult run(ScenarioRun run) {
      Instant when = when(run);
      Submission original = run.submissions.get(id);
      Instant madeAt = requestedAt != null ? requestedAt
          : original != null ? run.requests.get(id).requestedAt() : when;
      SpendRequest spend;
      try {
        spend = request.requestedAt(madeAt).build();
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new FileReadException(run.file, FileProblemCode.BAD_VALUE, path,
            "is not a valid request: " + e.getMessage(), e);
      }
      long eventsBefore = run.ledger.lastSequence();
      List<String> mismatches = new ArrayList<>();
      Submission submission;
      try {
        submission = run.ledger.submit(spend);
      } catch (IdempotencyConflictException e) {
        List<String> fields = new ArrayList<>(e.fields());
        fields.sort(null);
        if (expect.conflict == null) {
          mismatches.add("conflict: expected none, actual a conflict with the earlier request " + id + " on "
              + fields);
        } else {
          Expectations.compare(mismatches, "conflict", expect.conflict, fields);
        }
        Expectations.compare(mismatches, "events appended", 0, run.ledger.lastSequence() - eventsBefore);
        return result("submit " + spend.id() + " " + spend.amount() + " " + spend.category() + " again",
            mismatches);
      }
      if (expect.conflict != null) {
        mismatches.add("conflict: expected " + expect.conflict + ", actual none (the submission was accepted)");
      }
      if (expect.retry != null) {
        Expectations.compare(mismatches, "retry", expect.retry, original != null);
        if (expect.retry && original != null) {
          Expectations.compare(mismatches, "retry's result", original, submission);
          Expectations.compare(mismatches, "events appended", 0, run.ledger.lastSequence() - eventsBefore);
        }
      }
      if (original == null) {
        run.requests.put(spend.id(), spend);
        run.submissions.put(spend.id(), submission);
      }
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
      Expectations.compare(mismatches, "version", expect.version, submission.decision().configurationVersion());
      expect.compareStatus(mismatches, run, spend.id());
      expect.compareRemaining(mismatches, run, spend.familyId(), spend.teamId(), spend.requestedOn());
      if (!mismatches.isEmpty()) {
        mismatches.add("(the decision said: " + submission.decision().findings().stream()
            .map(finding -> finding.code() + ": " + finding.message()).toList() + ")");
      }
      return result("submit " + spend.id() + " " + spend.amount() + " " + spend.category()
          + (original != null ? " again" : ""), mismatches);
    }
  }

  /** A submit step's {@code repayment}: its instalments and, optionally, the means assessment made first. */
  static RepaymentTerms repayment(JsonValue json) {
    json.onlyFields("instalments", "meansAssessment");
    List<Instalment> instalments = new ArrayList<>();
    for (JsonValue instalment : json.array("instalments")) {
      instalment.onlyFields("dueOn", "amount");
      LocalDate dueOn = instalment.date("dueOn");
      Money amount = instalment.money("amount");
      try {
        instalments.add(Instalment.of(dueOn, amount));
      } catch (IllegalArgumentException e) {
        throw instalment.problem(FileProblemCode.BAD_VALUE, e.getMessage());
      }
    }
    MeansAssessment assessment = null;
    if (json.has("meansAssessment")) {
      JsonValue means = json.child("meansAssessment").onlyFields("reference", "assessedOn", "benefits");
      Set<ListedBenefit> benefits = EnumSet.noneOf(ListedBenefit.class);
      for (JsonValue benefit : means.optionalArray("benefits")) {
        benefits.add(benefit.enumValue(ListedBenefit.class));
      }
      String reference = means.parse("reference", FileProblemCode.BAD_VALUE, "a reference of 1 to "
          + SpendRequest.MAX_EVIDENCE_REFERENCE_LENGTH + " characters without white space", Step::reference);
      LocalDate assessedOn = means.date("assessedOn");
      try {
        assessment = MeansAssessment.of(reference, assessedOn, benefits);
      } catch (IllegalArgumentException e) {
        throw means.problem(FileProblemCode.BAD_VALUE, e.getMessage());
      }
    }
    try {
      return RepaymentTerms.of(instalments, Optional.ofNullable(assessment));
    } catch (IllegalArgumentException e) {
      throw json.problem(FileProblemCode.BAD_VALUE, e.getMessage());
    }
  }

  /** Accepts an opaque reference; refuses anything else without quoting it. */
  static String reference(String text) {
    if (!SpendRequest.isEvidenceReference(text)) {
      throw new IllegalArgumentException("not a reference");
    }
    return text;
  }

  /** Approves or rejects a request awaiting approval. */
  static final class Decide extends Step {
    final RequestId request;
    final WorkerId worker;
    final ApprovalRole role;
    final @Nullable TeamId team;
    final boolean approve;

    Decide(int number, JsonValue json, int format, boolean approve) {
      super(number, json, format, "applied", "refusal", "approvalRefusals", "status", "remaining");
      ProblemCollector problems = new ProblemCollector(json.document());
      this.request = problems.attempt(() -> json.identifier("request", "a request id", RequestId::of));
      this.worker = problems.attempt(() -> json.identifier("approver", "a worker id", WorkerId::of));
      this.role = problems.attempt(() -> json.enumValue("role", ApprovalRole.class));
      this.team = json.has("team") ? problems.attempt(() -> json.identifier("team", "a team id", TeamId::of)) : null;
      this.approve = approve;
      problems.throwIfAny();
    }

    @Override
    StepResult run(ScenarioRun run) {
      Instant when = when(run);
      SpendRequest spend = run.request(request, number);
      Approver approver = Approver.of(worker, role, team != null ? team : spend.teamId());
      LedgerResult result = approve ? run.ledger.approve(request, approver, when)
          : run.ledger.reject(request, approver, when);
      List<String> mismatches = new ArrayList<>();
      expect.compareResult(mismatches, result, run, request);
      expect.compareRemaining(mismatches, run, spend.familyId(), spend.teamId(), LondonTime.dateOf("at", when));
      return result((approve ? "approve " : "reject ") + request + " as " + role, mismatches);
    }
  }

  /** Settles a reservation: posts, voids or refunds it, or records a repayment of it. */
  static final class Settle extends Step {
    final String kind;
    final RequestId request;
    final @Nullable Money amount;
    final @Nullable WorkerId worker;

    Settle(int number, JsonValue json, int format, String kind) {
      super(number, json, format, "applied", "refusal", "status", "remaining");
      this.kind = kind;
      ProblemCollector problems = new ProblemCollector(json.document());
      this.request = problems.attempt(() -> json.identifier("request", "a request id", RequestId::of));
      if ((kind.equals("refund") || kind.equals("repay")) && !json.has("amount")) {
        problems.add(FileProblem.of(FileProblemCode.BAD_VALUE, json.pathOf("amount"), "is required for a " + kind));
      }
      if (kind.equals("void") && json.has("amount")) {
        problems.add(FileProblem.of(FileProblemCode.BAD_VALUE, json.pathOf("amount"), "must not be given for a void"));
      }
      this.amount = json.has("amount") ? problems.attempt(() -> json.money("amount")) : null;
      this.worker = json.has("worker") ? problems.attempt(() -> json.identifier("worker", "a worker id",
          WorkerId::of)) : null;
      problems.throwIfAny();
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
        case "repay":
          result = run.ledger.recordRepayment(request, requireNonNull(amount), actor, when);
          break;
        default:
          result = run.ledger.refund(request, requireNonNull(amount), actor, when);
          break;
      }
      List<String> mismatches = new ArrayList<>();
      expect.compareResult(mismatches, result, run, request);
      expect.compareRemaining(mismatches, run, spend.familyId(), spend.teamId(), LondonTime.dateOf("at", when));
      return result(kind + " " + request + (money == null ? "" : " " + money), mismatches);
    }
  }

  /** Records evidence of a paid spend: a receipt, card data or a note that other funding was tried. */
  static final class Evidence extends Step {
    final RequestId request;
    final EvidenceKind kind;
    final String reference;
    final @Nullable WorkerId worker;
    final String path;

    Evidence(int number, JsonValue json, int format) {
      super(number, json, format, "applied", "refusal", "status");
      this.path = json.path();
      ProblemCollector problems = new ProblemCollector(json.document());
      this.request = problems.attempt(() -> json.identifier("request", "a request id", RequestId::of));
      this.kind = problems.attempt(() -> json.enumValue("kind", EvidenceKind.class));
      this.reference = problems.attempt(() -> json.parse("reference", FileProblemCode.BAD_VALUE,
          "a reference of 1 to " + SpendRequest.MAX_EVIDENCE_REFERENCE_LENGTH + " characters without white space",
          Step::reference));
      this.worker = json.has("worker") ? problems.attempt(() -> json.identifier("worker", "a worker id",
          WorkerId::of)) : null;
      problems.throwIfAny();
    }

    @Override
    StepResult run(ScenarioRun run) {
      Instant when = when(run);
      SpendRequest spend = run.request(request, number);
      LedgerResult result = run.ledger.recordEvidence(request, kind, reference,
          worker != null ? worker : spend.requestedBy(), when);
      List<String> mismatches = new ArrayList<>();
      expect.compareResult(mismatches, result, run, request);
      return result("evidence " + request + " " + kind, mismatches);
    }
  }

  /** Expires lapsed holds. */
  static final class Expire extends Step {
    Expire(int number, JsonValue json, int format) {
      super(number, json, format, "expired");
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
    final String path;

    Advance(int number, JsonValue json, int format) {
      super(number, json, format);
      this.path = json.path();
      if (json.has("by") == json.has("to")) {
        throw json.problem(FileProblemCode.BAD_VALUE,
            "an advance needs exactly one of \"by\" (a duration such as \"P15D\") or \"to\" "
            + "(a date and time)");
      }
      this.by = json.has("by") ? json.duration("by") : null;
      this.to = json.has("to") ? json.instant("to") : null;
      if (by != null && by.isNegative()) {
        throw json.child("by").problem(FileProblemCode.BAD_VALUE, "must not be negative: the clock never goes back");
      }
    }

    @Override
    StepResult run(ScenarioRun run) {
      Instant target;
      try {
        target = to != null ? to : LondonTime.checkInstant("by", run.clock.instant().plus(requireNonNull(by)));
      } catch (DateTimeException | ArithmeticException | IllegalArgumentException e) {
        throw new FileReadException(run.file, FileProblemCode.BAD_VALUE, path + ".by",
            "moves the clock past " + LondonTime.MAX_DATE
            + ", the last day the library supports", e);
      }
      run.clock.advanceTo(target);
      return result("advance the clock to " + local(run.clock.instant()), List.of());
    }
  }

  /** Allocates a family. */
  static final class Allocate extends Step {
    final FamilyId family;
    final int childAge;
    final WorkerId worker;

    Allocate(int number, JsonValue json, int format) {
      super(number, json, format, "arm", "remaining");
      ProblemCollector problems = new ProblemCollector(json.document());
      this.family = problems.attempt(() -> json.identifier("family", "a family id", FamilyId::of));
      Long age = problems.attempt(() -> json.integer("childAge", 0, 25));
      this.childAge = age == null ? 0 : age.intValue();
      this.worker = json.has("worker") ? problems.attempt(() -> json.identifier("worker", "a worker id",
          WorkerId::of)) : WorkerId.of("scenario");
      problems.throwIfAny();
    }

    @Override
    StepResult run(ScenarioRun run) {
      LocalDate day = LondonTime.dateOf("at", when(run));
      AllocationRecord record = run.ledger.allocate(family, childAge, day, worker);
      List<String> mismatches = new ArrayList<>();
      Expectations.compare(mismatches, "arm", expect.arm, record.arm());
      expect.compareRemaining(mismatches, run, family, null, day);
      return result("allocate " + family + " (child aged " + childAge + ") on " + day, mismatches);
    }
  }

  /**
   * Checks the remaining budget of a family, a team or the pilot on a date, which may be in a closed period; the
   * evidence still due, and overdue on that date, from a family's, a team's or a worker's spends; the repayments
   * outstanding; and (format 3) the approval queue: the pilot's, a team's, or an approver's.
   */
  static final class Check extends Step {
    final @Nullable LocalDate date;
    final @Nullable FamilyId family;
    final @Nullable TeamId team;
    final @Nullable WorkerId worker;
    /** The manager whose approval queue is checked: {@code approver} in {@code role}, of {@code team} if given. */
    final @Nullable Approver approver;

    Check(int number, JsonValue json, int format) {
      super(number, json, format, "remaining", "evidenceDue", "evidenceOverdue", "repaymentOutstanding",
          "repaymentOverdue", "approvalQueue");
      ProblemCollector problems = new ProblemCollector(json.document());
      this.date = json.has("date") ? problems.attempt(() -> json.date("date")) : null;
      this.family = json.has("family") ? problems.attempt(() -> json.identifier("family", "a family id",
          FamilyId::of)) : null;
      this.team = json.has("team") ? problems.attempt(() -> json.identifier("team", "a team id", TeamId::of)) : null;
      this.worker = json.has("worker") ? problems.attempt(() -> json.identifier("worker", "a worker id",
          WorkerId::of)) : null;
      this.approver = json.has("approver") || json.has("role") ? problems.attempt(() -> approver(json)) : null;
      boolean evidence = expect.evidenceDue != null || expect.evidenceOverdue != null;
      boolean repayment = expect.repaymentOutstanding != null || expect.repaymentOverdue != null;
      boolean queue = expect.approvalQueue != null;
      if ((json.has("family") ? 1 : 0) + (json.has("team") && !json.has("approver") ? 1 : 0)
          + (json.has("worker") ? 1 : 0) + (json.has("approver") ? 1 : 0) > 1) {
        problems.add(FileProblem.of(FileProblemCode.BAD_VALUE, json.path(), "a check is for one holder: give "
            + "\"family\", \"team\", \"worker\" or \"approver\" (with \"role\" and, for a team-level role, \"team\"), "
            + "or none for the pilot"));
      }
      if (expect.remaining.isEmpty() && !evidence && !repayment && !queue) {
        problems.add(FileProblem.of(FileProblemCode.BAD_VALUE, json.pathOf("expect"), "a check needs \"remaining\", "
            + "\"evidenceDue\", \"evidenceOverdue\", \"repaymentOutstanding\", \"repaymentOverdue\" or "
            + "\"approvalQueue\" to expect"));
      }
      if (json.has("worker") && (!expect.remaining.isEmpty() || repayment || queue)) {
        problems.add(FileProblem.of(FileProblemCode.BAD_VALUE, json.pathOf("worker"), "a worker has no budget, "
            + "repayments or approval queue of their own: check those for a family, a team, an approver or the pilot"));
      }
      if (json.has("approver") && (!expect.remaining.isEmpty() || repayment || evidence)) {
        problems.add(FileProblem.of(FileProblemCode.BAD_VALUE, json.pathOf("approver"), "an approver is checked for "
            + "their approval queue only"));
      }
      if (queue && json.has("family")) {
        problems.add(FileProblem.of(FileProblemCode.BAD_VALUE, json.pathOf("family"), "the approval queue is "
            + "checked for the pilot, a team or an approver, not a family"));
      }
      if (evidence && !json.has("family") && !json.has("team") && !json.has("worker")) {
        problems.add(FileProblem.of(FileProblemCode.BAD_VALUE, json.pathOf("expect"),
            "evidence is checked for a family, a team or a worker: give one"));
      }
      problems.throwIfAny();
    }

    private static Approver approver(JsonValue json) {
      if (!json.has("approver") || !json.has("role")) {
        throw json.child(json.has("approver") ? "approver" : "role").problem(FileProblemCode.MISSING_FIELD,
            "an approver's queue needs both \"approver\" and \"role\"");
      }
      WorkerId id = json.identifier("approver", "a worker id", WorkerId::of);
      ApprovalRole role = json.enumValue("role", ApprovalRole.class);
      if (role.isTeamLevel() && !json.has("team")) {
        throw json.child("role").problem(FileProblemCode.MISSING_FIELD, "a " + role
            + " approves for one team: give \"team\"");
      }
      return json.has("team") ? Approver.of(id, role, json.identifier("team", "a team id", TeamId::of))
          : Approver.of(id, role);
    }

    @Override
    StepResult run(ScenarioRun run) {
      Instant when = when(run);
      LocalDate day = date != null ? date : LondonTime.dateOf("at", when);
      List<String> mismatches = new ArrayList<>();
      if (!expect.remaining.isEmpty()) {
        expect.compareRemaining(mismatches, run, family, team, day);
      }
      if (expect.evidenceDue != null || expect.evidenceOverdue != null) {
        List<EvidenceDue> due = family != null ? run.ledger.evidenceDue(family)
            : team != null ? run.ledger.evidenceDue(team) : run.ledger.evidenceDue(requireNonNull(worker));
        Expectations.compare(mismatches, "evidenceDue", expect.evidenceDue, due.size());
        Expectations.compare(mismatches, "evidenceOverdue", expect.evidenceOverdue,
            (int) due.stream().filter(item -> item.isOverdueOn(day)).count());
      }
      if (expect.repaymentOutstanding != null || expect.repaymentOverdue != null) {
        List<RepaymentStatus> owed = family != null ? run.ledger.repaymentsOutstanding(family)
            : team != null ? run.ledger.repaymentsOutstanding(team) : run.ledger.repaymentsOutstanding();
        Money zero = Money.zero(run.history.latest().currency());
        Expectations.compare(mismatches, "repaymentOutstanding", expect.repaymentOutstanding,
            owed.stream().map(RepaymentStatus::outstanding).reduce(zero, Money::plus));
        Expectations.compare(mismatches, "repaymentOverdue", expect.repaymentOverdue,
            owed.stream().map(status -> status.overdueOn(day)).reduce(zero, Money::plus));
      }
      if (expect.approvalQueue != null) {
        List<AwaitingApproval> queue = approver != null ? run.ledger.approvalQueue(approver)
            : team != null ? run.ledger.approvalQueue(team) : run.ledger.approvalQueue();
        Expectations.compare(mismatches, "approvalQueue", expect.approvalQueue,
            queue.stream().map(AwaitingApproval::requestId).toList());
      }
      return result("check " + (approver != null ? "approver " + approver.workerId() : family != null
          ? "family " + family : team != null ? "team " + team : worker != null ? "worker " + worker : "the pilot")
          + " on " + day, mismatches);
    }
  }

  static String local(Instant instant) {
    return LocalDateTime.ofInstant(instant, LondonTime.ZONE).toString();
  }
}
