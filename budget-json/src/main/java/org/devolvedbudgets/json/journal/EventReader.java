package org.devolvedbudgets.json.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.id.ChildId;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.OperationId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.period.PeriodKind;
import org.devolvedbudgets.model.scheme.AgeBand;
import org.devolvedbudgets.model.scheme.AllocationMethod;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.spend.EvidenceKind;
import org.devolvedbudgets.model.spend.Instalment;
import org.devolvedbudgets.model.spend.ListedBenefit;
import org.devolvedbudgets.model.spend.MeansAssessment;
import org.devolvedbudgets.model.spend.PaymentMethod;
import org.devolvedbudgets.model.spend.RepaymentTerms;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.model.spend.Subcategory;
import org.devolvedbudgets.model.text.SafeText;
import org.devolvedbudgets.rules.Decision;
import org.devolvedbudgets.rules.Figures;
import org.devolvedbudgets.rules.Finding;
import org.devolvedbudgets.rules.FindingCode;
import org.devolvedbudgets.rules.Fingerprint;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.devolvedbudgets.rules.allocation.Arm;
import org.devolvedbudgets.rules.ledger.Charge;
import org.devolvedbudgets.rules.ledger.LedgerEvent;
import org.devolvedbudgets.rules.position.OverdueEvidence;
import org.devolvedbudgets.rules.position.UsageKey;
import org.jspecify.annotations.Nullable;

/**
 * Reads journal format 4, strictly, in one streaming pass: a whole canonical line, or a database row's body with
 * its columns. Fields may come in any order (a database's JSON type may reorder them); each is read by its name,
 * which means the same in every event type, and the type then says which it must have. An unknown field, one
 * given twice, a missing one, one the type does not have, a value of the wrong kind or one the model refuses is a
 * {@link JournalFormatException} naming its JSON path, never quoting a value whole.
 *
 * <p>Stateless and thread-safe.
 */
final class EventReader {

  /** The fields every line has; a row keeps all but {@code recordedAt}, {@code actor} and {@code previous} in columns. */
  private static final Set<String> COMMON = Set.of("type", "format", "sequence", "recordedAt", "scheme", "actor",
      "familyId", "previous");

  private EventReader() {}

  /**
   * What a database store keeps in columns beside a row's body.
   *
   * @param type the event's type name
   * @param sequence its place in the journal
   * @param scheme the scheme
   * @param familyId the family
   * @param requestId the request, for every type but {@code Allocated}; null otherwise
   * @param operationId the operation id, or null
   */
  record Columns(String type, long sequence, SchemeId scheme, FamilyId familyId, @Nullable RequestId requestId,
      @Nullable OperationId operationId) {}

  /** Reads a whole format 4 line. */
  static JournalFormat.Line line(String line) {
    Fields fields = new Fields();
    try (StrictCursor cursor = new StrictCursor(line)) {
      fields.read(cursor, true);
    }
    long format = fields.require("format", fields.format);
    if (format != JournalFormat.FORMAT) {
      throw new JournalFormatException("$.format", "is " + format + ", but a line read as format 4 says so", null);
    }
    String type = fields.require("type", fields.type);
    SchemeId scheme = fields.require("scheme", fields.scheme);
    return build(fields, new Columns(type, fields.require("sequence", fields.sequence), scheme,
        fields.require("familyId", fields.familyId), fields.requestId, fields.operationId));
  }

  /** Reads a format 4 body with the columns stored beside it. */
  static JournalFormat.Line body(Columns columns, String body) {
    Fields fields = new Fields();
    try (StrictCursor cursor = new StrictCursor(body)) {
      fields.read(cursor, false);
    }
    return build(fields, columns);
  }

  private static JournalFormat.Line build(Fields fields, Columns columns) {
    String type = columns.type();
    long sequence = columns.sequence();
    try {
      LedgerEvent event = event(fields, columns);
      return new JournalFormat.Line(columns.scheme(), event, Optional.of(fields.require("previous",
          fields.previous)));
    } catch (IllegalArgumentException | IllegalStateException e) {
      if (e instanceof JournalFormatException) {
        throw e;
      }
      // The model's own checks (a decision that does not fit its findings, charges that do not add up).
      throw new JournalFormatException("$", "event " + sequence + " (" + SafeText.excerpt(type) + ") is not a "
          + "valid event: " + SafeText.escapeUnsafe(String.valueOf(e.getMessage())), e);
    }
  }

