/**
 * Budget periods and office time: {@link org.devolvedbudgets.model.period.BudgetPeriod}, a half-open range of
 * days in Europe/London with its {@link org.devolvedbudgets.model.period.PeriodKind};
 * {@link org.devolvedbudgets.model.period.PeriodPolicy}, the rule that draws one (UK financial year, calendar
 * year, rolling window or the pilot's whole term); and {@link org.devolvedbudgets.model.period.LondonTime}, the
 * zone, the supported dates and how times are written for people.
 *
 * <p>Every parameter and return value in this package is non-null unless documented otherwise.
 */
@NullMarked
package org.devolvedbudgets.model.period;

import org.jspecify.annotations.NullMarked;
