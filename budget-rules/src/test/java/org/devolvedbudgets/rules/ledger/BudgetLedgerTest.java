package org.devolvedbudgets.rules.ledger;

import static org.devolvedbudgets.rules.TestPilots.REUNIFICATION;
import static org.devolvedbudgets.rules.TestPilots.WIGAN_FAMILY;
import static org.devolvedbudgets.rules.TestPilots.WORKER;
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
import java.util.stream.Collectors;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.CurrencyMismatchException;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.Approver;
import org.devolvedbudgets.rules.FindingCode;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.RefusalCode;
import org.devolvedbudgets.rules.TestPilots;
import org.devolvedbudgets.rules.position.RemainingBudget;
import org.junit.jupiter.api.Test;

/** The ledger's operations one at a time, on Wigan's scheme: £4,000 per family per financial year. */
class BudgetLedgerTest {

  static final Instant START = on(2019, 6, 3);
  static final LocalDate JUNE = LocalDate.of(2019, 6, 3);
  static final Approver MANAGER = Approver.of(WorkerId.of("W-0007"), ApprovalRole.TEAM_MANAGER,
      REUNIFICATION);

  private final TestClock clock = new TestClock(START);
  private final BudgetLedger ledger = BudgetLedger.builder(wigan()).clock(clock).build();

  static SpendRequest request(String id, String amount) {
    return TestPilots.request(REUNIFICATION, amount).id(RequestId.of(id)).build();
  }

  private RemainingBudget family(LocalDate date) {
    return ledger.remainingBudget(TestPilots.FAMILY, date).stream()
        .filter(budget -> budget.allowanceName().equals(WIGAN_FAMILY)).findFirst().orElseThrow();
  }

  private static void assertFigures(String spent, String reserved, String remaining, RemainingBudget budget) {
    assertEquals(List.of(gbp(spent), gbp(reserved), gbp(remaining)),
        List.of(budget.spent(), budget.reserved(), budget.remaining()), budget.toString());
  }

  @Test
  void reservesAnApprovedSpendAtOnceAndAPartialPostReleasesTheRest() {
    Submission submission = ledger.submit(request("R-1", "120.00"));
    assertEquals(Outcome.APPROVED, submission.outcome());
    Reservation reservation = submission.reservation().orElseThrow();
    assertEquals(ReservationStatus.APPROVED, reservation.status());
    assertEquals(gbp("120.00"), reservation.held());
    assertEquals(Optional.empty(), reservation.expiresAt());
    assertFigures("0.00", "120.00", "3880.00", family(JUNE));

    LedgerResult posted = ledger.post(RequestId.of("R-1"), gbp("113.00"), WORKER, START.plusSeconds(3600));
    assertTrue(posted.isApplied());
    assertEquals("Posted £113.00 and released £7.00.", posted.message());
    assertEquals(ReservationStatus.POSTED, posted.reservation().orElseThrow().status());
    assertEquals(gbp("113.00"), posted.reservation().orElseThrow().posted());
    assertFigures("113.00", "0.00", "3887.00", family(JUNE));
  }

  @Test
  void recordsEveryChangeAsANumberedEventStampedByTheClockWithItsActor() {
    ledger.submit(request("R-1", "120.00"));
    clock.advance(Duration.ofMinutes(5));
    ledger.post(RequestId.of("R-1"), gbp("120.00"), WorkerId.of("W-0099"), START.plusSeconds(60));
    List<LedgerEvent> events = ledger.store().readAll();
    assertEquals(List.of(LedgerEvent.Submitted.class, LedgerEvent.Reserved.class, LedgerEvent.Posted.class),
        events.stream().map(Object::getClass).collect(Collectors.toList()));
    assertEquals(List.of(1L, 2L, 3L), events.stream().map(LedgerEvent::sequence).collect(Collectors.toList()));
    assertEquals(List.of(START, START, START.plus(Duration.ofMinutes(5))),
        events.stream().map(LedgerEvent::recordedAt).collect(Collectors.toList()));
    assertEquals(List.of(WORKER, WORKER, WorkerId.of("W-0099")),
        events.stream().map(LedgerEvent::actor).collect(Collectors.toList()));
    LedgerEvent.Posted posted = (LedgerEvent.Posted) events.get(2);
    assertEquals(START.plusSeconds(60), posted.at());
    assertEquals(gbp("0.00"), posted.released());
    assertEquals(3, ledger.lastSequence());
    assertEquals(events, ledger.store().readFamily(TestPilots.FAMILY));
  }

