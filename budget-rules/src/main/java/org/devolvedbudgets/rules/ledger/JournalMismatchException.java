package org.devolvedbudgets.rules.ledger;

import static java.util.Objects.requireNonNull;

/**
 * Thrown when a ledger is built on a journal that was decided under other rules: another scheme, or a
 * configuration version this ledger's history does not have, or has with a different fingerprint (the version's
 * rules were changed after requests were decided under them). The ledger refuses to start rather than fold
 * balances whose decisions it cannot stand behind. To change a scheme's rules, add a version with a later
 * effective date; never edit a version that requests were decided under.
 *
 * <p>The {@link #reason()} is a stable code; the message names the event's sequence and the fingerprints, never
 * any content of the journal's requests.
 */
public final class JournalMismatchException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** Why the journal does not match the ledger's rules. Stable codes: never renamed or reused. */
  public enum Reason {
    /** The journal holds events of another scheme (another {@code SchemeId}). */
    OTHER_SCHEME,
    /** A request was decided under a configuration version the ledger's history does not hold. */
    UNKNOWN_VERSION,
    /** A configuration version's fingerprint differs from the one the journal recorded for it. */
    VERSION_CHANGED,
    /** The journal's events are not numbered 1, 2, 3 ... without gaps. */
    OUT_OF_ORDER,
    /**
     * An event cannot be folded into the balances the events before it make: it resolves a reservation twice,
     * refunds more than was paid, takes a balance below zero, or reuses a request or operation id.
     */
    CANNOT_FOLD
  }

  /** Why the journal does not match. */
  private final Reason reason;

  /** The sequence of the first event that does not match. */
  private final long sequence;

  /**
   * Creates the exception.
   *
   * @param reason why the journal does not match, not null
   * @param sequence the sequence of the first event that does not match, 1 or more
   * @param message the details, without request content, not null
   */
  public JournalMismatchException(Reason reason, long sequence, String message) {
    super(requireNonNull(reason, "reason") + ": " + requireNonNull(message, "message"));
    this.reason = reason;
    this.sequence = sequence;
  }

  /**
   * Returns why the journal does not match the ledger's rules.
   *
   * @return the reason, not null
   */
  public Reason reason() {
    return reason;
  }

  /**
   * Returns the sequence of the first event that does not match.
   *
   * @return the sequence, 1 or more
   */
  public long sequence() {
    return sequence;
  }
}
