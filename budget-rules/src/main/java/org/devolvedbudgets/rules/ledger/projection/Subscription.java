package org.devolvedbudgets.rules.ledger.projection;

import java.time.Duration;
import java.util.Optional;

/**
 * A {@link LedgerProjection} subscribed to a ledger: how far it has got, whether it is failing, and the means to
 * wait for it and to stop it. Obtained from
 * {@link org.devolvedbudgets.rules.ledger.BudgetLedger#subscribe(String, long, LedgerProjection)}.
 *
 * <p>Implementations are thread-safe.
 */
public interface Subscription extends AutoCloseable {

  /** Where a subscription is. Stable codes: never renamed or reused. */
  enum State {
    /** Handling events as they come, or waiting for the next one. */
    FOLLOWING,
    /** The projection threw on its last event, which is offered again after a pause. */
    RETRYING,
    /** It has fallen behind what the ledger keeps in memory, and the store cannot be read just now. */
    WAITING_FOR_STORE,
    /**
     * The ledger stopped because its journal went back ({@code JOURNAL_SHRANK} or {@code JOURNAL_DIVERGED}); no
     * more events are delivered. Subscribe to a new ledger, after reconciling.
     */
    STOPPED,
    /** {@link #close()} was called. */
    CLOSED
  }

  /**
   * Returns the name it was subscribed under.
   *
   * @return the name, not null
   */
  String name();

  /**
   * Returns the sequence of the last event the projection handled, or the sequence it was subscribed from if it
   * has handled none yet.
   *
   * @return the sequence, 0 or more
   */
  long handledUpTo();

  /**
   * Returns where the subscription is.
   *
   * @return the state, not null
   */
  State state();

  /**
   * Returns how many times {@link LedgerProjection#handle} has thrown.
   *
   * @return the count, 0 or more
   */
  long failures();

  /**
   * Returns what {@link LedgerProjection#handle} last threw.
   *
   * @return the failure, empty if it never threw, not null
   */
  Optional<Throwable> lastFailure();

  /**
   * Waits until the projection has handled the event at {@code sequence}.
   *
   * @param sequence the sequence to wait for, 0 or more
   * @param timeout how long to wait at most, not negative, not null
   * @return true if it has handled it, false if the time ran out or the subscription stopped or closed first
   * @throws InterruptedException if the waiting thread is interrupted
   * @throws IllegalArgumentException if {@code sequence} or {@code timeout} is negative
   */
  boolean awaitHandled(long sequence, Duration timeout) throws InterruptedException;

  /**
   * Stops feeding the projection: an event being handled is finished, and no other is begun. Returns at once;
   * calling it again does nothing.
   */
  @Override
  void close();
}
