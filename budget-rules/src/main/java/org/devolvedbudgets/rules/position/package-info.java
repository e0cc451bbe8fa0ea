/**
 * What a family has already used: the {@link org.devolvedbudgets.rules.position.BudgetPosition} a decision is
 * made against, its {@link org.devolvedbudgets.rules.position.Usage usages} and
 * {@link org.devolvedbudgets.rules.position.UsageKey keys}, and the
 * {@link org.devolvedbudgets.rules.position.RemainingBudget remaining budget} a worker sees.
 *
 * <p>Every parameter and return value in this package is non-null unless documented otherwise.
 */
@NullMarked
package org.devolvedbudgets.rules.position;

import org.jspecify.annotations.NullMarked;
