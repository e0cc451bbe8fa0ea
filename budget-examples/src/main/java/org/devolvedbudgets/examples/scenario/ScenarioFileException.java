package org.devolvedbudgets.examples.scenario;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;
import org.devolvedbudgets.model.text.SafeText;
import org.jspecify.annotations.Nullable;

/**
 * A scenario or configuration file that cannot be read or run: not found, too large, not one JSON document, or
 * JSON that does not describe a valid scenario. It carries <em>every</em> problem found in the file, each with
 * the JSON path of the offending value (such as {@code $.steps[2].amount}) and a plain-English message, so a
 * file with three mistakes is fixed in one pass.
 *
 * <p>Messages never quote an identifier or free text from the file: an identifier that is rejected is described
 * by its length and the position of its bad character; other bad values appear only as a short, escaped excerpt
 * ({@link SafeText#excerpt}), and the file name is printed with unsafe characters escaped. So what the runner
 * prints is always one line per problem and never personal data a file held by mistake.
 */
public final class ScenarioFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The file, as given. */
  private final String file;

  /** Every problem, in the order found. */
  @SuppressWarnings("serial") // an immutable List.copyOf of records; not meant to be serialised
  private final List<Problem> problems;

  /**
   * One thing wrong with a file: where, and what.
   *
   * @param jsonPath the JSON path of the problem, {@code $} for the whole file, not null
   * @param message the problem, in plain English, not null
   */
  public record Problem(String jsonPath, String message) {

    /**
     * Checks the components.
     *
     * @param jsonPath the jsonPath component
     * @param message the message component
     * @throws NullPointerException if a component is null
     */
    public Problem {
      requireNonNull(jsonPath, "jsonPath");
      requireNonNull(message, "message");
    }
  }

  /**
   * Creates the exception for one problem.
   *
   * @param file the file, as given, not null
   * @param jsonPath the JSON path of the problem, {@code $} for the whole file, not null
   * @param problem the problem, not null
   * @param cause the underlying exception, or null
   */
  public ScenarioFileException(String file, String jsonPath, String problem, @Nullable Throwable cause) {
    this(file, List.of(new Problem(jsonPath, problem)), cause);
  }

  /**
   * Creates the exception for every problem found in a file.
   *
   * @param file the file, as given, not null
   * @param problems the problems, at least one, not null
   * @param cause the underlying exception of the first problem, or null
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public ScenarioFileException(String file, List<Problem> problems, @Nullable Throwable cause) {
    super(lines(requireNonNull(file, "file"), requireNonNull(problems, "problems")), cause);
    this.file = file;
    this.problems = List.copyOf(problems);
  }

  private static String lines(String file, List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems must not be empty");
    }
    String shown = SafeText.escapeUnsafe(file);
    return problems.stream().map(problem -> shown + ": " + problem.jsonPath() + ": " + problem.message())
        .collect(Collectors.joining("\n"));
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
   * Returns every problem, in the order found.
   *
   * @return an immutable list of at least one problem
   */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * Returns the JSON path of the first problem.
   *
   * @return the path, such as {@code $.steps[2].amount}; {@code $} for the whole file
   */
  public String jsonPath() {
    return problems.get(0).jsonPath();
  }

  /**
   * Returns the first problem's message.
   *
   * @return the problem, in plain English
   */
  public String problem() {
    return problems.get(0).message();
  }
}
