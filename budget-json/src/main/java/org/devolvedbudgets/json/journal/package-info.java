/**
 * The journal format: each ledger event as one versioned JSON object, a journal as JSON Lines; documented field
 * by field in the repository's {@code JOURNAL.md}.
 *
 * <p>Every parameter and return value in this package is non-null unless documented otherwise.
 */
@NullMarked
package org.devolvedbudgets.json.journal;

import org.jspecify.annotations.NullMarked;
