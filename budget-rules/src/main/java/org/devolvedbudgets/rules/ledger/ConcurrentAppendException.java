package org.devolvedbudgets.rules.ledger;

/**
 * Thrown by {@link LedgerStore#append} when the journal no longer ends where the writer expected: another
 * writer appended first. Nothing was appended.
 *
 * <p>A {@link BudgetLedger} numbers its events under one lock, so it only sees this exception when another writer
 * (another server's ledger) appended to the same journal; it then catches up with the other's events and decides
 * again.
 */
public final class ConcurrentAppendException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The last sequence number the writer expected. */
  private final long expectedLastSequence;
  /** The journal's last sequence number when the append was refused. */
  private final long actualLastSequence;

  /**
   * Creates the exception.
   *
   * @param expectedLastSequence the last sequence number the writer expected, 0 or more
   * @param actualLastSequence the journal's actual last sequence number, 0 or more
   */
  public ConcurrentAppendException(long expectedLastSequence, long actualLastSequence) {
    super("expected the journal to end at sequence " + expectedLastSequence + ", but it ends at "
        + actualLastSequence);
    this.expectedLastSequence = expectedLastSequence;
    this.actualLastSequence = actualLastSequence;
  }

  /**
   * Returns the last sequence number the writer expected.
   *
   * @return the expected last sequence, 0 or more
   */
  public long expectedLastSequence() {
    return expectedLastSequence;
  }

  /**
   * Returns the journal's actual last sequence number when the append was refused.
   *
   * @return the actual last sequence, 0 or more
   */
  public long actualLastSequence() {
    return actualLastSequence;
  }
}
