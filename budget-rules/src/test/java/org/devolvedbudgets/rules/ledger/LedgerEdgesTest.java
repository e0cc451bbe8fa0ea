package org.devolvedbudgets.rules.ledger;

import static org.devolvedbudgets.rules.TestPilots.FAMILY;
import static org.devolvedbudgets.rules.TestPilots.REUNIFICATION;
import static org.devolvedbudgets.rules.TestPilots.WIGAN_FAMILY;
import static org.devolvedbudgets.rules.TestPilots.WORKER;
import static org.devolvedbudgets.rules.TestPilots.at;
import static org.devolvedbudgets.rules.TestPilots.gbp;
import static org.devolvedbudgets.rules.TestPilots.on;
import static org.devolvedbudgets.rules.TestPilots.wigan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.id.ChildId;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.CurrencyMismatchException;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.period.PeriodPolicy;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.scheme.ApprovalPolicy;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.ApprovalTier;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.Approver;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.RefusalCode;
import org.devolvedbudgets.rules.TestPilots;
import org.devolvedbudgets.rules.position.RemainingBudget;
import org.devolvedbudgets.rules.position.UsageKey;
import org.junit.jupiter.api.Test;

/**
 * The ledger at the edges of time and of families: the end of the pilot and of the financial year, holds that lapse
 * before anyone sweeps, holds across the end of summer time, approvers from another team, and a purchase shared
 * by siblings. Every figure is a real one from DOMAIN.md's edge cases.
 */
class LedgerEdgesTest {

  private static final Approver MANAGER = Approver.of(WorkerId.of("W-0007"), ApprovalRole.TEAM_MANAGER,
      REUNIFICATION);
  private static final BudgetPeriod ONE_YEAR = BudgetPeriod.of(LocalDate.of(2019, 4, 1), LocalDate.of(2020, 4, 1));

  /** Darlington's shape for one year: £10,000 per family over the pilot, a team manager for every spend. */
  private static PilotConfiguration oneYearPilot() {
    return TestPilots.base("Darlington", "Devolved budgets").term(ONE_YEAR).allTeamsEligible(true)
        .addAllowances(Allowance.builder().id(AllowanceId.of("per-family")).name("Per family").cap(gbp("10000.00")).scope(AllowanceScope.FAMILY)
            .build())
        .approvalPolicy(ApprovalPolicy.builder().addTiers(ApprovalTier.unlimited(ApprovalRole.TEAM_MANAGER))
            .build())
        .build();
  }

  private static SpendRequest request(String id, String amount, Instant at) {
    return TestPilots.request(REUNIFICATION, amount).id(RequestId.of(id)).requestedAt(at).build();
  }

  private static RemainingBudget familyBudget(BudgetLedger ledger, String name, LocalDate date) {
    return ledger.remainingBudget(FAMILY, date).stream().filter(budget -> budget.allowanceName().equals(name))
        .findFirst().orElseThrow();
  }

  private static long expiries(BudgetLedger ledger, String request) {
    return ledger.store().readAll().stream().filter(event -> event instanceof LedgerEvent.Expired
        && ((LedgerEvent.Expired) event).requestId().equals(RequestId.of(request))).count();
  }

