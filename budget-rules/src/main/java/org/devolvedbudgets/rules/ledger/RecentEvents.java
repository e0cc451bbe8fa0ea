package org.devolvedbudgets.rules.ledger;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The last {@value #CAPACITY} events the ledger folded, by sequence, and which of them it appended itself. It lets
 * the applications' projections be fed without reading the store back in the usual case (a projection that has
 * fallen further behind reads the store), lets the ledger tell its own last event from another one stored at that
 * sequence, and lets a ledger whose journal lost events list those it had acknowledged.
 *
 * <p>Why a fixed ring: it costs one array store per event and nothing to forget, and {@value #CAPACITY} events are
 * several minutes of a busy scheme, more than a standby lags before anyone notices.
 *
 * <p>Thread safety: {@link #add} runs under the ledger's append lock, before the ledger's last sequence moves on;
 * {@link #get} may be called from any thread for a sequence up to that last sequence, and answers null if the slot
 * has since been taken by a later event. {@link #isOwn} is read under the append lock only.
 */
final class RecentEvents {

  /** How many events are kept: a power of two. */
  static final int CAPACITY = 1 << 14;

  private final AtomicReferenceArray<LedgerEvent> events = new AtomicReferenceArray<>(CAPACITY);
  private final boolean[] own = new boolean[CAPACITY];

  /** Keeps a folded event; {@code own} if this ledger appended it. */
  void add(LedgerEvent event, boolean own) {
    int slot = slot(event.sequence());
    this.own[slot] = own;
    events.lazySet(slot, event);
  }

  /** The event at {@code sequence}, or null if it is no longer (or not yet) kept. */
  @Nullable LedgerEvent get(long sequence) {
    LedgerEvent event = events.get(slot(sequence));
    return event != null && event.sequence() == sequence ? event : null;
  }

  /** Whether this ledger appended the event kept at {@code sequence}; false if it is not kept. */
  boolean isOwn(long sequence) {
    return get(sequence) != null && own[slot(sequence)];
  }

  /** The first sequence still kept when the ledger has folded up to {@code last}. */
  static long oldestKept(long last) {
    return Math.max(1, last - CAPACITY + 1);
  }

  private static int slot(long sequence) {
    return (int) (sequence & (CAPACITY - 1));
  }
}
