package org.devolvedbudgets.rules.evaluation;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.period.LondonTime;
import org.devolvedbudgets.model.scheme.AllocationMethod;
import org.devolvedbudgets.model.scheme.EvidencePolicy;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.devolvedbudgets.rules.FindingCode;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.devolvedbudgets.rules.allocation.Arm;
import org.devolvedbudgets.rules.ledger.EvidenceDue;
import org.devolvedbudgets.rules.ledger.LedgerEvent;
import org.jspecify.annotations.Nullable;

/**
 * The single pass over a journal's events that an {@link EvaluationReport} is computed from: each request made in
 * the range as a {@link RequestSummary}, each family's tally, the allocations, and the evidence and repayments
 * paid spends carry. Not thread-safe: made and used by one report.
 */
final class ReportFold {
  final ConfigurationHistory history;
  final PilotConfiguration configuration;
  final BudgetPeriod range;
  final boolean allEligible;
  final Map<FamilyId, AllocationRecord> allocations = new HashMap<>();
  final Map<RequestId, RequestSummary.Builder> open;
  final List<RequestSummary.Builder> inOrder;
  /** The family of each request in {@link #inOrder}, and of the summaries, at the same index. */
  final List<FamilyTally> familyOf;
  final Map<FamilyId, FamilyTally> families = new HashMap<>();
  final Set<RequestId> outside = new HashSet<>();
  final Set<FamilyId> eligible = new HashSet<>();
  final List<RequestSummary> summaries;
  /** Whether any version asks for evidence; only then are requests kept for it. */
  final boolean evidenceTracked;
  final Map<RequestId, SpendRequest> spendOf = new HashMap<>();
  /** Requests made subject to repayment, and what each has paid, refunded and repaid: {paid, refunded, repaid}. */
  final Map<RequestId, long[]> repayments = new LinkedHashMap<>();
  final Map<RequestId, SpendRequest> repayable = new HashMap<>();
  /** Each paid spend's evidence items, in the order the spends were paid. */
  final Map<RequestId, List<EvidenceDue>> evidence = new LinkedHashMap<>();

  ReportFold(ConfigurationHistory history, BudgetPeriod range, int events) {
    int requests = Math.max(16, Math.min(events, 1 << 24) / 2); // a hint: about two events per request
    this.open = new HashMap<>(requests * 4 / 3 + 1);
    this.inOrder = new ArrayList<>(requests);
    this.familyOf = new ArrayList<>(requests);
    this.summaries = new ArrayList<>(requests);
    this.history = history;
    this.range = range;
    LocalDate last = range.end().minusDays(1);
    PilotConfiguration first = history.versions().get(0);
    this.configuration = last.isBefore(first.effectiveFrom()) ? first : history.inForceOn(last);
    this.allEligible = history.versions().stream()
        .anyMatch(version -> version.allocation().method() == AllocationMethod.ALL_ELIGIBLE);
    this.evidenceTracked = history.versions().stream().anyMatch(version -> version.evidencePolicy().isPresent());
  }

  Arm armOf(FamilyId family) {
    AllocationRecord record = allocations.get(family);
    return record == null ? Arm.NOT_RANDOMISED : record.arm();
  }

  void apply(LedgerEvent event) {
    if (event instanceof LedgerEvent.Allocated) {
      AllocationRecord record = ((LedgerEvent.Allocated) event).record();
      if (record.allocatedOn().isBefore(range.end())) {
        allocations.putIfAbsent(record.familyId(), record);
      }
      return;
    }
    LedgerEvent.RequestEvent requestEvent = (LedgerEvent.RequestEvent) event;
    if (event instanceof LedgerEvent.Submitted) {
      submitted((LedgerEvent.Submitted) event);
      return;
    }
    RequestSummary.Builder request = open.get(requestEvent.requestId());
    if (request == null) {
      if (outside.contains(requestEvent.requestId())) {
        return;
      }
      throw new IllegalArgumentException("event " + event.sequence() + " is about request "
          + requestEvent.requestId() + ", which was never submitted");
    }
    if (event instanceof LedgerEvent.Reserved) {
      LedgerEvent.Reserved reserved = (LedgerEvent.Reserved) event;
      request.status = reserved.awaitsApproval() ? RequestStatus.AWAITING_APPROVAL : RequestStatus.APPROVED;
      request.expiresAt = reserved.expiresAt().orElse(null);
    } else if (event instanceof LedgerEvent.Approved) {
      request.status = RequestStatus.APPROVED;
      request.decidedAt = ((LedgerEvent.Approved) event).at();
    } else if (event instanceof LedgerEvent.Rejected) {
      request.status = RequestStatus.REJECTED;
      request.decidedAt = ((LedgerEvent.Rejected) event).at();
    } else if (event instanceof LedgerEvent.Posted) {
      LedgerEvent.Posted posted = (LedgerEvent.Posted) event;
      request.status = RequestStatus.POSTED;
      request.paid = checked(posted.amount(), event);
      request.paidAt = posted.at();
      if (repayable.containsKey(posted.requestId())) {
        repayments.put(posted.requestId(), new long[] {posted.amount().minorUnits(), 0, 0});
      }
      SpendRequest spend = evidenceTracked ? spendOf.get(posted.requestId()) : null;
      EvidencePolicy policy = spend == null ? null
          : history.inForceOn(spend.requestedOn()).evidencePolicy().orElse(null);
      if (policy != null) {
        List<EvidenceDue> due = EvidenceDue.forSpend(policy, spend, posted.amount(), posted.at());
        if (!due.isEmpty()) {
          evidence.put(posted.requestId(), due);
        }
      }
    } else if (event instanceof LedgerEvent.EvidenceReceived) {
      LedgerEvent.EvidenceReceived received = (LedgerEvent.EvidenceReceived) event;
      List<EvidenceDue> due = evidence.get(received.requestId());
      if (due != null) {
        List<EvidenceDue> after = new ArrayList<>(due.size());
        for (EvidenceDue item : due) {
          after.add(item.receive(received.kind(), received.at()));
        }
        evidence.put(received.requestId(), after);
      }
    } else if (event instanceof LedgerEvent.Repaid) {
      Money repaid = checked(((LedgerEvent.Repaid) event).amount(), event);
      long[] sums = repayments.get(requestEvent.requestId());
      if (sums == null) {
        throw new IllegalArgumentException("event " + event.sequence() + " repays request "
            + requestEvent.requestId() + ", which was not paid subject to repayment");
      }
      sums[2] = Math.addExact(sums[2], repaid.minorUnits());
    } else if (event instanceof LedgerEvent.Voided) {
      request.status = RequestStatus.VOIDED;
    } else if (event instanceof LedgerEvent.Expired) {
      request.status = RequestStatus.EXPIRED;
    } else {
      Money refund = checked(((LedgerEvent.Refunded) event).amount(), event);
      request.refunded = requireNonNull(request.refunded).plus(refund);
      long[] sums = repayments.get(requestEvent.requestId());
      if (sums != null) {
        sums[1] = Math.addExact(sums[1], refund.minorUnits());
      }
    }
  }

