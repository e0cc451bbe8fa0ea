package org.devolvedbudgets.rules.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.devolvedbudgets.model.id.FamilyId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link LedgerStore} must meet. A store implementation proves itself by extending this
 * class (it is published in budget-rules' test jar) and returning a new, empty store from {@link #newStore()}.
 */
public abstract class LedgerStoreContractTest {

  private static final List<LedgerEvent> JOURNAL = Journals.everyKindOfEvent();

  private LedgerStore store;

  /**
   * Returns a new, empty store for one test.
   *
   * @return the store
   */
  protected abstract LedgerStore newStore();

  /**
   * Returns another store over the same journal as {@code store}, as a second application server would open on
   * the same database. A store kept in one process's memory returns {@code store} itself.
   *
   * @param store a store {@link #newStore()} returned
   * @return a store sharing its journal
   */
  protected LedgerStore sameJournal(LedgerStore store) {
    return store;
  }

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  private void appendAll() {
    store.append(0, JOURNAL.subList(0, 3));
    for (int i = 3; i < JOURNAL.size(); i++) {
      store.append(i, List.of(JOURNAL.get(i)));
    }
  }

  @Test
  void theJournalHoldsEveryKindOfEvent() {
    Set<Class<?>> kinds = JOURNAL.stream().map(Object::getClass).collect(Collectors.toSet());
    assertEquals(9, kinds.size(), kinds::toString);
  }

  @Test
  void anEmptyStoreEndsAtZeroAndReadsNothing() {
    assertEquals(0, store.lastSequence());
    assertEquals(List.of(), store.read(0, 10));
    assertEquals(List.of(), store.readAll());
    assertEquals(List.of(), store.readFamily(FamilyId.of("F-1")));
  }

  @Test
  void readsBackEqualEventsInSequenceOrder() {
    appendAll();
    assertEquals(JOURNAL.size(), store.lastSequence());
    assertEquals(JOURNAL, store.readAll());
    assertEquals(JOURNAL.subList(5, 12), store.read(5, 7));
    assertEquals(JOURNAL.subList(JOURNAL.size() - 2, JOURNAL.size()), store.read(JOURNAL.size() - 2, 100));
    assertEquals(List.of(), store.read(JOURNAL.size(), 100));
  }

  @Test
  void readsOneFamilysEventsInOrder() {
    appendAll();
    FamilyId family = Journals.treatedFamily(1);
    List<LedgerEvent> expected = JOURNAL.stream().filter(event -> event.familyId().equals(family))
        .collect(Collectors.toList());
    assertTrue(expected.size() > 10);
    assertEquals(expected, store.readFamily(family));
  }

  @Test
  void refusesAnAppendWhenTheJournalHasMovedOnAndAppendsNothing() {
    store.append(0, JOURNAL.subList(0, 2));
    ConcurrentAppendException conflict = assertThrows(ConcurrentAppendException.class,
        () -> store.append(1, List.of(JOURNAL.get(1))));
    assertEquals(1, conflict.expectedLastSequence());
    assertEquals(2, conflict.actualLastSequence());
    assertThrows(ConcurrentAppendException.class, () -> store.append(3, List.of(JOURNAL.get(3))));
    assertEquals(JOURNAL.subList(0, 2), store.readAll());
  }

  @Test
  void refusesBadlyNumberedOrEmptyBatchesAndBadPagesAppendingNothing() {
    assertThrows(IllegalArgumentException.class, () -> store.append(0, List.of(JOURNAL.get(1))));
    assertThrows(IllegalArgumentException.class, () -> store.append(0, List.of(JOURNAL.get(0), JOURNAL.get(2))));
    assertThrows(IllegalArgumentException.class, () -> store.append(0, List.of()));
    assertThrows(IllegalArgumentException.class, () -> store.append(-1, List.of(JOURNAL.get(0))));
    assertThrows(NullPointerException.class, () -> store.append(0, null));
    assertThrows(IllegalArgumentException.class, () -> store.read(-1, 10));
    assertThrows(IllegalArgumentException.class, () -> store.read(0, 0));
    assertThrows(NullPointerException.class, () -> store.readFamily(null));
    assertEquals(0, store.lastSequence());
  }

  @Test
  void concurrentWritersExpectingTheSameEndAppendOnceAndLeaveNoGap() throws Exception {
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      for (int round = 0; round < 20; round++) {
        long end = store.lastSequence();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
          results.add(pool.submit(() -> {
            start.await();
            try {
              store.append(end, List.of(JOURNAL.get((int) end)));
              return true;
            } catch (ConcurrentAppendException lost) {
              return false;
            }
          }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> result : results) {
          winners += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertEquals(1, winners, "round " + round);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(JOURNAL.subList(0, 20), store.readAll());
  }

  @Test
  void twoStoresOnOneJournalAppendingAtOnceWinOneEachSequence() throws Exception {
    List<LedgerStore> servers = List.of(store, sameJournal(store));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> writers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        LedgerStore mine = servers.get(w % 2);
        writers.add(pool.submit(() -> {
          int won = 0;
          while (true) {
            long end = mine.lastSequence();
            if (end >= 30) {
              return won;
            }
            try {
              mine.append(end, List.of(allocation(end + 1)));
              won++;
            } catch (ConcurrentAppendException lost) {
              // another writer took this sequence: read the end again
            }
          }
        }));
      }
      int won = 0;
      for (Future<Integer> writer : writers) {
        won += writer.get(60, TimeUnit.SECONDS);
      }
      assertEquals(30, won, "each sequence was won exactly once");
    } finally {
      pool.shutdownNow();
    }
    List<LedgerEvent> journal = servers.get(1).readAll();
    assertEquals(30, journal.size());
    for (int i = 0; i < journal.size(); i++) {
      assertEquals(i + 1, journal.get(i).sequence());
    }
    assertEquals(journal, store.readAll(), "both stores read the same journal");
  }

  /** An allocation of a family of its own, at a place in the journal. */
  private static LedgerEvent allocation(long sequence) {
    LedgerEvent first = JOURNAL.get(0);
    FamilyId family = FamilyId.of("F-extra-" + sequence);
    return new LedgerEvent.Allocated(sequence, first.recordedAt(), first.actor(), family,
        org.devolvedbudgets.rules.allocation.AllocationRecord.of(family,
            org.devolvedbudgets.model.scheme.AllocationMethod.ALL_ELIGIBLE,
            org.devolvedbudgets.rules.allocation.Arm.NOT_RANDOMISED, java.util.Optional.empty(),
            java.time.LocalDate.of(2019, 6, 1)), java.util.Optional.empty());
  }
}
