package org.devolvedbudgets.json.read;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.devolvedbudgets.model.scheme.ProblemCode;
import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with a file: a stable code, where (a JSON path such as {@code $.versions[1].allowances[0].cap},
 * and the line and column where the reader knows them), and a plain message that never repeats an identifier or
 * free text from the file.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param code what kind of problem, not null
 * @param configurationCode the model's code, present exactly when {@code code} is
 *     {@link FileProblemCode#CONFIGURATION}
 * @param jsonPath the JSON path of the value, {@code $} for the whole file, not null
 * @param line the line, from 1, or 0 if unknown
 * @param column the column, from 1, or 0 if unknown
 * @param message the problem in plain English, not null
 */
public record FileProblem(FileProblemCode code, Optional<ProblemCode> configurationCode, String jsonPath, int line,
    int column, String message) {

  /**
   * Checks the components.
   *
   * @param code the code component
   * @param configurationCode the configurationCode component
   * @param jsonPath the jsonPath component
   * @param line the line component
   * @param column the column component
   * @param message the message component
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if a line or column is negative, or the configuration code is present for
   *     another code or absent for {@code CONFIGURATION}
   */
  public FileProblem {
    requireNonNull(code, "code");
    requireNonNull(configurationCode, "configurationCode");
    requireNonNull(jsonPath, "jsonPath");
    requireNonNull(message, "message");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must be 0 or more, but were " + line + " and " + column);
    }
    if (configurationCode.isPresent() != (code == FileProblemCode.CONFIGURATION)) {
      throw new IllegalArgumentException("configurationCode must be given exactly for CONFIGURATION, but code was "
          + code + " and configurationCode " + configurationCode.map(Enum::name).orElse("empty"));
    }
  }

  /**
   * Returns a problem with no known location.
   *
   * @param code what kind of problem, not {@code CONFIGURATION}, not null
   * @param jsonPath where, not null
   * @param message what, not null
   * @return the problem, not null
   */
  public static FileProblem of(FileProblemCode code, String jsonPath, String message) {
    return new FileProblem(code, Optional.empty(), jsonPath, 0, 0, message);
  }

  /**
   * Returns a problem of the model's own rules.
   *
   * @param configurationCode the model's code, not null
   * @param jsonPath where, not null
   * @param message what, not null
   * @return the problem, not null
   */
  public static FileProblem ofConfiguration(ProblemCode configurationCode, String jsonPath, String message) {
    return new FileProblem(FileProblemCode.CONFIGURATION, Optional.of(configurationCode), jsonPath, 0, 0, message);
  }

  /**
   * Returns this problem at a line and column, if it has none yet.
   *
   * @param location the line and column, or null to keep this problem as it is
   * @return the problem, not null
   */
  FileProblem at(int @Nullable [] location) {
    return location == null || line > 0 ? this
        : new FileProblem(code, configurationCode, jsonPath, location[0], location[1], message);
  }

  /**
   * Returns whether the reader knows where in the file the problem is.
   *
   * @return true if {@link #line()} and {@link #column()} are known
   */
  public boolean hasLocation() {
    return line > 0;
  }

  /**
   * Returns the stable code as text: the model's code for a configuration problem, otherwise this code.
   *
   * @return for example {@code CURRENCY_MISMATCH} or {@code UNKNOWN_FIELD}
   */
  public String codeName() {
    return configurationCode.map(Enum::name).orElse(code.name());
  }

  /**
   * Returns the problem as one line: {@code line:column: $.path: message [CODE]}, without {@code line:column: }
   * when the location is unknown.
   *
   * @return the line, not null
   */
  @Override
  public String toString() {
    return (hasLocation() ? line + ":" + column + ": " : "") + jsonPath + ": " + message + " [" + codeName() + "]";
  }
}
