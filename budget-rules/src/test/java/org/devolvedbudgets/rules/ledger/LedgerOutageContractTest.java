package org.devolvedbudgets.rules.ledger;

import static org.devolvedbudgets.rules.TestPilots.REUNIFICATION;
import static org.devolvedbudgets.rules.TestPilots.WORKER;
import static org.devolvedbudgets.rules.TestPilots.gbp;
import static org.devolvedbudgets.rules.TestPilots.on;
import static org.devolvedbudgets.rules.TestPilots.wigan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
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
 * Servers whose store cannot be read never answer from a state they could not confirm: an unknown request, a
 * retried operation and a refusal all say "unavailable" (retryable, coded) instead of "bad input" or a wrong
 * refusal, and a client that retries every such answer with the same id ends with every operation applied exactly
 * once. Every store runs it: extend this class (it is published in budget-rules' test jar).
 */
public abstract class LedgerOutageContractTest {

  private static final Instant START = on(2019, 6, 3);
  private static final LocalDate JUNE = LocalDate.of(2019, 6, 3);
  private static final Approver MANAGER = Approver.of(WorkerId.of("W-0007"), ApprovalRole.TEAM_MANAGER,
      REUNIFICATION);

  /**
   * Returns a new, empty journal for one test.
   *
   * @return the store
   */
  protected abstract LedgerStore newJournal();

  /**
   * Returns another store over the same journal, as a second application server opens on the same database.
   *
   * @param journal a store {@link #newJournal()} returned
   * @return a store sharing its journal; a store kept in one process's memory returns {@code journal} itself
   */
  protected abstract LedgerStore sameJournal(LedgerStore journal);

  private static BudgetLedger server(LedgerStore store, int attempts) {
    return BudgetLedger.builder(wigan()).store(store).clock(new TestClock(START)).maxAttempts(attempts).build();
  }

  private static SpendRequest request(String id, String family, String amount) {
    return org.devolvedbudgets.rules.TestPilots.request(REUNIFICATION, amount).id(RequestId.of(id))
        .familyId(FamilyId.of(family)).build();
  }

  @Test
  void aRequestUnknownToAServerThatCannotReadTheStoreIsUnavailableNotBadInput() {
    LedgerStore journal = newJournal();
    BudgetLedger a = server(journal, 4);
    FaultyStore away = new FaultyStore(sameJournal(journal));
    BudgetLedger b = server(away, 4);
    assertEquals(Outcome.NEEDS_APPROVAL, a.submit(request("R-1", "F-1", "750.00")).outcome());

    away.down(true);
    OperationId approval = OperationId.of("op-1");
    LedgerUnavailableException unavailable = assertThrows(LedgerUnavailableException.class,
        () -> b.approve(approval, RequestId.of("R-1"), MANAGER, START.plusSeconds(60)));
    assertEquals(LedgerUnavailableException.Reason.CANNOT_CONFIRM, unavailable.reason());
    assertEquals("CANNOT_CONFIRM", unavailable.code());
    assertTrue(unavailable.isRetryable());

    away.down(false);
    assertTrue(b.approve(approval, RequestId.of("R-1"), MANAGER, START.plusSeconds(60)).isApplied());
    assertThrows(IllegalArgumentException.class,
        () -> b.approve(OperationId.of("op-2"), RequestId.of("R-404"), MANAGER, START.plusSeconds(60)),
        "with the store readable, a request in no journal is bad input");
  }

  @Test
  void aRetryOfAnOperationTheJournalHoldsIsNeverRefusedFromAServersStaleState() {
    LedgerStore journal = newJournal();
    BudgetLedger a = server(journal, 4);
    FaultyStore away = new FaultyStore(sameJournal(journal));
    BudgetLedger b = server(away, 4);
    a.submit(request("R-1", "F-1", "750.00"));
    b.catchUp(); // B knows R-1 as awaiting approval
    OperationId payment = OperationId.of("op-p");
    assertTrue(a.approve(OperationId.of("op-a"), RequestId.of("R-1"), MANAGER, START.plusSeconds(60)).isApplied());
    LedgerResult paid = a.post(payment, RequestId.of("R-1"), gbp("700.00"), WORKER, START.plusSeconds(120));
    assertTrue(paid.isApplied());

    away.down(true);
    LedgerUnavailableException unavailable = assertThrows(LedgerUnavailableException.class,
        () -> b.post(payment, RequestId.of("R-1"), gbp("700.00"), WORKER, START.plusSeconds(180)));
    assertEquals(LedgerUnavailableException.Reason.CANNOT_CONFIRM, unavailable.reason(),
        "B would have said NOT_APPROVED from what it last saw");
    assertThrows(LedgerUnavailableException.class,
        () -> b.voidReservation(RequestId.of("R-1"), WORKER, START.plusSeconds(180)),
        "a refusal another server may have overtaken is not given either");

    away.down(false);
    LedgerResult retried = b.post(payment, RequestId.of("R-1"), gbp("700.00"), WORKER, START.plusSeconds(180));
    assertTrue(retried.isApplied());
    assertEquals(paid.message(), retried.message());
    long posts = journal.readAll().stream().filter(event -> event instanceof LedgerEvent.Posted).count();
    assertEquals(1, posts, "paid once");
    a.verifyJournal();
    b.verifyJournal();
  }

  /**
   * Three servers, each losing its database for 60 ms at random moments, and four clients that retry every
   * unavailable answer with the same ids, on whichever server comes next: every request is decided once, every
   * approval and payment applied once, and no client is ever told a definitive wrong answer.
   */
  @Test
  void clientsThatRetryThroughOutagesApplyEveryOperationExactlyOnce() throws Exception {
    LedgerStore journal = newJournal();
    List<FaultyStore> stores = new ArrayList<>();
    List<BudgetLedger> servers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      FaultyStore store = new FaultyStore(i == 0 ? journal : sameJournal(journal));
      stores.add(store);
      servers.add(server(store, 6));
    }
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger unavailable = new AtomicInteger();
    ConcurrentHashMap<RequestId, Outcome> outcomes = new ConcurrentHashMap<>();
    Thread outages = new Thread(() -> {
      Random random = new Random(7);
      while (running.get()) {
        FaultyStore store = stores.get(random.nextInt(stores.size()));
        store.down(true);
        sleep(60);
        store.down(false);
        sleep(20 + random.nextInt(60));
      }
    });
    outages.start();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        int client = c;
        work.add(clients.submit(() -> {
          int[] turn = {client};
          for (int i = 0; i < 25; i++) {
            SpendRequest spend = request("R-" + client + "-" + i, "F-" + (i % 5),
                i % 3 == 0 ? "750.00" : "120.00");
            Outcome outcome = retried(servers, turn, unavailable, ledger -> ledger.submit(spend)).outcome();
            outcomes.put(spend.id(), outcome);
            if (outcome == Outcome.NEEDS_APPROVAL) {
              LedgerResult approved = retried(servers, turn, unavailable, ledger -> ledger.approve(
                  OperationId.of("op-a-" + spend.id()), spend.id(), MANAGER, START.plusSeconds(60)));
              assertTrue(approved.isApplied(), approved.toString());
            }
            if (outcome != Outcome.DECLINED) {
              LedgerResult paid = retried(servers, turn, unavailable, ledger -> ledger.post(
                  OperationId.of("op-p-" + spend.id()), spend.id(), spend.amount(), WORKER, START.plusSeconds(90)));
              assertTrue(paid.isApplied(), paid.toString());
            }
          }
          return null;
        }));
      }
      for (Future<?> future : work) {
        future.get(120, TimeUnit.SECONDS);
      }
    } finally {
      running.set(false);
      outages.join();
      clients.shutdownNow();
      stores.forEach(store -> store.down(false));
    }
    assertTrue(unavailable.get() > 0, "the outages were felt");
    List<LedgerEvent> events = journal.readAll();
    assertEquals(100, events.stream().filter(event -> event instanceof LedgerEvent.Submitted).count());
    long paidOnce = outcomes.values().stream().filter(outcome -> outcome != Outcome.DECLINED).count();
    assertEquals(paidOnce, events.stream().filter(event -> event instanceof LedgerEvent.Posted).count());
    assertEquals(events.stream().filter(event -> event.operationId().isPresent()).count(),
        events.stream().map(LedgerEvent::operationId).filter(id -> id.isPresent()).distinct().count(),
        "no operation id recorded twice");
    for (BudgetLedger server : servers) {
      server.catchUp();
      server.verifyJournal();
      for (int f = 0; f < 5; f++) {
        Money remaining = server.remainingBudget(FamilyId.of("F-" + f), JUNE).get(0).remaining();
        assertTrue(!remaining.isNegative(), "within the cap");
      }
    }
  }

  /** Calls {@code call} on the servers in turn until it stops answering "unavailable". */
  private static <T> T retried(List<BudgetLedger> servers, int[] turn, AtomicInteger unavailable,
      Function<BudgetLedger, T> call) {
    for (int tries = 0; tries < 2_000; tries++) {
      BudgetLedger ledger = servers.get(turn[0]++ % servers.size());
      try {
        return call.apply(ledger);
      } catch (LedgerUnavailableException retryable) {
        unavailable.incrementAndGet();
        sleep(5);
      }
    }
    return fail("still unavailable after 2,000 tries");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
