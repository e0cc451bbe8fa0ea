package org.devolvedbudgets.rules.ledger;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One of the views the ledger answers questions from (the approval queue, evidence due, repayments): a projection
 * folded from every event in journal order, after each commit, on catching up and when the ledger starts.
 *
 * <p>A view is given the request's entry in the balances along with the event, so that it need not keep a second
 * index of every request; it reads only the entry's events and, under the request's family lock, its figures.
 * Views are folded under the ledger's append lock, one event at a time; their queries may run on any thread.
 */
interface View {

  /**
   * Folds one event, after the balances have.
   *
   * @param event the event, in journal order
   * @param entry the request's entry the event concerns (for a submission, the new one), or null for an allocation
   */
  void fold(LedgerEvent event, @Nullable RequestEntry entry);

  /**
   * Adds what the view holds to {@code lines}, in a form two folds of one journal can be compared by.
   *
   * @param lines receives one line per item, keyed uniquely
   */
  void describeInto(Map<String, String> lines);
}