  @Test
  void holdsMoneyAwaitingApprovalUntilAManagerApprovesWithinTheHold() {
    Submission submission = ledger.submit(request("R-1", "700.00"));
    assertEquals(Outcome.NEEDS_APPROVAL, submission.outcome());
    Reservation awaiting = submission.reservation().orElseThrow();
    assertEquals(ReservationStatus.AWAITING_APPROVAL, awaiting.status());
    assertEquals(Optional.of(START.plus(Duration.ofDays(14))), awaiting.expiresAt());
    assertFigures("0.00", "700.00", "3300.00", family(JUNE));

    LedgerResult approved = ledger.approve(RequestId.of("R-1"), MANAGER, START.plus(Duration.ofDays(2)));
    assertTrue(approved.isApplied(), approved::toString);
    assertEquals("Approved £700.00 as team manager.", approved.message());
    assertEquals(ReservationStatus.APPROVED, approved.reservation().orElseThrow().status());
    assertEquals(List.of(), ledger.expire(START.plus(Duration.ofDays(30))), "an approved hold does not expire");
    assertTrue(ledger.post(RequestId.of("R-1"), gbp("700.00"), WORKER, START.plus(Duration.ofDays(3)))
        .isApplied());
    assertFigures("700.00", "0.00", "3300.00", family(JUNE));
  }

  @Test
  void expiryReleasesAHoldNotApprovedInTimeAndAnApprovalAfterItIsRefused() {
    ledger.submit(request("R-1", "700.00"));
    ledger.submit(request("R-2", "800.00"));
    Instant lapse = START.plus(Duration.ofDays(14));
    LedgerResult late = ledger.approve(RequestId.of("R-2"), MANAGER, lapse);
    assertEquals(Optional.of(LedgerRefusal.RESERVATION_EXPIRED), late.refusal(), "at the expiry time, too late");
    assertEquals(List.of(), ledger.expire(lapse.minusMillis(1)));

    List<Reservation> expired = ledger.expire(lapse);
    assertEquals(List.of(RequestId.of("R-1"), RequestId.of("R-2")),
        expired.stream().map(Reservation::requestId).collect(Collectors.toList()));
    assertTrue(expired.stream().allMatch(reservation -> reservation.status() == ReservationStatus.EXPIRED));
    assertFigures("0.00", "0.00", "4000.00", family(JUNE));
    LedgerEvent.Expired event = (LedgerEvent.Expired) ledger.store().readAll().get(4);
    assertEquals(WorkerId.of("ledger"), event.actor());
    assertEquals(lapse, event.at());

    assertEquals(Optional.of(LedgerRefusal.RESERVATION_EXPIRED),
        ledger.approve(RequestId.of("R-1"), MANAGER, START.plusSeconds(60)).refusal());
    assertEquals(Optional.of(LedgerRefusal.ALREADY_RESOLVED),
        ledger.voidReservation(RequestId.of("R-1"), WORKER, lapse).refusal());
    assertEquals(List.of(), ledger.expire(lapse.plus(Duration.ofDays(1))), "expires once");
  }

  @Test
  void aRejectionReleasesTheMoneyAndNeedsTheSameAuthorityAsAnApproval() {
    ledger.submit(request("R-1", "700.00"));
    LedgerResult own = ledger.reject(RequestId.of("R-1"), Approver.of(WORKER, ApprovalRole.TEAM_MANAGER, REUNIFICATION),
        START.plusSeconds(60));
    assertEquals(Optional.of(LedgerRefusal.APPROVAL_NOT_VALID), own.refusal());
    assertEquals(RefusalCode.SELF_APPROVAL,
        own.approvalCheck().orElseThrow().refusals().get(0).code());
    LedgerResult rejected = ledger.reject(RequestId.of("R-1"), MANAGER, START.plusSeconds(60));
    assertTrue(rejected.isApplied());
    assertEquals(ReservationStatus.REJECTED, rejected.reservation().orElseThrow().status());
    assertFigures("0.00", "0.00", "4000.00", family(JUNE));
  }

