/**
 * The evaluation report as a self-contained HTML page with charts ({@link org.devolvedbudgets.cli.report.HtmlReport}).
 */
@NullMarked
package org.devolvedbudgets.cli.report;

import org.jspecify.annotations.NullMarked;
