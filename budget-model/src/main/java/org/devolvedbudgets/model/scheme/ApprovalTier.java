package org.devolvedbudgets.model.scheme;

import java.util.Optional;
import org.devolvedbudgets.model.money.Money;
import org.immutables.value.Value;

/**
 * One rung of an {@link ApprovalPolicy}: amounts up to and including {@link #upTo()} need at least
 * {@link #role()} to authorise them. The last tier may have no upper limit.
 *
 * <p>Invariant, checked when built: a limit, if present, is positive ({@link ConfigurationException} with
 * path {@code approvalTier.upTo}).
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class ApprovalTier {

  ApprovalTier() {}

  /**
   * Returns a tier for amounts up to and including {@code limit}.
   *
   * @param role the least senior role that may authorise, not null
   * @param limit the inclusive upper limit, positive, not null
   * @return the tier, not null
   * @throws NullPointerException if an argument is null
   * @throws ConfigurationException if {@code limit} is not positive
   */
  public static ApprovalTier upTo(ApprovalRole role, Money limit) {
    return new Builder().role(role).upTo(limit).build();
  }

  /**
   * Returns a tier with no upper limit, for the top of a policy.
   *
   * @param role the least senior role that may authorise, not null
   * @return the tier, not null
   * @throws NullPointerException if {@code role} is null
   */
  public static ApprovalTier unlimited(ApprovalRole role) {
    return new Builder().role(role).build();
  }

  /**
   * Returns the least senior role that may authorise amounts in this tier.
   *
   * @return the role, not null
   */
  public abstract ApprovalRole role();

  /**
   * Returns the inclusive upper limit of the tier, or empty if it has none.
   *
   * @return the limit, positive if present, not null
   */
  public abstract Optional<Money> upTo();

  /**
   * Returns whether this tier's limit covers an amount: it is at most {@link #upTo()}, or the tier has no limit.
   * Takes minor units, as the rules add amounts up in minor units; no {@code Optional} or {@code Money} is made,
   * so the check costs a comparison.
   *
   * @param minorUnits the amount in minor units of the scheme's currency, any {@code long}
   * @return true if a role of this tier may authorise the amount
   */
  public final boolean covers(long minorUnits) {
    return minorUnits <= limitMinorUnits();
  }

  /** The limit in minor units, {@link Long#MAX_VALUE} without one; kept when built, outside equality. */
  @Value.Derived
  @Value.Auxiliary
  long limitMinorUnits() {
    return upTo().map(Money::minorUnits).orElse(Long.MAX_VALUE);
  }

  @Value.Check
  final void check() {
    Problems problems = new Problems("ApprovalTier");
    upTo().filter(limit -> !limit.isPositive()).ifPresent(limit -> problems.add(
        ProblemCode.TIER_LIMIT_NOT_POSITIVE, "approvalTier.upTo", "upTo must be positive, but was " + limit));
    problems.throwIfAny();
  }

  /** Builds tiers inside this package; users call {@link #upTo} or {@link #unlimited}. */
  static final class Builder extends ImmutableApprovalTier.Builder {
    Builder() {}
  }
}
