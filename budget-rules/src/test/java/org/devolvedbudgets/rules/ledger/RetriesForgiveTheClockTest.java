package org.devolvedbudgets.rules.ledger;

import static org.devolvedbudgets.rules.TestPilots.REUNIFICATION;
import static org.devolvedbudgets.rules.TestPilots.WORKER;
import static org.devolvedbudgets.rules.TestPilots.darlington;
import static org.devolvedbudgets.rules.TestPilots.gbp;
import static org.devolvedbudgets.rules.TestPilots.on;
import static org.devolvedbudgets.rules.TestPilots.wigan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.OperationId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.EvidencePolicy;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.EvidenceKind;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.Approver;
import org.devolvedbudgets.rules.TestPilots;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.junit.jupiter.api.Test;

/**
 * A retry after a timeout carries a fresh {@code Instant.now()}: on every kind of operation, a retry with the same
 * id and content but another time returns the first result, changes nothing, and the time first recorded stands.
 * What is compared is the content; a change of content is still a coded conflict.
 */
class RetriesForgiveTheClockTest {

  private static final Instant START = on(2019, 6, 3);
  private static final Approver MANAGER = Approver.of(WorkerId.of("W-0007"), ApprovalRole.TEAM_MANAGER,
      REUNIFICATION);

  private final TestClock clock = new TestClock(START);
  private final BudgetLedger ledger = BudgetLedger.builder(wigan()).clock(clock).build();

  private static SpendRequest request(String id, String amount) {
    return TestPilots.request(REUNIFICATION, amount).id(RequestId.of(id)).familyId(FamilyId.of("F-" + id)).build();
  }

  /** Runs {@code change} at a time and again a minute later: same result, no new event, first time kept. */
  private void retriedLater(Function<Instant, LedgerResult> change) {
    LedgerResult first = change.apply(START.plusSeconds(60));
    assertTrue(first.isApplied(), first.toString());
    long events = ledger.lastSequence();
    LedgerEvent recorded = ledger.store().read(events - 1, 1).get(0);
    clock.advance(Duration.ofMinutes(1));
    LedgerResult again = change.apply(START.plusSeconds(120));
    assertTrue(again.isApplied(), again.toString());
    assertEquals(first.message(), again.message());
    assertEquals(events, ledger.lastSequence(), "nothing more recorded");
    assertEquals(recorded, ledger.store().read(events - 1, 1).get(0), "the time first recorded stands");
  }

  @Test
  void approvalsRejectionsPaymentsAndCancellationsRetriedLaterReturnTheFirstResult() {
    ledger.submit(request("R-1", "750.00"));
    ledger.submit(request("R-2", "750.00"));
    ledger.submit(request("R-3", "300.00"));
    retriedLater(at -> ledger.approve(OperationId.of("op-approve"), RequestId.of("R-1"), MANAGER, at));
    retriedLater(at -> ledger.reject(OperationId.of("op-reject"), RequestId.of("R-2"), MANAGER, at));
    retriedLater(at -> ledger.post(OperationId.of("op-post"), RequestId.of("R-1"), gbp("700.00"), WORKER, at));
    retriedLater(at -> ledger.voidReservation(OperationId.of("op-void"), RequestId.of("R-3"), WORKER, at));
    retriedLater(at -> ledger.refund(OperationId.of("op-refund"), RequestId.of("R-1"), gbp("20.00"), WORKER, at));
    ledger.verifyJournal();
  }

  @Test
  void evidenceAndRepaymentsRetriedLaterReturnTheFirstResult() {
    PilotConfiguration scheme = EvidenceTest.scheme(EvidencePolicy.WhenOverdue.NOTHING, Optional.empty());
    BudgetLedger withEvidence = BudgetLedger.builder(scheme).clock(clock).build();
    SpendRequest repayable = SpendRequest.builder().from(request("R-1", "300.00"))
        .repayment(RepaymentTest.MONTHLY).build();
    withEvidence.submit(repayable);
    withEvidence.post(RequestId.of("R-1"), gbp("300.00"), WORKER, START);
    for (Function<Instant, LedgerResult> change : List.<Function<Instant, LedgerResult>>of(
        at -> withEvidence.recordEvidence(OperationId.of("op-receipt"), RequestId.of("R-1"), EvidenceKind.RECEIPT,
            "DOC-1", WORKER, at),
        at -> withEvidence.recordRepayment(OperationId.of("op-repay"), RequestId.of("R-1"), gbp("50.00"), WORKER,
            at))) {
      LedgerResult first = change.apply(START.plusSeconds(60));
      long events = withEvidence.lastSequence();
      LedgerResult again = change.apply(START.plusSeconds(3_600));
      assertTrue(first.isApplied() && again.isApplied(), first + " / " + again);
      assertEquals(first.message(), again.message());
      assertEquals(events, withEvidence.lastSequence());
    }
    assertEquals(gbp("50.00"), withEvidence.repayment(RequestId.of("R-1")).orElseThrow().repaid(), "repaid once");
  }

  @Test
  void aSubmissionRetriedWithALaterRequestedAtReturnsTheFirstSubmission() {
    SpendRequest request = request("R-1", "300.00");
    Submission first = ledger.submit(request);
    long events = ledger.lastSequence();
    SpendRequest later = SpendRequest.builder().from(request).requestedAt(START.plusSeconds(30)).build();
    assertSame(first, ledger.submit(later));
    assertEquals(events, ledger.lastSequence());
    IdempotencyConflictException changed = assertThrows(IdempotencyConflictException.class,
        () -> ledger.submit(SpendRequest.builder().from(later).amount(gbp("310.00")).build()));
    assertEquals(List.of("amount", "requestedAt"), changed.fields(), "a time is named only beside a real change");
    assertEquals("REQUEST_CONFLICT", changed.code());
    assertFalse(changed.isRetryable());
  }

  @Test
  void anAllocationRetriedOnALaterDayReturnsTheFirstAllocation() {
    BudgetLedger randomised = BudgetLedger.builder(darlington()).clock(clock).build();
    OperationId allocation = OperationId.of("op-allocate");
    AllocationRecord first = randomised.allocate(allocation, FamilyId.of("F-1"), 7, LocalDate.of(2019, 6, 3),
        WORKER);
    long events = randomised.lastSequence();
    assertEquals(first, randomised.allocate(allocation, FamilyId.of("F-1"), 7, LocalDate.of(2019, 6, 4), WORKER));
    assertEquals(events, randomised.lastSequence());
    OperationConflictException other = assertThrows(OperationConflictException.class,
        () -> randomised.allocate(allocation, FamilyId.of("F-2"), 7, LocalDate.of(2019, 6, 3), WORKER));
    assertTrue(other.fields().contains("familyId"), other.fields().toString());
  }
}
