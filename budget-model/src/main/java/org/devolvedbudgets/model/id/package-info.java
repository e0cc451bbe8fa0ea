/**
 * Opaque identifiers for families, children, teams, workers and spend requests, and for schemes and their
 * allowances. They carry no personal
 * data and are validated when created (see {@link org.devolvedbudgets.model.id.Identifier}).
 *
 * <p>Every parameter and return value in this package is non-null unless documented otherwise.
 */
@NullMarked
package org.devolvedbudgets.model.id;

import org.jspecify.annotations.NullMarked;
