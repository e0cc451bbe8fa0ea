/**
 * Text that is safe to put in a message: {@link org.devolvedbudgets.model.text.SafeText} quotes a short,
 * escaped excerpt of bad input and recognises the characters (controls, bidirectional overrides) that could
 * forge or disguise a line of output.
 *
 * <p>Every parameter and return value in this package is non-null unless documented otherwise.
 */
@NullMarked
package org.devolvedbudgets.model.text;

import org.jspecify.annotations.NullMarked;
