package org.devolvedbudgets.json.scheme;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.scheme.ApprovalTier;
import org.devolvedbudgets.model.scheme.CumulativeThreshold;
import org.devolvedbudgets.model.scheme.Enforcement;
import org.devolvedbudgets.model.scheme.EvidencePolicy;
import org.devolvedbudgets.model.scheme.EvidenceRequirement;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.PaymentMethod;
import org.devolvedbudgets.model.spend.Subcategory;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.jspecify.annotations.Nullable;

/**
 * Warns of schemes that are valid but probably wrong, before they go live: each warning a {@link LintCode}, the
 * JSON path in the scheme file, and a message. The checks (decision-table tools check their tables for gaps and
 * overlaps; this checks a spending policy the same way):
 * <ul>
 *   <li>a soft per-request cap that no approval tier can approve as an exception;
 *   <li>an approval tier above every hard cap, which no request can reach;
 *   <li>a gap above the highest approval limit, where amounts break no cap yet no one can approve them;
 *   <li>a per-request cap above a family cap counting the same spending;
 *   <li>a cumulative threshold above the family allowance it guards;
 *   <li>a subcategory blocked in a category the scheme does not allow anyway;
 *   <li>a version taking effect after the term of the version before it has ended.
 * </ul>
 * Approval tiers that overlap (one role twice, limits out of order) are not warnings but errors, which the model
 * refuses when the configuration is built. Stateless and thread-safe.
 */
public final class SchemeLint {

  private SchemeLint() {}

  /**
   * Checks every version of a scheme.
   *
   * @param history the scheme's versions, not null
   * @return the warnings, version by version, in a fixed order; empty if none, not null
   * @throws NullPointerException if {@code history} is null
   */
  public static List<LintWarning> check(ConfigurationHistory history) {
    requireNonNull(history, "history");
    List<LintWarning> warnings = new ArrayList<>();
    List<PilotConfiguration> versions = history.versions();
    for (int v = 0; v < versions.size(); v++) {
      PilotConfiguration version = versions.get(v);
      String path = "$.versions[" + v + "]";
      if (v > 0 && !version.effectiveFrom().isBefore(versions.get(v - 1).term().end())) {
        warnings.add(new LintWarning(LintCode.VERSION_AFTER_EARLIER_TERM, path + ".effectiveFrom", "version "
            + version.version() + " takes effect on " + version.effectiveFrom() + ", when the term of version "
            + versions.get(v - 1).version() + " has already ended (" + versions.get(v - 1).term().end()
            + "); requests in between fall outside any term"));
      }
      check(version, path, warnings);
    }
    return List.copyOf(warnings);
  }