  private void submitted(LedgerEvent.Submitted event) {
    SpendRequest spend = event.request();
    RequestId id = spend.id();
    if (!range.contains(spend.requestedOn())) {
      if (open.containsKey(id) || !outside.add(id)) {
        throw submittedTwice(event, id);
      }
      return;
    }
    RequestSummary.Builder request = new RequestSummary.Builder();
    if (open.putIfAbsent(id, request) != null || outside.contains(id)) {
      throw submittedTwice(event, id);
    }
    request.requestId = id;
    if (spend.repayment().isPresent()) {
      repayable.put(id, spend);
    }
    if (evidenceTracked) {
      spendOf.put(id, spend);
    }
    request.familyId = spend.familyId();
    request.teamId = spend.teamId();
    request.requestedBy = spend.requestedBy();
    request.requestedAt = spend.requestedAt();
    request.requestedOn = spend.requestedOn();
    request.category = spend.category();
    request.subcategory = spend.subcategory().orElse(null);
    request.paymentMethod = spend.paymentMethod();
    request.amount = spend.amount();
    request.outcome = event.decision().outcome();
    request.codes = event.decision().codes();
    request.requiredRole = event.decision().requiredRole().orElse(null);
    request.configurationVersion = event.decision().configurationVersion();
    request.status = RequestStatus.DECLINED;
    if (request.outcome != Outcome.NEEDS_APPROVAL) {
      request.decidedAt = event.recordedAt();
    }
    Money zero = Money.zero(configuration.currency());
    request.paid = zero;
    request.refunded = zero;
    inOrder.add(request);
    FamilyTally family = families.get(spend.familyId());
    if (family == null) {
      family = new FamilyTally(spend.familyId());
      families.put(spend.familyId(), family);
    }
    familyOf.add(family);
  }

  private static IllegalArgumentException submittedTwice(LedgerEvent event, RequestId id) {
    return new IllegalArgumentException("event " + event.sequence() + " submits request " + id + " a second time");
  }

  private Money checked(Money amount, LedgerEvent event) {
    if (!amount.hasCurrency(configuration.currency())) {
      throw new IllegalArgumentException("event " + event.sequence() + " has amount " + amount
          + ", not in the scheme's currency " + configuration.currency().getCurrencyCode());
    }
    return amount;
  }

  /** The London day evidence is judged overdue on: the report's as-of day; null if that is unsupported. */
  @Nullable LocalDate judgedOn;

  void finish(Instant asOf) {
    judgedOn = LondonTime.isSupported(asOf) ? LondonTime.dateOf("asOf", asOf) : null;
    for (AllocationRecord record : allocations.values()) {
      if (record.arm().hasBudget()) {
        eligible.add(record.familyId());
      }
    }
    for (int i = 0; i < inOrder.size(); i++) {
      RequestSummary.Builder request = inOrder.get(i);
      FamilyTally family = familyOf.get(i);
      AllocationRecord record = family.allocation(allocations);
      if (record != null) {
        request.arm = record.arm();
        request.stratum = record.stratum().orElse(null);
      }
      if (request.status == RequestStatus.AWAITING_APPROVAL && request.expiresAt != null
          && !asOf.isBefore(request.expiresAt)) {
        request.status = RequestStatus.EXPIRED; // lapsed, though the expiry is not recorded yet
      }
      if (allEligible && !family.eligibleByRequest && !request.codes.contains(FindingCode.TEAM_NOT_ELIGIBLE)) {
        family.eligibleByRequest = true;
        eligible.add(family.familyId);
      }
      summaries.add(request.build());
    }
  }

  /** What the report adds up for one family that made a request, looked up once per request. */
  static final class FamilyTally {
    final FamilyId familyId;
    long spent;
    boolean eligibleByRequest;
    private boolean allocationLooked;
    private @Nullable AllocationRecord allocation;

    FamilyTally(FamilyId familyId) {
      this.familyId = familyId;
    }

    @Nullable AllocationRecord allocation(Map<FamilyId, AllocationRecord> allocations) {
      if (!allocationLooked) {
        allocation = allocations.get(familyId);
        allocationLooked = true;
      }
      return allocation;
    }
  }
}
