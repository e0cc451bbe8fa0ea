package org.devolvedbudgets.rules.ledger;

import java.time.Instant;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.rules.ledger.LedgerEvent.Reserved;
import org.devolvedbudgets.rules.ledger.LedgerEvent.Submitted;
import org.jspecify.annotations.Nullable;

/**
 * One request as the balances know it: what was submitted, what was reserved and where the reservation is now.
 * The arrays run parallel to {@link #accounts}: the reservation's charges, then the family's spending. Only
 * {@link Balances} changes it, when it folds an event.
 *
 * <p>Not thread-safe: guarded by the ledger's lock of the request's family (and of its charges' team and pilot).
 * The submitted and reserved events are immutable and may be read without a lock.
 */
final class RequestEntry {

  final Submitted submitted;
  /** The reservation, once made; never replaced after. */
  @Nullable Reserved reserved;
  /** The accounts the reservation charges, resolved once when it is made. */
  Account[] accounts = new Account[0];
  /** The amount reserved, in minor units: what every account holds unless the purchase is shared. */
  long amount;
  /**
   * For a purchase shared among children (some charge holds less than the whole), what is held against each
   * account, what was paid from and refunded to each, and which split each takes part in (the accounts of one
   * per-child allowance share one; -1 for an account alone). Null otherwise: every account takes the whole.
   */
  long @Nullable [] held;
  long @Nullable [] paid;
  long @Nullable [] returned;
  int @Nullable [] groups;
  /** The reservation's day, as an epoch day. */
  long day;
  /** When the hold lapses, if it awaits approval. */
  @Nullable Instant expiresAt;
  @Nullable Submission submission;
  @Nullable ReservationStatus status;
  long posted;
  long refunded;
  /** What the family has repaid, on help given subject to repayment. */
  long repaid;

  RequestEntry(Submitted submitted) {
    this.submitted = submitted;
  }

  FamilyId familyId() {
    return submitted.familyId();
  }

  RequestId requestId() {
    return submitted.requestId();
  }

  /** Whether the reservation still awaits approval but its hold has lapsed by {@code asOf}. */
  boolean lapsedBy(Instant asOf) {
    return status == ReservationStatus.AWAITING_APPROVAL && expiresAt != null && !asOf.isBefore(expiresAt);
  }

  /** What the reservation holds against its {@code i}-th account. */
  long heldAt(int i) {
    return held == null ? amount : held[i];
  }

  long heldOn(Account account) {
    for (int i = 0; i < accounts.length; i++) {
      if (accounts[i] == account) {
        return heldAt(i);
      }
    }
    return 0;
  }

  /**
   * What the family owes in all on help given subject to repayment, in minor units: the terms' amount, but never
   * more than is left of the spend after refunds. Zero for a gift.
   */
  long owed() {
    return submitted.request().repayment()
        .map(terms -> Math.min(terms.amount().minorUnits(), posted - refunded)).orElse(0L);
  }
}