  @Test
  void refusesSelfApprovalAndAJuniorRoleWithTheRulesCheck() {
    ledger.submit(request("R-1", "700.00"));
    LedgerResult junior = ledger.approve(RequestId.of("R-1"),
        Approver.of(WorkerId.of("W-0008"), ApprovalRole.SOCIAL_WORKER, REUNIFICATION), START.plusSeconds(60));
    assertEquals(Optional.of(LedgerRefusal.APPROVAL_NOT_VALID), junior.refusal());
    assertEquals(List.of(RefusalCode.ROLE_NOT_SENIOR_ENOUGH), junior.approvalCheck().orElseThrow().refusals()
        .stream().map(refusal -> refusal.code()).collect(Collectors.toList()));
    assertEquals(ReservationStatus.AWAITING_APPROVAL, ledger.reservation(RequestId.of("R-1")).orElseThrow()
        .status());
  }

  @Test
  void aReservationResolvesExactlyOnceAndEveryLaterAttemptGetsACode() {
    RequestId id = RequestId.of("R-1");
    ledger.submit(request("R-1", "700.00"));
    assertEquals(Optional.of(LedgerRefusal.NOT_APPROVED), ledger.post(id, gbp("700.00"), WORKER, START).refusal());
    ledger.approve(id, MANAGER, START);
    assertEquals(Optional.of(LedgerRefusal.NOT_AWAITING_APPROVAL), ledger.approve(id, MANAGER, START).refusal());
    assertTrue(ledger.post(id, gbp("650.00"), WORKER, START).isApplied());
    long events = ledger.lastSequence();
    assertEquals(Optional.of(LedgerRefusal.ALREADY_RESOLVED), ledger.post(id, gbp("650.00"), WORKER, START).refusal());
    assertEquals(Optional.of(LedgerRefusal.ALREADY_RESOLVED), ledger.voidReservation(id, WORKER, START).refusal());
    assertEquals(Optional.of(LedgerRefusal.NOT_AWAITING_APPROVAL), ledger.reject(id, MANAGER, START).refusal());
    LedgerResult again = ledger.post(id, gbp("650.00"), WORKER, START);
    assertEquals("Request R-1 was already posted.", again.message());
    assertEquals(gbp("650.00"), again.reservation().orElseThrow().posted());
    assertEquals(events, ledger.lastSequence(), "refusals record nothing");

    ledger.submit(request("R-2", "100.00"));
    assertTrue(ledger.voidReservation(RequestId.of("R-2"), WORKER, START).isApplied());
    assertEquals(Optional.of(LedgerRefusal.ALREADY_RESOLVED),
        ledger.post(RequestId.of("R-2"), gbp("100.00"), WORKER, START).refusal());
  }

  @Test
  void aDeclinedRequestReservesNothingAndLaterChangesSaySo() {
    ledger.submit(request("R-1", "3500.00"));
    ledger.approve(RequestId.of("R-1"), MANAGER, START);
    Submission declined = ledger.submit(request("R-2", "600.00"));
    assertEquals(Outcome.DECLINED, declined.outcome());
    assertEquals(List.of(FindingCode.EXCEEDS_FAMILY_ALLOWANCE, FindingCode.APPROVAL_REQUIRED),
        declined.decision().codes());
    assertEquals(Optional.empty(), declined.reservation());
    RequestId id = RequestId.of("R-2");
    assertEquals(Optional.of(LedgerRefusal.NOTHING_RESERVED), ledger.post(id, gbp("1.00"), WORKER, START).refusal());
    assertEquals(Optional.of(LedgerRefusal.NOTHING_RESERVED), ledger.voidReservation(id, WORKER, START).refusal());
    assertEquals(Optional.of(LedgerRefusal.NOTHING_RESERVED), ledger.refund(id, gbp("1.00"), WORKER, START).refusal());
    assertEquals(Optional.of(LedgerRefusal.NOT_AWAITING_APPROVAL), ledger.approve(id, MANAGER, START).refusal());
    assertEquals(Optional.empty(), ledger.reservation(id));

    ledger.voidReservation(RequestId.of("R-1"), WORKER, START);
    assertEquals(Outcome.NEEDS_APPROVAL, ledger.submit(request("R-3", "600.00")).outcome(),
        "voiding released the family's money");
  }