  private static LedgerEvent event(Fields f, Columns c) {
    WorkerId actor = f.require("actor", f.actor);
    long sequence = c.sequence();
    Instant recordedAt = f.require("recordedAt", f.recordedAt);
    FamilyId familyId = c.familyId();
    Optional<OperationId> operationId = Optional.ofNullable(c.operationId());
    switch (c.type()) {
      case "Allocated": {
        f.only(c, "allocation");
        if (c.requestId() != null) {
          throw new JournalFormatException("$.requestId", "is not a field of an Allocated event", null);
        }
        Allocation a = f.require("allocation", f.allocation);
        return new LedgerEvent.Allocated(sequence, recordedAt, actor, familyId, AllocationRecord.of(familyId,
            a.method, a.arm, Optional.ofNullable(a.stratum), a.allocatedOn), operationId);
      }
      case "Submitted": {
        f.only(c, "request", "requestFingerprint", "configurationFingerprint", "decision");
        noOperation(c);
        RequestId requestId = requestId(c);
        SpendRequest request = f.require("request", f.request).build(requestId, familyId, actor);
        return new LedgerEvent.Submitted(sequence, recordedAt, actor, familyId, request,
            f.require("requestFingerprint", f.requestFingerprint), c.scheme(),
            f.require("configurationFingerprint", f.configurationFingerprint),
            f.require("decision", f.decision).build(requestId));
      }
      case "Reserved":
        f.only(c, "amount", "day", "charges", "expiresAt");
        noOperation(c);
        return new LedgerEvent.Reserved(sequence, recordedAt, actor, familyId, requestId(c),
            f.require("amount", f.amount), f.require("day", f.day), f.require("charges", f.charges),
            Optional.ofNullable(f.expiresAt));
      case "Approved":
        f.only(c, "role", "team", "at");
        return new LedgerEvent.Approved(sequence, recordedAt, actor, familyId, requestId(c),
            f.require("role", f.role), f.require("at", f.at), Optional.ofNullable(f.team), operationId);
      case "Rejected":
        f.only(c, "released", "at");
        return new LedgerEvent.Rejected(sequence, recordedAt, actor, familyId, requestId(c),
            f.require("released", f.released), f.require("at", f.at), operationId);
      case "Voided":
        f.only(c, "released", "at");
        return new LedgerEvent.Voided(sequence, recordedAt, actor, familyId, requestId(c),
            f.require("released", f.released), f.require("at", f.at), operationId);
      case "Expired":
        f.only(c, "released", "at");
        noOperation(c);
        return new LedgerEvent.Expired(sequence, recordedAt, actor, familyId, requestId(c),
            f.require("released", f.released), f.require("at", f.at));
      case "Posted": {
        f.only(c, "amount", "released", "at");
        Money amount = f.require("amount", f.amount);
        return new LedgerEvent.Posted(sequence, recordedAt, actor, familyId, requestId(c), amount,
            f.released != null ? f.released : Money.zero(amount.currency()), f.require("at", f.at), operationId);
      }
      case "Refunded":
        f.only(c, "amount", "restoresAllowance", "at");
        return new LedgerEvent.Refunded(sequence, recordedAt, actor, familyId, requestId(c),
            f.require("amount", f.amount), f.require("restoresAllowance", f.restoresAllowance),
            f.require("at", f.at), operationId);
      case "Repaid":
        f.only(c, "amount", "restoresAllowance", "at");
        return new LedgerEvent.Repaid(sequence, recordedAt, actor, familyId, requestId(c),
            f.require("amount", f.amount), f.require("restoresAllowance", f.restoresAllowance),
            f.require("at", f.at), operationId);
      case "EvidenceReceived":
        f.only(c, "kind", "reference", "at");
        return new LedgerEvent.EvidenceReceived(sequence, recordedAt, actor, familyId, requestId(c),
            f.require("kind", f.kind), f.require("reference", f.reference), f.require("at", f.at), operationId);
      default:
        throw new JournalFormatException("$.type", "must be one of [Allocated, Submitted, Reserved, Approved, "
            + "Rejected, Posted, Voided, Expired, Refunded, EvidenceReceived, Repaid], but was "
            + SafeText.excerpt(c.type()), null);
    }
  }

