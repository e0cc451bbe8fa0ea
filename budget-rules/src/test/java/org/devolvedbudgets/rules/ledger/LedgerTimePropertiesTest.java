package org.devolvedbudgets.rules.ledger;

import static org.devolvedbudgets.rules.TestPilots.FAMILY;
import static org.devolvedbudgets.rules.TestPilots.REUNIFICATION;
import static org.devolvedbudgets.rules.TestPilots.WIGAN_FAMILY;
import static org.devolvedbudgets.rules.TestPilots.wigan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.id.ChildId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.period.LondonTime;
import org.devolvedbudgets.model.period.PeriodPolicy;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.scheme.ApprovalPolicy;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.ApprovalTier;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.Approver;
import org.devolvedbudgets.rules.TestPilots;
import org.devolvedbudgets.rules.position.RemainingBudget;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Laws of holds over time, on Wigan's scheme (£4,000 per family per financial year, a two-year term): no hold
 * outlives its year or the term, a lapsed hold never counts, nothing is approved after the term, and a purchase
 * shared by children adds up. QuickTheories prints the seed on failure; replay with {@code qt().withFixedSeed}.
 */
class LedgerTimePropertiesTest {

  private static final Approver MANAGER = Approver.of(WorkerId.of("W-0007"), ApprovalRole.TEAM_MANAGER,
      REUNIFICATION);
  private static final BudgetPeriod TERM = wigan().term();

  /** Instants in the term, minute by minute, with the last minutes of 31 March and the clock changes weighted in. */
  private static Gen<Instant> inTerm() {
    long minutes = Duration.between(TERM.startInstant(), TERM.endInstant()).toMinutes();
    Gen<Instant> anyMinute = longs().between(0, minutes - 1).map(m -> TERM.startInstant().plus(Duration.ofMinutes(m)));
    Gen<Instant> yearEnd = integers().between(1, 24 * 60).map(m -> TestPilots.at(2020, 4, 1, 0, 0)
        .minus(Duration.ofMinutes(m)));
    Gen<Instant> autumn = integers().between(0, 30 * 24 * 60).map(m -> TestPilots.at(2019, 10, 10, 0, 0)
        .plus(Duration.ofMinutes(m)));
    return anyMinute.mix(yearEnd, 30).mix(autumn, 20);
  }

  private static SpendRequest awaiting(String id, Instant at, long pence) {
    return TestPilots.request(REUNIFICATION, "1.00").id(RequestId.of(id)).requestedAt(at)
        .amount(Money.ofMinor(TestPilots.GBP, pence)).build();
  }

  private static Instant yearEnd(Instant at) {
    LocalDate day = LondonTime.dateOf("at", at);
    return PeriodPolicy.financialYear().periodContaining(day, TERM).endInstant();
  }

  @Test
  void noHoldOutlivesItsYearOrTheTermAndADayHoldKeepsTheOfficeClock() {
    qt().forAll(inTerm(), integers().between(1, ApprovalHold.MAX_DAYS)).checkAssert((at, days) -> {
      BudgetLedger ledger = BudgetLedger.builder(wigan()).clock(new TestClock(at))
          .approvalHold(ApprovalHold.ofDays(days)).build();
      Instant expiresAt = ledger.submit(awaiting("R-1", at, 60_000)).reservation().orElseThrow().expiresAt()
          .orElseThrow();
      Instant ownEnd = at.atZone(LondonTime.ZONE).plusDays(days).toInstant();
      Instant expected = ownEnd.isBefore(yearEnd(at)) ? ownEnd : yearEnd(at);
      assertEquals(expected, expiresAt);
      assertFalse(expiresAt.isAfter(TERM.endInstant()));
      assertTrue(expiresAt.isAfter(at) || expiresAt.equals(yearEnd(at)));
    });
  }

