package org.devolvedbudgets.examples.scenario;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.devolvedbudgets.model.text.SafeText;

/**
 * The result of running one scenario: each step's pass or fail.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ScenarioReport {

  private final String file;
  private final String name;
  private final List<StepResult> steps;

  ScenarioReport(String file, String name, List<StepResult> steps) {
    this.file = requireNonNull(file, "file");
    this.name = requireNonNull(name, "name");
    this.steps = List.copyOf(steps);
  }

  /**
   * Returns the scenario's file, as given.
   *
   * @return the file
   */
  public String file() {
    return file;
  }

  /**
   * Returns the scenario's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns each step's result, in order.
   *
   * @return the results, an unmodifiable list
   */
  public List<StepResult> steps() {
    return steps;
  }

  /**
   * Returns whether every step passed.
   *
   * @return true if no step failed
   */
  public boolean passed() {
    return steps.stream().allMatch(StepResult::passed);
  }

  /**
   * Renders the report: a heading, one line per step (and one for the closing evaluation), each mismatch under
   * its step showing expected and actual, and a summary line. The file name and title are printed with any
   * unsafe character escaped, so a report is always the lines it seems to be.
   *
   * @return the text, lines ended by {@code \n}
   */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("Scenario ").append(SafeText.escapeUnsafe(file)).append(": ").append(SafeText.escapeUnsafe(name))
        .append('\n');
    for (StepResult step : steps) {
      out.append("  ").append(step).append('\n');
      for (String mismatch : step.mismatches()) {
        out.append("          ").append(mismatch).append('\n');
      }
    }
    long passedSteps = steps.stream().filter(StepResult::passed).count();
    out.append("  ").append(passedSteps).append(" of ").append(steps.size()).append(" steps passed: ")
        .append(passed() ? "PASSED" : "FAILED").append('\n');
    return out.toString();
  }

  /**
   * Returns the file, the name and whether it passed.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "ScenarioReport[" + file + ", " + (passed() ? "PASSED" : "FAILED") + "]";
  }
}