  private static RequestId requestId(Columns c) {
    if (c.requestId() == null) {
      throw new JournalFormatException("$.requestId", "is missing", null);
    }
    return c.requestId();
  }

  private static void noOperation(Columns c) {
    if (c.operationId() != null) {
      throw new JournalFormatException("$.operationId", "is not a field of a " + c.type() + " event", null);
    }
  }

  // ------------------------------------------------------------------------------------------- the fields

  /** A line's fields as read, by name, before the type says which it must have. */
  private static final class Fields {
    final Set<String> seen = new HashSet<>();
    @Nullable String type;
    @Nullable Long format;
    @Nullable Long sequence;
    @Nullable Instant recordedAt;
    @Nullable SchemeId scheme;
    @Nullable WorkerId actor;
    @Nullable FamilyId familyId;
    @Nullable RequestId requestId;
    @Nullable OperationId operationId;
    @Nullable String previous;
    @Nullable Allocation allocation;
    @Nullable Request request;
    @Nullable Fingerprint requestFingerprint;
    @Nullable Fingerprint configurationFingerprint;
    @Nullable DecisionParts decision;
    @Nullable Money amount;
    @Nullable LocalDate day;
    @Nullable List<Charge> charges;
    @Nullable Instant expiresAt;
    @Nullable ApprovalRole role;
    @Nullable TeamId team;
    @Nullable Instant at;
    @Nullable Money released;
    @Nullable Boolean restoresAllowance;
    @Nullable EvidenceKind kind;
    @Nullable String reference;

    <T> T require(String name, @Nullable T value) {
      if (value == null) {
        throw new JournalFormatException("$." + name, "is missing", null);
      }
      return value;
    }

    /** Checks that the line has only the common fields and {@code own}. */
    void only(Columns c, String... own) {
      Set<String> allowed = new HashSet<>(COMMON);
      allowed.addAll(List.of("requestId", "operationId"));
      allowed.addAll(List.of(own));
      for (String name : seen) {
        if (!allowed.contains(name)) {
          throw new JournalFormatException("$." + name, "is not a field of a " + SafeText.excerpt(c.type())
              + " event", null);
        }
      }
    }

