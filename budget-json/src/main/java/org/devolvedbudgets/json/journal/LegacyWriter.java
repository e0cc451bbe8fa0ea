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
 * Writes journal format 3, for events a database keeps in that format: so that exporting a journal begun before
 * format 4 gives back the lines it was written in. New events are written in format 4 ({@link EventWriter}).
 *
 * <p>Stateless and thread-safe.
 */
final class LegacyWriter {

  /** The format written: 3. */
  static final int FORMAT = 3;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private LegacyWriter() {}

  /** Writes an event as one line of format 3, without a line break. */
  static String line(SchemeId scheme, LedgerEvent event) {
    requireNonNull(scheme, "scheme");
    requireNonNull(event, "event");
    ObjectNode json = NODES.objectNode();
    json.put("type", JournalFormat.typeOf(event));
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
}
