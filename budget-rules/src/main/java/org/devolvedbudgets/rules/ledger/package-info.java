/**
 * The budget ledger: {@link org.devolvedbudgets.rules.ledger.BudgetLedger} holds the money behind decisions
 * (reserve, approve, post, void, expire, refund), records every change as a
 * {@link org.devolvedbudgets.rules.ledger.LedgerEvent} in a
 * {@link org.devolvedbudgets.rules.ledger.LedgerStore}, and answers what is left.
 *
 * <p>Every parameter and return value in this package is non-null unless documented otherwise.
 */
@NullMarked
package org.devolvedbudgets.rules.ledger;

import org.jspecify.annotations.NullMarked;
