package org.devolvedbudgets.rules.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.devolvedbudgets.rules.Fingerprint;
import org.jspecify.annotations.Nullable;

/**
 * Reads the ledger's journal: the whole of it when the ledger starts, and the events other servers appended when
 * it catches up. It is the only part that reads the {@link LedgerStore} for the ledger's state, and so the part
 * that notices when the journal is no longer the one the ledger folded.
 *
 * <p><b>A journal that went back.</b> Every catch-up reads from the ledger's own last event, not after it, and
 * checks that the store still holds that very event. If the journal now ends before it ({@code JOURNAL_SHRANK}:
 * a database restored from a backup, a standby promoted while behind) or holds another event there
 * ({@code JOURNAL_DIVERGED}: a server started on the shorter journal and wrote past its old end), the ledger stops
 * for good rather than fold events that follow a history it does not have, and keeps the list of events it had
 * appended that are lost. A retry answered from the ledger's memory is checked the same way ({@link #confirm}).
 *
 * <p>Lock order: the catch-up lock, then a family, its team and the pilot, then the append lock. A thread holding
 * scope locks never takes the catch-up lock.
 *
 * <p>This class is thread-safe.
 */
final class CatchUp {

  /** Events read from the store per page, when starting and when catching up. */
  static final int PAGE = 10_000;

  private final LedgerStore store;
  private final Folded folded;
  private final Scopes scopes;
  private final ConfigurationHistory history;
  private final ReentrantLock catchUpLock = new ReentrantLock();

  CatchUp(LedgerStore store, Folded folded, Scopes scopes, ConfigurationHistory history) {
    this.store = store;
    this.folded = folded;
    this.scopes = scopes;
    this.history = history;
  }

  /**
   * Folds the store's whole journal, a page at a time, for a ledger that is starting.
   *
   * @throws JournalMismatchException if the journal is out of order, decided under other rules, or cannot be folded
   */
  void start() {
    folded.appendLock.lock();
    try {
      store.readForStart(page -> {
        for (LedgerEvent event : page) {
          long after = folded.lastSequence();
          if (event.sequence() != after + 1) {
            throw new JournalMismatchException(JournalMismatchException.Reason.OUT_OF_ORDER, event.sequence(),
                "the store's journal has event " + event.sequence() + " after event " + after);
          }
          checkDecidedUnder(history, event);
          try {
            folded.foldRead(event, false);
          } catch (LedgerInvariantException e) {
            throw new JournalMismatchException(JournalMismatchException.Reason.CANNOT_FOLD, event.sequence(),
                e.getMessage());
          }
        }
      });
    } finally {
      folded.appendLock.unlock();
    }
  }

  /** Checks that a request was decided under this scheme and one of its versions, unchanged. */
  static void checkDecidedUnder(ConfigurationHistory history, LedgerEvent event) {
    if (!(event instanceof LedgerEvent.Submitted)) {
      return;
    }
    LedgerEvent.Submitted submitted = (LedgerEvent.Submitted) event;
    if (!submitted.schemeId().equals(history.schemeId())) {
      throw new JournalMismatchException(JournalMismatchException.Reason.OTHER_SCHEME, event.sequence(),
          "event " + event.sequence() + " was decided in scheme '" + submitted.schemeId() + "', but this ledger "
              + "runs scheme '" + history.schemeId() + "'");
    }
    int version = submitted.decision().configurationVersion();
    Fingerprint recorded = submitted.configurationFingerprint();
    Fingerprint ours = history.fingerprint(version).orElseThrow(() -> new JournalMismatchException(
        JournalMismatchException.Reason.UNKNOWN_VERSION, event.sequence(), "event " + event.sequence()
            + " was decided under configuration version " + version + ", which this ledger's history does not "
            + "hold"));
    if (!recorded.equals(ours)) {
      throw new JournalMismatchException(JournalMismatchException.Reason.VERSION_CHANGED, event.sequence(),
          "event " + event.sequence() + " was decided under configuration version " + version
              + " with fingerprint " + recorded + ", but this ledger's version " + version + " has fingerprint "
              + ours + "; add a new version instead of changing one requests were decided under");
    }
  }

  /**
   * Folds the events other writers appended since this ledger's last, each with its scopes locked, after checking
   * that the journal still holds the ledger's last event. Call with no scope lock held.
   *
   * @param ifUnreadable the reason to give if the store cannot be read
   * @return how many events were folded
   * @throws LedgerUnavailableException if the store cannot be read; nothing changed
   * @throws JournalMismatchException if the journal went back, or an event was decided under other rules (the
   *     ledger stops)
   * @throws LedgerInvariantException if an event cannot be folded (the ledger stops)
   */
  int catchUp(LedgerUnavailableException.Reason ifUnreadable) {
    catchUpLock.lock();
    try {
      folded.ensureTrusted();
      int count = 0;
      boolean checked = false;
      while (true) {
        long last = folded.lastSequence();
        long from = checked || last == 0 ? last : last - 1;
        List<LedgerEvent> page;
        try {
          page = store.read(from, PAGE);
        } catch (RuntimeException e) {
          throw new LedgerUnavailableException(ifUnreadable, 1, e);
        }
        if (!checked && last > 0) {
          LedgerEvent ours = folded.recent.get(last);
          if (page.isEmpty() || page.get(0).sequence() != last || ours != null && !ours.equals(page.get(0))) {
            throw wentBack(last, page.isEmpty());
          }
        }
        checked = true;
        for (LedgerEvent event : page) {
          if (fold(event)) {
            count++;
          }
        }
        if (page.size() < PAGE) {
          folded.doubtful(false);
          return count;
        }
      }
    } finally {
      catchUpLock.unlock();
    }
  }

