package org.devolvedbudgets.rules.ledger;

import static org.devolvedbudgets.rules.TestPilots.REUNIFICATION;
import static org.devolvedbudgets.rules.TestPilots.WORKER;
import static org.devolvedbudgets.rules.TestPilots.gbp;
import static org.devolvedbudgets.rules.TestPilots.on;
import static org.devolvedbudgets.rules.TestPilots.wigan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Collectors;
import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.PeriodPolicy;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.scheme.ApprovalPolicy;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.ApprovalTier;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.rules.Approver;
import org.devolvedbudgets.rules.FindingCode;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.TestPilots;
import org.devolvedbudgets.rules.position.RemainingBudget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many workers at once: races on one family's last pounds, an approval racing the expiry sweep, and a bounded
 * stress run. Every assertion is about balances and invariants, never about time.
 */
class LedgerConcurrencyTest {

  private static final Instant START = on(2019, 6, 3);
  private static final Approver MANAGER = Approver.of(WorkerId.of("W-0007"), ApprovalRole.SERVICE_MANAGER);
  private static final int ROUNDS = 200;

  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  /** Runs tasks so that they start together, and returns their results in order. */
  private <T> List<T> together(List<java.util.concurrent.Callable<T>> tasks) throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(tasks.size());
    List<Future<T>> futures = new ArrayList<>();
    for (java.util.concurrent.Callable<T> task : tasks) {
      futures.add(pool.submit(() -> {
        barrier.await(10, TimeUnit.SECONDS);
        return task.call();
      }));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get(30, TimeUnit.SECONDS));
    }
    return results;
  }

  @Test
  void twoConcurrentRequestsForMoreThanIsLeftReserveExactlyOne() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      BudgetLedger ledger = BudgetLedger.builder(wigan()).clock(new TestClock(START)).build();
      ledger.submit(TestPilots.request(REUNIFICATION, "3000.00").id(RequestId.of("R-0")).build());
      List<Submission> results = together(List.of(
          () -> ledger.submit(TestPilots.request(REUNIFICATION, "600.00").id(RequestId.of("R-A")).build()),
          () -> ledger.submit(TestPilots.request(REUNIFICATION, "600.00").id(RequestId.of("R-B")).build())));
      long reserved = results.stream().filter(s -> s.reservation().isPresent()).count();
      assertEquals(1, reserved, "round " + round + ": " + results);
      Submission loser = results.stream().filter(s -> s.reservation().isEmpty()).findFirst().orElseThrow();
      assertEquals(Outcome.DECLINED, loser.outcome());
      assertTrue(loser.decision().codes().contains(FindingCode.EXCEEDS_FAMILY_ALLOWANCE));
      RemainingBudget family = ledger.remainingBudget(TestPilots.FAMILY, LocalDate.of(2019, 6, 3)).get(0);
      assertEquals(gbp("3600.00"), family.reserved());
    }
  }

  @Test
  void anApprovalRacingTheExpirySweepEitherWinsOrIsRefusedWithACode() throws Exception {
    int approvals = 0;
    int expiries = 0;
    for (int round = 0; round < ROUNDS; round++) {
      BudgetLedger ledger = BudgetLedger.builder(wigan()).clock(new TestClock(START)).build();
      RequestId id = RequestId.of("R-1");
      ledger.submit(TestPilots.request(REUNIFICATION, "700.00").id(id).build());
      Instant lapse = START.plus(Duration.ofDays(14));
      List<Object> results = together(List.of(
          () -> ledger.approve(id, MANAGER, lapse.minusSeconds(1)),
          () -> ledger.expire(lapse)));
      LedgerResult approval = (LedgerResult) results.get(0);
      List<?> expired = (List<?>) results.get(1);
      assertTrue(approval.isApplied() != (expired.size() == 1), "round " + round + ": exactly one wins");
      ReservationStatus status = ledger.reservation(id).orElseThrow().status();
      if (approval.isApplied()) {
        approvals++;
        assertEquals(ReservationStatus.APPROVED, status);
      } else {
        expiries++;
        assertEquals(java.util.Optional.of(LedgerRefusal.RESERVATION_EXPIRED), approval.refusal());
        assertEquals(ReservationStatus.EXPIRED, status);
      }
      ledger.verifyJournal();
    }
    assertEquals(ROUNDS, approvals + expiries);
  }

  /** Families with small caps shared by two teams and a pilot-wide cap, so every lock order is exercised. */
  private static PilotConfiguration crowded() {
    return TestPilots.base("Stress", "Many workers, small caps")
        .allTeamsEligible(true)
        .addAllowances(Allowance.builder().id(AllowanceId.of("per-family")).name("Per family").cap(gbp("500.00")).scope(AllowanceScope.FAMILY)
            .period(PeriodPolicy.financialYear()).build())
        .addAllowances(Allowance.builder().id(AllowanceId.of("per-team")).name("Per team").cap(gbp("15000.00")).scope(AllowanceScope.TEAM)
            .build())
        .addAllowances(Allowance.builder().id(AllowanceId.of("pilot")).name("Pilot").cap(gbp("25000.00")).scope(AllowanceScope.PILOT)
            .build())
        .approvalPolicy(ApprovalPolicy.builder()
            .addTiers(ApprovalTier.upTo(ApprovalRole.SOCIAL_WORKER, gbp("100.00")))
            .addTiers(ApprovalTier.unlimited(ApprovalRole.TEAM_MANAGER))
            .build())
        .build();
  }

  @Test
  void eightWorkersDoingTensOfThousandsOfMixedOperationsNeverOverspendOrLoseAnEvent() throws Exception {
    int threads = 8;
    int operations = 20_000;
    int families = 100;
    TestClock clock = new TestClock(START);
    BudgetLedger ledger = BudgetLedger.builder(crowded()).clock(clock).build();
    AtomicReferenceArray<RequestId> recent = new AtomicReferenceArray<>(512);
    AtomicLong postedMinusRefunded = new AtomicLong();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    List<java.util.concurrent.Callable<Integer>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      workers.add(() -> {
        Random random = new Random(1000L + thread);
        WorkerId worker = WorkerId.of("W-" + thread);
        for (int n = 0; n < operations; n++) {
          try {
            RequestId any = recent.get(random.nextInt(recent.length()));
            int choice = random.nextInt(100);
            if (choice < 40 || any == null) {
              RequestId id = RequestId.of("R-" + thread + "-" + n);
              int family = random.nextInt(families);
              ledger.submit(TestPilots.request(TeamId.of("T-" + (family + random.nextInt(2)) % 4), "1.00")
                  .id(id).familyId(FamilyId.of("F-" + family)).requestedBy(worker)
                  .amount(Money.ofMinor(TestPilots.GBP, 100 + random.nextInt(20_000))).build());
              recent.set(random.nextInt(recent.length()), id);
            } else if (choice < 55) {
              ledger.approve(any, MANAGER, clock.instant());
            } else if (choice < 75) {
              Reservation reservation = ledger.reservation(any).orElse(null);
              if (reservation != null) {
                Money amount = Money.ofMinor(TestPilots.GBP,
                    1 + random.nextInt((int) reservation.amount().minorUnits()));
                if (ledger.post(any, amount, worker, clock.instant()).isApplied()) {
                  postedMinusRefunded.addAndGet(amount.minorUnits());
                }
              }
            } else if (choice < 82) {
              ledger.voidReservation(any, worker, clock.instant());
            } else if (choice < 90) {
              Money amount = Money.ofMinor(TestPilots.GBP, 1 + random.nextInt(5_000));
              if (ledger.refund(any, amount, worker, clock.instant()).isApplied()) {
                postedMinusRefunded.addAndGet(-amount.minorUnits());
              }
            } else if (choice < 93) {
              ledger.reject(any, MANAGER, clock.instant());
            } else if (choice < 97) {
              ledger.expire(clock.instant());
            } else {
              clock.advance(Duration.ofHours(6));
            }
          } catch (RuntimeException | AssertionError e) {
            failures.add(e);
            return n;
          }
        }
        return operations;
      });
    }
    List<Integer> completed = together(workers);
    assertEquals(List.of(), List.copyOf(failures));
    assertEquals(java.util.Collections.nCopies(threads, operations), completed);

    ledger.verifyJournal();
    Map<RequestId, Long> resolutions = ledger.store().readAll().stream()
        .filter(event -> event instanceof LedgerEvent.Posted || event instanceof LedgerEvent.Voided
            || event instanceof LedgerEvent.Rejected || event instanceof LedgerEvent.Expired)
        .collect(Collectors.groupingBy(event -> ((LedgerEvent.RequestEvent) event).requestId(),
            Collectors.counting()));
    assertTrue(resolutions.values().stream().allMatch(count -> count == 1), "each reservation resolves once");
    assertTrue(resolutions.size() > 100, "holds lapsed, were swept or recorded when touched, and were resolved");
    BudgetLedger replayed = BudgetLedger.builder(crowded()).store(ledger.store()).clock(clock).build();
    LocalDate day = LocalDate.of(2019, 6, 3);
    long spent = 0;
    long reserved = 0;
    for (int family = 0; family < families; family++) {
      List<RemainingBudget> live = ledger.remainingBudget(FamilyId.of("F-" + family), day);
      assertEquals(live.toString(), replayed.remainingBudget(FamilyId.of("F-" + family), day).toString());
      RemainingBudget budget = live.get(0);
      assertFalse(budget.spent().plus(budget.reserved()).isGreaterThan(budget.limit()), budget.toString());
      spent += budget.spent().minorUnits();
      reserved += budget.reserved().minorUnits();
    }
    assertEquals(postedMinusRefunded.get(), spent, "spent equals the sum of successful posts less refunds");
    RemainingBudget pilot = ledger.remainingBudgetOfPilot(day).get(0);
    assertEquals(spent, pilot.spent().minorUnits());
    assertEquals(reserved, pilot.reserved().minorUnits());
    assertFalse(pilot.spent().plus(pilot.reserved()).isGreaterThan(pilot.limit()));
    long teamsSpent = 0;
    for (int team = 0; team < 4; team++) {
      RemainingBudget budget = ledger.remainingBudget(TeamId.of("T-" + team), day).get(0);
      assertFalse(budget.spent().plus(budget.reserved()).isGreaterThan(budget.limit()), budget.toString());
      teamsSpent += budget.spent().minorUnits();
    }
    assertEquals(spent, teamsSpent);
    assertTrue(ledger.lastSequence() > threads * operations / 4, "the run did real work");
  }
}
