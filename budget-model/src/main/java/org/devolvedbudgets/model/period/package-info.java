/**
 * Budget periods: {@link org.devolvedbudgets.model.period.BudgetPeriod}, a half-open range of days in
 * Europe/London, and {@link org.devolvedbudgets.model.period.PeriodPolicy}, the rule that draws one (UK
 * financial year, calendar year, rolling window or the pilot's whole term).
 *
 * <p>Every parameter and return value in this package is non-null unless documented otherwise.
 */
@NullMarked
package org.devolvedbudgets.model.period;

import org.jspecify.annotations.NullMarked;