  @Test
  void aHoldAwaitingApprovalWhenThePilotEndsCannotBeApprovedAfterIt() {
    TestClock clock = new TestClock(on(2020, 3, 30));
    BudgetLedger ledger = BudgetLedger.builder(oneYearPilot()).clock(clock).build();
    Submission held = ledger.submit(request("R-1", "600.00", on(2020, 3, 30)));
    // The hold lapses when the term ends, at midnight in London (BST): 23:00 UTC on 31 March.
    assertEquals(Optional.of(Instant.parse("2020-03-31T23:00:00Z")), held.reservation().orElseThrow().expiresAt());

    clock.set(on(2020, 4, 2));
    LedgerResult late = ledger.approve(RequestId.of("R-1"), MANAGER, on(2020, 4, 2));
    assertEquals(Optional.of(LedgerRefusal.TERM_ENDED), late.refusal());
    assertEquals("The scheme's term ended with 31 March 2020, before this approval at 2 April 2020, 10:00 BST; "
        + "nothing awaiting approval can be approved after the term.", late.message());
    assertEquals(ReservationStatus.EXPIRED, ledger.reservation(RequestId.of("R-1")).orElseThrow().status());
    assertEquals(1, expiries(ledger, "R-1"), "the ledger recorded the lapse when it touched the family");
    assertEquals(Optional.of(LedgerRefusal.ALREADY_RESOLVED),
        ledger.post(RequestId.of("R-1"), gbp("600.00"), WORKER, on(2020, 4, 3)).refusal());
  }

  @Test
  void anApprovalGivenBeforeTheEndButRecordedAfterItStandsAndStaysPayable() {
    TestClock clock = new TestClock(on(2020, 3, 30));
    BudgetLedger ledger = BudgetLedger.builder(oneYearPilot()).clock(clock).build();
    ledger.submit(request("R-1", "600.00", on(2020, 3, 30)));
    clock.set(on(2020, 4, 2)); // the approval given on 31 March reaches the system two days later
    assertTrue(ledger.approve(RequestId.of("R-1"), MANAGER, at(2020, 3, 31, 16, 0)).isApplied());
    LedgerResult paid = ledger.post(RequestId.of("R-1"), gbp("600.00"), WORKER, on(2020, 4, 3));
    assertTrue(paid.isApplied(), paid::toString);
    assertEquals(LocalDate.of(2020, 3, 30), paid.reservation().orElseThrow().day(), "charged to the day decided");
    assertEquals(0, expiries(ledger, "R-1"));
  }

  @Test
  void aHoldReservedOn30MarchLapsesWithTheFinancialYearItIsChargedTo() {
    // Wigan: £4,000 per family per financial year, a two-year term. A hold of 14 days made on 30 March would run
    // to 13 April, but the year it is charged to closes at midnight on 31 March.
    TestClock clock = new TestClock(on(2020, 3, 30));
    BudgetLedger ledger = BudgetLedger.builder(wigan()).clock(clock).build();
    Submission held = ledger.submit(request("R-1", "3000.00", on(2020, 3, 30)));
    assertEquals(Outcome.NEEDS_APPROVAL, held.outcome());
    assertEquals(Optional.of(Instant.parse("2020-03-31T23:00:00Z")), held.reservation().orElseThrow().expiresAt());
    LocalDate lastDay = LocalDate.of(2020, 3, 31);
    assertEquals(gbp("3000.00"), familyBudget(ledger, WIGAN_FAMILY, lastDay).reserved());

    clock.set(on(2020, 4, 2));
    assertEquals(gbp("0.00"), familyBudget(ledger, WIGAN_FAMILY, lastDay).reserved(),
        "the closed year's money is released at its end, before any sweep");
    LedgerResult late = ledger.approve(RequestId.of("R-1"), MANAGER, on(2020, 4, 2));
    assertEquals(Optional.of(LedgerRefusal.RESERVATION_EXPIRED), late.refusal());
    assertEquals("The hold on request R-1 lapsed at 1 April 2020, 00:00 BST, when the financial year it was "
        + "charged to closed, before this approval at 2 April 2020, 10:00 BST.", late.message());
    assertEquals(Optional.of(LedgerRefusal.ALREADY_RESOLVED),
        ledger.post(RequestId.of("R-1"), gbp("3000.00"), WORKER, on(2020, 4, 3)).refusal());
    assertEquals(List.of(), ledger.expire(on(2020, 4, 3)), "recorded once, when the approval touched the family");
    assertEquals(1, expiries(ledger, "R-1"));
    ledger.verifyJournal();
  }

