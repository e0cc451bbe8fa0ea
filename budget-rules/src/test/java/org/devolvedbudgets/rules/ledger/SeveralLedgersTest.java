package org.devolvedbudgets.rules.ledger;

import static org.devolvedbudgets.rules.TestPilots.REUNIFICATION;
import static org.devolvedbudgets.rules.TestPilots.WORKER;
import static org.devolvedbudgets.rules.TestPilots.gbp;
import static org.devolvedbudgets.rules.TestPilots.on;
import static org.devolvedbudgets.rules.TestPilots.wigan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.OperationId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.Approver;
import org.devolvedbudgets.rules.Outcome;
import org.junit.jupiter.api.Test;

/**
 * Several ledgers over one store, as on several application servers: each catches up with what the others
 * appended instead of stopping, operations on requests another made work, the expiry sweep resolves each hold
 * once, and store faults neither lose nor repeat a change.
 */
class SeveralLedgersTest {

  private static final Instant START = on(2019, 6, 3);
  private static final LocalDate JUNE = LocalDate.of(2019, 6, 3);
  private static final Approver MANAGER = Approver.of(WorkerId.of("W-0007"), ApprovalRole.TEAM_MANAGER,
      REUNIFICATION);

  private final TestClock clock = new TestClock(START);

  private BudgetLedger server(LedgerStore store) {
    return BudgetLedger.builder(wigan()).store(store).clock(clock).build();
  }

  private static SpendRequest request(String id, String family, String amount) {
    return org.devolvedbudgets.rules.TestPilots.request(REUNIFICATION, amount).id(RequestId.of(id))
        .familyId(FamilyId.of(family)).build();
  }

  @Test
  void aManagerOnOneServerApprovesARequestMadeOnAnother() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    BudgetLedger a = server(store);
    BudgetLedger b = server(store);
    Submission submitted = a.submit(request("R-1", "F-1", "750.00"));
    assertEquals(Outcome.NEEDS_APPROVAL, submitted.decision().outcome());

