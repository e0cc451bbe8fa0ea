/**
 * Scheme files: a scheme's configuration versions as JSON or YAML, read with every problem at once, written in a
 * canonical form, described by a JSON Schema, and checked by lint for schemes that are valid but probably wrong.
 *
 * <p>Every parameter and return value in this package is non-null unless documented otherwise.
 */
@NullMarked
package org.devolvedbudgets.json.scheme;

import org.jspecify.annotations.NullMarked;
