/**
 * Exact money: {@link org.devolvedbudgets.model.money.Money}, a currency and a whole number of minor units,
 * and the {@link org.devolvedbudgets.model.money.CurrencyMismatchException} thrown when currencies are mixed.
 *
 * <p>Every parameter and return value in this package is non-null unless documented otherwise.
 */
@NullMarked
package org.devolvedbudgets.model.money;

import org.jspecify.annotations.NullMarked;
