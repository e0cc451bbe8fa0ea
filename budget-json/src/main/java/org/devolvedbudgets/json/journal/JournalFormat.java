package org.devolvedbudgets.json.journal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.devolvedbudgets.json.read.FileProblem;
import org.devolvedbudgets.json.read.FileProblemCode;
import org.devolvedbudgets.json.read.FileReadException;
import org.devolvedbudgets.json.read.JsonDocument;
import org.devolvedbudgets.json.read.JsonValue;
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
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The journal format: every {@link LedgerEvent} as one JSON object on one line, so a journal file is JSON Lines.
 * Each object carries its {@code type}, the {@code format} version ({@value #FORMAT}), its {@code sequence}, the
 * time it was {@code recordedAt} (ISO-8601, UTC), the {@code scheme} id, the {@code actor}, the {@code familyId},
 * and its own fields; amounts are written {@code "GBP 12.50"}. {@code JOURNAL.md} in the repository documents
 * every field of every type.
 *
 * <p>The format is a contract: other people's systems read it, and a journal kept for audit outlives any
 * release. A journal written by any released version is read by every later one (golden files in the tests
 * prove it); a change that would alter what a line means is a new format version. Reading is strict: an unknown
 * field, a missing one, a wrong type or a value the model refuses is a {@link JournalFormatException} naming
 * the field, never quoting free text (the journal holds none: a request is recorded without its description).
 *
 * <p>{@link #write} and {@link #read} are exact inverses. Stateless and thread-safe.
 */
public final class JournalFormat {

  /**
   * The journal format version this library writes, and the newest it reads: 3. Format 2 added the caller's
   * {@code operationId} to the events of approvals, rejections, payments, voids, refunds and allocations, and the
   * approver's {@code team} to {@code Approved}; format 3 added the {@code EvidenceReceived} and
   * {@code Repaid} events, a request's {@code repayment} and a finding's {@code overdueEvidence}. Lines of formats 1
   * and 2, which have none of what came later, are still read.
   */
  public static final int FORMAT = 3;

  /** The longest line read: 64 KiB, far above any event's. */
  public static final int MAX_LINE_LENGTH = 64 * 1024;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Writes lines; reading is JsonDocument.parseJsonLine, the strict reader scheme and scenario files share. */
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private static final String[] COMMON = {"type", "format", "sequence", "recordedAt", "scheme", "actor",
      "familyId"};

  private JournalFormat() {}

  /**
   * One line of a journal read back: the scheme it belongs to and the event.
   *
   * @param scheme the scheme the event was recorded in, not null
   * @param event the event, not null
   */
  public record Line(SchemeId scheme, LedgerEvent event) {

    /**
     * Checks the components.
     *
     * @param scheme the scheme component
     * @param event the event component
     * @throws NullPointerException if a component is null
     */
    public Line {
      requireNonNull(scheme, "scheme");
      requireNonNull(event, "event");
    }
  }

  /**
   * Writes an event as one line of JSON, without a line break.
   *
   * @param scheme the scheme the event belongs to, not null
   * @param event the event, not null
   * @return the line, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a {@code Submitted} event names another scheme
   */
  public static String write(SchemeId scheme, LedgerEvent event) {
    requireNonNull(scheme, "scheme");
    requireNonNull(event, "event");
    ObjectNode json = NODES.objectNode();
    json.put("type", typeOf(event));
    json.put("format", FORMAT);
    json.put("sequence", event.sequence());
    json.put("recordedAt", event.recordedAt().toString());
    json.put("scheme", scheme.value());
    json.put("actor", event.actor().value());
    json.put("familyId", event.familyId().value());
    if (event instanceof LedgerEvent.RequestEvent) {
      json.put("requestId", ((LedgerEvent.RequestEvent) event).requestId().value());
    }
    event.operationId().ifPresent(id -> json.put("operationId", id.value()));
    if (event instanceof LedgerEvent.Allocated) {
      AllocationRecord record = ((LedgerEvent.Allocated) event).record();
      ObjectNode allocation = json.putObject("allocation");
      allocation.put("method", record.method().name());
      allocation.put("arm", record.arm().name());
      record.stratum().ifPresent(band -> allocation.put("stratum", band.youngest() + "-" + band.oldest()));
      allocation.put("allocatedOn", record.allocatedOn().toString());
    } else if (event instanceof LedgerEvent.Submitted) {
      LedgerEvent.Submitted submitted = (LedgerEvent.Submitted) event;
      if (!submitted.schemeId().equals(scheme)) {
        throw new IllegalArgumentException("event " + event.sequence() + " was decided in scheme '"
            + submitted.schemeId() + "', not '" + scheme + "'");
      }
      json.set("request", request(submitted.request()));
      json.put("requestFingerprint", submitted.requestFingerprint().hex());
      json.put("configurationFingerprint", submitted.configurationFingerprint().hex());
      json.set("decision", decision(submitted.decision()));
    } else if (event instanceof LedgerEvent.Reserved) {
      LedgerEvent.Reserved reserved = (LedgerEvent.Reserved) event;
      json.put("amount", reserved.amount().toString());
      json.put("day", reserved.day().toString());
      ArrayNode charges = json.putArray("charges");
      for (Charge charge : reserved.charges()) {
        UsageKey key = charge.key();
        ObjectNode node = charges.addObject();
        node.put("allowanceId", key.allowanceId().value());
        node.put("scope", key.scope().name());
        node.put("holder", key.holder());
        ObjectNode period = node.putObject("period");
        period.put("kind", key.period().kind().name());
        period.put("start", key.period().start().toString());
        period.put("end", key.period().end().toString());
        node.put("amount", charge.amount().toString());
      }
      reserved.expiresAt().ifPresent(at -> json.put("expiresAt", at.toString()));
    } else if (event instanceof LedgerEvent.Approved) {
      LedgerEvent.Approved approved = (LedgerEvent.Approved) event;
      json.put("role", approved.role().name());
      approved.team().ifPresent(team -> json.put("team", team.value()));
      json.put("at", approved.at().toString());
    } else if (event instanceof LedgerEvent.Rejected) {
      released(json, ((LedgerEvent.Rejected) event).released(), ((LedgerEvent.Rejected) event).at());
    } else if (event instanceof LedgerEvent.Posted) {
      LedgerEvent.Posted posted = (LedgerEvent.Posted) event;
      json.put("amount", posted.amount().toString());
      released(json, posted.released(), posted.at());
    } else if (event instanceof LedgerEvent.Voided) {
      released(json, ((LedgerEvent.Voided) event).released(), ((LedgerEvent.Voided) event).at());
    } else if (event instanceof LedgerEvent.Expired) {
      released(json, ((LedgerEvent.Expired) event).released(), ((LedgerEvent.Expired) event).at());
    } else if (event instanceof LedgerEvent.Repaid) {
      LedgerEvent.Repaid repaid = (LedgerEvent.Repaid) event;
      json.put("amount", repaid.amount().toString());
      json.put("restoresAllowance", repaid.restoresAllowance());
      json.put("at", repaid.at().toString());
    } else if (event instanceof LedgerEvent.EvidenceReceived) {
      LedgerEvent.EvidenceReceived received = (LedgerEvent.EvidenceReceived) event;
      json.put("kind", received.kind().name());
      json.put("reference", received.reference());
      json.put("at", received.at().toString());
    } else {
      LedgerEvent.Refunded refunded = (LedgerEvent.Refunded) event;
      json.put("amount", refunded.amount().toString());
      json.put("restoresAllowance", refunded.restoresAllowance());
      json.put("at", refunded.at().toString());
    }
    return JSON.writeValueAsString(json);
  }

  private static void released(ObjectNode json, Money released, Instant at) {
    json.put("released", released.toString());
    json.put("at", at.toString());
  }

  /**
   * Returns the name an event's type has in the journal: its record's simple name, such as {@code "Posted"}.
   *
   * @param event the event, not null
   * @return the type's name, not null
   */
  public static String typeOf(LedgerEvent event) {
    return requireNonNull(event, "event").getClass().getSimpleName();
  }

  private static ObjectNode request(SpendRequest request) {
    ObjectNode json = NODES.objectNode();
    json.put("id", request.id().value());
    json.put("familyId", request.familyId().value());
    ArrayNode children = json.putArray("childIds");
    request.childIds().forEach(child -> children.add(child.value()));
    ObjectNode shares = json.putObject("childShares");
    request.childShares().forEach((child, share) -> shares.put(child.value(), share.toString()));
    json.put("teamId", request.teamId().value());
    json.put("requestedBy", request.requestedBy().value());
    json.put("amount", request.amount().toString());
    json.put("category", request.category().name());
    request.subcategory().ifPresent(sub -> json.put("subcategory", sub.toString()));
    json.put("requestedAt", request.requestedAt().toString());
    json.put("paymentMethod", request.paymentMethod().name());
    json.put("vatRecoverable", request.vatRecoverable());
    request.evidenceReference().ifPresent(reference -> json.put("evidenceReference", reference));
    request.repayment().ifPresent(terms -> {
      ObjectNode repayment = json.putObject("repayment");
      ArrayNode instalments = repayment.putArray("instalments");
      for (Instalment instalment : terms.instalments()) {
        instalments.addObject().put("dueOn", instalment.dueOn().toString()).put("amount",
            instalment.amount().toString());
      }
      terms.meansAssessment().ifPresent(assessment -> {
        ObjectNode means = repayment.putObject("meansAssessment");
        means.put("reference", assessment.reference());
        means.put("assessedOn", assessment.assessedOn().toString());
        ArrayNode benefits = means.putArray("benefits");
        new java.util.TreeSet<>(assessment.benefits()).forEach(benefit -> benefits.add(benefit.name()));
      });
    });
    return json;
  }

  private static ObjectNode decision(Decision decision) {
    ObjectNode json = NODES.objectNode();
    json.put("outcome", decision.outcome().name());
    ArrayNode findings = json.putArray("findings");
    for (Finding finding : decision.findings()) {
      ObjectNode node = findings.addObject();
      node.put("code", finding.code().name());
      node.put("message", finding.message());
      finding.figures().ifPresent(figures -> {
        ObjectNode numbers = node.putObject("figures");
        numbers.put("name", figures.name());
        numbers.put("limit", figures.limit().toString());
        numbers.put("spent", figures.spent().toString());
        numbers.put("reserved", figures.reserved().toString());
        numbers.put("requested", figures.requested().toString());
        figures.resetsOn().ifPresent(day -> numbers.put("resetsOn", day.toString()));
      });
      finding.role().ifPresent(role -> node.put("role", role.name()));
      finding.overdueEvidence().ifPresent(overdue -> {
        ObjectNode numbers = node.putObject("overdueEvidence");
        numbers.put("spends", overdue.spends());
        numbers.put("paid", overdue.paid().toString());
        numbers.put("since", overdue.since().toString());
      });
    }
    decision.requiredRole().ifPresent(role -> json.put("requiredRole", role.name()));
    json.put("requiredTier", decision.requiredTier());
    json.put("configurationVersion", decision.configurationVersion());
    return json;
  }

  /**
   * Reads one line of a journal.
   *
   * @param line one JSON object, not null
   * @return the scheme and the event, not null
   * @throws NullPointerException if {@code line} is null
   * @throws JournalFormatException if the line is not one well-formed event of a format this library reads
   */
  public static Line read(String line) {
    requireNonNull(line, "line");
    if (line.length() > MAX_LINE_LENGTH) {
      throw new JournalFormatException("$", "a line is longer than " + MAX_LINE_LENGTH + " characters", null);
    }
    try {
      JsonValue json = JsonDocument.parseJsonLine("journal line", line).root().requireObject();
      long format = json.integer("format", 1, Integer.MAX_VALUE);
      if (format > FORMAT) {
        throw new JournalFormatException("$.format", "is " + format + ", but this version of the library reads "
            + "journal format " + FORMAT + " (and older); read it with the library that wrote it", null);
      }
      String type = json.text("type");
      SchemeId scheme = json.identifier("scheme", "a scheme id", SchemeId::of);
      long sequence = json.integer("sequence", 1, Long.MAX_VALUE);
      Instant recordedAt = instant(json, "recordedAt");
      WorkerId actor = json.identifier("actor", "a worker id", WorkerId::of);
      FamilyId familyId = json.identifier("familyId", "a family id", FamilyId::of);
      try {
        return new Line(scheme, event(json, (int) format, type, scheme, sequence, recordedAt, actor, familyId));
      } catch (IllegalArgumentException | IllegalStateException e) {
        if (e instanceof JournalFormatException) {
          throw e;
        }
        // The model's own checks (a decision that does not fit its findings, charges that do not add up).
        throw new JournalFormatException("$", "event " + sequence + " (" + SafeText.excerpt(type) + ") is not a "
            + "valid event: " + SafeText.escapeUnsafe(String.valueOf(e.getMessage())), e);
      }
    } catch (FileReadException e) {
      FileProblem problem = e.problems().get(0);
      throw new JournalFormatException(problem.jsonPath(), problem.message(), e);
    }
  }

  /** The line's own fields: the common ones and these (a field may be named twice). */
  private static void only(JsonValue json, String... fields) {
    String[] known = Arrays.copyOf(COMMON, COMMON.length + fields.length);
    System.arraycopy(fields, 0, known, COMMON.length, fields.length);
    json.onlyFields(known);
  }

  private static RequestId requestId(JsonValue json) {
    return json.identifier("requestId", "a request id", RequestId::of);
  }

  private static Instant instant(JsonValue json, String field) {
    return json.parse(field, FileProblemCode.BAD_DATE, "an ISO-8601 instant such as \"2019-06-03T09:15:00Z\"",
        Instant::parse);
  }

  private static LedgerEvent event(JsonValue json, int format, String type, SchemeId scheme, long sequence,
      Instant recordedAt, WorkerId actor, FamilyId familyId) {
    // Format 2's optional fields; a format 1 line that has one is refused as an unknown field.
    String operation = format >= 2 ? "operationId" : "requestId";
    Optional<OperationId> operationId = format >= 2 && json.has("operationId")
        ? Optional.of(json.identifier("operationId", "an operation id", OperationId::of)) : Optional.empty();
    switch (type) {
      case "Allocated": {
        only(json, "allocation", format >= 2 ? "operationId" : "allocation");
        JsonValue allocation = json.child("allocation");
        allocation.onlyFields("method", "arm", "stratum", "allocatedOn");
        Optional<AgeBand> stratum = allocation.has("stratum")
            ? Optional.of(allocation.parse("stratum", FileProblemCode.BAD_VALUE, "an age band such as \"0-4\"",
                AgeBand::parse))
            : Optional.empty();
        return new LedgerEvent.Allocated(sequence, recordedAt, actor, familyId, AllocationRecord.of(familyId,
            allocation.enumValue("method", AllocationMethod.class, true), allocation.enumValue("arm", Arm.class, true),
            stratum, allocation.date("allocatedOn")), operationId);
      }
      case "Submitted": {
        only(json, "requestId", "request", "requestFingerprint", "configurationFingerprint", "decision");
        SpendRequest request = request(json.child("request"), format);
        RequestId requestId = requestId(json);
        if (!requestId.equals(request.id())) {
          throw new JournalFormatException("$.requestId", "is not the request's own id", null);
        }
        return new LedgerEvent.Submitted(sequence, recordedAt, actor, familyId, request,
            json.parse("requestFingerprint", FileProblemCode.BAD_VALUE, "64 hexadecimal digits", Fingerprint::parse),
                scheme,
            json.parse("configurationFingerprint", FileProblemCode.BAD_VALUE, "64 hexadecimal digits",
                Fingerprint::parse),
            decision(json.child("decision"), requestId, format));
      }
      case "Reserved": {
        only(json, "requestId", "amount", "day", "charges", "expiresAt");
        List<Charge> charges = new ArrayList<>();
        for (JsonValue charge : json.array("charges")) {
          charge.onlyFields("allowanceId", "scope", "holder", "period", "amount");
          JsonValue period = charge.child("period");
          period.onlyFields("kind", "start", "end");
          BudgetPeriod drawn = BudgetPeriod.of(period.enumValue("kind", PeriodKind.class, true), period.date("start"),
              period.date("end"));
          String holder = charge.text("holder");
          charges.add(new Charge(new UsageKey(charge.identifier("allowanceId", "an identifier", AllowanceId::of),
              charge.enumValue("scope", AllowanceScope.class, true), holder, drawn), charge.money("amount")));
        }
        return new LedgerEvent.Reserved(sequence, recordedAt, actor, familyId, requestId(json),
            json.money("amount"), json.date("day"), charges,
            json.has("expiresAt") ? Optional.of(instant(json, "expiresAt")) : Optional.empty());
      }
      case "Approved":
        only(json, "requestId", "role", "at", operation, format >= 2 ? "team" : "at");
        return new LedgerEvent.Approved(sequence, recordedAt, actor, familyId, requestId(json),
            json.enumValue("role", ApprovalRole.class, true), instant(json, "at"),
            format >= 2 && json.has("team") ? Optional.of(json.identifier("team", "a team id", TeamId::of))
                : Optional.empty(), operationId);
      case "Rejected":
      case "Voided":
      case "Expired": {
        only(json, "requestId", "released", "at", type.equals("Expired") ? "at" : operation);
        RequestId requestId = requestId(json);
        Money released = json.money("released");
        Instant at = instant(json, "at");
        return type.equals("Rejected")
            ? new LedgerEvent.Rejected(sequence, recordedAt, actor, familyId, requestId, released, at, operationId)
            : type.equals("Voided")
            ? new LedgerEvent.Voided(sequence, recordedAt, actor, familyId, requestId, released, at, operationId)
            : new LedgerEvent.Expired(sequence, recordedAt, actor, familyId, requestId, released, at);
      }
      case "Posted":
        only(json, "requestId", "amount", "released", "at", operation);
        return new LedgerEvent.Posted(sequence, recordedAt, actor, familyId, requestId(json), json.money("amount"),
            json.money("released"), instant(json, "at"), operationId);
      case "Refunded":
        only(json, "requestId", "amount", "restoresAllowance", "at", operation);
        return new LedgerEvent.Refunded(sequence, recordedAt, actor, familyId, requestId(json),
            json.money("amount"), json.bool("restoresAllowance"), instant(json, "at"), operationId);
      case "Repaid":
        if (format >= 3) {
          only(json, "requestId", "amount", "restoresAllowance", "at", "operationId");
          return new LedgerEvent.Repaid(sequence, recordedAt, actor, familyId, requestId(json),
              json.money("amount"), json.bool("restoresAllowance"), instant(json, "at"), operationId);
        }
        throw new JournalFormatException("$.type", "is Repaid, which journal format " + format
            + " does not have (it came in format 3)", null);
      case "EvidenceReceived":
        if (format >= 3) {
          only(json, "requestId", "kind", "reference", "at", "operationId");
          return new LedgerEvent.EvidenceReceived(sequence, recordedAt, actor, familyId, requestId(json),
              json.enumValue("kind", EvidenceKind.class, true), reference(json), instant(json, "at"), operationId);
        }
        throw new JournalFormatException("$.type", "is EvidenceReceived, which journal format " + format
            + " does not have (it came in format 3)", null);
      default:
        throw new JournalFormatException("$.type", "must be one of [Allocated, Submitted, Reserved, Approved, "
            + "Rejected, Posted, Voided, Expired, Refunded, EvidenceReceived, Repaid], but was "
            + SafeText.excerpt(type),
            null);
    }
  }

  private static SpendRequest request(JsonValue json, int format) {
    // Format 3's repayment; an older line that has it is refused as an unknown field.
    json.onlyFields("id", "familyId", "childIds", "childShares", "teamId", "requestedBy", "amount", "category",
        "subcategory", "requestedAt", "paymentMethod", "vatRecoverable", "evidenceReference",
        format >= 3 ? "repayment" : "id");
    SpendRequest.Builder request = SpendRequest.builder()
        .id(json.identifier("id", "an identifier", RequestId::of))
        .familyId(json.identifier("familyId", "an identifier", FamilyId::of))
        .teamId(json.identifier("teamId", "an identifier", TeamId::of))
        .requestedBy(json.identifier("requestedBy", "an identifier", WorkerId::of))
        .amount(json.money("amount"))
        .category(json.enumValue("category", SpendCategory.class, true))
        .requestedAt(instant(json, "requestedAt"))
        .paymentMethod(json.enumValue("paymentMethod", PaymentMethod.class, true))
        .vatRecoverable(json.bool("vatRecoverable"));
    for (JsonValue child : json.array("childIds")) {
      request.addChildIds(child.identifier("a child id", ChildId::of));
    }
    JsonValue shares = json.child("childShares");
    shares.requireObject();
    Map<ChildId, Money> byChild = new LinkedHashMap<>();
    for (String child : shares.fieldNames()) {
      byChild.put(shares.fieldNameAsIdentifier(child, "a child id", ChildId::of), shares.money(child));
    }
    request.childShares(byChild);
    if (json.has("subcategory")) {
      request.subcategory(json.parse("subcategory", FileProblemCode.BAD_VALUE, "CATEGORY/code", Subcategory::parse));
    }
    if (json.has("evidenceReference")) {
      request.evidenceReference(json.text("evidenceReference"));
    }
    if (format >= 3 && json.has("repayment")) {
      request.repayment(repayment(json.child("repayment")));
    }
    return request.build();
  }

  private static RepaymentTerms repayment(JsonValue json) {
    json.onlyFields("instalments", "meansAssessment");
    List<Instalment> instalments = new ArrayList<>();
    for (JsonValue instalment : json.array("instalments")) {
      instalment.onlyFields("dueOn", "amount");
      instalments.add(Instalment.of(instalment.date("dueOn"), instalment.money("amount")));
    }
    Optional<MeansAssessment> assessment = Optional.empty();
    if (json.has("meansAssessment")) {
      JsonValue means = json.child("meansAssessment");
      means.onlyFields("reference", "assessedOn", "benefits");
      java.util.Set<ListedBenefit> benefits = java.util.EnumSet.noneOf(ListedBenefit.class);
      for (JsonValue benefit : means.array("benefits")) {
        benefits.add(benefit.enumValue(ListedBenefit.class, true));
      }
      assessment = Optional.of(MeansAssessment.of(reference(means), means.date("assessedOn"), benefits));
    }
    return RepaymentTerms.of(instalments, assessment);
  }

  /** An evidence reference, checked by the model's rule; a bad one is reported by its length, never its text. */
  private static String reference(JsonValue json) {
    String reference = json.text("reference");
    if (!SpendRequest.isEvidenceReference(reference)) {
      throw new JournalFormatException(json.pathOf("reference"), "must be 1 to "
          + SpendRequest.MAX_EVIDENCE_REFERENCE_LENGTH + " characters without white space or control characters, "
          + "but has " + reference.length() + " characters", null);
    }
    return reference;
  }

  private static Decision decision(JsonValue json, RequestId requestId, int format) {
    json.onlyFields("outcome", "findings", "requiredRole", "requiredTier", "configurationVersion");
    List<Finding> findings = new ArrayList<>();
    for (JsonValue finding : json.array("findings")) {
      // Format 3's overdue evidence; an older line that has it is refused as an unknown field.
      finding.onlyFields("code", "message", "figures", "role", format >= 3 ? "overdueEvidence" : "role");
      OverdueEvidence overdue = null;
      if (format >= 3 && finding.has("overdueEvidence")) {
        JsonValue numbers = finding.child("overdueEvidence");
        numbers.onlyFields("spends", "paid", "since");
        overdue = OverdueEvidence.of((int) numbers.integer("spends", 1, Integer.MAX_VALUE), numbers.money("paid"),
            numbers.date("since"));
      }
      Figures figures = null;
      if (finding.has("figures")) {
        JsonValue numbers = finding.child("figures");
        numbers.onlyFields("name", "limit", "spent", "reserved", "requested", "resetsOn");
        figures = Figures.of(numbers.text("name"), numbers.money("limit"), numbers.money("spent"),
            numbers.money("reserved"), numbers.money("requested"),
            numbers.has("resetsOn") ? numbers.date("resetsOn") : null);
      }
      findings.add(Finding.of(finding.enumValue("code", FindingCode.class, true), finding.text("message"), figures,
          finding.has("role") ? finding.enumValue("role", ApprovalRole.class, true) : null, overdue));
    }
    return Decision.of(requestId, json.enumValue("outcome", Outcome.class, true), findings,
        json.has("requiredRole") ? json.enumValue("requiredRole", ApprovalRole.class, true) : null,
        (int) json.integer("requiredTier", -1, Integer.MAX_VALUE),
        (int) json.integer("configurationVersion", 1, Integer.MAX_VALUE));
  }

}
