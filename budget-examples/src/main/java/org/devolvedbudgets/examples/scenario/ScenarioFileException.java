package org.devolvedbudgets.examples.scenario;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A scenario or configuration file that cannot be read: not found, not JSON, or JSON that does not describe a
 * valid scenario. The message names the file, the JSON path of the problem (such as
 * {@code $.steps[2].amount}) and the problem.
 */
public final class ScenarioFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The file, as given. */
  private final String file;

  /** The JSON path of the problem, {@code $} for the whole file. */
  private final String jsonPath;

  /** The problem, in plain English. */
  private final String problem;

  /**
   * Creates the exception.
   *
   * @param file the file, as given
   * @param jsonPath the JSON path of the problem, {@code $} for the whole file
   * @param problem the problem
   * @param cause the underlying exception, or null
   */
  public ScenarioFileException(String file, String jsonPath, String problem,
      @Nullable Throwable cause) {
    super(requireNonNull(file, "file") + ": " + requireNonNull(jsonPath, "jsonPath") + ": "
        + requireNonNull(problem, "problem"), cause);
    this.file = file;
    this.jsonPath = jsonPath;
    this.problem = problem;
  }

  /**
   * Returns the file, as given.
   *
   * @return the file name or path
   */
  public String file() {
    return file;
  }

  /**
   * Returns the JSON path of the problem.
   *
   * @return the path, such as {@code $.steps[2].amount}; {@code $} for the whole file
   */
  public String jsonPath() {
    return jsonPath;
  }

  /**
   * Returns the problem.
   *
   * @return the problem, in plain English
   */
  public String problem() {
    return problem;
  }
}
