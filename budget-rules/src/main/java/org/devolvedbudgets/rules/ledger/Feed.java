package org.devolvedbudgets.rules.ledger;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.devolvedbudgets.rules.ledger.projection.LedgerProjection;
import org.devolvedbudgets.rules.ledger.projection.Subscription;
import org.jspecify.annotations.Nullable;

/**
 * Feeds one application's {@link LedgerProjection} on a thread of its own: every event up to what the ledger has
 * folded, in order, from the ledger's recent events while it keeps up, from the store when it has fallen behind.
 * An event the projection throws on is offered again after a pause that doubles from 0.1 s to 30 s; nothing the
 * projection does reaches the ledger.
 *
 * <p>This class is thread-safe.
 */
final class Feed implements Subscription, Runnable {

  private static final System.Logger LOG = System.getLogger(BudgetLedger.class.getName());
  private static final int BATCH = 1_000;
  private static final long FIRST_PAUSE = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long LONGEST_PAUSE = TimeUnit.SECONDS.toNanos(30);
  /** How long an idle feed sleeps between looks, in case a wake-up was missed. */
  private static final long IDLE = TimeUnit.SECONDS.toNanos(1);

  private final String name;
  private final LedgerProjection projection;
  private final Folded folded;
  private final LedgerStore store;
  private final Thread thread;
  private final Object progress = new Object();
  private final AtomicLong failures = new AtomicLong();
  private volatile long handled;
  private volatile State state = State.FOLLOWING;
  private volatile @Nullable Throwable lastFailure;
  private volatile boolean closed;

  Feed(String name, long afterSequence, LedgerProjection projection, Folded folded, LedgerStore store) {
    this.name = name;
    this.projection = projection;
    this.folded = folded;
    this.store = store;
    this.handled = afterSequence;
    this.thread = new Thread(this, "budget-projection-" + name);
    thread.setDaemon(true);
  }

  void start() {
    folded.register(this);
    thread.start();
  }

  /** Tells the feed the ledger has folded more (or stopped). Cheap enough to call after every commit. */
  void wake() {
    LockSupport.unpark(thread);
  }

  @Override
  public void run() {
    try {
      while (!closed) {
        if (folded.isWentBack()) {
          finish(State.STOPPED);
          return;
        }
        long target = folded.lastSequence();
        if (handled >= target) {
          LockSupport.parkNanos(this, IDLE);
          continue;
        }
        List<LedgerEvent> batch = next(target);
        if (batch == null) {
          state = State.WAITING_FOR_STORE;
          LockSupport.parkNanos(this, FIRST_PAUSE * 10);
          continue;
        }
        for (LedgerEvent event : batch) {
          if (!deliver(event)) {
            break;
          }
        }
      }
    } finally {
      folded.unregister(this);
      if (state != State.STOPPED) {
        finish(State.CLOSED);
      }
    }
  }

  /** The next events to deliver, up to {@code target}; null if they must come from a store that cannot be read. */
  private @Nullable List<LedgerEvent> next(long target) {
    long from = handled + 1;
    int wanted = (int) Math.min(BATCH, target - handled);
    List<LedgerEvent> batch = new ArrayList<>(Math.min(wanted, 64));
    for (long sequence = from; sequence < from + wanted; sequence++) {
      LedgerEvent event = folded.recent.get(sequence);
      if (event == null) {
        break;
      }
      batch.add(event);
    }
    if (!batch.isEmpty()) {
      return batch;
    }
    try {
      List<LedgerEvent> read = store.read(handled, wanted);
      return read.isEmpty() ? null : read;
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  /** Hands one event to the projection until it takes it; false if the feed closed or stopped first. */
  private boolean deliver(LedgerEvent event) {
    long pause = FIRST_PAUSE;
    while (!closed) {
      try {
        projection.handle(event);
        synchronized (progress) {
          handled = event.sequence();
          progress.notifyAll();
        }
        state = State.FOLLOWING;
        return true;
      } catch (Throwable failure) { // whatever the projection throws stays with it
        long count = failures.incrementAndGet();
        lastFailure = failure;
        state = State.RETRYING;
        LOG.log(Level.WARNING, "projection {0} failed on event {1} ({2}, failure {3}); it is offered again in {4} ms",
            name, event.sequence(), failure.getClass().getName(), count, TimeUnit.NANOSECONDS.toMillis(pause));
        LockSupport.parkNanos(this, pause);
        pause = Math.min(LONGEST_PAUSE, pause * 2);
      }
      if (folded.isWentBack()) {
        return false;
      }
    }
    return false;
  }

  private void finish(State end) {
    synchronized (progress) {
      state = end;
      progress.notifyAll();
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public long handledUpTo() {
    return handled;
  }

  @Override
  public State state() {
    return state;
  }

  @Override
  public long failures() {
    return failures.get();
  }

  @Override
  public Optional<Throwable> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  @Override
  public boolean awaitHandled(long sequence, Duration timeout) throws InterruptedException {
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence must not be negative, but was " + sequence);
    }
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative, but was " + timeout);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (handled < sequence) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || state == State.STOPPED || state == State.CLOSED) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(progress, left);
      }
      return true;
    }
  }

  @Override
  public void close() {
    closed = true;
    wake();
  }

  /**
   * Returns a developer's form: the name, how far it has handled and its state.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return "Subscription[" + name + ", handled up to " + handled + ", " + state + "]";
  }
}
