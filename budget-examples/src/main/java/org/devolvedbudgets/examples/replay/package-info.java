/**
 * The pilot replay: {@link org.devolvedbudgets.examples.replay.Replay} simulates a year of each pilot through
 * the real ledger with seeded synthetic families and requests ({@link org.devolvedbudgets.examples.replay.PilotYear})
 * and prints a sample of the decision log and each pilot's evaluation report as aligned text tables
 * ({@link org.devolvedbudgets.examples.replay.ReportTables}).
 *
 * <p>Every parameter and return value in this package is non-null unless documented otherwise.
 */
@NullMarked
package org.devolvedbudgets.examples.replay;

import org.jspecify.annotations.NullMarked;
