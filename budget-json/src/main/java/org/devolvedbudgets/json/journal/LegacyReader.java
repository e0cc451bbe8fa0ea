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
 * Reads journal formats 1, 2 and 3 exactly as they always were, with the strict tree reader that scheme and
 * scenario files share. A line of format 4 is read by {@link EventReader}.
 *
 * <p>Stateless and thread-safe.
 */
final class LegacyReader {

  private static final String[] COMMON = {"type", "format", "sequence", "recordedAt", "scheme", "actor",
      "familyId"};

  private LegacyReader() {}

  /** Reads one line of format 1, 2 or 3. */
  static JournalFormat.Line read(String line) {
    try {
      JsonValue json = JsonDocument.parseJsonLine("journal line", line).root().requireObject();
      long format = json.integer("format", 1, Integer.MAX_VALUE);
      if (format > JournalFormat.FORMAT) {
        throw new JournalFormatException("$.format", "is " + format + ", but this version of the library reads "
            + "journal format " + JournalFormat.FORMAT + " (and older); read it with the library that wrote it",
            null);
      }
      if (format == JournalFormat.FORMAT) {
        throw new JournalFormatException("$.format", "is " + format + ", but the line is not a well-formed line "
            + "of that format", null);
      }
      String type = json.text("type");
      SchemeId scheme = json.identifier("scheme", "a scheme id", SchemeId::of);
      long sequence = json.integer("sequence", 1, Long.MAX_VALUE);
      Instant recordedAt = instant(json, "recordedAt");
      WorkerId actor = json.identifier("actor", "a worker id", WorkerId::of);
      FamilyId familyId = json.identifier("familyId", "a family id", FamilyId::of);
      try {
        return new JournalFormat.Line(scheme, event(json, (int) format, type, scheme, sequence, recordedAt, actor,
            familyId), Optional.empty());
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
