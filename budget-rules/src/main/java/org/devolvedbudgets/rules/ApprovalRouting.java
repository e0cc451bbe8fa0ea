package org.devolvedbudgets.rules;

import static org.devolvedbudgets.rules.AllowanceChecks.checkUsage;
import static org.devolvedbudgets.rules.AllowanceChecks.usedMinorUnits;
import static org.devolvedbudgets.rules.SpendRules.day;
import static org.devolvedbudgets.rules.SpendRules.pounds;
import static org.devolvedbudgets.rules.SpendRules.roleName;

import java.time.LocalDate;
import java.util.List;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.ApprovalTier;
import org.devolvedbudgets.model.scheme.CumulativeThreshold;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.position.BudgetPosition;
import org.devolvedbudgets.rules.position.Usage;
import org.jspecify.annotations.Nullable;

/**
 * Who must approve a request, as {@link SpendRules} describes: the tier whose limit covers the amount (none:
 * declined), raised when the family's spending in the cumulative window, with this request, goes over the
 * threshold and that total needs a higher tier.
 *
 * <p>Stateless and thread-safe.
 */
final class ApprovalRouting {

  private ApprovalRouting() {}

  /** The index of the tier with {@code role}; the configuration checked that one has it. */
  static int tierOf(PilotConfiguration configuration, ApprovalRole role) {
    List<ApprovalTier> tiers = configuration.approvalPolicy().tiers();
    int tier = 0;
    while (tiers.get(tier).role() != role) {
      tier++;
    }
    return tier;
  }

  static @Nullable Findings routeForApproval(PilotConfiguration configuration, SpendRequest request,
      BudgetPosition position, boolean inTerm, @Nullable Findings found) {
    long requested = request.amount().minorUnits();
    List<ApprovalTier> tiers = configuration.approvalPolicy().tiers();
    int tier = tierFor(tiers, requested);
    if (tier < 0) {
      Money highest = tiers.get(tiers.size() - 1).upTo().orElseThrow();
      Money zero = Money.zero(configuration.currency());
      return Findings.add(found, FindingCode.ABOVE_APPROVAL_LIMITS, pounds(request.amount())
          + " is over the highest approval limit, " + pounds(highest) + ", so no one can approve it.",
          new Figures("approval limits", highest, zero, zero, request.amount(), null), null);
    }
    boolean ownAuthority = tiers.get(0).role() == ApprovalRole.SOCIAL_WORKER;
    if (inTerm) {
      CumulativeThreshold threshold = configuration.approvalPolicy().cumulativeThreshold().orElse(null);
      if (threshold != null) {
        found = checkCumulative(configuration, request, position, threshold, tier, ownAuthority, found);
      }
    }
    if (tier > 0 || !ownAuthority) {
      ApprovalRole role = tiers.get(tier).role();
      String message;
      if (tier == 0) {
        message = "Every spend in this scheme needs approval by a " + roleName(role) + ".";
      } else {
        ApprovalTier below = tiers.get(tier - 1);
        message = pounds(request.amount()) + " is over the " + pounds(below.upTo().orElseThrow()) + " a "
            + roleName(below.role()) + " may approve" + (below.role() == ApprovalRole.SOCIAL_WORKER
                ? " on their own" : "") + ", so a " + roleName(role) + " must approve.";
      }
      found = Findings.add(found, FindingCode.APPROVAL_REQUIRED, message, null, role).routeTo(tier);
    }
    return found;
  }

  static @Nullable Findings checkCumulative(PilotConfiguration configuration, SpendRequest request,
      BudgetPosition position, CumulativeThreshold threshold, int amountTier, boolean ownAuthority,
      @Nullable Findings found) {
    LocalDate day = request.requestedOn();
    long requested = request.amount().minorUnits();
    List<ApprovalTier> tiers = configuration.approvalPolicy().tiers();
    Usage window = position.familyWindowOrNull();
    long used = 0;
    if (window != null) {
      checkUsage(configuration, "cumulative window", request.familyId().value(), window, day);
      used = usedMinorUnits(window);
    }
    long total = used > Long.MAX_VALUE - requested ? Long.MAX_VALUE : used + requested;
    if (total <= threshold.amount().minorUnits()) {
      return found;
    }
    int tier = tierFor(tiers, total);
    if (tier < 0) {
      tier = tiers.size() - 1;
    }
    boolean raises = tier > amountTier && (tier > 0 || !ownAuthority);
    if (!raises) {
      return found;
    }
    Money zero = Money.zero(configuration.currency());
    BudgetPeriod period = window != null ? window.period()
        : threshold.window().periodContaining(day, configuration.term());
    Money spent = window != null ? window.posted() : zero;
    Money reserved = window != null ? window.reserved() : zero;
    ApprovalRole role = tiers.get(tier).role();
    return Findings.add(found, FindingCode.CUMULATIVE_THRESHOLD_REACHED, "With this " + pounds(request.amount())
        + ", family " + request.familyId() + " has " + pounds(Money.ofMinor(configuration.currency(), total))
        + " spent or reserved from " + day(period.start()) + " to " + day(period.end().minusDays(1))
        + ", over the " + pounds(threshold.amount()) + " threshold, so a " + roleName(role) + " must approve.",
        new Figures("cumulative threshold", threshold.amount(), spent, reserved, request.amount(), null), role)
        .routeTo(tier);
  }

  static int tierFor(List<ApprovalTier> tiers, long amount) {
    for (int i = 0; i < tiers.size(); i++) {
      if (tiers.get(i).covers(amount)) {
        return i;
      }
    }
    return -1;
  }
}
