package org.devolvedbudgets.rules.ledger;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.devolvedbudgets.rules.ApprovalCheck;
import org.jspecify.annotations.Nullable;

/**
 * What happened to an approval, rejection, post, void or refund: applied, or refused with a stable
 * {@link LedgerRefusal} code and a plain-English message. Either way it carries the reservation as it stands
 * afterwards (absent only when the request was declined and nothing was reserved).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class LedgerResult {

  private final @Nullable LedgerRefusal refusal;
  private final String message;
  private final @Nullable Reservation reservation;
  private final @Nullable ApprovalCheck approvalCheck;

  private LedgerResult(@Nullable LedgerRefusal refusal, String message, @Nullable Reservation reservation,
      @Nullable ApprovalCheck approvalCheck) {
    this.refusal = refusal;
    this.message = message;
    this.reservation = reservation;
    this.approvalCheck = approvalCheck;
  }

  static LedgerResult applied(Reservation reservation, String message) {
    return new LedgerResult(null, message, requireNonNull(reservation, "reservation"), null);
  }

  static LedgerResult refused(LedgerRefusal refusal, String message, @Nullable Reservation reservation,
      @Nullable ApprovalCheck approvalCheck) {
    return new LedgerResult(requireNonNull(refusal, "refusal"), message, reservation, approvalCheck);
  }

  /**
   * Returns whether the change was made.
   *
   * @return true if applied, false if refused
   */
  public boolean isApplied() {
    return refusal == null;
  }

  /**
   * Returns why the change was refused.
   *
   * @return the refusal code, empty when applied, not null
   */
  public Optional<LedgerRefusal> refusal() {
    return Optional.ofNullable(refusal);
  }

  /**
   * Returns a plain-English account of what happened, for example
   * {@code "Posted £113.00 and released £7.00."}.
   *
   * @return the message, not null
   */
  public String message() {
    return message;
  }

  /**
   * Returns the reservation as it stands after this result.
   *
   * @return the reservation, empty only when the request was declined, not null
   */
  public Optional<Reservation> reservation() {
    return Optional.ofNullable(reservation);
  }

  /**
   * Returns the rules' approval check, when an approval was refused with {@link LedgerRefusal#APPROVAL_NOT_VALID}.
   *
   * @return the check, not null
   */
  public Optional<ApprovalCheck> approvalCheck() {
    return Optional.ofNullable(approvalCheck);
  }

  /**
   * Returns a developer's form, for example {@code LedgerResult[ALREADY_RESOLVED: ...]}.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return "LedgerResult[" + (refusal == null ? "APPLIED" : refusal.name()) + ": " + message + "]";
  }
}
