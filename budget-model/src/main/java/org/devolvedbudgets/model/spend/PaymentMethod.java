package org.devolvedbudgets.model.spend;

/**
 * How the money reaches the family or the supplier. Councils use several; which are allowed is scheme
 * policy (see the configuration's {@code cashAllowed}).
 *
 * <p>The constants' names are stable codes: they are never renamed or reused once released.
 */
public enum PaymentMethod {

  /** The council orders the supply and pays the supplier's invoice: the one route on which VAT can be
   * recovered. */
  SUPPLIER_INVOICE,

  /** A council purchase card held by the worker or the team. */
  PURCHASE_CARD,

  /** A prepaid card: no overdraft, and its transaction data replaces receipts. */
  PREPAID_CARD,

  /** Cash, which many councils allow only in exceptional circumstances. */
  CASH,

  /** The worker pays and the council reimburses them. */
  STAFF_REIMBURSEMENT
}
