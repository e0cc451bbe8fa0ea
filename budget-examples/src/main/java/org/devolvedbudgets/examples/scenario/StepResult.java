package org.devolvedbudgets.examples.scenario;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What one scenario step, or the scenario's closing evaluation, did against what it expected.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class StepResult {

  private final int number;
  private final String label;
  private final String description;
  private final List<String> mismatches;

  StepResult(int number, String label, String description, List<String> mismatches) {
    this.number = number;
    this.label = requireNonNull(label, "label");
    this.description = requireNonNull(description, "description");
    this.mismatches = List.copyOf(mismatches);
  }

  /**
   * Returns the step's number, counting from 1 (the JSON path is {@code $.steps[number - 1]}); the closing
   * evaluation comes after the last step.
   *
   * @return the number, 1 or more
   */
  public int number() {
    return number;
  }

  /**
   * Returns what the step did, such as {@code submit R-1 GBP 12.50}.
   *
   * @return the description, no free text from the request
   */
  public String description() {
    return description;
  }

  /**
   * Returns whether every expectation was met.
   *
   * @return true if there are no mismatches
   */
  public boolean passed() {
    return mismatches.isEmpty();
  }

  /**
   * Returns each expectation not met, as {@code field: expected X, actual Y}.
   *
   * @return the mismatches, an unmodifiable list, empty if the step passed
   */
  public List<String> mismatches() {
    return mismatches;
  }

  /**
   * Returns the step's line in a report, such as {@code PASS  step 1  submit R-1 GBP 12.50} or
   * {@code PASS  evaluation  2019-04-01 to 2020-03-31}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return (passed() ? "PASS" : "FAIL") + "  " + label + "  " + description;
  }
}
