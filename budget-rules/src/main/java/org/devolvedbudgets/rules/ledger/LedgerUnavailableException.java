package org.devolvedbudgets.rules.ledger;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a {@link BudgetLedger} could not make a change, or could not confirm an answer, now, though nothing
 * is wrong with it: other servers kept appending first, or the store failed or could not be read. The ledger is
 * not stopped, and the operation is <b>safe to retry</b> with the same request id or operation id: if the change
 * did land (which only {@link Reason#OUTCOME_UNKNOWN} allows), the retry returns its result and changes nothing.
 * {@link #isRetryable()} is always true.
 *
 * <p>A ledger never answers from a state it could not confirm: when it would have to say "unknown request",
 * return a retry's first result or refuse a change, and the store cannot be read to check that another server
 * has not changed the answer, it throws this with {@link Reason#CANNOT_CONFIRM} instead of guessing.
 *
 * <p>The {@link #reason()} is a stable code; the message gives the number of attempts and, for a store failure,
 * the store's own message as the cause.
 */
public final class LedgerUnavailableException extends LedgerException {

  private static final long serialVersionUID = 1L;

  /** Why the change could not be made. Stable codes: never renamed or reused. */
  public enum Reason {
    /** Other writers appended to the journal before every attempt; nothing was changed. */
    CONFLICTS_PERSISTED,
    /** The store failed before anything was written; nothing was changed. */
    STORE_FAILED,
    /**
     * The store failed while writing and the journal could not be read back to find out whether the change
     * landed. A retry with the same id settles it.
     */
    OUTCOME_UNKNOWN,
    /**
     * The store could not be read to confirm the answer: a request or operation id this ledger has not seen, a
     * refusal another server's change may have overtaken, or a retry's first result that the journal must still
     * hold. Nothing was changed.
     */
    CANNOT_CONFIRM
  }

  /** Why the change could not be made. */
  private final Reason reason;
  /** How many times the ledger tried. */
  private final int attempts;

  /**
   * Creates the exception.
   *
   * @param reason why, not null
   * @param attempts how many times the ledger tried, 1 or more
   * @param cause the store's failure, or null
   */
  public LedgerUnavailableException(Reason reason, int attempts, @Nullable Throwable cause) {
    super(message(requireNonNull(reason, "reason"), attempts), cause);
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, but was " + attempts);
    }
    this.reason = reason;
    this.attempts = attempts;
  }

  private static String message(Reason reason, int attempts) {
    String tries = attempts == 1 ? "1 attempt" : attempts + " attempts";
    switch (reason) {
      case CONFLICTS_PERSISTED:
        return "other writers appended to the journal first in each of " + tries + "; nothing was changed, and "
            + "retrying with the same id is safe";
      case STORE_FAILED:
        return "the store failed after " + tries + " before anything was written; nothing was changed, and "
            + "retrying with the same id is safe";
      case CANNOT_CONFIRM:
        return "the store could not be read to confirm the answer, after " + tries + "; nothing was changed, and "
            + "retrying with the same id is safe";
      default:
        return "the store failed while writing and the journal could not be read back, after " + tries
            + "; retry with the same id to settle whether the change was made";
    }
  }

  /**
   * Returns why the change could not be made.
   *
   * @return the reason, not null
   */
  public Reason reason() {
    return reason;
  }

  /**
   * Returns the reason's name.
   *
   * @return the code, not null
   */
  @Override
  public String code() {
    return reason.name();
  }

  /**
   * Returns true: the cause is passing, and the same call with the same id is safe to make again.
   *
   * @return true
   */
  @Override
  public boolean isRetryable() {
    return true;
  }

  /**
   * Returns how many times the ledger tried.
   *
   * @return the attempts, 1 or more
   */
  public int attempts() {
    return attempts;
  }
}
