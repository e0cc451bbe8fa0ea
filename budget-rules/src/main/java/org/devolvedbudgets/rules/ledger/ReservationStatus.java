package org.devolvedbudgets.rules.ledger;

/**
 * Where a reservation is in its life. A reservation opens as {@link #AWAITING_APPROVAL} or {@link #APPROVED}
 * and is resolved exactly once, by a post, a void, a rejection or an expiry.
 *
 * <pre>
 * AWAITING_APPROVAL --approve--> APPROVED --post--> POSTED (refunds recorded against it)
 *         |                          |
 *         +--reject--> REJECTED      +--void--> VOIDED
 *         +--void----> VOIDED
 *         +--expire--> EXPIRED
 * </pre>
 */
public enum ReservationStatus {
  /** Money is held while a manager decides; the hold expires at the reservation's expiry time. */
  AWAITING_APPROVAL,
  /** Approved (at once, or by a manager); money is held until the spend is posted or voided. */
  APPROVED,
  /** Paid: the posted amount is spent and any remainder was released. */
  POSTED,
  /** Cancelled by a worker; the money was released. */
  VOIDED,
  /** Refused by a manager; the money was released. */
  REJECTED,
  /** Not approved before its expiry; the money was released. */
  EXPIRED;

  /**
   * Returns whether money is still held: awaiting approval or approved.
   *
   * @return true if the reservation is open
   */
  public boolean isOpen() {
    return this == AWAITING_APPROVAL || this == APPROVED;
  }
}
