package org.devolvedbudgets.rules;

import static org.devolvedbudgets.rules.SpendRules.checkPeriod;
import static org.devolvedbudgets.rules.SpendRules.countsAgainst;
import static org.devolvedbudgets.rules.SpendRules.day;
import static org.devolvedbudgets.rules.SpendRules.pounds;
import static org.devolvedbudgets.rules.SpendRules.roleName;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.devolvedbudgets.model.id.ChildId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.ApprovalTier;
import org.devolvedbudgets.model.scheme.Enforcement;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.position.BudgetPosition;
import org.devolvedbudgets.rules.position.Usage;
import org.jspecify.annotations.Nullable;

/**
 * The allowances a request counts against, checked as {@link SpendRules} describes: the amount against a
 * per-request cap; spent plus reserved plus the amount (or each child's share) against a child's, the family's,
 * the team's or the pilot's cap in the period containing the request's date. A hard cap declines; a soft cap
 * routes to the top approval tier as an exception. Amounts are compared in whole minor units; messages and figures
 * are made only for a finding.
 *
 * <p>Stateless and thread-safe.
 */
final class AllowanceChecks {

  private AllowanceChecks() {}

  static @Nullable Findings checkAllowances(PilotConfiguration configuration, SpendRequest request,
      BudgetPosition position, boolean inTerm, @Nullable Findings found) {
    long requested = request.amount().minorUnits();
    List<Allowance> allowances = configuration.allowances();
    for (int i = 0; i < allowances.size(); i++) {
      Allowance allowance = allowances.get(i);
      if (!countsAgainst(allowance, request)) {
        continue;
      }
      if (allowance.scope() == AllowanceScope.REQUEST) {
        if (requested > allowance.cap().minorUnits()) {
          found = overRequestCap(configuration, request, allowance, found);
        }
      } else if (inTerm) {
        switch (allowance.scope()) {
          case CHILD:
            for (Map.Entry<ChildId, Money> share : request.sharesByChild().entrySet()) {
              if (share.getValue().isPositive()) {
                found = checkCap(configuration, request, position, allowance, share.getKey().value(),
                    share.getValue(), found);
              }
            }
            break;
          case FAMILY:
            found = checkCap(configuration, request, position, allowance, request.familyId().value(),
                request.amount(), found);
            break;
          case TEAM:
            found = checkCap(configuration, request, position, allowance, request.teamId().value(),
                request.amount(), found);
            break;
          case PILOT:
            found = checkCap(configuration, request, position, allowance, BudgetPosition.PILOT, request.amount(),
                found);
            break;
          default:
            throw new AssertionError(allowance.scope());
        }
      }
    }
    return found;
  }

  static Findings overRequestCap(PilotConfiguration configuration, SpendRequest request,
      Allowance allowance, @Nullable Findings found) {
    Money cap = allowance.cap();
    Money zero = Money.zero(configuration.currency());
    Figures figures = new Figures(allowance.name(), cap, zero, zero, request.amount(), null);
    String over = pounds(request.amount()) + " is over the " + pounds(cap) + " limit per request ("
        + allowance.name() + ")";
    if (allowance.enforcement() == Enforcement.HARD) {
      return Findings.add(found, FindingCode.EXCEEDS_REQUEST_CAP, over + ".", figures, null);
    }
    return softCapExceeded(configuration, over, figures, found);
  }

  /** Checks {@code amount}, the request's whole amount or a child's share of it, against one holder's cap. */
  static @Nullable Findings checkCap(PilotConfiguration configuration, SpendRequest request,
      BudgetPosition position, Allowance allowance, String holder, Money amount, @Nullable Findings found) {
    LocalDate day = request.requestedOn();
    long requested = amount.minorUnits();
    Usage usage = position.usageOrNull(allowance.id(), holder);
    long used = 0;
    if (usage != null) {
      checkUsage(configuration, allowance.name(), holder, usage, day);
      used = usedMinorUnits(usage);
    }
    long cap = allowance.cap().minorUnits();
    if (used <= cap && requested <= cap - used) {
      return found;
    }
    Money zero = Money.zero(configuration.currency());
    BudgetPeriod period = usage != null ? usage.period()
        : allowance.period().periodContaining(day, configuration.term());
    Money spent = usage != null ? usage.posted() : zero;
    Money reserved = usage != null ? usage.reserved() : zero;
    LocalDate resets = period.resets() ? period.resetsOn() : null;
    Figures figures = new Figures(allowance.name(), allowance.cap(), spent, reserved, amount, resets);
    boolean share = !amount.equals(request.amount());
    String over = pounds(amount) + (share ? " (" + whose(allowance.scope(), holder) + "'s share of "
        + pounds(request.amount()) + ")" : "") + " would take " + whose(allowance.scope(), holder) + " over the "
        + pounds(allowance.cap()) + " limit '" + allowance.name() + "': " + pounds(spent) + " spent and "
        + pounds(reserved) + " reserved leave " + pounds(figures.remaining())
        + (resets == null ? "" : " until " + day(resets));
    if (allowance.enforcement() == Enforcement.HARD) {
      return Findings.add(found, hardCode(allowance.scope()), over + ".", figures, null);
    }
    return softCapExceeded(configuration, over, figures, found);
  }

  static void checkUsage(PilotConfiguration configuration, String allowanceName, String holder,
      Usage usage, LocalDate day) {
    if (!usage.posted().hasCurrency(configuration.currency())) {
      throw new IllegalArgumentException("position's usage of '" + allowanceName + "' is in "
          + usage.posted().currency().getCurrencyCode() + ", but the scheme is in "
          + configuration.currency().getCurrencyCode());
    }
    checkPeriod(allowanceName, holder, usage, day);
  }

  static Findings softCapExceeded(PilotConfiguration configuration, String over, Figures figures,
      @Nullable Findings found) {
    List<ApprovalTier> tiers = configuration.approvalPolicy().tiers();
    int top = tiers.size() - 1;
    ApprovalRole role = tiers.get(top).role();
    return Findings.add(found, FindingCode.SOFT_CAP_EXCEEDED, over + "; as an exception it needs approval by a "
        + roleName(role) + ".", figures, role).routeTo(top);
  }

  static long usedMinorUnits(Usage usage) {
    long posted = usage.posted().minorUnits();
    long reserved = usage.reserved().minorUnits();
    return posted > Long.MAX_VALUE - reserved ? Long.MAX_VALUE : posted + reserved;
  }

  /** Names a holder in a message ("family wig-reu-f1", "the pilot"), only once a finding needs it. */
  static String whose(AllowanceScope scope, String holder) {
    return scope == AllowanceScope.PILOT ? "the pilot" : scope.name().toLowerCase(Locale.ROOT) + " " + holder;
  }

  static FindingCode hardCode(AllowanceScope scope) {
    switch (scope) {
      case CHILD:
        return FindingCode.EXCEEDS_CHILD_ALLOWANCE;
      case FAMILY:
        return FindingCode.EXCEEDS_FAMILY_ALLOWANCE;
      case TEAM:
        return FindingCode.EXCEEDS_TEAM_BUDGET;
      case PILOT:
        return FindingCode.EXCEEDS_PILOT_BUDGET;
      default:
        return FindingCode.EXCEEDS_REQUEST_CAP;
    }
  }
}
