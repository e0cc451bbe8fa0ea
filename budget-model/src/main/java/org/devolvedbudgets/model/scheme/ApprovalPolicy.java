package org.devolvedbudgets.model.scheme;

import java.util.List;
import java.util.Optional;
import org.devolvedbudgets.model.money.Money;
import org.immutables.value.Value;

/**
 * Who must authorise a spend of a given amount: ordered {@link ApprovalTier tiers}, and optionally a
 * {@link CumulativeThreshold} that stops one purchase being split into smaller requests.
 *
 * <pre>{@code
 * ApprovalPolicy hillingdon = ApprovalPolicy.builder()
 *     .addTiers(ApprovalTier.upTo(ApprovalRole.SOCIAL_WORKER, Money.parse("GBP 500.00")))
 *     .addTiers(ApprovalTier.upTo(ApprovalRole.TEAM_MANAGER, Money.parse("GBP 1000.00")))
 *     .addTiers(ApprovalTier.unlimited(ApprovalRole.HEAD_OF_SERVICE))
 *     .build();
 * }</pre>
 *
 * <p>If the first tier's role is {@link ApprovalRole#SOCIAL_WORKER}, amounts within it are the worker's own
 * authority; otherwise every request needs a manager. If the last tier has a limit, amounts above it cannot
 * be authorised by anyone.
 *
 * <p><b>Segregation of duties</b> is not a setting: a requester never approves their own request, under any
 * policy, and there is deliberately no switch to turn that off.
 *
 * <p>Invariants, checked when built and reported together in a {@link ConfigurationException} with paths
 * such as {@code approvalPolicy.tiers[1].upTo}: at least one tier; limits rise strictly; only the last
 * tier may be unlimited; roles rise strictly in seniority; all amounts share one currency.
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class ApprovalPolicy {

  ApprovalPolicy() {}

  /**
   * Returns a new builder. Required: at least one tier.
   *
   * @return a builder, not null
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the tiers, lowest limit first.
   *
   * @return an immutable list of at least one tier, not null
   */
  public abstract List<ApprovalTier> tiers();

  /**
   * Returns the cumulative threshold, if the scheme uses one.
   *
   * @return the threshold, not null
   */
  public abstract Optional<CumulativeThreshold> cumulativeThreshold();

  @Value.Check
  final void check() {
    Problems problems = new Problems("ApprovalPolicy");
    List<ApprovalTier> tiers = tiers();
    if (tiers.isEmpty()) {
      problems.add(ProblemCode.NO_APPROVAL_TIERS, "approvalPolicy.tiers", "tiers must not be empty");
    }
    Money firstLimit = tiers.stream().flatMap(t -> t.upTo().stream()).findFirst().orElse(null);
    for (int i = 0; i < tiers.size(); i++) {
      String path = "approvalPolicy.tiers[" + i + "]";
      ApprovalTier tier = tiers.get(i);
      if (tier.upTo().isEmpty() && i < tiers.size() - 1) {
        problems.add(ProblemCode.UNLIMITED_TIER_NOT_LAST, path + ".upTo",
            "tier " + i + " has no limit but is followed by " + (tiers.size() - 1 - i) + " more");
      }
      if (firstLimit != null && tier.upTo().isPresent()) {
        problems.checkCurrency(
            path + ".upTo", tier.upTo().get(), firstLimit.currency(), "the currency of the first limit");
      }
      if (i == 0) {
        continue;
      }
      ApprovalTier below = tiers.get(i - 1);
      if (tier.role().compareTo(below.role()) <= 0) {
        problems.add(ProblemCode.TIER_ROLES_NOT_ASCENDING, path + ".role", "role " + tier.role()
            + " must be more senior than the role below it, " + below.role());
      }
      if (tier.upTo().isPresent() && below.upTo().isPresent()) {
        Money limit = tier.upTo().get();
        Money belowLimit = below.upTo().get();
        boolean sameCurrency = limit.hasCurrency(belowLimit.currency());
        if (sameCurrency && !limit.isGreaterThan(belowLimit)) {
          problems.add(ProblemCode.TIER_LIMITS_NOT_ASCENDING, path + ".upTo",
              "upTo " + limit + " must be above the tier below it, " + belowLimit);
        }
      }
    }
    if (firstLimit != null) {
      cumulativeThreshold().ifPresent(threshold -> problems.checkCurrency(
          "approvalPolicy.cumulativeThreshold.amount", threshold.amount(), firstLimit.currency(),
          "the currency of the tiers' limits"));
    }
    problems.throwIfAny();
  }

  /**
   * Builds {@link ApprovalPolicy} values. Each setter rejects null with a {@link NullPointerException};
   * {@code build()} rejects broken invariants with a {@link ConfigurationException} listing them all.
   *
   * <p>Builders are not thread-safe.
   */
  public static final class Builder extends ImmutableApprovalPolicy.Builder {
    Builder() {}
  }
}
