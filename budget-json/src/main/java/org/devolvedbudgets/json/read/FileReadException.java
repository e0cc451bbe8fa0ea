package org.devolvedbudgets.json.read;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;
import org.devolvedbudgets.model.text.SafeText;
import org.jspecify.annotations.Nullable;

/**
 * A file that cannot be read, or whose content is not what its format describes. It carries <em>every</em>
 * problem found ({@link #problems()}), so a file with three mistakes is fixed in one pass. Its message is one line
 * per problem: {@code file:line:column: $.path: message [CODE]} (without {@code :line:column} where the reader
 * does not know them), the file name with unsafe characters escaped;
 * no message repeats an identifier or free text from the file.
 */
public class FileReadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The file, as given. */
  private final String file;

  /** Every problem, in the order found. */
  @SuppressWarnings("serial") // an immutable List.copyOf of records; not meant to be serialised
  private final List<FileProblem> problems;

  /**
   * Creates the exception.
   *
   * @param file the file, as given, not null
   * @param problems every problem, at least one, not null
   * @param cause the underlying exception of the first problem, or null
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public FileReadException(String file, List<FileProblem> problems, @Nullable Throwable cause) {
    super(lines(requireNonNull(file, "file"), requireNonNull(problems, "problems")), cause);
    this.file = file;
    this.problems = List.copyOf(problems);
  }

  /**
   * Creates the exception for one problem with no known location.
   *
   * @param file the file, as given, not null
   * @param code what kind of problem, not {@code CONFIGURATION}, not null
   * @param jsonPath where, not null
   * @param message what, not null
   * @param cause the underlying exception, or null
   */
  public FileReadException(String file, FileProblemCode code, String jsonPath, String message,
      @Nullable Throwable cause) {
    this(file, List.of(FileProblem.of(code, jsonPath, message)), cause);
  }

  private static String lines(String file, List<FileProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems must not be empty");
    }
    String shown = SafeText.escapeUnsafe(file);
    return problems.stream().map(problem -> shown + (problem.hasLocation() ? ":" + problem.line() + ":"
        + problem.column() : "") + ": " + problem.jsonPath() + ": " + problem.message() + " [" + problem.codeName()
        + "]").collect(Collectors.joining("\n"));
  }

  /**
   * Returns the file, as given.
   *
   * @return the file name or path, not null
   */
  public String file() {
    return file;
  }

  /**
   * Returns every problem, in the order found.
   *
   * @return an immutable list of at least one problem, not null
   */
  public List<FileProblem> problems() {
    return problems;
  }
}