    void read(StrictCursor cursor, boolean line) {
      cursor.startObject("$");
      for (String name = cursor.nextName("$"); name != null; name = cursor.nextName("$")) {
        String path = "$." + name;
        seen.add(name);
        if (!line && EventWriter.isColumn(name)) {
          throw new JournalFormatException(path, "is kept in a column, not in a row's body", null);
        }
        switch (name) {
          case "type":
            type = cursor.string(path);
            break;
          case "format":
            format = cursor.integer(path, 1, Integer.MAX_VALUE);
            break;
          case "sequence":
            sequence = cursor.integer(path, 1, Long.MAX_VALUE);
            break;
          case "recordedAt":
            recordedAt = StrictCursor.instant(path, cursor.string(path));
            break;
          case "scheme":
            scheme = StrictCursor.identifier(path, "a scheme id", cursor.string(path), SchemeId::of);
            break;
          case "actor":
            actor = StrictCursor.identifier(path, "a worker id", cursor.string(path), WorkerId::of);
            break;
          case "familyId":
            familyId = StrictCursor.identifier(path, "a family id", cursor.string(path), FamilyId::of);
            break;
          case "requestId":
            requestId = StrictCursor.identifier(path, "a request id", cursor.string(path), RequestId::of);
            break;
          case "operationId":
            operationId = StrictCursor.identifier(path, "an operation id", cursor.string(path), OperationId::of);
            break;
          case "previous":
            previous = digest(path, cursor.string(path));
            break;
          case "allocation":
            allocation = Allocation.read(cursor, path);
            break;
          case "request":
            request = Request.read(cursor, path);
            break;
          case "requestFingerprint":
            requestFingerprint = fingerprint(path, cursor.string(path));
            break;
          case "configurationFingerprint":
            configurationFingerprint = fingerprint(path, cursor.string(path));
            break;
          case "decision":
            decision = DecisionParts.read(cursor, path);
            break;
          case "amount":
            amount = StrictCursor.money(path, cursor.string(path));
            break;
          case "day":
            day = StrictCursor.date(path, cursor.string(path));
            break;
          case "charges":
            charges = charges(cursor, path);
            break;
          case "expiresAt":
            expiresAt = StrictCursor.instant(path, cursor.string(path));
            break;
          case "role":
            role = StrictCursor.constant(path, cursor.string(path), ApprovalRole.class);
            break;
          case "team":
            team = StrictCursor.identifier(path, "a team id", cursor.string(path), TeamId::of);
            break;
          case "at":
            at = StrictCursor.instant(path, cursor.string(path));
            break;
          case "released":
            released = StrictCursor.money(path, cursor.string(path));
            break;
          case "restoresAllowance":
            restoresAllowance = cursor.bool(path);
            break;
          case "kind":
            kind = StrictCursor.constant(path, cursor.string(path), EvidenceKind.class);
            break;
          case "reference":
            reference = evidenceReference(path, cursor.string(path));
            break;
          default:
            throw unknown(path);
        }
      }
      cursor.end();
    }
  }

  private static JournalFormatException unknown(String path) {
    return new JournalFormatException(path, "is not a field of the journal format", null);
  }

  static String digest(String path, String text) {
    if (!JournalFormat.isDigest(text)) {
      throw new JournalFormatException(path, "must be 64 lowercase hexadecimal digits, but was "
          + SafeText.excerpt(text), null);
    }
    return text;
  }

  private static Fingerprint fingerprint(String path, String text) {
    return StrictCursor.parsed(path, "64 hexadecimal digits", text, Fingerprint::parse);
  }

  private static String evidenceReference(String path, String reference) {
    if (!SpendRequest.isEvidenceReference(reference)) {
      throw new JournalFormatException(path, "must be 1 to " + SpendRequest.MAX_EVIDENCE_REFERENCE_LENGTH
          + " characters without white space or control characters, but has " + reference.length()
          + " characters", null);
    }
    return reference;
  }

  private static List<Charge> charges(StrictCursor cursor, String path) {
    List<Charge> charges = new ArrayList<>(4);
    cursor.startArray(path);
    while (cursor.nextElement(path)) {
      String at = path + "[" + charges.size() + "]";
      cursor.objectHere(at);
      AllowanceId allowance = null;
      AllowanceScope scope = null;
      String holder = null;
      BudgetPeriod period = null;
      Money amount = null;
      for (String name = cursor.nextName(at); name != null; name = cursor.nextName(at)) {
        String field = at + "." + name;
        switch (name) {
          case "allowanceId":
            allowance = StrictCursor.identifier(field, "an allowance id", cursor.string(field), AllowanceId::of);
            break;
          case "scope":
            scope = StrictCursor.constant(field, cursor.string(field), AllowanceScope.class);
            break;
          case "holder":
            holder = cursor.string(field);
            break;
          case "period":
            period = period(cursor, field);
            break;
          case "amount":
            amount = StrictCursor.money(field, cursor.string(field));
            break;
          default:
            throw unknown(field);
        }
      }
      charges.add(new Charge(new UsageKey(present(at, "allowanceId", allowance), present(at, "scope", scope),
          present(at, "holder", holder), present(at, "period", period)), present(at, "amount", amount)));
    }
    return charges;
  }

