package org.devolvedbudgets.json.scheme;

import static java.util.Objects.requireNonNull;

/**
 * A scheme that is valid but probably wrong, where: a code, the JSON path in the scheme file (such as
 * {@code $.versions[0].approvalPolicy.tiers[2]}) and a plain message.
 *
 * @param code what kind of warning, not null
 * @param jsonPath where in the scheme file, not null
 * @param message what is probably wrong and why, not null
 */
public record LintWarning(LintCode code, String jsonPath, String message) {

  /**
   * Checks the components.
   *
   * @param code the code component
   * @param jsonPath the jsonPath component
   * @param message the message component
   * @throws NullPointerException if a component is null
   */
  public LintWarning {
    requireNonNull(code, "code");
    requireNonNull(jsonPath, "jsonPath");
    requireNonNull(message, "message");
  }

  /**
   * Returns the warning as one line: {@code $.path: message [CODE]}.
   *
   * @return the line, not null
   */
  @Override
  public String toString() {
    return jsonPath + ": " + message + " [" + code + "]";
  }
}
