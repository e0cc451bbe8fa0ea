package org.devolvedbudgets.rules;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a spend request: an {@link Outcome}, every {@link Finding} behind it, the role that must
 * approve when the outcome is {@link Outcome#NEEDS_APPROVAL}, and the configuration version it was decided
 * under.
 *
 * <ul>
 *   <li>{@code APPROVED}: no findings; the spend is within the worker's own authority.
 *   <li>{@code NEEDS_APPROVAL}: only routing findings; {@link #requiredRole()} says who must approve.
 *   <li>{@code DECLINED}: at least one declining finding; routing findings found on the way are listed too.
 * </ul>
 *
 * <p>This class is immutable and thread-safe; two decisions are equal when every part of them is.
 */
public final class Decision {

  private final RequestId requestId;
  private final Outcome outcome;
  private final List<Finding> findings;
  private final @Nullable ApprovalRole requiredRole;
  private final int requiredTier;
  private final int configurationVersion;

  Decision(RequestId requestId, Outcome outcome, List<Finding> findings, @Nullable ApprovalRole requiredRole,
      int requiredTier, int configurationVersion) {
    this.requestId = requestId;
    this.outcome = outcome;
    this.findings = findings;
    this.requiredRole = requiredRole;
    this.requiredTier = requiredTier;
    this.configurationVersion = configurationVersion;
  }

  /**
   * Returns a decision, as a store reading a journal back rebuilds one. The rules make their own
   * ({@link SpendRules#decide}); this checks what theirs always satisfy: an approved decision has no findings, no
   * role and tier -1; one that needs approval has only routing findings, at least one, a role and a tier of 0 or
   * more; a declined one has at least one declining finding, no role and tier -1.
   *
   * @param requestId the request decided, not null
   * @param outcome the outcome, not null
   * @param findings every finding, in the order the rules list them, not null
   * @param requiredRole the role that must approve, present exactly when the outcome needs approval; or null
   * @param requiredTier the index of the tier that must approve when the outcome needs approval, else -1
   * @param configurationVersion the configuration version it was decided under, 1 or more
   * @return the decision, not null
   * @throws NullPointerException if {@code requestId}, {@code outcome}, {@code findings} or a finding is null
   * @throws IllegalArgumentException if the parts are inconsistent, as above
   */
  public static Decision of(RequestId requestId, Outcome outcome, List<Finding> findings,
      @Nullable ApprovalRole requiredRole, int requiredTier, int configurationVersion) {
    requireNonNull(requestId, "requestId");
    requireNonNull(outcome, "outcome");
    List<Finding> copy = List.copyOf(requireNonNull(findings, "findings"));
    if (configurationVersion < 1) {
      throw new IllegalArgumentException("configurationVersion must be at least 1, but was " + configurationVersion);
    }
    boolean routes = outcome == Outcome.NEEDS_APPROVAL;
    if (routes != (requiredRole != null) || (routes ? requiredTier < 0 : requiredTier != -1)) {
      throw new IllegalArgumentException("a decision " + outcome + " must have " + (routes
          ? "a required role and a tier of 0 or more" : "no required role and tier -1") + ", but had role "
          + requiredRole + " and tier " + requiredTier);
    }
    long declining = copy.stream().filter(finding -> finding.code().declines()).count();
    boolean consistent;
    switch (outcome) {
      case APPROVED:
        consistent = copy.isEmpty();
        break;
      case NEEDS_APPROVAL:
        consistent = !copy.isEmpty() && declining == 0;
        break;
      default:
        consistent = declining > 0;
        break;
    }
    if (!consistent) {
      throw new IllegalArgumentException("a decision " + outcome + " cannot have these findings: " + copy.size()
          + " in all, " + declining + " declining");
    }
    return new Decision(requestId, outcome, copy, requiredRole, requiredTier, configurationVersion);
  }

  /**
   * Returns the id of the request decided.
   *
   * @return the request id, not null
   */
  public RequestId requestId() {
    return requestId;
  }

  /**
   * Returns the outcome.
   *
   * @return the outcome, not null
   */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * Returns every finding, sorted by {@link FindingCode} order, then by the allowances' order in the
   * configuration, then by the children's order in the request.
   *
   * @return an immutable list, empty exactly when the outcome is {@code APPROVED}, not null
   */
  public List<Finding> findings() {
    return findings;
  }

  /**
   * Returns the codes of the findings, in the same order.
   *
   * @return an immutable list, not null
   */
  public List<FindingCode> codes() {
    if (findings.isEmpty()) {
      return List.of();
    }
    FindingCode[] codes = new FindingCode[findings.size()];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = findings.get(i).code();
    }
    return List.of(codes);
  }

  /**
   * Returns the least senior role that may approve, when the outcome is {@code NEEDS_APPROVAL}.
   *
   * @return the role, not null
   */
  public Optional<ApprovalRole> requiredRole() {
    return Optional.ofNullable(requiredRole);
  }

  /**
   * Returns the index in the approval policy's tiers of the tier that must approve, when the outcome is
   * {@code NEEDS_APPROVAL}; otherwise -1.
   *
   * @return the tier index, or -1
   */
  public int requiredTier() {
    return requiredTier;
  }

  /**
   * Returns the version of the configuration the request was decided under.
   *
   * @return the version, at least 1
   */
  public int configurationVersion() {
    return configurationVersion;
  }

  /**
   * Returns whether {@code obj} is a decision for the same request with the same outcome, findings, role, tier
   * and configuration version.
   *
   * @param obj the object to compare with, may be null
   * @return true if equal
   */
  @Override
  public boolean equals(@Nullable Object obj) {
    if (this == obj) {
      return true;
    }
    if (!(obj instanceof Decision)) {
      return false;
    }
    Decision other = (Decision) obj;
    return requestId.equals(other.requestId) && outcome == other.outcome && findings.equals(other.findings)
        && requiredRole == other.requiredRole && requiredTier == other.requiredTier
        && configurationVersion == other.configurationVersion;
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(requestId, outcome, findings, requiredRole, requiredTier, configurationVersion);
  }

  /**
   * Returns a developer's form, for example
   * {@code Decision[R-1 NEEDS_APPROVAL by TEAM_MANAGER under v1: APPROVAL_REQUIRED]}.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return "Decision[" + requestId + " " + outcome + (requiredRole == null ? "" : " by " + requiredRole)
        + " under v" + configurationVersion + (findings.isEmpty() ? "" : ": " + codes().stream()
            .map(Enum::name).collect(Collectors.joining(", "))) + "]";
  }
}
