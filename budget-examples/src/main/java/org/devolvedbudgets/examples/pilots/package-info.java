/**
 * The three pilots that What Works for Children's Social Care evaluated in 2019–2020 (Hillingdon, Wigan and
 * Darlington) as ready-made configurations ({@link org.devolvedbudgets.examples.pilots.Pilots}) and sites with
 * canonical teams, workers, managers and families ({@link org.devolvedbudgets.examples.pilots.PilotSite}), for
 * a vendor's or a council's own tests.
 *
 * <p>Every parameter and return value in this package is non-null unless documented otherwise.
 */
@NullMarked
package org.devolvedbudgets.examples.pilots;

import org.jspecify.annotations.NullMarked;