  @Test
  void anApprovedReservationStaysPayableAfterTheYearItWasDecidedIn() {
    TestClock clock = new TestClock(at(2020, 3, 31, 23, 50));
    BudgetLedger ledger = BudgetLedger.builder(wigan()).clock(clock).build();
    ledger.submit(request("R-1", "120.00", at(2020, 3, 31, 23, 50)));
    clock.set(on(2020, 4, 20));
    assertTrue(ledger.post(RequestId.of("R-1"), gbp("113.00"), WORKER, on(2020, 4, 20)).isApplied());
    assertEquals(gbp("113.00"), familyBudget(ledger, WIGAN_FAMILY, LocalDate.of(2020, 3, 31)).spent());
    assertEquals(gbp("0.00"), familyBudget(ledger, WIGAN_FAMILY, LocalDate.of(2020, 4, 20)).spent());
  }

  @Test
  void aLapsedHoldReleasesItsMoneyAtItsExpiryWhetherOrNotASweepHasRun() {
    TestClock clock = new TestClock(on(2019, 6, 3));
    BudgetLedger ledger = BudgetLedger.builder(wigan()).clock(clock).build();
    ledger.submit(request("R-1", "3500.00", on(2019, 6, 3)));
    LocalDate june = LocalDate.of(2019, 6, 3);
    clock.set(on(2019, 6, 17).minusSeconds(1));
    assertEquals(gbp("500.00"), familyBudget(ledger, WIGAN_FAMILY, june).remaining());
    assertEquals(ReservationStatus.AWAITING_APPROVAL, ledger.reservation(RequestId.of("R-1")).orElseThrow()
        .status());

    clock.set(on(2019, 6, 17));
    assertEquals(gbp("4000.00"), familyBudget(ledger, WIGAN_FAMILY, june).remaining());
    assertEquals(ReservationStatus.EXPIRED, ledger.reservation(RequestId.of("R-1")).orElseThrow().status());
    assertEquals(0, expiries(ledger, "R-1"), "a query records nothing");

    Submission next = ledger.submit(request("R-2", "3900.00", on(2019, 6, 17)));
    assertEquals(Outcome.NEEDS_APPROVAL, next.outcome(), "the lapsed £3,500 no longer blocks the family");
    assertEquals(1, expiries(ledger, "R-1"), "recorded once, when the family was next touched");
    LedgerEvent.Expired expired = ledger.store().readAll().stream().filter(LedgerEvent.Expired.class::isInstance)
        .map(LedgerEvent.Expired.class::cast).findFirst().orElseThrow();
    assertEquals(on(2019, 6, 17), expired.at());
    assertEquals(List.of(), ledger.expire(on(2019, 6, 18)));
    assertEquals(1, expiries(ledger, "R-1"));
    BudgetLedger replayed = BudgetLedger.builder(wigan()).store(ledger.store()).clock(clock).build();
    assertEquals(ledger.remainingBudget(FAMILY, june).toString(), replayed.remainingBudget(FAMILY, june).toString());
  }

