/**
 * Spend requests and what they buy: the {@link org.devolvedbudgets.model.spend.SpendRequest}, its
 * {@link org.devolvedbudgets.model.spend.SpendCategory category} and
 * {@link org.devolvedbudgets.model.spend.Subcategory subcategory}, and the
 * {@link org.devolvedbudgets.model.spend.PaymentMethod payment method}.
 *
 * <p>Every parameter and return value in this package is non-null unless documented otherwise.
 */
@DomainStyle
@NullMarked
package org.devolvedbudgets.model.spend;

import org.devolvedbudgets.model.DomainStyle;
import org.jspecify.annotations.NullMarked;
