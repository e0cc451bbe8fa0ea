package org.devolvedbudgets.rules;

import java.util.Objects;
import java.util.Optional;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.jspecify.annotations.Nullable;

/**
 * One thing a decision found: a stable {@link FindingCode}, a plain-English message with the figures (amounts
 * as {@code £1,000.00}), the {@link Figures} behind it where it concerns a limit, and the role a routing
 * finding asks for. Messages never contain the request's free-text description.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Finding {

  private final FindingCode code;
  private final String message;
  private final @Nullable Figures figures;
  private final @Nullable ApprovalRole role;

  Finding(FindingCode code, String message, @Nullable Figures figures, @Nullable ApprovalRole role) {
    this.code = code;
    this.message = message;
    this.figures = figures;
    this.role = role;
  }

  /**
   * Returns the stable code.
   *
   * @return the code, not null
   */
  public FindingCode code() {
    return code;
  }

  /**
   * Returns the plain-English explanation, for example
   * {@code "£1,250.00 is over the £1,000.00 limit per request (Per request)."}.
   *
   * @return the message, not null
   */
  public String message() {
    return message;
  }

  /**
   * Returns the figures behind the finding, for findings about a limit, a cap or a threshold.
   *
   * @return the figures, not null
   */
  public Optional<Figures> figures() {
    return Optional.ofNullable(figures);
  }

  /**
   * Returns the least senior role that may approve, for a routing finding.
   *
   * @return the role, present exactly when the code routes, not null
   */
  public Optional<ApprovalRole> role() {
    return Optional.ofNullable(role);
  }

  /**
   * Returns whether {@code obj} is a finding with the same code, message, figures and role.
   *
   * @param obj the object to compare with, may be null
   * @return true if equal
   */
  @Override
  public boolean equals(@Nullable Object obj) {
    if (this == obj) {
      return true;
    }
    if (!(obj instanceof Finding)) {
      return false;
    }
    Finding other = (Finding) obj;
    return code == other.code && message.equals(other.message) && Objects.equals(figures, other.figures)
        && role == other.role;
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(code, message, figures, role);
  }

  /**
   * Returns {@code CODE: message}.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return code + ": " + message;
  }
}