  @Test
  void anotherFamilysLapsedHoldReleasesSharedMoneyBeforeItIsRecorded() {
    PilotConfiguration grant = TestPilots.base("Example", "Grant").term(ONE_YEAR).allTeamsEligible(true)
        .addAllowances(Allowance.builder().id(AllowanceId.of("pilot-grant")).name("Pilot grant").cap(gbp("1000.00")).scope(AllowanceScope.PILOT)
            .build())
        .approvalPolicy(ApprovalPolicy.builder()
            .addTiers(ApprovalTier.upTo(ApprovalRole.SOCIAL_WORKER, gbp("500.00")))
            .addTiers(ApprovalTier.unlimited(ApprovalRole.TEAM_MANAGER)).build())
        .build();
    TestClock clock = new TestClock(on(2019, 6, 3));
    BudgetLedger ledger = BudgetLedger.builder(grant).clock(clock).build();
    ledger.submit(request("R-1", "900.00", on(2019, 6, 3)));
    clock.set(on(2019, 6, 20));
    Submission other = ledger.submit(TestPilots.request(REUNIFICATION, "400.00").id(RequestId.of("R-2"))
        .familyId(FamilyId.of("F-other")).requestedAt(on(2019, 6, 20)).build());
    assertEquals(Outcome.APPROVED, other.outcome(), "family F-000123's lapsed £900 is back in the grant");
    assertEquals(0, expiries(ledger, "R-1"), "not recorded yet: its family was not touched");
    assertEquals(List.of(RequestId.of("R-1")), ledger.expire(on(2019, 6, 20)).stream()
        .map(Reservation::requestId).collect(Collectors.toList()));
    assertEquals(gbp("600.00"), ledger.remainingBudgetOfPilot(LocalDate.of(2019, 6, 20)).get(0).remaining());
    ledger.verifyJournal();
  }

  @Test
  void aHoldInDaysEndsAtTheSameOfficeTimeAcrossTheEndOfSummerTime() {
    // Clocks went back at 02:00 BST on 27 October 2019.
    Instant made = at(2019, 10, 20, 10, 0);
    TestClock clock = new TestClock(made);
    BudgetLedger days = BudgetLedger.builder(wigan()).clock(clock).build();
    Reservation held = days.submit(request("R-1", "700.00", made)).reservation().orElseThrow();
    assertEquals(at(2019, 11, 3, 10, 0), held.expiresAt().orElseThrow());
    assertEquals(Duration.ofHours(337), Duration.between(made, held.expiresAt().orElseThrow()));

    BudgetLedger hours = BudgetLedger.builder(wigan()).clock(clock).approvalHold(ApprovalHold.parse("PT336H"))
        .build();
    Reservation exact = hours.submit(request("R-1", "700.00", made)).reservation().orElseThrow();
    assertEquals(at(2019, 11, 3, 9, 0), exact.expiresAt().orElseThrow());
  }

  @Test
  void approvalHoldsParseAndPrintTheirIsoForm() {
    assertEquals(ApprovalHold.ofDays(14), ApprovalHold.parse("P14D"));
    assertEquals(ApprovalHold.ofDays(14), ApprovalHold.parse("P2W"));
    assertEquals(ApprovalHold.of(Duration.ofHours(48)), ApprovalHold.parse("PT48H"));
    assertEquals("P14D", ApprovalHold.ofDays(14).toString());
    assertEquals("PT48H", ApprovalHold.parse("PT48H").toString());
    assertTrue(ApprovalHold.parse("P14D").isInDays());
    assertEquals("text 'P1M' gives months or years; give a hold in days (P14D) or hours (PT48H)",
        assertThrows(IllegalArgumentException.class, () -> ApprovalHold.parse("P1M")).getMessage());
    assertEquals("days must be 1 to 366, but was 400",
        assertThrows(IllegalArgumentException.class, () -> ApprovalHold.parse("P400D")).getMessage());
    assertEquals("duration must be positive and at most 366 days, but was PT2562047788015215H",
        assertThrows(IllegalArgumentException.class, () -> ApprovalHold.parse("PT2562047788015215H")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ApprovalHold.parse("PT99999999999999999999H"))
        .getMessage().startsWith("text 'PT99999999999999999999H' is not a hold"));
    assertThrows(IllegalArgumentException.class, () -> ApprovalHold.parse("fortnight"));
    assertThrows(IllegalArgumentException.class, () -> ApprovalHold.of(Duration.ofDays(367)));
  }

