/**
 * The vocabulary of devolved budgets, as immutable values that are valid from birth.
 *
 * <ul>
 *   <li>{@link org.devolvedbudgets.model.money}: exact money.
 *   <li>{@link org.devolvedbudgets.model.id}: opaque identifiers for families, children, teams, workers and
 *       requests.
 *   <li>{@link org.devolvedbudgets.model.period}: budget periods in Europe/London.
 *   <li>{@link org.devolvedbudgets.model.spend}: spend requests and what they buy.
 *   <li>{@link org.devolvedbudgets.model.scheme}: what a scheme allows: allowances, approval, allocation and
 *       the versioned pilot configuration.
 * </ul>
 *
 * <p>Nothing here decides anything: the rules that use these values live in {@code budget-rules}.
 */
@NullMarked
package org.devolvedbudgets.model;

import org.jspecify.annotations.NullMarked;
