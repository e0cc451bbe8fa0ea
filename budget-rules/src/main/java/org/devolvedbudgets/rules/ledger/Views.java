package org.devolvedbudgets.rules.ledger;

import java.util.HashMap;
import java.util.Map;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.jspecify.annotations.Nullable;

/**
 * The ledger's own views, each a projection of the journal ({@link View}): the approval queue, the evidence paid
 * spends need, and the repayments outstanding. Folded together, after the balances, for every event the ledger
 * folds.
 */
final class Views {

  final ApprovalQueue approvals = new ApprovalQueue();
  final EvidenceBook evidence;
  final Repayments repayments;
  private final View[] all;

  Views(ConfigurationHistory history, Balances balances, Scopes scopes) {
    this.evidence = new EvidenceBook(history);
    this.repayments = new Repayments(balances, scopes);
    this.all = new View[] {approvals, evidence, repayments};
  }

  /** Folds one event into every view. Call under the append lock, after the balances have folded it. */
  void fold(LedgerEvent event, @Nullable RequestEntry entry) {
    for (View view : all) {
      view.fold(event, entry);
    }
  }

  /** Every view's content, for comparing two folds of one journal. */
  Map<String, String> describe() {
    Map<String, String> lines = new HashMap<>();
    for (View view : all) {
      view.describeInto(lines);
    }
    return lines;
  }
}
