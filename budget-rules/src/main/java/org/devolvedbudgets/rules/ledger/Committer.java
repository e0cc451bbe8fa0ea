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
import org.devolvedbudgets.model.id.OperationId;
import org.devolvedbudgets.model.id.RequestId;
import org.jspecify.annotations.Nullable;

/**
 * Writes the ledger's changes to its journal: it numbers, checks, appends and folds the events of changes, in
 * groups, so that changes for different families that arrive together are one append. It is the only part that
 * appends to the {@link LedgerStore}; {@link CatchUp} is the only part that reads it.
 *
 * <p><b>Group commit.</b> A change's thread queues its events and, if no other thread is appending, takes the
 * append lock and appends everything queued by then in one call to the store, folds it, and wakes the group's
 * threads; otherwise it waits to be woken, so while one append is in the database the next group gathers. (The
 * waiters do not queue for the lock: handing it from one to the next, each only to find its change already made,
 * cost a thread switch each and kept groups to one or two changes.) Each change in a group holds its own scope
 * locks, so no two changes in a group touch the same family, team or pilot balance, and each is checked against
 * the balances on its own.
 *
 * <p><b>Conflicts and failures.</b> An append is made at the sequence the ledger has folded to. When another
 * writer got there first the store refuses it and every change in the group is told to {@linkplain Retry retry}:
 * its thread releases its locks, catches up and decides again. When the store fails in a way that leaves the
 * outcome unknown, the journal is read back: the group either landed (and is folded) or did not (and retries).
 * No conflict or store failure stops the ledger; only events it stored but could not apply do.
 *
 * <p>This class is thread-safe.
 */
final class Committer {

  /** The most changes one append carries: enough to amortise a commit, few enough to keep a transaction short. */
  static final int MAX_GROUP = 256;

  private final LedgerStore store;
  private final Folded folded;
  private final Balances balances;
  private final Clock clock;
  private final ConcurrentLinkedQueue<Change> queue = new ConcurrentLinkedQueue<>();

  Committer(LedgerStore store, Folded folded, Clock clock) {
    this.store = store;
    this.folded = folded;
    this.balances = folded.balances;
    this.clock = clock;
  }

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
      if (folded.appendLock.tryLock()) {
        try {
          while (!change.done) {
            lead();
          }
        } finally {
          folded.appendLock.unlock();
        }
        Change next = queue.peek();
        if (next != null) {
          LockSupport.unpark(next.thread); // the next group's leader
        }
      } else {
        // Another thread is appending, perhaps this change with its group: wait to be woken (the timeout only
        // guards against a lost wake-up).
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
  private final List<List<@Nullable RequestEntry>> checks = new ArrayList<>();

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
          : folded.stop("an error interrupted an append, so the balances may not match the journal");
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
    boolean stopped = folded.isStopped();
    long last = folded.lastSequence();
    Instant recordedAt = requireNonNull(clock.instant(), "clock.instant()");
    List<LedgerEvent> events = groupEvents;
    // A group of one (every change when there is one caller) has nothing to clash with inside it.
    boolean alone = group.size() == 1;
    Set<RequestId> requests = alone ? Set.of() : new HashSet<>();
    Set<OperationId> operations = alone ? Set.of() : new HashSet<>();
    for (Change change : group) {
      try {
        if (stopped) {
          folded.ensureRunning();
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
        List<LedgerEvent> own = numbered(change, last + 1 + events.size(), recordedAt);
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
      store.append(last, folded.recent.get(last), List.copyOf(events));
      landed = true;
    } catch (ConcurrentAppendException e) {
      fail(accepted, Retry.CONFLICT);
      return;
    } catch (IllegalArgumentException | NullPointerException e) {
      fail(accepted, e); // the store refused the events themselves: a defect, not a reason to retry
      return;
    } catch (RuntimeException e) {
      landed = settle(last, events, accepted, e);
    }
    if (!landed) {
      return;
    }
    for (int i = 0; i < accepted.size(); i++) {
      try {
        folded.foldOwn(eventsOf.get(i), checks.get(i));
      } catch (RuntimeException e) {
        accepted.get(i).failure = folded.stop("events " + eventsOf.get(i).get(0).sequence()
            + " onwards were stored but could not be applied: " + e.getMessage());
      }
    }
    folded.appendedTo(last + events.size());
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
  private boolean settle(long last, List<LedgerEvent> events, List<Change> accepted, RuntimeException failure) {
    List<LedgerEvent> stored;
    try {
      stored = store.read(last, events.size());
    } catch (RuntimeException unreadable) {
      failure.addSuppressed(unreadable);
      folded.doubtful(true);
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

    LedgerUnavailableException.Reason reason() {
      return reason;
    }

    LedgerUnavailableException unavailable(int attempts) {
      return new LedgerUnavailableException(reason, attempts, getCause());
    }
  }
}
