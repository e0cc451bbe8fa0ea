/**
 * The {@code budget} command line ({@link org.devolvedbudgets.cli.Budget}): subcommands {@code replay},
 * {@code scenario}, {@code check}, {@code report} and {@code journal verify|export}, over the library's own work.
 */
@NullMarked
package org.devolvedbudgets.cli;

import org.jspecify.annotations.NullMarked;
