/**
 * The naive baseline: the library's decision rules written the obvious way, with {@code javax.money} amounts
 * (Moneta's {@code Money}) throughout, for the benchmarks to compare against. Kept here, never in the library.
 */
@NullMarked
package org.devolvedbudgets.bench.naive;

import org.jspecify.annotations.NullMarked;
