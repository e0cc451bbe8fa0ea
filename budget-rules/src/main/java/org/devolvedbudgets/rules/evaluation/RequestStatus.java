package org.devolvedbudgets.rules.evaluation;

/**
 * Where a request ended up, as far as the events tell. Codes are stable: never renamed or reused.
 */
public enum RequestStatus {

  /** The rules declined it when it was submitted. */
  DECLINED,

  /** It needs approval and no one has approved, rejected or expired it yet. */
  AWAITING_APPROVAL,

  /** A manager rejected it. */
  REJECTED,

  /** It needed approval and its hold lapsed before anyone decided. */
  EXPIRED,

  /** It was approved (at once or by a manager) and is not paid yet. */
  APPROVED,

  /** It was approved and then voided without a payment. */
  VOIDED,

  /** It was paid. */
  POSTED
}
