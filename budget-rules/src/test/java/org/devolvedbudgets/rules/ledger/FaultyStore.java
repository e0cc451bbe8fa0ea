package org.devolvedbudgets.rules.ledger;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.devolvedbudgets.model.id.FamilyId;
import org.jspecify.annotations.Nullable;

/**
 * A store that wraps a real one and fails on purpose, the ways a database does: before writing, after writing
 * (the commit landed but its answer was lost), on reading back, or slowly. Each fault is armed for a number of
 * calls; the wrapped store is otherwise used as it is. Thread-safe. Reused by the database stores' tests from the
 * test jar.
 */
public final class FaultyStore implements LedgerStore {

  private final LedgerStore store;
  private final AtomicInteger failBeforeWriting = new AtomicInteger();
  private final AtomicInteger failAfterWriting = new AtomicInteger();
  private final AtomicInteger failReads = new AtomicInteger();
  private volatile long delayMillis;
  private volatile boolean down;
  private final AtomicInteger appends = new AtomicInteger();

  /**
   * Wraps a store.
   *
   * @param store the real store, not null
   */
  public FaultyStore(LedgerStore store) {
    this.store = requireNonNull(store, "store");
  }

  /**
   * Makes the next appends fail without writing anything.
   *
   * @param times how many appends fail
   * @return this store
   */
  public FaultyStore failBeforeWriting(int times) {
    failBeforeWriting.set(times);
    return this;
  }

  /**
   * Makes the next appends write their events and then throw, as when a commit's answer is lost.
   *
   * @param times how many appends do so
   * @return this store
   */
  public FaultyStore failAfterWriting(int times) {
    failAfterWriting.set(times);
    return this;
  }

  /**
   * Makes the next page reads ({@link #read}) fail.
   *
   * @param times how many reads fail
   * @return this store
   */
  public FaultyStore failReads(int times) {
    failReads.set(times);
    return this;
  }

  /**
   * Makes every append wait first, as a slow database does.
   *
   * @param millis how long, 0 for none
   * @return this store
   */
  public FaultyStore delayAppends(long millis) {
    delayMillis = millis;
    return this;
  }

  /**
   * Takes the database away, or brings it back: while it is down every call fails, reads and appends alike (an
   * append fails before writing), as when a server loses its connection to the database.
   *
   * @param down whether the database is away
   * @return this store
   */
  public FaultyStore down(boolean down) {
    this.down = down;
    return this;
  }

  private void checkUp() {
    if (down) {
      throw new LedgerStoreException("the database is unreachable (fault injected: down)", null);
    }
  }

  /**
   * Returns how many appends were attempted, faulty ones included.
   *
   * @return the count
   */
  public int appends() {
    return appends.get();
  }

  private static boolean take(AtomicInteger counter) {
    return counter.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }

  @Override
  public long lastSequence() {
    checkUp();
    return store.lastSequence();
  }

  @Override
  public void append(long expectedLastSequence, List<LedgerEvent> events) {
    append(expectedLastSequence, null, events);
  }

  @Override
  public void append(long expectedLastSequence, @Nullable LedgerEvent expectedLast, List<LedgerEvent> events) {
    appends.incrementAndGet();
    checkUp();
    long delay = delayMillis;
    if (delay > 0) {
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LedgerStoreException("interrupted while slow", e);
      }
    }
    if (take(failBeforeWriting)) {
      throw new LedgerStoreException("the database is unreachable (fault injected before writing)", null);
    }
    store.append(expectedLastSequence, expectedLast, events);
    if (take(failAfterWriting)) {
      throw new LedgerStoreException("the connection was lost after the commit (fault injected)", null);
    }
  }

  @Override
  public List<LedgerEvent> read(long afterSequence, int maxEvents) {
    checkUp();
    if (take(failReads)) {
      throw new LedgerStoreException("the database is unreachable (fault injected on reading)", null);
    }
    return store.read(afterSequence, maxEvents);
  }

  @Override
  public List<LedgerEvent> readFamily(FamilyId familyId) {
    checkUp();
    return store.readFamily(familyId);
  }
}
