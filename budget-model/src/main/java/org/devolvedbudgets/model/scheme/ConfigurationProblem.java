package org.devolvedbudgets.model.scheme;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with a configuration: a stable {@link ProblemCode}, the path of the offending value
 * (for example {@code approvalPolicy.tiers[1].upTo}) and a plain-English message.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ConfigurationProblem {

  private final ProblemCode code;
  private final String path;
  private final String message;

  /**
   * Creates a problem.
   *
   * @param code the stable code, not null
   * @param path the path of the offending value, dotted with {@code [index]} for list elements, not null
   * @param message the explanation, quoting the offending value, not null
   * @throws NullPointerException if an argument is null
   */
  public ConfigurationProblem(ProblemCode code, String path, String message) {
    this.code = requireNonNull(code, "code");
    this.path = requireNonNull(path, "path");
    this.message = requireNonNull(message, "message");
  }

  /**
   * Returns the stable code.
   *
   * @return the code, not null
   */
  public ProblemCode code() {
    return code;
  }

  /**
   * Returns the path of the offending value, for example {@code allowances[0].cap}.
   *
   * @return the path, not null
   */
  public String path() {
    return path;
  }

  /**
   * Returns the plain-English explanation.
   *
   * @return the message, not null
   */
  public String message() {
    return message;
  }

  /**
   * Returns whether {@code obj} is a problem with the same code, path and message.
   *
   * @param obj the object to compare with, may be null
   * @return true if equal
   */
  @Override
  public boolean equals(Object obj) {
    if (this == obj) {
      return true;
    }
    if (!(obj instanceof ConfigurationProblem)) {
      return false;
    }
    ConfigurationProblem other = (ConfigurationProblem) obj;
    return code == other.code && path.equals(other.path) && message.equals(other.message);
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return (code.hashCode() * 31 + path.hashCode()) * 31 + message.hashCode();
  }

  /**
   * Returns {@code [CODE] path: message}.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return "[" + code + "] " + path + ": " + message;
  }
}
