package org.devolvedbudgets.model.spend;

/**
 * What kind of evidence of a spend reaches the child's record: what a scheme's evidence requirements ask for and
 * what the ledger records as received (by reference only, never the document).
 *
 * <p>The constants' names are stable codes: they are never renamed or reused once released.
 */
public enum EvidenceKind {

  /** A receipt or invoice from the supplier. */
  RECEIPT,

  /** The card platform's data for the transaction, which for a prepaid or purchase card often replaces a paper
   * receipt. */
  CARD_TRANSACTION,

  /** A note that other funding (benefits, a charity, another service) was tried first, as some councils
   * require. */
  OTHER_FUNDING_TRIED
}
