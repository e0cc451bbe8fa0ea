/**
 * JMH benchmarks of the library and the performance budget they are held to: money arithmetic, decisions (with
 * a naive {@code javax.money} baseline for comparison), the ledger, journal replay and the evaluation report.
 * {@link org.devolvedbudgets.bench.Benchmarks} runs a quick profile and prints each figure against its target.
 *
 * <p>Not published: this module is built with the rest so that the benchmarks always compile, and its
 * {@code benchmarks.jar} is run by hand.
 */
@NullMarked
package org.devolvedbudgets.bench;

import org.jspecify.annotations.NullMarked;
