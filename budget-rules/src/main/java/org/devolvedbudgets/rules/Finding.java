package org.devolvedbudgets.rules;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.Optional;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.text.SafeText;
import org.devolvedbudgets.rules.position.OverdueEvidence;
import org.jspecify.annotations.Nullable;

/**
 * One thing a decision found: a stable {@link FindingCode}, a plain-English message with the figures (amounts
 * as {@code £1,000.00}), the {@link Figures} behind it where it concerns a limit, and the role a routing
 * finding asks for. Messages never contain the request's free-text description.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Finding {

  /** The longest message {@link #of} accepts: 1,000 characters. */
  public static final int MAX_MESSAGE_LENGTH = 1_000;

  private final FindingCode code;
  private final String message;
  private final @Nullable Figures figures;
  private final @Nullable ApprovalRole role;
  private final @Nullable OverdueEvidence overdueEvidence;

  Finding(FindingCode code, String message, @Nullable Figures figures, @Nullable ApprovalRole role) {
    this(code, message, figures, role, null);
  }

  Finding(FindingCode code, String message, @Nullable Figures figures, @Nullable ApprovalRole role,
      @Nullable OverdueEvidence overdueEvidence) {
    this.code = code;
    this.message = message;
    this.figures = figures;
    this.role = role;
    this.overdueEvidence = overdueEvidence;
  }

  /**
   * Returns a finding, as a store reading a journal back rebuilds one. The rules make their own; this checks what
   * theirs always satisfy.
   *
   * @param code the stable code, not null
   * @param message the plain-English explanation, 1 to {@value #MAX_MESSAGE_LENGTH} characters without control or
   *     bidirectional formatting characters, not null
   * @param figures the figures behind it, or null
   * @param role the least senior role that may approve: present exactly when {@code code} routes; or null
   * @return the finding, not null
   * @throws NullPointerException if {@code code} or {@code message} is null
   * @throws IllegalArgumentException if the message is empty, too long or holds an unsafe character, or the role
   *     is given for a declining code or missing for a routing one
   */
  public static Finding of(FindingCode code, String message, @Nullable Figures figures, @Nullable ApprovalRole role) {
    return of(code, message, figures, role, null);
  }

  /**
   * Returns a finding with the overdue evidence behind it, as a store reading a journal back rebuilds one.
   *
   * @param code the stable code, not null
   * @param message the plain-English explanation, as {@link #of(FindingCode, String, Figures, ApprovalRole)} takes
   * @param figures the figures behind it, or null
   * @param role the least senior role that may approve: present exactly when {@code code} routes; or null
   * @param overdueEvidence the overdue evidence behind it: present exactly when {@code code} is
   *     {@code EVIDENCE_OVERDUE} or {@code EVIDENCE_OVERDUE_APPROVAL_REQUIRED}; or null
   * @return the finding, not null
   * @throws NullPointerException if {@code code} or {@code message} is null
   * @throws IllegalArgumentException if the message is empty, too long or holds an unsafe character, the role is
   *     given for a declining code or missing for a routing one, or the overdue evidence is given for another code
   *     or missing for an evidence one
   */
  public static Finding of(FindingCode code, String message, @Nullable Figures figures, @Nullable ApprovalRole role,
      @Nullable OverdueEvidence overdueEvidence) {
    requireNonNull(code, "code");
    requireNonNull(message, "message");
    if (message.isEmpty() || message.length() > MAX_MESSAGE_LENGTH) {
      throw new IllegalArgumentException("message must be 1 to " + MAX_MESSAGE_LENGTH + " characters, but was "
          + message.length());
    }
    int unsafe = SafeText.indexOfUnsafe(message);
    if (unsafe >= 0) {
      throw new IllegalArgumentException("message may not hold control or bidirectional formatting characters, but "
          + "has U+" + String.format("%04X", (int) message.charAt(unsafe)) + " at index " + unsafe);
    }
    if (code.declines() == (role != null)) {
      throw new IllegalArgumentException("role must be " + (code.declines() ? "absent for the declining code "
          : "given for the routing code ") + code + ", but was " + role);
    }
    if (code.isAboutEvidence() != (overdueEvidence != null)) {
      throw new IllegalArgumentException("overdueEvidence must be " + (code.isAboutEvidence() ? "given" : "absent")
          + " for the code " + code + ", but was " + overdueEvidence);
    }
    return new Finding(code, message, figures, role, overdueEvidence);
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
   * Returns the worker's overdue evidence behind an {@code EVIDENCE_OVERDUE} or
   * {@code EVIDENCE_OVERDUE_APPROVAL_REQUIRED} finding: how many spends, what was paid, overdue since when.
   *
   * @return the overdue evidence, present exactly for those codes, not null
   */
  public Optional<OverdueEvidence> overdueEvidence() {
    return Optional.ofNullable(overdueEvidence);
  }

  /**
   * Returns whether {@code obj} is a finding with the same code, message, figures, role and overdue evidence.
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
        && role == other.role && Objects.equals(overdueEvidence, other.overdueEvidence);
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(code, message, figures, role, overdueEvidence);
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
