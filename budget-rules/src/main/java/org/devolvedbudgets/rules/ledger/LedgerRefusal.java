package org.devolvedbudgets.rules.ledger;

/**
 * Why the ledger refused a change to a reservation whose state had moved on. These are business outcomes,
 * returned in a {@link LedgerResult}, because another worker, a manager or the expiry sweep can cause them at
 * any moment; arguments that could never be right (null, not positive, unknown request, more than was reserved)
 * throw instead.
 *
 * <p>Codes are stable: never renamed or reused. Messages may improve.
 */
public enum LedgerRefusal {
  /** Approve or reject: the request is not awaiting approval (it was declined, approved already, or resolved). */
  NOT_AWAITING_APPROVAL,
  /**
   * Approve: the rules refused this approver (they made the request, or their role is too junior); the
   * result's approval check lists why.
   */
  APPROVAL_NOT_VALID,
  /**
   * Approve or reject: the hold lapsed (it expired, or the approval or rejection came at or after its expiry
   * time, which is at the latest the end of the term or of a financial or calendar year it was charged to).
   */
  RESERVATION_EXPIRED,
  /** Post: the reservation still awaits approval. */
  NOT_APPROVED,
  /** Post or void: the reservation was already posted, voided, rejected or expired. */
  ALREADY_RESOLVED,
  /** Post, void, refund, evidence or repayment: the request was declined, so nothing was reserved. */
  NOTHING_RESERVED,
  /** Refund, evidence or repayment: the spend has not been posted. */
  NOT_POSTED,
  /** Refund: the amount is more than what is left of the spend after earlier refunds and repayments. */
  REFUND_EXCEEDS_REMAINING,

  /**
   * Approve: the approval came at or after the end of the scheme's term (of the configuration version the request
   * was decided under). Nothing awaiting approval can be approved once the pilot has ended; what was approved
   * before stays payable.
   */
  TERM_ENDED,

  /** Repayment: the spend was given without conditions, so nothing is to be repaid. */
  NOT_REPAYABLE,

  /** Repayment: the amount is more than is still owed. */
  REPAYMENT_EXCEEDS_OWED
}
