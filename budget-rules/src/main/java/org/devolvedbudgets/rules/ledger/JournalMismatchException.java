package org.devolvedbudgets.rules.ledger;

import static java.util.Objects.requireNonNull;

/**
 * Thrown when a ledger cannot stand behind its journal. Either the journal was decided under other rules (another
 * scheme, or a configuration version this ledger's history does not have, or has with a different fingerprint),
 * and the ledger refuses to start; or the journal is no longer the one the ledger folded (it {@linkplain
 * Reason#JOURNAL_SHRANK ends before} the ledger's last event, or {@linkplain Reason#JOURNAL_DIVERGED holds another
 * event} where the ledger folded one), as after a database restored from a backup or a standby promoted while it
 * was behind. Then the ledger stops for good: it writes nothing more and answers nothing from its memory, since
 * what it remembers is not in the journal. Build a new ledger from the store; it starts on the journal as it now
 * is. The stopped ledger's {@link BudgetLedger#lostChanges()} lists the changes it had acknowledged that the
 * journal no longer holds, for the application to reconcile.
 *
 * <p>To change a scheme's rules, add a version with a later effective date; never edit a version that requests
 * were decided under.
 *
 * <p>The {@link #reason()} is a stable code; the message names sequences and fingerprints, never any content of
 * the journal's requests. Retrying cannot help ({@link #isRetryable()} is false).
 */
public final class JournalMismatchException extends LedgerException {

  private static final long serialVersionUID = 1L;

  /** Why the journal does not match the ledger. Stable codes: never renamed or reused. */
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
    CANNOT_FOLD,
    /**
     * The journal ends before the last event this ledger folded: events it appended or read were lost, as when a
     * database is restored from an older backup or a standby that had not received them is promoted.
     */
    JOURNAL_SHRANK,
    /**
     * The journal holds another event at a sequence where this ledger folded one: it was cut short and written
     * again, by a server that started on the shorter journal.
     */
    JOURNAL_DIVERGED
  }

  /** Why the journal does not match. */
  private final Reason reason;
  /** The sequence of the first event that does not match. */
  private final long sequence;
  /** The sequence of the last event that does not match. */
  private final long lastSequence;

  /**
   * Creates the exception for one event.
   *
   * @param reason why the journal does not match, not null
   * @param sequence the sequence of the event that does not match, 1 or more
   * @param message the details, without request content, not null
   */
  public JournalMismatchException(Reason reason, long sequence, String message) {
    this(reason, sequence, sequence, message);
  }

  /**
   * Creates the exception for a range of events, as when the journal lost the ledger's last events.
   *
   * @param reason why the journal does not match, not null
   * @param sequence the sequence of the first event that does not match, 1 or more
   * @param lastSequence the sequence of the last, {@code sequence} or more
   * @param message the details, without request content, not null
   * @throws IllegalArgumentException if {@code lastSequence} is before {@code sequence}
   */
  public JournalMismatchException(Reason reason, long sequence, long lastSequence, String message) {
    super(requireNonNull(reason, "reason") + ": " + requireNonNull(message, "message"), null);
    if (lastSequence < sequence) {
      throw new IllegalArgumentException("lastSequence " + lastSequence + " is before sequence " + sequence);
    }
    this.reason = reason;
    this.sequence = sequence;
    this.lastSequence = lastSequence;
  }

  /**
   * Returns why the journal does not match the ledger.
   *
   * @return the reason, not null
   */
  public Reason reason() {
    return reason;
  }

  /**
   * Returns the sequence of the first event that does not match: for {@link Reason#JOURNAL_SHRANK} and
   * {@link Reason#JOURNAL_DIVERGED}, the first event the ledger folded that the journal no longer holds.
   *
   * @return the sequence, 1 or more
   */
  public long sequence() {
    return sequence;
  }

  /**
   * Returns the sequence of the last event that does not match: for {@link Reason#JOURNAL_SHRANK} and
   * {@link Reason#JOURNAL_DIVERGED}, the ledger's own last event; otherwise {@link #sequence()}.
   *
   * @return the sequence, {@link #sequence()} or more
   */
  public long lastSequence() {
    return lastSequence;
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
   * Returns false: a ledger cannot fold this journal; build a new one (or fix the configuration).
   *
   * @return false
   */
  @Override
  public boolean isRetryable() {
    return false;
  }
}
