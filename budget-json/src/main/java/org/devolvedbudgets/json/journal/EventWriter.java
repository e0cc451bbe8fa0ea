package org.devolvedbudgets.json.journal;

import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import org.devolvedbudgets.model.id.ChildId;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.spend.Instalment;
import org.devolvedbudgets.model.spend.ListedBenefit;
import org.devolvedbudgets.model.spend.MeansAssessment;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.Decision;
import org.devolvedbudgets.rules.Finding;
import org.devolvedbudgets.rules.Figures;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.devolvedbudgets.rules.ledger.Charge;
import org.devolvedbudgets.rules.ledger.LedgerEvent;
import org.devolvedbudgets.rules.position.OverdueEvidence;
import org.devolvedbudgets.rules.position.UsageKey;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes journal format 4: an event's canonical line, whose bytes its digest is taken over, or its body, the line
 * without the fields a database store keeps in columns. The order of fields is fixed, nothing is written twice
 * (a submitted request's id, family and requester are the line's {@code requestId}, {@code familyId} and
 * {@code actor}), and empty and default values are left out, so the same event always gives the same bytes.
 *
 * <p>Stateless and thread-safe.
 */
final class EventWriter {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private EventWriter() {}

  /** The canonical line: every field, {@code previous} last. */
  static String line(SchemeId scheme, LedgerEvent event, String previous) {
    return withColumns(scheme, event, body(scheme, event, previous));
  }

  /**
   * The canonical line of a body {@link #body} wrote: the columns' fields, then the body's. The canonical order is
   * the columns' ({@code type}, {@code format}, {@code sequence}, {@code scheme}, {@code familyId},
   * {@code requestId}, {@code operationId}), then the body's ({@code recordedAt}, {@code actor}, the type's own,
   * {@code previous}), so a line is its columns and its body, each written once. The columns' values are
   * identifiers, type names and numbers, none of which needs escaping in JSON.
   */
  static String withColumns(SchemeId scheme, LedgerEvent event, String body) {
    StringBuilder line = new StringBuilder(body.length() + 160).append("{\"type\":\"")
        .append(JournalFormat.typeOf(event)).append("\",\"format\":").append(JournalFormat.FORMAT)
        .append(",\"sequence\":").append(event.sequence()).append(",\"scheme\":\"").append(scheme.value())
        .append("\",\"familyId\":\"").append(event.familyId().value()).append('"');
    if (event instanceof LedgerEvent.RequestEvent) {
      line.append(",\"requestId\":\"").append(((LedgerEvent.RequestEvent) event).requestId().value()).append('"');
    }
    if (event.operationId().isPresent()) {
      line.append(",\"operationId\":\"").append(event.operationId().get().value()).append('"');
    }
    return line.append(',').append(body, 1, body.length()).toString();
  }

  /** The fields a database store keeps in columns beside a row's body: not written in the body. */
  private static final java.util.Set<String> COLUMNS = java.util.Set.of("type", "format", "sequence",
      "scheme", "familyId", "requestId", "operationId");

  /** Whether a field is one a database store keeps in a column. */
  static boolean isColumn(String field) {
    return COLUMNS.contains(field);
  }