  @Test
  void anIdenticalRetryReturnsTheOriginalResultAndChangesNothing() {
    Submission first = ledger.submit(request("R-1", "120.00"));
    long events = ledger.lastSequence();
    assertSame(first, ledger.submit(request("R-1", "120.00")));
    assertEquals(events, ledger.lastSequence());
    assertFigures("0.00", "120.00", "3880.00", family(JUNE));

    ledger.post(RequestId.of("R-1"), gbp("100.00"), WORKER, START);
    Submission afterPost = ledger.submit(request("R-1", "120.00"));
    assertSame(first, afterPost, "a retry after a post returns the original result");
    assertEquals(ReservationStatus.APPROVED, afterPost.reservation().orElseThrow().status());
    assertEquals(ReservationStatus.POSTED, ledger.reservation(RequestId.of("R-1")).orElseThrow().status());
    assertFigures("100.00", "0.00", "3900.00", family(JUNE));
    assertEquals(Optional.of(first), ledger.submission(RequestId.of("R-1")));
  }

  @Test
  void aRetryWithChangedContentThrowsNamingEveryChangedFieldButNoValue() {
    ledger.submit(request("R-1", "120.00"));
    long events = ledger.lastSequence();
    IdempotencyConflictException amount = assertThrows(IdempotencyConflictException.class,
        () -> ledger.submit(request("R-1", "121.00")));
    assertEquals(List.of("amount"), amount.fields());
    assertEquals("request R-1 was already submitted with different amount", amount.getMessage());

    SpendRequest changed = TestPilots.request(REUNIFICATION, "99.00").id(RequestId.of("R-1"))
        .description("Shoes for Sam").familyId(org.devolvedbudgets.model.id.FamilyId.of("F-9")).build();
    IdempotencyConflictException several = assertThrows(IdempotencyConflictException.class,
        () -> ledger.submit(changed));
    assertEquals(List.of("familyId", "amount", "description"), several.fields());
    assertFalse(several.getMessage().contains("Sam"), several.getMessage());
    assertEquals(RequestId.of("R-1"), several.requestId());
    assertEquals(events, ledger.lastSequence());
    assertFigures("0.00", "120.00", "3880.00", family(JUNE));
  }

  @Test
  void aRefundRestoresTheAllowanceWhenTheSchemeSaysSo() {
    ledger.submit(request("R-1", "300.00"));
    ledger.post(RequestId.of("R-1"), gbp("300.00"), WORKER, START);
    LedgerResult refund = ledger.refund(RequestId.of("R-1"), gbp("50.00"), WORKER, START.plusSeconds(60));
    assertTrue(refund.isApplied());
    assertEquals("Refunded £50.00; the allowance is restored.", refund.message());
    assertEquals(gbp("50.00"), refund.reservation().orElseThrow().refunded());
    assertFigures("250.00", "0.00", "3750.00", family(JUNE));
    assertTrue(((LedgerEvent.Refunded) ledger.store().readAll().get(3)).restoresAllowance());
  }

  @Test
  void aRefundLeavesTheAllowanceUsedWhenTheSchemeSaysSo() {
    PilotConfiguration strict = PilotConfiguration.builder().from(wigan()).refundRestoresAllowance(false).build();
    BudgetLedger strictLedger = BudgetLedger.builder(strict).clock(clock).build();
    strictLedger.submit(request("R-1", "300.00"));
    strictLedger.post(RequestId.of("R-1"), gbp("300.00"), WORKER, START);
    LedgerResult refund = strictLedger.refund(RequestId.of("R-1"), gbp("50.00"), WORKER, START);
    assertEquals("Refunded £50.00; the allowance stays used, as the scheme says.", refund.message());
    assertEquals(gbp("50.00"), refund.reservation().orElseThrow().refunded());
    RemainingBudget budget = strictLedger.remainingBudget(TestPilots.FAMILY, JUNE).get(0);
    assertFigures("300.00", "0.00", "3700.00", budget);
  }

