/**
 * Scenario files, a conformance kit: a JSON file holds a scheme's configuration and an ordered list of steps
 * (submit, approve, reject, post, void, expire, refund, allocate, advance the clock), each with what it should
 * do. {@link org.devolvedbudgets.examples.scenario.Scenarios} reads and runs one through a real ledger and
 * reports pass or fail per step. The format is documented in the project's {@code SCENARIOS.md}; the shipped
 * scenarios are resources under {@code scenarios/}.
 *
 * <p>Every parameter and return value in this package is non-null unless documented otherwise.
 */
@NullMarked
package org.devolvedbudgets.examples.scenario;

import org.jspecify.annotations.NullMarked;