  private static void check(PilotConfiguration configuration, String path, List<LintWarning> warnings) {
    List<ApprovalTier> tiers = configuration.approvalPolicy().tiers();
    List<Allowance> allowances = configuration.allowances();
    Money topLimit = tiers.get(tiers.size() - 1).upTo().orElse(null);
    Money ceiling = hardCeiling(allowances);
    for (int a = 0; a < allowances.size(); a++) {
      Allowance allowance = allowances.get(a);
      String at = path + ".allowances[" + a + "]";
      if (allowance.scope() == AllowanceScope.REQUEST && allowance.enforcement() == Enforcement.SOFT
          && topLimit != null && !allowance.cap().isLessThan(topLimit)) {
        warnings.add(new LintWarning(LintCode.SOFT_CAP_NEVER_APPROVABLE, at + ".cap", "the soft cap '"
            + allowance.name() + "' of " + allowance.cap() + " is at or above the highest approval limit, "
            + topLimit + ", so no one can approve an exception to it"));
      }
      if (allowance.scope() == AllowanceScope.REQUEST) {
        for (Allowance family : allowances) {
          if (family.scope() == AllowanceScope.FAMILY && family.enforcement() == Enforcement.HARD
              && (family.category().isEmpty() || family.category().equals(allowance.category()))
              && allowance.cap().isGreaterThan(family.cap())) {
            warnings.add(new LintWarning(LintCode.REQUEST_CAP_ABOVE_FAMILY_CAP, at + ".cap", "the per-request cap '"
                + allowance.name() + "' of " + allowance.cap() + " is above the family cap '" + family.name()
                + "' of " + family.cap() + ", which always bites first"));
            break;
          }
        }
      }
    }
    for (int t = 1; t < tiers.size(); t++) {
      Money below = tiers.get(t - 1).upTo().orElseThrow();
      if (ceiling != null && !below.isLessThan(ceiling)) {
        warnings.add(new LintWarning(LintCode.TIER_NEVER_REACHED, path + ".approvalPolicy.tiers[" + t + "]",
            "no request can reach the " + role(tiers.get(t)) + " tier: every amount above " + below
                + " breaks a hard cap of " + ceiling));
      }
    }
    if (topLimit != null && (ceiling == null || ceiling.isGreaterThan(topLimit))) {
      warnings.add(new LintWarning(LintCode.TIER_GAP_ABOVE_TOP_LIMIT, path + ".approvalPolicy.tiers["
          + (tiers.size() - 1) + "].upTo", "amounts above the highest approval limit, " + topLimit + ", "
          + (ceiling == null ? "break no hard cap" : "up to the hard cap of " + ceiling + " break none")
          + ", yet no one can approve them; give the highest tier no limit, or cap requests at it"));
    }
    CumulativeThreshold threshold = configuration.approvalPolicy().cumulativeThreshold().orElse(null);
    if (threshold != null) {
      for (Allowance family : allowances) {
        if (family.scope() == AllowanceScope.FAMILY && family.enforcement() == Enforcement.HARD
            && family.category().isEmpty() && threshold.amount().isGreaterThan(family.cap())) {
          warnings.add(new LintWarning(LintCode.THRESHOLD_ABOVE_ALLOWANCE, path
              + ".approvalPolicy.cumulative.amount", "the cumulative threshold of " + threshold.amount()
              + " is above the family allowance '" + family.name() + "' of " + family.cap()
              + ", so no family can reach it"));
          break;
        }
      }
    }
    List<Subcategory> blocked = configuration.blockedSubcategories().stream()
        .sorted(Comparator.comparing(Subcategory::toString)).toList();
    for (Subcategory subcategory : blocked) {
      if (!configuration.allowedCategories().contains(subcategory.category())) {
        warnings.add(new LintWarning(LintCode.BLOCKED_SUBCATEGORY_NOT_ALLOWED, path + ".blockedSubcategories",
            "the subcategory " + subcategory + " is blocked, but its category " + subcategory.category()
                + " is not allowed at all, so the block does nothing"));
      }
    }
    configuration.spendingFreeze().ifPresent(freeze -> freeze.safeguarding().stream()
        .sorted(Comparator.comparing(Subcategory::toString))
        .filter(subcategory -> configuration.blockedSubcategories().contains(subcategory)
            || !configuration.allowedCategories().contains(subcategory.category()))
        .forEach(subcategory -> warnings.add(new LintWarning(LintCode.FREEZE_SAFEGUARDING_REFUSED,
            path + ".spendingFreeze.safeguarding", "the freeze marks " + subcategory + " as safeguarding, but the "
                + "scheme " + (configuration.blockedSubcategories().contains(subcategory) ? "blocks it"
                : "does not allow its category " + subcategory.category()) + ", so such a spend is declined anyway"))));
    List<EvidenceRequirement> requirements = configuration.evidencePolicy().map(EvidencePolicy::requirements)
        .orElse(List.of());
    for (int r = 0; r < requirements.size(); r++) {
      EvidenceRequirement requirement = requirements.get(r);
      boolean noCategory = !requirement.categories().isEmpty() && requirement.categories().stream()
          .noneMatch(configuration.allowedCategories()::contains);
      boolean onlyCash = !configuration.cashAllowed()
          && requirement.paymentMethods().equals(Set.of(PaymentMethod.CASH));
      if (noCategory || onlyCash) {
        warnings.add(new LintWarning(LintCode.EVIDENCE_NEVER_DUE, path + ".evidencePolicy.requirements[" + r + "]",
            "the requirement asks for evidence only of " + (noCategory ? "spends in categories the scheme does not "
                + "allow" : "cash spends, which the scheme does not allow") + ", so it is never due"));
      }
    }
  }

  /** The smallest hard cap that bounds every request's own amount, whatever its category; null if none. */
  private static @Nullable Money hardCeiling(List<Allowance> allowances) {
    Money ceiling = null;
    for (Allowance allowance : allowances) {
      if (allowance.enforcement() == Enforcement.HARD && allowance.category().isEmpty()
          && allowance.scope() != AllowanceScope.CHILD && (ceiling == null || allowance.cap().isLessThan(ceiling))) {
        ceiling = allowance.cap();
      }
    }
    return ceiling;
  }

  private static String role(ApprovalTier tier) {
    return tier.role().name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
