/**
 * Eligibility of families: {@link org.devolvedbudgets.rules.allocation.Allocations} allocates a family under a
 * scheme, reproducibly for randomised schemes, and an
 * {@link org.devolvedbudgets.rules.allocation.AllocationRecord} says how (method, arm, stratum, date).
 *
 * <p>Every parameter and return value in this package is non-null unless documented otherwise.
 */
@NullMarked
package org.devolvedbudgets.rules.allocation;

import org.jspecify.annotations.NullMarked;
