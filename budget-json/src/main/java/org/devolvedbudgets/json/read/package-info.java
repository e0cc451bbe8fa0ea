/**
 * Strict reading of the library's JSON and YAML files, reporting every problem at once: each with a stable
 * {@link org.devolvedbudgets.json.read.FileProblemCode}, a JSON path, the line and column where known, and a
 * plain message that never repeats an identifier or free text from the file. Scheme files and scenario files are
 * read with it.
 *
 * <p>Every parameter and return value in this package is non-null unless documented otherwise.
 */
@NullMarked
package org.devolvedbudgets.json.read;

import org.jspecify.annotations.NullMarked;
