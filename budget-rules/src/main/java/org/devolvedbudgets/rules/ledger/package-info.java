/**
 * The budget ledger: {@link org.devolvedbudgets.rules.ledger.BudgetLedger} holds the money behind decisions
 * (reserve, approve, post, void, expire, refund), records every change as a
 * {@link org.devolvedbudgets.rules.ledger.LedgerEvent} in a {@link org.devolvedbudgets.rules.ledger.LedgerStore},
 * and answers what is left and what awaits approval.
 *
 * <p>Public: the ledger and its read-only half ({@code LedgerQueries}), its events, results and values, the store
 * interface and the exceptions. Package-private, one job a class: an operation class per kind of change
 * ({@code Submitting}, {@code Approving}, {@code Posting}, ...), the {@code Committer} (appends) and
 * {@code CatchUp} (reads), {@code Attempts} (retries and confirmation), the {@code Balances} decisions are made
 * against, the views ({@code ApprovalQueue}, {@code EvidenceBook}, {@code Repayments}) and {@code LedgerMessages}.
 *
 * <p>Every parameter and return value in this package is non-null unless documented otherwise.
 */
@NullMarked
package org.devolvedbudgets.rules.ledger;

import org.jspecify.annotations.NullMarked;