  private static BudgetPeriod period(StrictCursor cursor, String path) {
    cursor.startObject(path);
    PeriodKind kind = null;
    LocalDate start = null;
    LocalDate end = null;
    for (String name = cursor.nextName(path); name != null; name = cursor.nextName(path)) {
      String field = path + "." + name;
      switch (name) {
        case "kind":
          kind = StrictCursor.constant(field, cursor.string(field), PeriodKind.class);
          break;
        case "start":
          start = StrictCursor.date(field, cursor.string(field));
          break;
        case "end":
          end = StrictCursor.date(field, cursor.string(field));
          break;
        default:
          throw unknown(field);
      }
    }
    return BudgetPeriod.of(present(path, "kind", kind), present(path, "start", start), present(path, "end", end));
  }

  static <T> T present(String path, String name, @Nullable T value) {
    if (value == null) {
      throw new JournalFormatException(path + "." + name, "is missing", null);
    }
    return value;
  }

  /** An allocation record's parts; its family is the line's. */
  private static final class Allocation {
    @Nullable AllocationMethod method;
    @Nullable Arm arm;
    @Nullable AgeBand stratum;
    @Nullable LocalDate allocatedOn;

    static Allocation read(StrictCursor cursor, String path) {
      Allocation a = new Allocation();
      cursor.startObject(path);
      for (String name = cursor.nextName(path); name != null; name = cursor.nextName(path)) {
        String field = path + "." + name;
        switch (name) {
          case "method":
            a.method = StrictCursor.constant(field, cursor.string(field), AllocationMethod.class);
            break;
          case "arm":
            a.arm = StrictCursor.constant(field, cursor.string(field), Arm.class);
            break;
          case "stratum":
            a.stratum = StrictCursor.parsed(field, "an age band such as \"0-4\"", cursor.string(field),
                AgeBand::parse);
            break;
          case "allocatedOn":
            a.allocatedOn = StrictCursor.date(field, cursor.string(field));
            break;
          default:
            throw unknown(field);
        }
      }
      present(path, "method", a.method);
      present(path, "arm", a.arm);
      present(path, "allocatedOn", a.allocatedOn);
      return a;
    }
  }

  /** A submitted request's parts; its id, family and (unless given) requester are the line's. */
  private static final class Request {
    final SpendRequest.Builder builder = SpendRequest.builder();
    boolean team;
    boolean amount;
    boolean category;
    boolean requestedAt;
    boolean paymentMethod;
    @Nullable WorkerId requestedBy;

    static Request read(StrictCursor cursor, String path) {
      Request r = new Request();
      cursor.startObject(path);
      for (String name = cursor.nextName(path); name != null; name = cursor.nextName(path)) {
        String field = path + "." + name;
        switch (name) {
          case "childIds":
            cursor.startArray(field);
            for (int i = 0; cursor.nextElement(field); i++) {
              String child = field + "[" + i + "]";
              r.builder.addChildIds(StrictCursor.identifier(child, "a child id", cursor.currentString(child),
                  ChildId::of));
            }
            break;
          case "childShares": {
            cursor.startObject(field);
            Map<ChildId, Money> shares = new LinkedHashMap<>();
            for (String child = cursor.nextName(field); child != null; child = cursor.nextName(field)) {
              ChildId id = StrictCursor.identifier(field, "keyed by child ids", child, ChildId::of);
              shares.put(id, StrictCursor.money(field + "." + id, cursor.string(field + "." + id)));
            }
            r.builder.childShares(shares);
            break;
          }
          case "teamId":
            r.builder.teamId(StrictCursor.identifier(field, "a team id", cursor.string(field), TeamId::of));
            r.team = true;
            break;
          case "requestedBy":
            r.requestedBy = StrictCursor.identifier(field, "a worker id", cursor.string(field), WorkerId::of);
            break;
          case "amount":
            r.builder.amount(StrictCursor.money(field, cursor.string(field)));
            r.amount = true;
            break;
          case "category":
            r.builder.category(StrictCursor.constant(field, cursor.string(field), SpendCategory.class));
            r.category = true;
            break;
          case "subcategory":
            r.builder.subcategory(StrictCursor.parsed(field, "CATEGORY/code", cursor.string(field),
                Subcategory::parse));
            break;
          case "requestedAt":
            r.builder.requestedAt(StrictCursor.instant(field, cursor.string(field)));
            r.requestedAt = true;
            break;
          case "paymentMethod":
            r.builder.paymentMethod(StrictCursor.constant(field, cursor.string(field), PaymentMethod.class));
            r.paymentMethod = true;
            break;
          case "vatRecoverable":
            r.builder.vatRecoverable(cursor.bool(field));
            break;
          case "evidenceReference":
            r.builder.evidenceReference(cursor.string(field));
            break;
          case "repayment":
            r.builder.repayment(repayment(cursor, field));
            break;
          default:
            throw unknown(field);
        }
      }
      present(path, "teamId", r.team ? Boolean.TRUE : null);
      present(path, "amount", r.amount ? Boolean.TRUE : null);
      present(path, "category", r.category ? Boolean.TRUE : null);
      present(path, "requestedAt", r.requestedAt ? Boolean.TRUE : null);
      present(path, "paymentMethod", r.paymentMethod ? Boolean.TRUE : null);
      return r;
    }

