package org.devolvedbudgets.json.journal;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A journal line that is not one well-formed event of a format this library reads. The message names the JSON
 * path of the offending field (such as {@code $.decision.findings[0].code}) and, when read from a file, the line
 * number; it never quotes a value whole, only a short escaped excerpt.
 */
public final class JournalFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The JSON path of the problem within its line. */
  private final String jsonPath;

  /**
   * Creates the exception.
   *
   * @param jsonPath the JSON path of the problem within the line, {@code $} for the whole line, not null
   * @param problem what is wrong, not null
   * @param cause the underlying exception, or null
   */
  public JournalFormatException(String jsonPath, String problem, @Nullable Throwable cause) {
    super(requireNonNull(jsonPath, "jsonPath") + ": " + requireNonNull(problem, "problem"), cause);
    this.jsonPath = jsonPath;
  }

  /**
   * Returns the JSON path of the problem within its line.
   *
   * @return the path, not null
   */
  public String jsonPath() {
    return jsonPath;
  }
}