  @Test
  void aRefundCannotExceedWhatIsLeftOfTheSpendAndNeedsAPostedSpend() {
    ledger.submit(request("R-1", "300.00"));
    assertEquals(Optional.of(LedgerRefusal.NOT_POSTED),
        ledger.refund(RequestId.of("R-1"), gbp("10.00"), WORKER, START).refusal());
    ledger.post(RequestId.of("R-1"), gbp("250.00"), WORKER, START);
    assertEquals(Optional.of(LedgerRefusal.REFUND_EXCEEDS_REMAINING),
        ledger.refund(RequestId.of("R-1"), gbp("250.01"), WORKER, START).refusal());
    assertTrue(ledger.refund(RequestId.of("R-1"), gbp("200.00"), WORKER, START).isApplied());
    LedgerResult tooMuch = ledger.refund(RequestId.of("R-1"), gbp("50.01"), WORKER, START);
    assertEquals(Optional.of(LedgerRefusal.REFUND_EXCEEDS_REMAINING), tooMuch.refusal());
    assertEquals("£50.01 is more than the £50.00 left of request R-1's spend.", tooMuch.message());
    assertTrue(ledger.refund(RequestId.of("R-1"), gbp("50.00"), WORKER, START).isApplied());
    assertFigures("0.00", "0.00", "4000.00", family(JUNE));
  }

  @Test
  void aRefundAfterTheYearClosedRestoresTheYearTheSpendWasChargedTo() {
    SpendRequest march = TestPilots.request(REUNIFICATION, "4000.00").id(RequestId.of("R-1"))
        .requestedAt(TestPilots.at(2020, 3, 31, 23, 59)).build();
    clock.set(march.requestedAt());
    ledger.submit(march);
    assertTrue(ledger.approve(RequestId.of("R-1"), MANAGER, march.requestedAt().plusSeconds(30)).isApplied());
    ledger.post(RequestId.of("R-1"), gbp("4000.00"), WORKER, on(2020, 4, 1));
    ledger.refund(RequestId.of("R-1"), gbp("400.00"), WORKER, on(2020, 5, 1));
    assertFigures("3600.00", "0.00", "400.00", family(LocalDate.of(2020, 3, 31)));
    assertFigures("0.00", "0.00", "4000.00", family(LocalDate.of(2020, 4, 1)));
  }

  @Test
  void rejectsArgumentsThatCouldNeverBeRightNamingTheParameterAndValue() {
    ledger.submit(request("R-1", "300.00"));
    RequestId id = RequestId.of("R-1");
    assertEquals("requestId R-9 was never submitted in this scheme's journal", assertThrows(IllegalArgumentException.class,
        () -> ledger.post(RequestId.of("R-9"), gbp("1.00"), WORKER, START)).getMessage());
    assertEquals("actualAmount must be more than nothing, but was GBP -1.00", assertThrows(
        IllegalArgumentException.class, () -> ledger.post(id, gbp("-1.00"), WORKER, START)).getMessage());
    assertEquals("actualAmount GBP 300.01 is more than the GBP 300.00 reserved for request R-1", assertThrows(
        IllegalArgumentException.class, () -> ledger.post(id, gbp("300.01"), WORKER, START)).getMessage());
    assertThrows(CurrencyMismatchException.class,
        () -> ledger.post(id, Money.parse("EUR 10.00"), WORKER, START));
    assertThrows(CurrencyMismatchException.class,
        () -> ledger.refund(id, Money.parse("EUR 10.00"), WORKER, START));
    assertEquals("at 3 June 2019, 09:59 BST is before request R-1 was made, at 3 June 2019, 10:00 BST",
        assertThrows(IllegalArgumentException.class,
            () -> ledger.voidReservation(id, WORKER, START.minusSeconds(1))).getMessage());
    assertEquals("approver", assertThrows(NullPointerException.class,
        () -> ledger.approve(id, null, START)).getMessage());
    assertEquals("request", assertThrows(NullPointerException.class, () -> ledger.submit(null)).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ledger.submit(TestPilots.request(REUNIFICATION, "1.00").requestedAt(on(2019, 1, 1)).build()));
    assertEquals("hold must be positive and at most PT8784H, but was PT0S", assertThrows(
        IllegalArgumentException.class, () -> BudgetLedger.builder(wigan()).approvalHold(Duration.ZERO))
        .getMessage());
    assertThrows(IllegalArgumentException.class, () -> ledger.remainingBudget(TestPilots.FAMILY,
        LocalDate.of(2021, 4, 1)));
    assertEquals(3, ledger.lastSequence() + 1, "nothing was recorded by the bad calls");
  }
}
