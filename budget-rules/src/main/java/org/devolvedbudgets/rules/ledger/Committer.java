package org.devolvedbudgets.rules.ledger;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.devolvedbudgets.model.id.OperationId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.devolvedbudgets.rules.Fingerprint;
import org.devolvedbudgets.rules.ledger.Balances.Entry;
import org.jspecify.annotations.Nullable;

/**
 * The ledger's link to its journal: it numbers, checks, appends and folds the events of changes (in groups, so
 * changes for different families that arrive together are one append), and folds the events other servers
 * appended (catching up).
 *
 * <p><b>Group commit.</b> A change's thread queues its events and, if no other thread is appending, takes the
 * append lock and appends everything queued by then in one call to the store, folds it, and wakes the group's
 * threads; otherwise it waits to be woken, so while one append is in the database the next group gathers. (The
 * waiters do not queue for the lock: handing it from one to the next, each only to find its change already
 * made, cost a thread switch each and kept groups to one or two changes.) Each change in a group holds its own scope locks, so no two changes in a
 * group touch the same family, team or pilot balance, and each is checked against the balances on its own.
 *
 * <p><b>Conflicts and failures.</b> An append is made at the sequence the ledger has folded to. When another
 * writer got there first the store refuses it and every change in the group is told to {@linkplain Retry retry}:
 * its thread releases its locks, catches up and decides again. When the store fails in a way that leaves the
 * outcome unknown, the journal is read back: the group either landed (and is folded) or did not (and retries).
 * No conflict or store failure stops the ledger; only a journal it cannot fold, or events it stored but could
 * not apply, does.
 *
 * <p>Lock order: the catch-up lock, then a family, its team and the pilot ({@link Scopes}), then the append lock.
 * A thread holding scope locks never takes the catch-up lock.
 *
 * <p>This class is thread-safe.
 */
final class Committer {

  /** The most changes one append carries: enough to amortise a commit, few enough to keep a transaction short. */
  static final int MAX_GROUP = 256;
  /** Events read from the store per page, when starting and when catching up. */
  static final int PAGE = 10_000;

  private final LedgerStore store;
  private final Balances balances;
  private final Scopes scopes;
  private final Clock clock;
  private final ConfigurationHistory history;
  private final ReentrantLock appendLock = new ReentrantLock();
  private final ReentrantLock catchUpLock = new ReentrantLock();
  private final ConcurrentLinkedQueue<Change> queue = new ConcurrentLinkedQueue<>();
  private volatile long lastSequence; // written under the append lock
  private volatile @Nullable String stoppedBecause;
  /** How many events other writers appended that this ledger has folded; written under the append lock. */
  private volatile long foreignFolded;
  /** Set when an append's outcome could not be learnt; the next change catches up first. */
  private volatile boolean doubtful;