  @Test
  void aTeamManagerOfAnotherTeamCannotApprove() {
    TestClock clock = new TestClock(on(2019, 6, 3));
    BudgetLedger ledger = BudgetLedger.builder(wigan()).clock(clock).build();
    ledger.submit(request("R-1", "700.00", on(2019, 6, 3)));
    Approver edgeOfCare = Approver.of(WorkerId.of("W-0009"), ApprovalRole.TEAM_MANAGER, TestPilots.EDGE_OF_CARE);
    LedgerResult refused = ledger.approve(RequestId.of("R-1"), edgeOfCare, on(2019, 6, 4));
    assertEquals(Optional.of(LedgerRefusal.APPROVAL_NOT_VALID), refused.refusal());
    assertEquals(List.of(RefusalCode.OTHER_TEAM), refused.approvalCheck().orElseThrow().refusals().stream()
        .map(refusal -> refusal.code()).collect(Collectors.toList()));
    assertTrue(ledger.approve(RequestId.of("R-1"), Approver.of(WorkerId.of("W-0009"), ApprovalRole.SERVICE_MANAGER),
        on(2019, 6, 4)).isApplied(), "a service manager approves for any team");
  }

  @Test
  void aPurchaseForSiblingsHoldsEachChildsShareAndPaymentsAndRefundsAreSharedToo() {
    PilotConfiguration perChild = TestPilots.base("Example", "Per child").term(ONE_YEAR).allTeamsEligible(true)
        .addAllowances(
            Allowance.builder().id(AllowanceId.of("per-child")).name("Per child").cap(gbp("300.00")).scope(AllowanceScope.CHILD)
                .period(PeriodPolicy.financialYear()).build(),
            Allowance.builder().id(AllowanceId.of("per-family")).name("Per family").cap(gbp("1000.00")).scope(AllowanceScope.FAMILY).build())
        .approvalPolicy(ApprovalPolicy.builder()
            .addTiers(ApprovalTier.upTo(ApprovalRole.SOCIAL_WORKER, gbp("1000.00"))).build())
        .build();
    TestClock clock = new TestClock(on(2019, 6, 3));
    BudgetLedger ledger = BudgetLedger.builder(perChild).clock(clock).build();
    ChildId elder = ChildId.of("C-1");
    ChildId younger = ChildId.of("C-2");
    SpendRequest outing = TestPilots.request(REUNIFICATION, "600.00").id(RequestId.of("R-1"))
        .addChildIds(elder, younger).build();
    assertEquals(Outcome.APPROVED, ledger.submit(outing).outcome(), "£300 each is within £300 per child");
    LocalDate june = LocalDate.of(2019, 6, 3);
    assertEquals(List.of("Per child (C-1): £300.00 limit, £0.00 spent, £300.00 reserved, £0.00 remaining, "
            + "resets on 2020-04-01",
        "Per child (C-2): £300.00 limit, £0.00 spent, £300.00 reserved, £0.00 remaining, resets on 2020-04-01",
        "Per family (F-000123): £1,000.00 limit, £0.00 spent, £600.00 reserved, £400.00 remaining"),
        ledger.remainingBudget(FAMILY, june).stream().map(Object::toString).sorted().collect(Collectors.toList()));

    ledger.post(RequestId.of("R-1"), gbp("500.01"), WORKER, on(2019, 6, 4));
    ledger.refund(RequestId.of("R-1"), gbp("100.01"), WORKER, on(2019, 6, 5));
    // Paid £500.01 as £250.01 and £250.00; refunded £100.01 in proportion to what was left: £50.01 and £50.00.
    assertEquals(List.of(gbp("200.00"), gbp("200.00"), gbp("400.00")), ledger.remainingBudget(FAMILY, june)
        .stream().sorted(Comparator.comparing(RemainingBudget::toString)).map(RemainingBudget::spent)
        .collect(Collectors.toList()));
    ledger.refund(RequestId.of("R-1"), gbp("400.00"), WORKER, on(2019, 6, 6));
    assertTrue(ledger.remainingBudget(FAMILY, june).stream().allMatch(budget -> budget.spent().isZero()));
    ledger.verifyJournal();
    LedgerEvent.Reserved reserved = (LedgerEvent.Reserved) ledger.store().readAll().get(1);
    assertEquals(List.of(gbp("300.00"), gbp("300.00"), gbp("600.00")),
        reserved.charges().stream().map(Charge::amount).collect(Collectors.toList()));
  }

