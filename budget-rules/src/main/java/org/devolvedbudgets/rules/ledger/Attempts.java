package org.devolvedbudgets.rules.ledger;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.devolvedbudgets.rules.ledger.LedgerUnavailableException.Reason;
import org.jspecify.annotations.Nullable;

/**
 * How the ledger tries a change more than once, and makes sure of an answer before it gives it: an attempt runs
 * again after catching up whenever the journal moved on under it (another server appended first, the store failed
 * before writing, the request or operation was recorded meanwhile), up to the ledger's limit; a refusal is given
 * only once the store has been read and shows nothing that would change it. From the second retry on it waits a
 * random moment of up to a few milliseconds, so that servers that keep colliding fall out of step.
 *
 * <p>This class is thread-safe. Call its methods with no lock held.
 */
final class Attempts {

  private final int maxAttempts;
  private final CatchUp catchUp;
  private final Folded folded;

  Attempts(int maxAttempts, CatchUp catchUp, Folded folded) {
    this.maxAttempts = maxAttempts;
    this.catchUp = catchUp;
    this.folded = folded;
  }

  /**
   * Runs {@code attempt} until it does not ask to be retried, catching up between tries.
   *
   * @throws LedgerUnavailableException after the ledger's attempts, with the last reason
   */
  <T> T run(Supplier<T> attempt) {
    Committer.@Nullable Retry last = null;
    if (folded.isDoubtful()) {
      last = catchUpOnce(Reason.OUTCOME_UNKNOWN); // a failure here is caught by the attempt's own append
    }
    for (int attempts = 1; ; attempts++) {
      try {
        return attempt.get();
      } catch (Committer.Retry retry) {
        last = retry;
      }
      if (attempts >= maxAttempts) {
        throw last.unavailable(attempts);
      }
      pause(attempts);
      Committer.Retry unread = catchUpOnce(last.reason() == Reason.CANNOT_CONFIRM ? Reason.CANNOT_CONFIRM
          : Reason.STORE_FAILED);
      if (unread != null) {
        last = unread;
      }
    }
  }

  /**
   * Runs a change that may be refused: an applied result is confirmed by its append; a refusal is given only after
   * the store has been read and the ledger has caught up with it, and is judged again if that brought in events
   * another server appended (a request approved there is not refused here as still awaiting approval).
   *
   * @throws LedgerUnavailableException if the store cannot be read to confirm a refusal ({@code CANNOT_CONFIRM}),
   *     or the answer kept changing under the ledger's attempts
   */
  LedgerResult result(Supplier<LedgerResult> attempt) {
    for (int rounds = 1; ; rounds++) {
      long foreign = folded.foreignFolded();
      LedgerResult result = run(attempt);
      if (result.isApplied()) {
        return result;
      }
      int caughtUp = catchUpPatiently();
      if (caughtUp == 0 && folded.foreignFolded() == foreign) {
        return result;
      }
      if (rounds >= maxAttempts) {
        throw new LedgerUnavailableException(Reason.CONFLICTS_PERSISTED, rounds, null);
      }
    }
  }

  /**
   * Catches up, trying again after a pause while the store cannot be read, up to the ledger's attempts: for an
   * answer the ledger must not give from memory alone.
   *
   * @return how many events were folded
   * @throws LedgerUnavailableException with {@code CANNOT_CONFIRM} if the store could not be read
   */
  int catchUpPatiently() {
    for (int attempts = 1; ; attempts++) {
      try {
        return catchUp.catchUp(Reason.CANNOT_CONFIRM);
      } catch (LedgerUnavailableException unreadable) {
        if (attempts >= maxAttempts) {
          throw new LedgerUnavailableException(Reason.CANNOT_CONFIRM, attempts, unreadable.getCause());
        }
      }
      pause(attempts + 1);
    }
  }

  /** Catches up once; if the store cannot be read, returns a retry with {@code reason} instead of throwing. */
  private Committer.@Nullable Retry catchUpOnce(Reason reason) {
    try {
      catchUp.catchUp(reason);
      return null;
    } catch (LedgerUnavailableException unreadable) {
      return new Committer.Retry(reason, unreadable.getCause());
    }
  }

  private static void pause(int attempts) {
    if (attempts > 1) {
      LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L * Math.min(attempts, 8)));
    }
  }
}
