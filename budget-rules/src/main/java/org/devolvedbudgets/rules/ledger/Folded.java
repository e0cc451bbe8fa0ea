package org.devolvedbudgets.rules.ledger;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * How far the ledger has folded its journal, and the one path every event takes into it: the balances, then each
 * view, then the recent events, then the applications' projections are woken. The committer folds the ledger's own
 * events through here and catching up folds other servers', both under the {@link #appendLock}, so the balances,
 * the views and {@link #lastSequence()} move together. It also keeps whether the ledger has stopped, and why.
 *
 * <p>Lock order: the catch-up lock, then a family, its team and the pilot ({@link Scopes}), then the append lock.
 *
 * <p>This class is thread-safe.
 */
final class Folded {

  /** Held while events are numbered, appended or folded: the journal's one total order. */
  final ReentrantLock appendLock = new ReentrantLock();
  final Balances balances;
  final Views views;
  final RecentEvents recent = new RecentEvents();
  private volatile Feed[] feeds = new Feed[0];
  private volatile long lastSequence; // written under the append lock
  /** How many events other writers appended that this ledger has folded; written under the append lock. */
  private volatile long foreignFolded;
  /** Set when an append's outcome could not be learnt; the next change catches up first. */
  private volatile boolean doubtful;
  private volatile @Nullable LedgerException stopped;
  private volatile String stoppedBecause = "";
  private volatile List<LedgerEvent> lost = List.of();

  Folded(Balances balances, Views views) {
    this.balances = balances;
    this.views = views;
  }

  long lastSequence() {
    return lastSequence;
  }

  /** How many events from other writers this ledger has folded since it started, a count that only grows. */
  long foreignFolded() {
    return foreignFolded;
  }

  boolean isDoubtful() {
    return doubtful;
  }

  void doubtful(boolean doubtful) {
    this.doubtful = doubtful;
  }

  // ------------------------------------------------------------------------------------------------- folding

  /** Folds a change this ledger appended, which {@link Balances#check} accepted. Call under the append lock. */
  void foldOwn(List<LedgerEvent> events, List<@Nullable RequestEntry> entries) {
    balances.applyChecked(events, entries);
    for (int i = 0; i < events.size(); i++) {
      views.fold(events.get(i), entries.get(i));
      recent.add(events.get(i), true);
    }
  }

  /**
   * Moves the last sequence on to the end of a group this ledger appended, once its changes are folded (or have
   * stopped the ledger), and wakes the projections. Call under the append lock.
   */
  void appendedTo(long sequence) {
    lastSequence = sequence;
    wake();
  }

  /**
   * Folds the next event of the journal that this ledger did not append: from another server, or when starting.
   * Call under the append lock.
   *
   * @throws LedgerInvariantException if it cannot be folded (nothing changed)
   */
  void foldRead(LedgerEvent event, boolean foreign) {
    RequestEntry entry = balances.apply(event);
    views.fold(event, entry);
    recent.add(event, false);
    lastSequence = event.sequence();
    if (foreign) {
      foreignFolded++;
      wake();
    }
  }

  // ------------------------------------------------------------------------------------------------ stopping

  boolean isStopped() {
    return stopped != null;
  }

  /** Stops the ledger for good (the balances could no longer match the journal) and returns why, to throw. */
  LedgerInvariantException stop(String reason) {
    LedgerInvariantException stop = new LedgerInvariantException(reason);
    stopWith(stop, reason, List.of());
    return stop;
  }

  /**
   * Stops the ledger for good because of its journal, keeping the events it had appended that the journal no
   * longer holds, and returns the exception to throw.
   */
  JournalMismatchException stop(JournalMismatchException mismatch, String detail, List<LedgerEvent> lostEvents) {
    stopWith(mismatch, detail, lostEvents);
    return mismatch;
  }

  private synchronized void stopWith(LedgerException stop, String reason, List<LedgerEvent> lostEvents) {
    if (stopped == null) {
      lost = List.copyOf(lostEvents);
      stoppedBecause = reason;
      stopped = stop;
      wake(); // the projections learn that no more events come
    }
  }

  /** Throws if the ledger has stopped accepting changes. */
  void ensureRunning() {
    LedgerException stop = stopped;
    if (stop instanceof JournalMismatchException) {
      throw stoppedOn((JournalMismatchException) stop);
    }
    if (stop != null) {
      throw new LedgerInvariantException("the ledger has stopped accepting changes: " + stoppedBecause
          + "; build a new ledger from the store");
    }
  }

  /**
   * Throws if the ledger's memory holds events its journal no longer does, so that nothing is answered from it:
   * before every query.
   */
  void ensureTrusted() {
    if (isWentBack()) {
      throw stoppedOn((JournalMismatchException) stopped);
    }
  }

  /** Whether the ledger stopped because its journal went back (it lost or replaced events the ledger folded). */
  boolean isWentBack() {
    LedgerException stop = stopped;
    if (!(stop instanceof JournalMismatchException)) {
      return false;
    }
    JournalMismatchException.Reason reason = ((JournalMismatchException) stop).reason();
    return reason == JournalMismatchException.Reason.JOURNAL_SHRANK
        || reason == JournalMismatchException.Reason.JOURNAL_DIVERGED;
  }

  private JournalMismatchException stoppedOn(@Nullable JournalMismatchException stop) {
    JournalMismatchException cause = Objects.requireNonNull(stop);
    return new JournalMismatchException(cause.reason(), cause.sequence(), cause.lastSequence(),
        "the ledger has stopped: " + stoppedBecause + "; build a new ledger from the store");
  }

  /** The events this ledger appended that its journal no longer holds; empty unless it went back. */
  List<LedgerEvent> lost() {
    return lost;
  }

  // --------------------------------------------------------------------------------------------- projections

  synchronized void register(Feed feed) {
    Feed[] now = feeds;
    Feed[] more = Arrays.copyOf(now, now.length + 1);
    more[now.length] = feed;
    feeds = more;
  }

  synchronized void unregister(Feed feed) {
    feeds = Arrays.stream(feeds).filter(other -> other != feed).toArray(Feed[]::new);
  }

  private void wake() {
    for (Feed feed : feeds) {
      feed.wake();
    }
  }
}
