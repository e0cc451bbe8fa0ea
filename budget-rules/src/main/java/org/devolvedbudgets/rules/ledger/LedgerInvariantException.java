package org.devolvedbudgets.rules.ledger;

/**
 * Thrown when a change would break one of the ledger's invariants (a hard allowance over its cap, a negative
 * balance, balances that differ from the journal's fold). The ledger fails closed: the change is not recorded
 * and nothing is altered. Seeing this exception means a defect in the rules, the ledger or its store, never a
 * business outcome. Its {@linkplain #code() code} is {@code INVARIANT_BROKEN}; retrying cannot help.
 */
public final class LedgerInvariantException extends LedgerException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which invariant broke and the figures, not null
   */
  public LedgerInvariantException(String message) {
    super(message, null);
  }

  /**
   * Returns {@code INVARIANT_BROKEN}.
   *
   * @return the code, not null
   */
  @Override
  public String code() {
    return "INVARIANT_BROKEN";
  }

  /**
   * Returns false: the same change breaks the invariant again.
   *
   * @return false
   */
  @Override
  public boolean isRetryable() {
    return false;
  }
}
