/**
 * QuickTheories generators for every domain type, for a vendor's or a council's own property tests:
 * {@link org.devolvedbudgets.examples.generators.DomainGenerators} makes valid values (with the edge cases
 * weighted in), {@link org.devolvedbudgets.examples.generators.InvalidInputs} makes documented invalid ones for
 * negative tests.
 *
 * <p>Every parameter and return value in this package is non-null unless documented otherwise.
 */
@NullMarked
package org.devolvedbudgets.examples.generators;

import org.jspecify.annotations.NullMarked;