    LedgerResult approved = b.approve(RequestId.of("R-1"), MANAGER, START.plusSeconds(60));
    assertTrue(approved.isApplied(), approved.message());
    // A has not seen the approval: paying there finds the journal moved on, catches up, and pays.
    assertTrue(a.post(RequestId.of("R-1"), gbp("700.00"), WORKER, START.plusSeconds(120)).isApplied());
    b.catchUp();
    assertEquals(a.remainingBudget(FamilyId.of("F-1"), JUNE).toString(),
        b.remainingBudget(FamilyId.of("F-1"), JUNE).toString());
    assertEquals(gbp("3300.00"), b.remainingBudget(FamilyId.of("F-1"), JUNE).get(0).remaining());
    a.verifyJournal();
    b.verifyJournal();
  }

  @Test
  void aConflictingAppendIsDecidedAgainOnTheNewBalances() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    BudgetLedger a = server(store);
    BudgetLedger b = server(store);
    assertEquals(Outcome.APPROVED, a.submit(request("R-1", "F-1", "450.00")).decision().outcome());
    for (int i = 2; i <= 8; i++) {
      a.submit(request("R-" + i, "F-1", "500.00")); // 450 + 7 x 500 = 3,950 of 4,000
    }
    // B saw none of it: its decision would approve, but the append conflicts and it decides again.
    Submission late = b.submit(request("R-9", "F-1", "100.00"));
    assertEquals(Outcome.DECLINED, late.decision().outcome(), "only 50.00 is left of the family's 4,000");
    assertEquals(a.lastSequence(), store.lastSequence() - 1);
    a.catchUp();
    assertEquals(b.submission(RequestId.of("R-9")).orElseThrow().decision(),
        a.submission(RequestId.of("R-9")).orElseThrow().decision());
    a.verifyJournal();
    b.verifyJournal();
  }

  @Test
  void aRetryReachingAnotherServerReturnsTheFirstResult() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    BudgetLedger a = server(store);
    BudgetLedger b = server(store);
    SpendRequest spend = request("R-1", "F-1", "300.00");
    Submission first = a.submit(spend);
    assertEquals(first.decision(), b.submit(spend).decision());
    OperationId payment = OperationId.of("op-pay-1");
    LedgerResult paid = a.post(payment, RequestId.of("R-1"), gbp("300.00"), WORKER, START.plusSeconds(5));
    LedgerResult again = b.post(payment, RequestId.of("R-1"), gbp("300.00"), WORKER, START.plusSeconds(5));
    assertTrue(again.isApplied());
    assertEquals(paid.message(), again.message());
    OperationId refund = OperationId.of("op-refund-1");
    for (BudgetLedger server : List.of(a, b, a)) {
      assertTrue(server.refund(refund, RequestId.of("R-1"), gbp("20.00"), WORKER, START.plusSeconds(9))
          .isApplied());
    }
    b.catchUp();
    assertEquals(gbp("20.00"), b.reservation(RequestId.of("R-1")).orElseThrow().refunded(), "refunded once");
    assertEquals(4, store.lastSequence(), "submitted, reserved, posted, refunded");
  }

  @Test
  void theSameOperationIdForAnotherChangeIsAConflictNamingWhatDiffers() {
    BudgetLedger ledger = server(new InMemoryLedgerStore());
    ledger.submit(request("R-1", "F-1", "300.00"));
    OperationId id = OperationId.of("op-1");
    assertTrue(ledger.post(id, RequestId.of("R-1"), gbp("250.00"), WORKER, START).isApplied());
    OperationConflictException amount = assertThrows(OperationConflictException.class,
        () -> ledger.post(id, RequestId.of("R-1"), gbp("260.00"), WORKER, START.plusSeconds(1)));
    assertEquals(List.of("amount"), amount.fields(), "the time is forgiven; the amount is not");
    assertEquals("operation op-1 was already used with different amount", amount.getMessage());
    assertEquals("OPERATION_CONFLICT", amount.code());
    assertFalse(amount.isRetryable());
    OperationConflictException kind = assertThrows(OperationConflictException.class,
        () -> ledger.refund(id, RequestId.of("R-1"), gbp("10.00"), WORKER, START));
    assertEquals(List.of("operation"), kind.fields());
    assertEquals(3, ledger.lastSequence(), "nothing changed");
  }

  @Test
  void theExpirySweepOnEveryServerExpiresEachHoldOnce() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    BudgetLedger a = server(store);
    BudgetLedger b = server(store);
    for (int i = 1; i <= 6; i++) {
      (i % 2 == 0 ? a : b).submit(request("R-" + i, "F-" + i, "800.00"));
    }
    clock.advance(Duration.ofDays(30));
    List<Reservation> byA = a.expire(clock.instant());
    List<Reservation> byB = b.expire(clock.instant());
    assertEquals(6, byA.size() + byB.size());
    assertEquals(0, a.expire(clock.instant()).size() + b.expire(clock.instant()).size());
    long expiries = store.readAll().stream().filter(event -> event instanceof LedgerEvent.Expired).count();
    assertEquals(6, expiries);
    a.verifyJournal();
    b.verifyJournal();
  }

  @Test
  void serversSpendingAtOnceNeverOverspendAndAllAgree() throws Exception {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    List<BudgetLedger> servers = List.of(server(store), server(store), server(store));
    ExecutorService pool = Executors.newFixedThreadPool(6);
    AtomicInteger approved = new AtomicInteger();
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        int thread = t;
        work.add(pool.submit(() -> {
          for (int i = 0; i < 150; i++) {
            BudgetLedger ledger = servers.get((thread + i) % servers.size());
            SpendRequest spend = request("R-" + thread + "-" + i, "F-" + (i % 4), "100.00");
            Submission submission = ledger.submit(spend);
            if (submission.decision().outcome() == Outcome.APPROVED) {
              approved.incrementAndGet();
              BudgetLedger payer = servers.get((thread + i + 1) % servers.size());
              assertTrue(payer.post(OperationId.of("op-" + spend.id()), spend.id(), gbp("100.00"), WORKER,
                  START).isApplied());
            }
          }
          return null;
        }));
      }
      for (Future<?> future : work) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(160, approved.get(), "4 families x 4,000 / 100");
    for (BudgetLedger server : servers) {
      server.catchUp();
      server.verifyJournal();
      for (int f = 0; f < 4; f++) {
        assertEquals(Money.zero(gbp("1.00").currency()),
            server.remainingBudget(FamilyId.of("F-" + f), JUNE).get(0).remaining());
      }
    }
  }

  @Test
  void aStoreThatFailsBeforeWritingIsRetriedAndNothingIsLost() {
    FaultyStore store = new FaultyStore(new InMemoryLedgerStore()).failBeforeWriting(3);
    BudgetLedger ledger = server(store);
    assertEquals(Outcome.APPROVED, ledger.submit(request("R-1", "F-1", "100.00")).decision().outcome());
    assertEquals(2, store.lastSequence());
    ledger.verifyJournal();
  }

  @Test
  void aStoreThatWritesThenThrowsIsSettledByReadingBack() {
    FaultyStore store = new FaultyStore(new InMemoryLedgerStore());
    BudgetLedger ledger = server(store);
    ledger.submit(request("R-1", "F-1", "300.00"));
    ledger.post(RequestId.of("R-1"), gbp("300.00"), WORKER, START);
    store.failAfterWriting(1);
    LedgerResult refunded = ledger.refund(RequestId.of("R-1"), gbp("50.00"), WORKER, START);
    assertTrue(refunded.isApplied(), "the refund landed, and the read-back says so");
    assertEquals(gbp("50.00"), ledger.reservation(RequestId.of("R-1")).orElseThrow().refunded(), "once");
    assertEquals(4, store.lastSequence());
    ledger.verifyJournal();
  }

  @Test
  void whenTheOutcomeIsUnknownARetryWithTheSameIdSettlesIt() {
    FaultyStore store = new FaultyStore(new InMemoryLedgerStore());
    BudgetLedger ledger = BudgetLedger.builder(wigan()).store(store).clock(clock).maxAttempts(1).build();
    ledger.submit(request("R-1", "F-1", "300.00"));
    ledger.post(RequestId.of("R-1"), gbp("300.00"), WORKER, START);
    store.failAfterWriting(1).failReads(1);
    OperationId refund = OperationId.of("op-refund-7");
    LedgerUnavailableException unknown = assertThrows(LedgerUnavailableException.class,
        () -> ledger.refund(refund, RequestId.of("R-1"), gbp("50.00"), WORKER, START));
    assertEquals(LedgerUnavailableException.Reason.OUTCOME_UNKNOWN, unknown.reason());
    LedgerResult retried = ledger.refund(refund, RequestId.of("R-1"), gbp("50.00"), WORKER, START);
    assertTrue(retried.isApplied());
    assertEquals("Refunded £50.00; the allowance is restored.", retried.message());
    assertEquals(gbp("50.00"), ledger.reservation(RequestId.of("R-1")).orElseThrow().refunded(), "once");
    assertEquals(4, store.lastSequence());
    ledger.verifyJournal();
  }

  @Test
  void aStoreThatKeepsFailingGivesARetryableErrorAndNoPermanentStop() {
    FaultyStore store = new FaultyStore(new InMemoryLedgerStore()).failBeforeWriting(100);
    BudgetLedger ledger = BudgetLedger.builder(wigan()).store(store).clock(clock).maxAttempts(4).build();
    LedgerUnavailableException down = assertThrows(LedgerUnavailableException.class,
        () -> ledger.submit(request("R-1", "F-1", "100.00")));
    assertEquals(LedgerUnavailableException.Reason.STORE_FAILED, down.reason());
    assertEquals(4, down.attempts());
    assertTrue(down.getCause() instanceof LedgerStoreException);
    store.failBeforeWriting(0);
    assertEquals(Outcome.APPROVED, ledger.submit(request("R-1", "F-1", "100.00")).decision().outcome());
    assertFalse(ledger.toString().contains("stopped"));
    ledger.verifyJournal();
  }

  @Test
  void aSlowStoreGathersChangesForDifferentFamiliesIntoOneAppend() throws Exception {
    FaultyStore store = new FaultyStore(new InMemoryLedgerStore()).delayAppends(20);
    BudgetLedger ledger = server(store);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Submission>> submissions = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        SpendRequest spend = request("R-" + i, "F-" + i, "10.00");
        submissions.add(pool.submit(() -> ledger.submit(spend)));
      }
      for (Future<Submission> submission : submissions) {
        assertEquals(Outcome.APPROVED, submission.get(30, TimeUnit.SECONDS).decision().outcome());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(128, store.lastSequence());
    assertTrue(store.appends() < 64, "64 submissions in " + store.appends() + " appends");
    ledger.verifyJournal();
  }
}
