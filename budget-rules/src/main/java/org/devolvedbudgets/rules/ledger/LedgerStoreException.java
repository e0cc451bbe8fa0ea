package org.devolvedbudgets.rules.ledger;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by a {@link LedgerStore} that could not do what it was asked: the database was unreachable, a
 * transaction failed, a commit's outcome was lost with the connection. After a failed {@link LedgerStore#append}
 * the events may or may not have been stored; a {@link BudgetLedger} finds out by reading the journal back, and
 * never applies anything twice.
 *
 * <p>Messages name the operation and the database's error code, never an event's content.
 */
public class LedgerStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, not null
   * @param cause the underlying failure, or null
   */
  public LedgerStoreException(String message, @Nullable Throwable cause) {
    super(requireNonNull(message, "message"), cause);
  }
}