    SpendRequest build(RequestId id, FamilyId family, WorkerId actor) {
      return builder.id(id).familyId(family).requestedBy(requestedBy != null ? requestedBy : actor).build();
    }

    private static RepaymentTerms repayment(StrictCursor cursor, String path) {
      cursor.startObject(path);
      List<Instalment> instalments = null;
      MeansAssessment assessment = null;
      for (String name = cursor.nextName(path); name != null; name = cursor.nextName(path)) {
        String field = path + "." + name;
        if (name.equals("instalments")) {
          instalments = new ArrayList<>();
          cursor.startArray(field);
          while (cursor.nextElement(field)) {
            String at = field + "[" + instalments.size() + "]";
            cursor.objectHere(at);
            LocalDate dueOn = null;
            Money amount = null;
            for (String part = cursor.nextName(at); part != null; part = cursor.nextName(at)) {
              if (part.equals("dueOn")) {
                dueOn = StrictCursor.date(at + ".dueOn", cursor.string(at + ".dueOn"));
              } else if (part.equals("amount")) {
                amount = StrictCursor.money(at + ".amount", cursor.string(at + ".amount"));
              } else {
                throw unknown(at + "." + part);
              }
            }
            instalments.add(Instalment.of(present(at, "dueOn", dueOn), present(at, "amount", amount)));
          }
        } else if (name.equals("meansAssessment")) {
          assessment = means(cursor, field);
        } else {
          throw unknown(field);
        }
      }
      return RepaymentTerms.of(present(path, "instalments", instalments), Optional.ofNullable(assessment));
    }

    private static MeansAssessment means(StrictCursor cursor, String path) {
      cursor.startObject(path);
      String reference = null;
      LocalDate assessedOn = null;
      Set<ListedBenefit> benefits = EnumSet.noneOf(ListedBenefit.class);
      for (String name = cursor.nextName(path); name != null; name = cursor.nextName(path)) {
        String field = path + "." + name;
        switch (name) {
          case "reference":
            reference = evidenceReference(field, cursor.string(field));
            break;
          case "assessedOn":
            assessedOn = StrictCursor.date(field, cursor.string(field));
            break;
          case "benefits":
            cursor.startArray(field);
            for (int i = 0; cursor.nextElement(field); i++) {
              String at = field + "[" + i + "]";
              benefits.add(StrictCursor.constant(at, cursor.currentString(at), ListedBenefit.class));
            }
            break;
          default:
            throw unknown(field);
        }
      }
      return MeansAssessment.of(present(path, "reference", reference), present(path, "assessedOn", assessedOn),
          benefits);
    }
  }

  /** A decision's parts; its request id is the line's. */
  private static final class DecisionParts {
    @Nullable Outcome outcome;
    final List<Finding> findings = new ArrayList<>(2);
    @Nullable ApprovalRole requiredRole;
    int requiredTier = -1;
    @Nullable Integer configurationVersion;

