/**
 * The pilot replay's work: {@link org.devolvedbudgets.examples.replay.PilotYear} simulates a year of each pilot
 * through the real ledger with seeded synthetic families and requests, and {@link
 * org.devolvedbudgets.examples.replay.ReportTables} renders an evaluation report as aligned text tables. The
 * {@code budget replay} command (module budget-cli) runs them.
 *
 * <p>Every parameter and return value in this package is non-null unless documented otherwise.
 */
@NullMarked
package org.devolvedbudgets.examples.replay;

import org.jspecify.annotations.NullMarked;
