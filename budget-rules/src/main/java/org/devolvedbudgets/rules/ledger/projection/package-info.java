/**
 * How an application keeps its own view of a ledger in step: it implements
 * {@link org.devolvedbudgets.rules.ledger.projection.LedgerProjection} and subscribes it with
 * {@link org.devolvedbudgets.rules.ledger.BudgetLedger#subscribe}, which feeds it every durable event in journal
 * order on a thread of its own, isolated from the ledger.
 *
 * <p>Every parameter and return value in this package is non-null unless documented otherwise.
 */
@NullMarked
package org.devolvedbudgets.rules.ledger.projection;

import org.jspecify.annotations.NullMarked;