    static DecisionParts read(StrictCursor cursor, String path) {
      DecisionParts d = new DecisionParts();
      cursor.startObject(path);
      for (String name = cursor.nextName(path); name != null; name = cursor.nextName(path)) {
        String field = path + "." + name;
        switch (name) {
          case "outcome":
            d.outcome = StrictCursor.constant(field, cursor.string(field), Outcome.class);
            break;
          case "findings":
            cursor.startArray(field);
            while (cursor.nextElement(field)) {
              String at = field + "[" + d.findings.size() + "]";
              cursor.objectHere(at);
              d.findings.add(finding(cursor, at));
            }
            break;
          case "requiredRole":
            d.requiredRole = StrictCursor.constant(field, cursor.string(field), ApprovalRole.class);
            break;
          case "requiredTier":
            d.requiredTier = (int) cursor.integer(field, 0, Integer.MAX_VALUE);
            break;
          case "configurationVersion":
            d.configurationVersion = (int) cursor.integer(field, 1, Integer.MAX_VALUE);
            break;
          default:
            throw unknown(field);
        }
      }
      present(path, "outcome", d.outcome);
      present(path, "configurationVersion", d.configurationVersion);
      return d;
    }

    Decision build(RequestId requestId) {
      return Decision.of(requestId, present("$.decision", "outcome", outcome), findings, requiredRole, requiredTier,
          present("$.decision", "configurationVersion", configurationVersion));
    }

    private static Finding finding(StrictCursor cursor, String path) {
      FindingCode code = null;
      String message = null;
      Figures figures = null;
      ApprovalRole role = null;
      OverdueEvidence overdue = null;
      for (String name = cursor.nextName(path); name != null; name = cursor.nextName(path)) {
        String field = path + "." + name;
        switch (name) {
          case "code":
            code = StrictCursor.constant(field, cursor.string(field), FindingCode.class);
            break;
          case "message":
            message = cursor.string(field);
            break;
          case "figures":
            figures = figures(cursor, field);
            break;
          case "role":
            role = StrictCursor.constant(field, cursor.string(field), ApprovalRole.class);
            break;
          case "overdueEvidence":
            overdue = overdue(cursor, field);
            break;
          default:
            throw unknown(field);
        }
      }
      return Finding.of(present(path, "code", code), present(path, "message", message), figures, role, overdue);
    }

    private static Figures figures(StrictCursor cursor, String path) {
      cursor.startObject(path);
      String name = null;
      Money limit = null;
      Money spent = null;
      Money reserved = null;
      Money requested = null;
      LocalDate resetsOn = null;
      for (String part = cursor.nextName(path); part != null; part = cursor.nextName(path)) {
        String field = path + "." + part;
        switch (part) {
          case "name":
            name = cursor.string(field);
            break;
          case "limit":
            limit = StrictCursor.money(field, cursor.string(field));
            break;
          case "spent":
            spent = StrictCursor.money(field, cursor.string(field));
            break;
          case "reserved":
            reserved = StrictCursor.money(field, cursor.string(field));
            break;
          case "requested":
            requested = StrictCursor.money(field, cursor.string(field));
            break;
          case "resetsOn":
            resetsOn = StrictCursor.date(field, cursor.string(field));
            break;
          default:
            throw unknown(field);
        }
      }
      return Figures.of(present(path, "name", name), present(path, "limit", limit), present(path, "spent", spent),
          present(path, "reserved", reserved), present(path, "requested", requested), resetsOn);
    }

    private static OverdueEvidence overdue(StrictCursor cursor, String path) {
      cursor.startObject(path);
      Integer spends = null;
      Money paid = null;
      LocalDate since = null;
      for (String part = cursor.nextName(path); part != null; part = cursor.nextName(path)) {
        String field = path + "." + part;
        switch (part) {
          case "spends":
            spends = (int) cursor.integer(field, 1, Integer.MAX_VALUE);
            break;
          case "paid":
            paid = StrictCursor.money(field, cursor.string(field));
            break;
          case "since":
            since = StrictCursor.date(field, cursor.string(field));
            break;
          default:
            throw unknown(field);
        }
      }
      return OverdueEvidence.of(present(path, "spends", spends), present(path, "paid", paid),
          present(path, "since", since));
    }
  }
}