  /** The body: the line without the fields a store keeps in columns. */
  static String body(SchemeId scheme, LedgerEvent event, String previous) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringProperty("recordedAt", event.recordedAt().toString());
      json.writeStringProperty("actor", event.actor().value());
      fields(json, scheme, event);
      json.writeStringProperty("previous", previous);
      json.writeEndObject();
    }
    return out.toString();
  }

  private static void fields(JsonGenerator json, SchemeId scheme, LedgerEvent event) {
    if (event instanceof LedgerEvent.Allocated) {
      AllocationRecord record = ((LedgerEvent.Allocated) event).record();
      json.writeName("allocation");
      json.writeStartObject();
      json.writeStringProperty("method", record.method().name());
      json.writeStringProperty("arm", record.arm().name());
      if (record.stratum().isPresent()) {
        json.writeStringProperty("stratum", record.stratum().get().youngest() + "-" + record.stratum().get().oldest());
      }
      json.writeStringProperty("allocatedOn", record.allocatedOn().toString());
      json.writeEndObject();
    } else if (event instanceof LedgerEvent.Submitted) {
      LedgerEvent.Submitted submitted = (LedgerEvent.Submitted) event;
      if (!submitted.schemeId().equals(scheme)) {
        throw new IllegalArgumentException("event " + event.sequence() + " was decided in scheme '"
            + submitted.schemeId() + "', not '" + scheme + "'");
      }
      request(json, submitted);
      json.writeStringProperty("requestFingerprint", submitted.requestFingerprint().hex());
      json.writeStringProperty("configurationFingerprint", submitted.configurationFingerprint().hex());
      decision(json, submitted.decision());
    } else if (event instanceof LedgerEvent.Reserved) {
      reserved(json, (LedgerEvent.Reserved) event);
    } else if (event instanceof LedgerEvent.Approved) {
      LedgerEvent.Approved approved = (LedgerEvent.Approved) event;
      json.writeStringProperty("role", approved.role().name());
      if (approved.team().isPresent()) {
        json.writeStringProperty("team", approved.team().get().value());
      }
      json.writeStringProperty("at", approved.at().toString());
    } else if (event instanceof LedgerEvent.Rejected) {
      released(json, ((LedgerEvent.Rejected) event).released(), ((LedgerEvent.Rejected) event).at());
    } else if (event instanceof LedgerEvent.Posted) {
      LedgerEvent.Posted posted = (LedgerEvent.Posted) event;
      json.writeStringProperty("amount", posted.amount().toString());
      if (!posted.released().isZero()) {
        json.writeStringProperty("released", posted.released().toString());
      }
      json.writeStringProperty("at", posted.at().toString());
    } else if (event instanceof LedgerEvent.Voided) {
      released(json, ((LedgerEvent.Voided) event).released(), ((LedgerEvent.Voided) event).at());
    } else if (event instanceof LedgerEvent.Expired) {
      released(json, ((LedgerEvent.Expired) event).released(), ((LedgerEvent.Expired) event).at());
    } else if (event instanceof LedgerEvent.Repaid) {
      LedgerEvent.Repaid repaid = (LedgerEvent.Repaid) event;
      returned(json, repaid.amount(), repaid.restoresAllowance(), repaid.at());
    } else if (event instanceof LedgerEvent.EvidenceReceived) {
      LedgerEvent.EvidenceReceived received = (LedgerEvent.EvidenceReceived) event;
      json.writeStringProperty("kind", received.kind().name());
      json.writeStringProperty("reference", received.reference());
      json.writeStringProperty("at", received.at().toString());
    } else {
      LedgerEvent.Refunded refunded = (LedgerEvent.Refunded) event;
      returned(json, refunded.amount(), refunded.restoresAllowance(), refunded.at());
    }
  }

  private static void released(JsonGenerator json, Money released, Instant at) {
    json.writeStringProperty("released", released.toString());
    json.writeStringProperty("at", at.toString());
  }

  private static void returned(JsonGenerator json, Money amount, boolean restores, Instant at) {
    json.writeStringProperty("amount", amount.toString());
    json.writeBooleanProperty("restoresAllowance", restores);
    json.writeStringProperty("at", at.toString());
  }

  private static void reserved(JsonGenerator json, LedgerEvent.Reserved reserved) {
    json.writeStringProperty("amount", reserved.amount().toString());
    json.writeStringProperty("day", reserved.day().toString());
    json.writeName("charges");
    json.writeStartArray();
    for (Charge charge : reserved.charges()) {
      UsageKey key = charge.key();
      json.writeStartObject();
      json.writeStringProperty("allowanceId", key.allowanceId().value());
      json.writeStringProperty("scope", key.scope().name());
      json.writeStringProperty("holder", key.holder());
      json.writeName("period");
      json.writeStartObject();
      json.writeStringProperty("kind", key.period().kind().name());
      json.writeStringProperty("start", key.period().start().toString());
      json.writeStringProperty("end", key.period().end().toString());
      json.writeEndObject();
      json.writeStringProperty("amount", charge.amount().toString());
      json.writeEndObject();
    }
    json.writeEndArray();
    if (reserved.expiresAt().isPresent()) {
      json.writeStringProperty("expiresAt", reserved.expiresAt().get().toString());
    }
  }

  /** The request, without what the line already says: its id, family and (when it is the actor) requester. */
  private static void request(JsonGenerator json, LedgerEvent.Submitted submitted) {
    SpendRequest request = submitted.request();
    json.writeName("request");
    json.writeStartObject();
    if (!request.childIds().isEmpty()) {
      json.writeName("childIds");
      json.writeStartArray();
      for (ChildId child : request.childIds()) {
        json.writeString(child.value());
      }
      json.writeEndArray();
    }
    if (!request.childShares().isEmpty()) {
      json.writeName("childShares");
      json.writeStartObject();
      for (Map.Entry<ChildId, Money> share : request.childShares().entrySet()) {
        json.writeStringProperty(share.getKey().value(), share.getValue().toString());
      }
      json.writeEndObject();
    }
    json.writeStringProperty("teamId", request.teamId().value());
    if (!request.requestedBy().equals(submitted.actor())) {
      json.writeStringProperty("requestedBy", request.requestedBy().value());
    }
    json.writeStringProperty("amount", request.amount().toString());
    json.writeStringProperty("category", request.category().name());
    if (request.subcategory().isPresent()) {
      json.writeStringProperty("subcategory", request.subcategory().get().toString());
    }
    json.writeStringProperty("requestedAt", request.requestedAt().toString());
    json.writeStringProperty("paymentMethod", request.paymentMethod().name());
    if (request.vatRecoverable()) {
      json.writeBooleanProperty("vatRecoverable", true);
    }
    if (request.evidenceReference().isPresent()) {
      json.writeStringProperty("evidenceReference", request.evidenceReference().get());
    }
    if (request.repayment().isPresent()) {
      json.writeName("repayment");
      json.writeStartObject();
      json.writeName("instalments");
      json.writeStartArray();
      for (Instalment instalment : request.repayment().get().instalments()) {
        json.writeStartObject();
        json.writeStringProperty("dueOn", instalment.dueOn().toString());
        json.writeStringProperty("amount", instalment.amount().toString());
        json.writeEndObject();
      }
      json.writeEndArray();
      if (request.repayment().get().meansAssessment().isPresent()) {
        MeansAssessment assessment = request.repayment().get().meansAssessment().get();
        json.writeName("meansAssessment");
        json.writeStartObject();
        json.writeStringProperty("reference", assessment.reference());
        json.writeStringProperty("assessedOn", assessment.assessedOn().toString());
        if (!assessment.benefits().isEmpty()) {
          json.writeName("benefits");
          json.writeStartArray();
          for (ListedBenefit benefit : new TreeSet<>(assessment.benefits())) {
            json.writeString(benefit.name());
          }
          json.writeEndArray();
        }
        json.writeEndObject();
      }
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private static void decision(JsonGenerator json, Decision decision) {
    json.writeName("decision");
    json.writeStartObject();
    json.writeStringProperty("outcome", decision.outcome().name());
    if (!decision.findings().isEmpty()) {
      json.writeName("findings");
      json.writeStartArray();
      for (Finding finding : decision.findings()) {
        finding(json, finding);
      }
      json.writeEndArray();
    }
    if (decision.requiredRole().isPresent()) {
      json.writeStringProperty("requiredRole", decision.requiredRole().get().name());
    }
    if (decision.requiredTier() != -1) {
      json.writeNumberProperty("requiredTier", decision.requiredTier());
    }
    json.writeNumberProperty("configurationVersion", decision.configurationVersion());
    json.writeEndObject();
  }

  private static void finding(JsonGenerator json, Finding finding) {
    json.writeStartObject();
    json.writeStringProperty("code", finding.code().name());
    json.writeStringProperty("message", finding.message());
    if (finding.figures().isPresent()) {
      Figures figures = finding.figures().get();
      json.writeName("figures");
      json.writeStartObject();
      json.writeStringProperty("name", figures.name());
      json.writeStringProperty("limit", figures.limit().toString());
      json.writeStringProperty("spent", figures.spent().toString());
      json.writeStringProperty("reserved", figures.reserved().toString());
      json.writeStringProperty("requested", figures.requested().toString());
      if (figures.resetsOn().isPresent()) {
        json.writeStringProperty("resetsOn", figures.resetsOn().get().toString());
      }
      json.writeEndObject();
    }
    if (finding.role().isPresent()) {
      json.writeStringProperty("role", finding.role().get().name());
    }
    if (finding.overdueEvidence().isPresent()) {
      OverdueEvidence overdue = finding.overdueEvidence().get();
      json.writeName("overdueEvidence");
      json.writeStartObject();
      json.writeNumberProperty("spends", overdue.spends());
      json.writeStringProperty("paid", overdue.paid().toString());
      json.writeStringProperty("since", overdue.since().toString());
      json.writeEndObject();
    }
    json.writeEndObject();
  }
}
