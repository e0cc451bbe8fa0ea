package org.devolvedbudgets.rules.ledger.projection;

import org.devolvedbudgets.rules.ledger.LedgerEvent;

/**
 * An application's own fold of a ledger's events: to tell a worker their request was approved, to keep a case
 * record in step, to fill a reporting table. Subscribe it with
 * {@link org.devolvedbudgets.rules.ledger.BudgetLedger#subscribe(String, long, LedgerProjection)}.
 *
 * <h2>What the ledger promises</h2>
 * <ul>
 *   <li><b>Durable events, in order, each once.</b> {@link #handle} is called with every event of the journal after
 *       the sequence the subscription started from, in sequence order, one at a time, only once the event is in
 *       the store: the ledger's own changes and those it folded from other servers alike. An event is offered again
 *       only if {@code handle} threw on it, after a pause (0.1 s, doubling to 30 s); the next event waits until it
 *       returns normally.
 *   <li><b>Isolated.</b> It runs on a thread of the subscription's own. A projection that throws or is slow never
 *       blocks, slows or changes the ledger's operations; its failures are counted and reported by its
 *       {@link Subscription}, and logged (the projection's name, the sequence and the exception's class, never its
 *       message).
 *   <li><b>Once per ledger, not per lifetime.</b> The ledger does not remember what a projection handled. "Once"
 *       across restarts is the application's part: store the sequence of the last event handled with the effect
 *       of handling it (in one transaction), and subscribe from that sequence when the process starts again. A
 *       projection that stores its position only now and then sees the events after the stored position again,
 *       and should handle them idempotently.
 * </ul>
 *
 * <p>Implementations are called from one thread at a time (the subscription's), so they need no locking of their
 * own for that; they must not call the ledger's changes in a way that waits for their own delivery.
 */
@FunctionalInterface
public interface LedgerProjection {

  /**
   * Handles one event. Throw to have it offered again after a pause.
   *
   * @param event the next event in journal order; its {@link LedgerEvent#sequence()} is its position, not null
   * @throws Exception if it could not be handled now
   */
  void handle(LedgerEvent event) throws Exception;
}
