package org.devolvedbudgets.rules.ledger;

import org.jspecify.annotations.Nullable;

/**
 * The parent of every exception a {@link BudgetLedger} throws for a reason of its own, as opposed to an argument
 * that could never be right (those are {@link NullPointerException}, {@link IllegalArgumentException} and
 * {@link org.devolvedbudgets.model.money.CurrencyMismatchException}). Each carries a stable {@link #code()} and
 * says whether the same call, made again, can succeed.
 *
 * <table>
 *   <caption>The ledger's exceptions</caption>
 *   <tr><th>exception</th><th>codes</th><th>{@link #isRetryable()}</th><th>what to do</th></tr>
 *   <tr><td>{@link LedgerUnavailableException}</td><td>{@code CONFLICTS_PERSISTED}, {@code STORE_FAILED},
 *       {@code OUTCOME_UNKNOWN}, {@code CANNOT_CONFIRM}</td><td>true</td>
 *       <td>call again with the same request id or operation id, after a pause</td></tr>
 *   <tr><td>{@link OperationConflictException}</td><td>{@code OPERATION_CONFLICT}</td><td>false</td>
 *       <td>the operation id was used for another change: a defect in the caller</td></tr>
 *   <tr><td>{@link IdempotencyConflictException}</td><td>{@code REQUEST_CONFLICT}</td><td>false</td>
 *       <td>the request id was used for another request: a defect in the caller</td></tr>
 *   <tr><td>{@link JournalMismatchException}</td><td>{@code OTHER_SCHEME}, {@code UNKNOWN_VERSION},
 *       {@code VERSION_CHANGED}, {@code OUT_OF_ORDER}, {@code CANNOT_FOLD}, {@code JOURNAL_SHRANK},
 *       {@code JOURNAL_DIVERGED}</td><td>false</td>
 *       <td>this ledger cannot stand behind the journal: fix the configuration, or build a new ledger</td></tr>
 *   <tr><td>{@link LedgerInvariantException}</td><td>{@code INVARIANT_BROKEN}</td><td>false</td>
 *       <td>a defect in the rules, the ledger or its store; nothing was changed</td></tr>
 * </table>
 *
 * <p>Codes are stable: never renamed or reused. Messages may improve, and never hold a request's free text.
 */
public abstract sealed class LedgerException extends RuntimeException
    permits LedgerUnavailableException, OperationConflictException, IdempotencyConflictException,
    JournalMismatchException, LedgerInvariantException {

  private static final long serialVersionUID = 1L;

  LedgerException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /**
   * Returns the stable code of what went wrong: the name of one of the constants listed in this class's table.
   *
   * @return the code, not null
   */
  public abstract String code();

  /**
   * Returns whether the same call, made again with the same ids, can succeed: true only for
   * {@link LedgerUnavailableException}, whose cause is passing (a busy journal, a database away). A retry after any
   * other ledger exception fails the same way.
   *
   * @return whether retrying can help
   */
  public abstract boolean isRetryable();
}