  @Test
  void wrongCurrenciesAndFarFutureTimesAreRejectedNamingTheParameter() {
    TestClock clock = new TestClock(on(2019, 6, 3));
    BudgetLedger ledger = BudgetLedger.builder(wigan()).clock(clock).build();
    ledger.submit(request("R-1", "100.00", on(2019, 6, 3)));
    RequestId id = RequestId.of("R-1");
    assertEquals("actualAmount EUR 10.00 must be in GBP, the scheme's currency", assertThrows(
        CurrencyMismatchException.class, () -> ledger.post(id, Money.parse("EUR 10.00"), WORKER, on(2019, 6, 4)))
        .getMessage());
    assertEquals("amount EUR 10.00 must be in GBP, the scheme's currency", assertThrows(
        CurrencyMismatchException.class, () -> ledger.refund(id, Money.parse("EUR 10.00"), WORKER, on(2019, 6, 4)))
        .getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ledger.voidReservation(id, WORKER, Instant.MAX))
        .getMessage().startsWith("at +1000000000-12-31T23:59:59.999999999Z is outside the dates"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ledger.expire(Instant.MAX)).getMessage()
        .startsWith("now "));
    assertThrows(IllegalArgumentException.class, () -> ledger.remainingBudget(FAMILY, LocalDate.MAX));
    assertEquals(2, ledger.lastSequence(), "nothing was recorded by the bad calls");
    TeamId unused = TeamId.of("unused");
    assertEquals(List.of(), ledger.remainingBudget(unused, LocalDate.of(2019, 6, 3)));
  }

  @Test
  void aReservationsChargesMustCountTheRequestOnceAndAddUp() {
    UsageKey first = new UsageKey(AllowanceId.of("per-child"), AllowanceScope.CHILD, "C-1", ONE_YEAR);
    UsageKey second = new UsageKey(AllowanceId.of("per-child"), AllowanceScope.CHILD, "C-2", ONE_YEAR);
    UsageKey family = new UsageKey(AllowanceId.of("per-family"), AllowanceScope.FAMILY, "F-1", ONE_YEAR);
    LocalDate day = LocalDate.of(2019, 6, 3);
    List<Charge> good = List.of(new Charge(first, gbp("300.00")), new Charge(second, gbp("300.00")),
        new Charge(family, gbp("600.00")));
    assertEquals(3, reserved(day, good).charges().size());
    assertEquals("charge " + first + " is given twice", assertThrows(IllegalArgumentException.class,
        () -> reserved(day, List.of(new Charge(first, gbp("300.00")), new Charge(first, gbp("300.00")))))
        .getMessage());
    assertEquals("the charges of 'per-child' add up to GBP 500.00, not the GBP 600.00 reserved",
        assertThrows(IllegalArgumentException.class, () -> reserved(day, List.of(new Charge(first, gbp("300.00")),
            new Charge(second, gbp("200.00"))))).getMessage());
    assertThrows(IllegalArgumentException.class, () -> reserved(LocalDate.of(2020, 4, 1), good),
        "a charge whose period does not contain the day");
    assertThrows(CurrencyMismatchException.class, () -> reserved(day, List.of(new Charge(family,
        Money.parse("EUR 600.00")))));
  }

  private static LedgerEvent.Reserved reserved(LocalDate day, List<Charge> charges) {
    return new LedgerEvent.Reserved(1, at(2019, 6, 3, 9, 0), WORKER, FamilyId.of("F-1"), RequestId.of("R-1"),
        gbp("600.00"), day, charges, Optional.empty());
  }
}
