package org.devolvedbudgets.rules.ledger;

import static org.devolvedbudgets.rules.TestPilots.REUNIFICATION;
import static org.devolvedbudgets.rules.TestPilots.on;
import static org.devolvedbudgets.rules.TestPilots.wigan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.TestPilots;
import org.devolvedbudgets.rules.ledger.projection.Subscription;
import org.junit.jupiter.api.Test;

/**
 * An application's projection: fed every durable event once, in order, on its own thread; resumed after a crash
 * from the sequence the application stored; isolated, so that one that throws or hangs never holds up the ledger.
 */
class ProjectionSubscriptionTest {

  private static final Instant START = on(2019, 6, 3);
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static BudgetLedger ledger(LedgerStore store) {
    return BudgetLedger.builder(wigan()).store(store).clock(new TestClock(START)).build();
  }

  private static void spend(BudgetLedger ledger, int from, int to) {
    for (int i = from; i < to; i++) {
      SpendRequest request = TestPilots.request(REUNIFICATION, "10.00").id(RequestId.of("R-" + i))
          .familyId(FamilyId.of("F-" + (i % 7))).build();
      ledger.submit(request);
    }
  }

  private static List<Long> upTo(long last) {
    return LongStream.rangeClosed(1, last).boxed().toList();
  }

  @Test
  void aProjectionReceivesEveryDurableEventOnceInJournalOrder() throws InterruptedException {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    BudgetLedger ledger = ledger(store);
    spend(ledger, 0, 5);
    List<LedgerEvent> seen = Collections.synchronizedList(new ArrayList<>());
    try (Subscription subscription = ledger.subscribe("case-record", 0, seen::add)) {
      spend(ledger, 5, 40);
      assertTrue(subscription.awaitHandled(ledger.lastSequence(), WAIT));
      assertEquals(store.readAll(), seen, "every event, once, in order, as stored");
      assertEquals(ledger.lastSequence(), subscription.handledUpTo());
      assertEquals(Subscription.State.FOLLOWING, subscription.state());
      assertEquals(0, subscription.failures());
    }
  }

  @Test
  void aProjectionFollowsWhatTheLedgerFoldsFromAnotherServer() throws InterruptedException {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    BudgetLedger a = ledger(store);
    BudgetLedger b = ledger(store);
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    try (Subscription subscription = b.subscribe("notify-worker", 0, event -> seen.add(event.sequence()))) {
      spend(a, 0, 10);
      b.catchUp();
      assertTrue(subscription.awaitHandled(20, WAIT));
      assertEquals(upTo(20), seen);
    }
  }

  @Test
  void aProjectionThatThrowsIsRetriedAndNeverStopsTheLedger() throws InterruptedException {
    BudgetLedger ledger = ledger(new InMemoryLedgerStore());
    AtomicInteger attemptsOnThree = new AtomicInteger();
    List<Long> handled = Collections.synchronizedList(new ArrayList<>());
    try (Subscription subscription = ledger.subscribe("flaky", 0, event -> {
      if (event.sequence() == 3 && attemptsOnThree.incrementAndGet() <= 2) {
        throw new IllegalStateException("the case system is away");
      }
      handled.add(event.sequence());
    })) {
      spend(ledger, 0, 30); // commits go on while the projection fails
      assertEquals(60, ledger.lastSequence());
      assertTrue(subscription.awaitHandled(60, WAIT));
      assertEquals(upTo(60), handled, "event 3 handled once it succeeded, and nothing skipped");
      assertEquals(2, subscription.failures());
      assertEquals(IllegalStateException.class, subscription.lastFailure().orElseThrow().getClass());
      assertEquals(Subscription.State.FOLLOWING, subscription.state());
    }
  }

  @Test
  void aProjectionThatHangsHoldsUpNothing() throws InterruptedException {
    BudgetLedger ledger = ledger(new InMemoryLedgerStore());
    CountDownLatch release = new CountDownLatch(1);
    try (Subscription subscription = ledger.subscribe("slow", 0, event -> release.await())) {
      spend(ledger, 0, 200);
      assertEquals(400, ledger.lastSequence(), "every submission committed while the projection hung");
      assertFalse(subscription.awaitHandled(1, Duration.ofMillis(50)));
      release.countDown();
      assertTrue(subscription.awaitHandled(400, WAIT));
    }
  }

  /**
   * The application stores its position with the effect of each event. The process dies while an event is being
   * handled (its effect never stored); a new process builds a ledger on the same journal, subscribes from the
   * stored position, and the application ends with every event exactly once.
   */
  @Test
  void aProjectionResumedFromItsStoredPositionAfterACrashSeesEveryEventOnce() throws InterruptedException {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    List<Long> effects = Collections.synchronizedList(new ArrayList<>());
    AtomicLong position = new AtomicLong();
    CountDownLatch dying = new CountDownLatch(1);
    CountDownLatch dead = new CountDownLatch(1);
    BudgetLedger first = ledger(store);
    spend(first, 0, 20);
    Subscription before = first.subscribe("case-record", position.get(), event -> {
      if (event.sequence() == 17) {
        dying.countDown();
        dead.await(); // the process dies here: this event's effect is never stored
        return;
      }
      synchronized (position) { // one transaction: the effect and the position
        effects.add(event.sequence());
        position.set(event.sequence());
      }
    });
    assertTrue(dying.await(WAIT.toSeconds(), TimeUnit.SECONDS));
    before.close();
    dead.countDown();

    BudgetLedger restarted = ledger(store);
    spend(restarted, 20, 30);
    try (Subscription after = restarted.subscribe("case-record", position.get(), event -> {
      synchronized (position) {
        effects.add(event.sequence());
        position.set(event.sequence());
      }
    })) {
      assertTrue(after.awaitHandled(60, WAIT));
      assertEquals(upTo(60), effects);
    }
  }

  @Test
  void aSubscriptionStopsWhenTheJournalWentBack() throws InterruptedException {
    RewindableStore store = new RewindableStore();
    BudgetLedger ledger = ledger(store);
    spend(ledger, 0, 3);
    try (Subscription subscription = ledger.subscribe("case-record", 0, event -> { })) {
      assertTrue(subscription.awaitHandled(6, WAIT));
      store.cutAfter(2);
      assertThrows(JournalMismatchException.class, ledger::catchUp);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (subscription.state() != Subscription.State.STOPPED && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(Subscription.State.STOPPED, subscription.state());
    }
  }

  @Test
  void aSubscriptionIsRefusedANameThatIsNotOneOrAPositionPastTheJournal() {
    BudgetLedger ledger = ledger(new InMemoryLedgerStore());
    spend(ledger, 0, 2);
    IllegalArgumentException past = assertThrows(IllegalArgumentException.class,
        () -> ledger.subscribe("case-record", 5, event -> { }));
    assertTrue(past.getMessage().startsWith("afterSequence 5 is past the journal's end at 4"), past.getMessage());
    IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
        () -> ledger.subscribe("case record\n", 0, event -> { }));
    assertEquals("name must be 1 to 64 letters, digits, '.', '-' or '_', but was 'case record\\u000a'",
        name.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ledger.subscribe("case-record", -1, event -> { }));
  }
}
