package org.devolvedbudgets.model.scheme;

import static java.util.stream.Collectors.joining;

import java.util.List;

/**
 * Thrown when a scheme's configuration, or a part of it, is invalid. It carries <em>every</em> problem
 * found, not just the first, so a council can fix its configuration in one pass.
 *
 * <p>It extends {@link IllegalArgumentException}: an invalid configuration is malformed input, never a
 * business outcome.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ConfigurationException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** Every problem found, in declaration order. */
  @SuppressWarnings("serial") // an immutable List.copyOf of a final class; not meant to be serialised
  private final List<ConfigurationProblem> problems;

  /**
   * Creates the exception for a configuration type and its problems.
   *
   * @param typeName the simple name of the type that failed to build, for example
   *     {@code PilotConfiguration}, not null
   * @param problems the problems, at least one, not null
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public ConfigurationException(String typeName, List<ConfigurationProblem> problems) {
    super(message(typeName, problems));
    this.problems = List.copyOf(problems);
  }

  private static String message(String typeName, List<ConfigurationProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems must not be empty");
    }
    return typeName + " has " + problems.size() + (problems.size() == 1 ? " problem: " : " problems: ")
        + problems.stream().map(ConfigurationProblem::toString).collect(joining("; "));
  }

  /**
   * Returns every problem found, in the order the configuration's attributes are declared.
   *
   * @return an immutable list of at least one problem, not null
   */
  public List<ConfigurationProblem> problems() {
    return problems;
  }
}
