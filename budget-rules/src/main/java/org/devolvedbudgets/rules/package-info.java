/**
 * Explainable spend decisions: {@link org.devolvedbudgets.rules.SpendRules#decide} turns a configuration, a
 * request and a budget position into a {@link org.devolvedbudgets.rules.Decision} with every
 * {@link org.devolvedbudgets.rules.Finding}; {@link org.devolvedbudgets.rules.ConfigurationHistory} picks the
 * configuration version in force on a date; {@link org.devolvedbudgets.rules.ApprovalCheck} checks an
 * {@link org.devolvedbudgets.rules.Approver}'s approval before a ledger accepts it.
 *
 * <p>Everything here is a pure function of its arguments. Every parameter and return value in this package is
 * non-null unless documented otherwise.
 */
@NullMarked
package org.devolvedbudgets.rules;

import org.jspecify.annotations.NullMarked;
