/**
 * Evaluation: what happened under a scheme, computed the same way everywhere from the ledger's events.
 * {@link org.devolvedbudgets.rules.evaluation.EvaluationReport} gives uptake, outcomes, spend by category, team
 * and arm, the amount distribution, times to decision and payment, the share needing approval and each
 * family's budget utilisation; {@link org.devolvedbudgets.rules.evaluation.PseudonymisedCsv} exports one row
 * per request for evaluators, with identifiers replaced by keyed hashes and no free text.
 *
 * <p>These are pure functions of their arguments: no clock, no files, no console.
 *
 * <p>Every parameter and return value in this package is non-null unless documented otherwise.
 */
@NullMarked
package org.devolvedbudgets.rules.evaluation;

import org.jspecify.annotations.NullMarked;