  /** Folds the store's whole journal, a page at a time. */
  Committer(LedgerStore store, Balances balances, Scopes scopes, Clock clock, ConfigurationHistory history) {
    this.store = store;
    this.balances = balances;
    this.scopes = scopes;
    this.clock = clock;
    this.history = history;
    long[] after = {0};
    store.readForStart(page -> {
      for (LedgerEvent event : page) {
        if (event.sequence() != after[0] + 1) {
          throw new JournalMismatchException(JournalMismatchException.Reason.OUT_OF_ORDER, event.sequence(),
              "the store's journal has event " + event.sequence() + " after event " + after[0]);
        }
        checkDecidedUnder(history, event);
        try {
          balances.apply(List.of(event));
        } catch (LedgerInvariantException e) {
          throw new JournalMismatchException(JournalMismatchException.Reason.CANNOT_FOLD, event.sequence(),
              e.getMessage());
        }
        after[0] = event.sequence();
      }
    });
    this.lastSequence = after[0];
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

  long lastSequence() {
    return lastSequence;
  }

  /** How many events from other writers this ledger has folded since it started, a count that only grows. */
  long foreignFolded() {
    return foreignFolded;
  }

  /** Whether an append's outcome is still unknown: catch up before deciding anything. */
  boolean isDoubtful() {
    return doubtful;
  }

  LedgerStore store() {
    return store;
  }

  boolean isStopped() {
    return stoppedBecause != null;
  }

  void ensureRunning() {
    String reason = stoppedBecause;
    if (reason != null) {
      throw new LedgerInvariantException("the ledger has stopped accepting changes: " + reason
          + "; build a new ledger from the store");
    }
  }

  /** Stops the ledger for good (the balances could no longer match the journal) and returns why, to throw. */
  LedgerInvariantException stop(String reason) {
    stoppedBecause = reason;
    return new LedgerInvariantException(reason);
  }

  /** Runs {@code action} with the append lock held: nothing is appended or folded meanwhile. */
  void exclusively(Runnable action) {
    appendLock.lock();
    try {
      action.run();
    } finally {
      appendLock.unlock();
    }
  }

  // ------------------------------------------------------------------------------------------------ committing

  /** Builds one event once its sequence number and recording time are known. */
  @FunctionalInterface
  interface Draft {
    LedgerEvent build(long sequence, Instant recordedAt);
  }

  /** One change's events, queued for the group it joins. */
  private static final class Change {
    final List<Draft> drafts;
    final @Nullable RequestId newRequest;
    final @Nullable OperationId newOperation;
    final Thread thread = Thread.currentThread();
    /** Set last, after {@link #failure}, by the leader that appended (or refused) the change. */
    volatile boolean done;
    @Nullable RuntimeException failure;

    Change(List<Draft> drafts, @Nullable RequestId newRequest, @Nullable OperationId newOperation) {
      this.drafts = drafts;
      this.newRequest = newRequest;
      this.newOperation = newOperation;
    }
  }

  /**
   * Appends and folds one change's events, in a group with whatever else is queued. Call with the change's scope
   * locks held.
   *
   * @param newRequest the request this change submits, which must not be recorded yet, or null
   * @param newOperation the operation id this change records, which must not be recorded yet, or null
   * @throws Retry if another writer appended first, the store failed, or the request or operation was recorded
   *     meanwhile: release the locks, catch up and decide again
   * @throws LedgerInvariantException if the change would break an invariant, or the ledger has stopped
   */
  void commit(List<Draft> drafts, @Nullable RequestId newRequest, @Nullable OperationId newOperation) {
    Change change = new Change(drafts, newRequest, newOperation);
    queue.add(change);
    while (!change.done) {
      if (appendLock.tryLock()) {
        try {
          while (!change.done) {
            lead();
          }
        } finally {
          appendLock.unlock();
        }
        Change next = queue.peek();
        if (next != null) {
          LockSupport.unpark(next.thread); // the next group's leader
        }
      } else {
        // Another thread is appending, perhaps this change with its group: wait to be woken (the timeout only guards against a lost wake-up).
        LockSupport.parkNanos(this, 5_000_000L);
      }
    }
    RuntimeException failure = change.failure;
    if (failure != null) {
      throw failure;
    }
  }

  /*
   * The lists of the group being appended, kept and cleared rather than made for every append: only the holder of
   * the append lock uses them, and they cost about half a kilobyte an operation when made afresh. The store is
   * given a copy of the events, never these lists.
   */
  private final List<Change> group = new ArrayList<>();
  private final List<LedgerEvent> groupEvents = new ArrayList<>();
  private final List<Change> accepted = new ArrayList<>();
  private final List<List<LedgerEvent>> eventsOf = new ArrayList<>();
  private final List<List<@Nullable Entry>> checks = new ArrayList<>();

  /** Appends a group of queued changes as one. Call with the append lock held. */
  private void lead() {
    group.clear();
    for (Change next = queue.poll(); next != null; next = group.size() < MAX_GROUP ? queue.poll() : null) {
      group.add(next);
    }
    boolean completed = false;
    try {
      appendGroup();
      completed = true;
    } finally {
      // An error (out of memory, say) may have struck after the store took the events: fail closed.
      RuntimeException interrupted = completed ? null
          : stop("an error interrupted an append, so the balances may not match the journal");
      for (Change change : group) {
        if (interrupted != null && change.failure == null) {
          change.failure = interrupted;
        }
        change.done = true;
        if (change.thread != Thread.currentThread()) {
          LockSupport.unpark(change.thread);
        }
      }
      group.clear();
      groupEvents.clear();
      accepted.clear();
      eventsOf.clear();
      checks.clear();
    }
  }

  /** Numbers, checks, appends and folds {@link #group}, recording each change's failure in it. */
  private void appendGroup() {
    String stopped = stoppedBecause;
    Instant recordedAt = requireNonNull(clock.instant(), "clock.instant()");
    List<LedgerEvent> events = groupEvents;
    // A group of one (every change when there is one caller) has nothing to clash with inside it.
    Set<RequestId> requests = group.size() == 1 ? Set.of() : new HashSet<>();
    Set<OperationId> operations = group.size() == 1 ? Set.of() : new HashSet<>();
    boolean alone = group.size() == 1;
    for (Change change : group) {
      try {
        if (stopped != null) {
          ensureRunning();
        }
        if (change.newRequest != null && (balances.entry(change.newRequest) != null
            || !alone && !requests.add(change.newRequest))) {
          change.failure = Retry.RACED;
          continue;
        }
        if (change.newOperation != null && (balances.operation(change.newOperation) != null
            || !alone && !operations.add(change.newOperation))) {
          change.failure = Retry.RACED;
          continue;
        }
        long first = lastSequence + 1 + events.size();
        List<LedgerEvent> own = numbered(change, first, recordedAt);
        checks.add(balances.check(own));
        eventsOf.add(own);
        accepted.add(change);
        events.addAll(own);
      } catch (RuntimeException e) {
        change.failure = e;
      }
    }
    if (events.isEmpty()) {
      return;
    }
    boolean landed;
    try {
      store.append(lastSequence, List.copyOf(events));
      landed = true;
    } catch (ConcurrentAppendException e) {
      fail(accepted, Retry.CONFLICT);
      return;
    } catch (IllegalArgumentException | NullPointerException e) {
      fail(accepted, e); // the store refused the events themselves: a defect, not a reason to retry
      return;
    } catch (RuntimeException e) {
      landed = settle(events, accepted, e);
    }
    if (!landed) {
      return;
    }
    lastSequence += events.size();
    for (int i = 0; i < accepted.size(); i++) {
      try {
        balances.applyChecked(eventsOf.get(i), checks.get(i));
      } catch (RuntimeException e) {
        accepted.get(i).failure = stop("events " + eventsOf.get(i).get(0).sequence()
            + " onwards were stored but could not be applied: " + e.getMessage());
      }
    }
  }

  /** A change's events, numbered from {@code first}, as an immutable list (most changes make one or two). */
  private static List<LedgerEvent> numbered(Change change, long first, Instant recordedAt) {
    int size = change.drafts.size();
    if (size == 1) {
      return List.of(change.drafts.get(0).build(first, recordedAt));
    }
    if (size == 2) {
      return List.of(change.drafts.get(0).build(first, recordedAt), change.drafts.get(1).build(first + 1, recordedAt));
    }
    LedgerEvent[] events = new LedgerEvent[size];
    for (int i = 0; i < size; i++) {
      events[i] = change.drafts.get(i).build(first + i, recordedAt);
    }
    return List.of(events);
  }

  /**
   * After a store failure, reads the journal back to learn whether the events landed. Returns true if they did;
   * otherwise tells the group to retry and returns false.
   */
  private boolean settle(List<LedgerEvent> events, List<Change> accepted, RuntimeException failure) {
    List<LedgerEvent> stored;
    try {
      stored = store.read(lastSequence, events.size());
    } catch (RuntimeException unreadable) {
      failure.addSuppressed(unreadable);
      doubtful = true;
      fail(accepted, new Retry(LedgerUnavailableException.Reason.OUTCOME_UNKNOWN, failure));
      return false;
    }
    if (stored.equals(events)) {
      return true;
    }
    fail(accepted, stored.isEmpty() ? new Retry(LedgerUnavailableException.Reason.STORE_FAILED, failure)
        : Retry.CONFLICT);
    return false;
  }

  private static void fail(List<Change> changes, RuntimeException failure) {
    for (Change change : changes) {
      change.failure = failure;
    }
  }

  // ------------------------------------------------------------------------------------------------ catching up

  /**
   * Folds the events other writers appended since this ledger's last, each with its scopes locked, so that the
   * next decision sees them. Call with no scope lock held.
   *
   * @return how many events were folded
   * @throws LedgerUnavailableException if the store cannot be read ({@code STORE_FAILED})
   * @throws JournalMismatchException if an event was decided under other rules (the ledger stops)
   * @throws LedgerInvariantException if an event cannot be folded (the ledger stops)
   */
  int catchUp() {
    catchUpLock.lock();
    try {
      int folded = 0;
      while (true) {
        List<LedgerEvent> page;
        try {
          page = store.read(lastSequence, PAGE);
        } catch (RuntimeException e) {
          throw new LedgerUnavailableException(LedgerUnavailableException.Reason.STORE_FAILED, 1, e);
        }
        for (LedgerEvent event : page) {
          if (fold(event)) {
            folded++;
          }
        }
        if (page.size() < PAGE) {
          doubtful = false;
          return folded;
        }
      }
    } finally {
      catchUpLock.unlock();
    }
  }

  /** Whether the store holds events this ledger has not folded; false if the store cannot tell now. */
  boolean behindStore() {
    try {
      return store.lastSequence() > lastSequence;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Folds one event another writer appended, unless it is folded already. */
  private boolean fold(LedgerEvent event) {
    Entry entry = event instanceof LedgerEvent.RequestEvent
        ? balances.entry(((LedgerEvent.RequestEvent) event).requestId()) : null;
    LedgerEvent.@Nullable Reserved reserved = event instanceof LedgerEvent.Reserved ? (LedgerEvent.Reserved) event
        : entry == null ? null : entry.reserved;
    Scopes.Held held = scopes.hold(event.familyId(), reserved);
    try {
      appendLock.lock();
      try {
        ensureRunning();
        if (event.sequence() <= lastSequence) {
          return false;
        }
        if (event.sequence() != lastSequence + 1) {
          throw stop("the store returned event " + event.sequence() + " after event " + lastSequence);
        }
        try {
          checkDecidedUnder(history, event);
        } catch (JournalMismatchException e) {
          stoppedBecause = e.getMessage();
          throw e;
        }
        try {
          balances.apply(List.of(event));
        } catch (RuntimeException e) {
          throw stop("event " + event.sequence() + " from the store cannot be folded: " + e.getMessage());
        }
        lastSequence = event.sequence();
        foreignFolded++;
        return true;
      } finally {
        appendLock.unlock();
      }
    } finally {
      held.release();
    }
  }

  /**
   * Tells a change's thread to release its locks, catch up and decide again. Carries no stack trace: it is
   * control flow, and the retry limit turns it into a {@link LedgerUnavailableException} with the store's cause.
   */
  static final class Retry extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Another writer appended first. */
    static final Retry CONFLICT = new Retry(LedgerUnavailableException.Reason.CONFLICTS_PERSISTED, null);
    /** The request or operation was recorded by another change meanwhile. */
    static final Retry RACED = new Retry(LedgerUnavailableException.Reason.CONFLICTS_PERSISTED, null);

    private final LedgerUnavailableException.Reason reason;

    Retry(LedgerUnavailableException.Reason reason, @Nullable Throwable cause) {
      super(reason.name(), cause, false, false);
      this.reason = reason;
    }

    LedgerUnavailableException unavailable(int attempts) {
      return new LedgerUnavailableException(reason, attempts, getCause());
    }
  }
}