  /**
   * Checks that the journal still holds an event this ledger folded, before an answer is given from memory (a
   * retry's first result). Call inside an attempt, with or without scope locks.
   *
   * @throws Committer.Retry with {@code CANNOT_CONFIRM} if the store cannot be read
   * @throws JournalMismatchException if the journal no longer holds it (the ledger stops)
   */
  void confirm(LedgerEvent ours) {
    folded.ensureTrusted();
    List<LedgerEvent> stored;
    try {
      stored = store.read(ours.sequence() - 1, 1);
    } catch (RuntimeException e) {
      throw new Committer.Retry(LedgerUnavailableException.Reason.CANNOT_CONFIRM, e);
    }
    if (stored.size() != 1 || !stored.get(0).equals(ours)) {
      throw wentBack(folded.lastSequence(), stored.isEmpty());
    }
  }

  /** Folds one event another writer appended, unless it is folded already. */
  private boolean fold(LedgerEvent event) {
    RequestEntry entry = event instanceof LedgerEvent.RequestEvent
        ? folded.balances.entry(((LedgerEvent.RequestEvent) event).requestId()) : null;
    LedgerEvent.@Nullable Reserved reserved = event instanceof LedgerEvent.Reserved ? (LedgerEvent.Reserved) event
        : entry == null ? null : entry.reserved;
    Scopes.Held held = scopes.hold(event.familyId(), reserved);
    try {
      folded.appendLock.lock();
      try {
        folded.ensureRunning();
        long last = folded.lastSequence();
        if (event.sequence() <= last) {
          return false;
        }
        if (event.sequence() != last + 1) {
          throw folded.stop("the store returned event " + event.sequence() + " after event " + last);
        }
        try {
          checkDecidedUnder(history, event);
        } catch (JournalMismatchException e) {
          throw folded.stop(e, e.getMessage(), List.of());
        }
        try {
          folded.foldRead(event, true);
        } catch (RuntimeException e) {
          throw folded.stop("event " + event.sequence() + " from the store cannot be folded: " + e.getMessage());
        }
        return true;
      } finally {
        folded.appendLock.unlock();
      }
    } finally {
      held.release();
    }
  }

  /**
   * Stops the ledger because the journal no longer holds its events from some sequence to {@code last}: finds the
   * first such sequence among the events it still keeps, and the ones it appended itself, and returns the
   * exception to throw.
   */
  private JournalMismatchException wentBack(long last, boolean endsBefore) {
    folded.appendLock.lock();
    try {
      long oldest = RecentEvents.oldestKept(last);
      long firstLost = last;
      boolean shrank = endsBefore;
      long storeEnd = -1;
      try {
        long after = oldest - 1;
        search:
        while (after < last) {
          List<LedgerEvent> page = store.read(after, (int) Math.min(PAGE, last - after));
          if (page.isEmpty()) {
            firstLost = after + 1;
            shrank = true;
            break;
          }
          for (LedgerEvent stored : page) {
            LedgerEvent ours = folded.recent.get(stored.sequence());
            if (stored.sequence() != after + 1 || ours != null && !ours.equals(stored)) {
              firstLost = after + 1;
              shrank = false;
              break search;
            }
            after = stored.sequence();
          }
        }
        storeEnd = store.lastSequence();
      } catch (RuntimeException unreadable) {
        // The store went away while the ledger looked: stop all the same, with the last event as the range.
      }
      List<LedgerEvent> lost = new ArrayList<>();
      for (long sequence = firstLost; sequence <= last; sequence++) {
        LedgerEvent event = folded.recent.get(sequence);
        if (event != null && folded.recent.isOwn(sequence)) {
          lost.add(event);
        }
      }
      String range = (firstLost == oldest && oldest > 1 ? "at least " : "")
          + (firstLost == last ? "event " + last : "events " + firstLost + " to " + last);
      String detail = (shrank ? "the journal ends" + (storeEnd >= 0 ? " at sequence " + storeEnd : "")
          + ", before this ledger's last event " + last : "the journal holds another event at sequence " + firstLost
          + " than the one this ledger folded") + "; " + range + " that this ledger folded, " + lost.size()
          + " of them appended here (see lostChanges()), are not in it; build a new ledger from the store, which "
          + "starts on the journal as it now is";
      JournalMismatchException mismatch = new JournalMismatchException(shrank
          ? JournalMismatchException.Reason.JOURNAL_SHRANK : JournalMismatchException.Reason.JOURNAL_DIVERGED,
          firstLost, last, detail);
      return folded.stop(mismatch, detail, lost);
    } finally {
      folded.appendLock.unlock();
    }
  }
}