  @Test
  void aLapsedHoldNeverCountsInTheFamilysBudgetOrItsNextDecision() {
    qt().forAll(inTerm(), longs().between(50_001, 400_000), longs().between(0, 60 * 24 * 60))
        .checkAssert((at, pence, minutesAfter) -> {
          TestClock clock = new TestClock(at);
          BudgetLedger ledger = BudgetLedger.builder(wigan()).clock(clock).build();
          Reservation held = ledger.submit(awaiting("R-1", at, pence)).reservation().orElseThrow();
          Instant later = held.expiresAt().orElseThrow().plus(Duration.ofMinutes(minutesAfter));
          clock.set(later);
          RemainingBudget budget = ledger.remainingBudget(FAMILY, held.day()).stream()
              .filter(b -> b.allowanceName().equals(WIGAN_FAMILY)).findFirst().orElseThrow();
          assertEquals(Money.zero(TestPilots.GBP), budget.reserved(), budget::toString);
          assertEquals(ReservationStatus.EXPIRED, ledger.reservation(held.requestId()).orElseThrow().status());
          if (TERM.contains(later)) {
            // The whole allowance is free again for a request made now in the same year, or in the next.
            SpendRequest next = awaiting("R-2", later, 400_000);
            assertEquals(0, ledger.position(next).usage(TestPilots.WIGAN_FAMILY_ID, FAMILY.value()).orElseThrow()
                .reserved().minorUnits());
          }
        });
  }

  @Test
  void anApprovalAtOrAfterTheEndOfTheTermIsAlwaysRefused() {
    qt().forAll(inTerm(), longs().between(0, 400L * 24 * 60)).checkAssert((at, minutesAfterEnd) -> {
      Instant approval = TERM.endInstant().plus(Duration.ofMinutes(minutesAfterEnd));
      TestClock clock = new TestClock(at);
      BudgetLedger ledger = BudgetLedger.builder(wigan()).clock(clock).build();
      ledger.submit(awaiting("R-1", at, 60_000));
      clock.set(approval);
      LedgerResult result = ledger.approve(RequestId.of("R-1"), MANAGER, approval);
      assertFalse(result.isApplied());
      assertEquals(Optional.of(LedgerRefusal.TERM_ENDED), result.refusal());
    });
  }

  @Test
  void aSharedPurchasesChildFiguresAlwaysAddUpThroughPaymentsAndRefunds() {
    PilotConfiguration perChild = TestPilots.base("Example", "Per child").allTeamsEligible(true)
        .addAllowances(Allowance.builder().id(AllowanceId.of("per-child")).name("Per child").cap(Money.ofMinor(TestPilots.GBP, 10_000_000))
            .scope(AllowanceScope.CHILD).build())
        .approvalPolicy(ApprovalPolicy.builder().addTiers(ApprovalTier.unlimited(ApprovalRole.SOCIAL_WORKER))
            .build())
        .build();
    qt().forAll(longs().between(1, 1_000_000), integers().between(1, 7), longs().between(1, 1_000_000),
        longs().between(1, 1_000_000)).checkAssert((pence, children, paid, refunded) -> {
          long actual = 1 + (paid - 1) % pence;
          long back = 1 + (refunded - 1) % actual;
          SpendRequest.Builder request = TestPilots.request(REUNIFICATION, "1.00")
              .amount(Money.ofMinor(TestPilots.GBP, pence));
          for (int i = 0; i < children; i++) {
            request.addChildIds(ChildId.of("C-" + i));
          }
          TestClock clock = new TestClock(TestPilots.on(2019, 6, 3));
          BudgetLedger ledger = BudgetLedger.builder(perChild).clock(clock).build();
          SpendRequest spend = request.build();
          ledger.submit(spend);
          ledger.post(spend.id(), Money.ofMinor(TestPilots.GBP, actual), TestPilots.WORKER, clock.instant());
          ledger.refund(spend.id(), Money.ofMinor(TestPilots.GBP, back), TestPilots.WORKER, clock.instant());
          List<RemainingBudget> budgets = ledger.remainingBudget(FAMILY, LocalDate.of(2019, 6, 3));
          long spent = budgets.stream().mapToLong(b -> b.spent().minorUnits()).sum();
          long reserved = budgets.stream().mapToLong(b -> b.reserved().minorUnits()).sum();
          assertEquals(actual - back, spent, budgets::toString);
          assertEquals(0, reserved, budgets::toString);
          ledger.verifyJournal();
        });
  }
}
