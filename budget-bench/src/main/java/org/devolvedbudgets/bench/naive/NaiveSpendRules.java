package org.devolvedbudgets.bench.naive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.money.MonetaryAmount;
import org.devolvedbudgets.bench.naive.NaiveDecision.NaiveFinding;
import org.devolvedbudgets.bench.naive.NaivePosition.NaiveUsage;
import org.devolvedbudgets.bench.naive.NaiveScheme.NaiveAllowance;
import org.devolvedbudgets.bench.naive.NaiveScheme.NaiveThreshold;
import org.devolvedbudgets.bench.naive.NaiveScheme.NaiveTier;
import org.devolvedbudgets.model.id.ChildId;
import org.devolvedbudgets.model.scheme.AllocationMethod;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.Enforcement;
import org.devolvedbudgets.model.spend.PaymentMethod;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.FindingCode;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.SpendRules;
import org.devolvedbudgets.rules.allocation.AllocationRecord;

/**
 * The decision rules of {@link SpendRules#decide} written the obvious way with {@link MonetaryAmount}
 * arithmetic: used plus held plus requested added up with {@code add}, compared with {@code isGreaterThan},
 * {@code Optional} and a list of findings with messages. The baseline the benchmarks measure the library against;
 * {@code NaiveSpendRulesTest} checks it reaches the same outcomes, findings and roles.
 *
 * <p>Written fairly, not to lose: nothing is converted or formatted inside a decision (the scheme, position and
 * amount are converted beforehand), and messages print amounts with their cheap {@code toString()} where the
 * library formats them for people, so on a declined request the baseline is flattered.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class NaiveSpendRules {

  private NaiveSpendRules() {}

  /**
   * Decides a request.
   *
   * @param scheme the scheme, not null
   * @param request the request (its amount is ignored in favour of {@code amount}), not null
   * @param amount the request's amount as a {@link MonetaryAmount}, not null
   * @param position what the family has used, not null
   * @return the decision, not null
   */
  public static NaiveDecision decide(NaiveScheme scheme, SpendRequest request, MonetaryAmount amount,
      NaivePosition position) {
    List<NaiveFinding> findings = new ArrayList<>();
    int routedTier = -1;
    LocalDate day = request.requestedOn();
    boolean positive = amount.isPositive();
    boolean sameCurrency = amount.getCurrency().equals(scheme.currency());
    if (!positive) {
      findings.add(new NaiveFinding(FindingCode.AMOUNT_NOT_POSITIVE, "The amount must be more than nothing, but was "
          + amount + "."));
    }
    if (!sameCurrency) {
      findings.add(new NaiveFinding(FindingCode.CURRENCY_MISMATCH, "The amount is in " + amount.getCurrency()
          + ", but this scheme pays in " + scheme.currency() + "."));
    }
    boolean inTerm = scheme.term().contains(day);
    if (!inTerm) {
      findings.add(new NaiveFinding(FindingCode.OUTSIDE_PILOT_DATES, "The request was made on " + day
          + ", outside the scheme's dates " + scheme.term() + "."));
    }
    if (!scheme.allTeamsEligible() && !scheme.eligibleTeams().contains(request.teamId())) {
      findings.add(new NaiveFinding(FindingCode.TEAM_NOT_ELIGIBLE, "Team " + request.teamId()
          + " is not eligible for this scheme."));
    }
    Optional<AllocationRecord> record = position.allocation();
    if (record.isPresent() && !record.get().arm().hasBudget()) {
      findings.add(new NaiveFinding(FindingCode.FAMILY_NOT_ALLOCATED, "Family " + request.familyId()
          + " was allocated to the control arm, so has no budget."));
    } else if (record.isEmpty() && scheme.allocationMethod() != AllocationMethod.ALL_ELIGIBLE) {
      findings.add(new NaiveFinding(FindingCode.FAMILY_NOT_ALLOCATED, "Family " + request.familyId()
          + " has not been allocated a budget under this scheme."));
    }
    if (!scheme.allowedCategories().contains(request.category())) {
      findings.add(new NaiveFinding(FindingCode.CATEGORY_BLOCKED, "This scheme does not allow spending of the kind "
          + request.category() + "."));
    } else if (request.subcategory().isPresent()
        && scheme.blockedSubcategories().contains(request.subcategory().get())) {
      findings.add(new NaiveFinding(FindingCode.CATEGORY_BLOCKED, "This scheme does not allow spending on "
          + request.subcategory().get() + "."));
    }
    if (request.paymentMethod() == PaymentMethod.CASH && !scheme.cashAllowed()) {
      findings.add(new NaiveFinding(FindingCode.CASH_NOT_ALLOWED, "This scheme does not allow cash payments."));
    }
    if (request.childIds().isEmpty() && scheme.allowances().stream().anyMatch(allowance ->
        allowance.scope() == AllowanceScope.CHILD
            && (allowance.category().isEmpty() || allowance.category().get() == request.category()))) {
      findings.add(new NaiveFinding(FindingCode.CHILD_NOT_NAMED, "This scheme limits spending per child, so the "
          + "request must name a child."));
    }
    if (positive && sameCurrency) {
      int top = scheme.tiers().size() - 1;
      for (NaiveAllowance allowance : scheme.allowances()) {
        if (allowance.category().isPresent() && allowance.category().get() != request.category()) {
          continue;
        }
        List<String> holders = new ArrayList<>();
        List<MonetaryAmount> amounts = new ArrayList<>();
        switch (allowance.scope()) {
          case REQUEST:
            if (amount.isGreaterThan(allowance.cap())) {
              routedTier = over(scheme, allowance, amount + " is over the " + allowance.cap()
                  + " limit per request", findings, routedTier);
            }
            break;
          case CHILD:
            for (ChildId child : request.childIds()) {
              holders.add(child.value());
              amounts.add(request.sharesByChild().get(child).toMonetaryAmount());
            }
            break;
          case FAMILY:
            holders.add(request.familyId().value());
            amounts.add(amount);
            break;
          case TEAM:
            holders.add(request.teamId().value());
            amounts.add(amount);
            break;
          default:
            holders.add("");
            amounts.add(amount);
            break;
        }
        if (!inTerm) {
          continue;
        }
        for (int h = 0; h < holders.size(); h++) {
          String holder = holders.get(h);
          MonetaryAmount share = amounts.get(h);
          if (!share.isPositive()) {
            continue;
          }
          Optional<NaiveUsage> usage = position.usage(allowance.name(), holder);
          MonetaryAmount total = usage.isPresent()
              ? usage.get().posted().add(usage.get().reserved()).add(share)
              : share;
          if (total.isGreaterThan(allowance.cap())) {
            routedTier = over(scheme, allowance, amount + " would take " + holder + " over the " + allowance.cap()
                + " limit '" + allowance.name() + "'", findings, routedTier);
          }
        }
      }
      int tier = tierFor(scheme.tiers(), amount);
      if (tier < 0) {
        findings.add(new NaiveFinding(FindingCode.ABOVE_APPROVAL_LIMITS, amount
            + " is over the highest approval limit, so no one can approve it."));
      } else {
        boolean ownAuthority = scheme.tiers().get(0).role() == ApprovalRole.SOCIAL_WORKER;
        if (inTerm && scheme.threshold().isPresent()) {
          NaiveThreshold threshold = scheme.threshold().get();
          MonetaryAmount total = position.familyWindow()
              .map(window -> window.posted().add(window.reserved()).add(amount))
              .orElse(amount);
          if (total.isGreaterThan(threshold.amount())) {
            int cumulativeTier = tierFor(scheme.tiers(), total);
            if (cumulativeTier < 0) {
              cumulativeTier = top;
            }
            if (cumulativeTier > tier && (cumulativeTier > 0 || !ownAuthority)) {
              ApprovalRole role = scheme.tiers().get(cumulativeTier).role();
              findings.add(new NaiveFinding(FindingCode.CUMULATIVE_THRESHOLD_REACHED, "With this " + amount
                  + ", family " + request.familyId() + " has " + total + " spent or reserved, over the "
                  + threshold.amount() + " threshold, so a " + role + " must approve."));
              routedTier = Math.max(routedTier, cumulativeTier);
            }
          }
        }
        if (tier > 0 || !ownAuthority) {
          ApprovalRole role = scheme.tiers().get(tier).role();
          findings.add(new NaiveFinding(FindingCode.APPROVAL_REQUIRED, amount + " needs approval by a " + role
              + "."));
          routedTier = Math.max(routedTier, tier);
        }
      }
    }
    if (findings.isEmpty()) {
      return new NaiveDecision(Outcome.APPROVED, List.of(), Optional.empty());
    }
    findings.sort(Comparator.comparing(NaiveFinding::code));
    if (findings.stream().anyMatch(finding -> finding.code().declines())) {
      return new NaiveDecision(Outcome.DECLINED, List.copyOf(findings), Optional.empty());
    }
    return new NaiveDecision(Outcome.NEEDS_APPROVAL, List.copyOf(findings),
        Optional.of(scheme.tiers().get(routedTier).role()));
  }

  /** Adds a cap's finding, hard or soft; returns the tier the request is routed to. */
  private static int over(NaiveScheme scheme, NaiveAllowance allowance, String message, List<NaiveFinding> findings,
      int routedTier) {
    if (allowance.enforcement() == Enforcement.HARD) {
      findings.add(new NaiveFinding(hardCode(allowance), message + "."));
      return routedTier;
    }
    int top = scheme.tiers().size() - 1;
    findings.add(new NaiveFinding(FindingCode.SOFT_CAP_EXCEEDED, message + "; as an exception it needs approval by a "
        + scheme.tiers().get(top).role() + "."));
    return Math.max(routedTier, top);
  }

  private static int tierFor(List<NaiveTier> tiers, MonetaryAmount amount) {
    for (int i = 0; i < tiers.size(); i++) {
      Optional<MonetaryAmount> upTo = tiers.get(i).upTo();
      if (upTo.isEmpty() || amount.isLessThanOrEqualTo(upTo.get())) {
        return i;
      }
    }
    return -1;
  }

  private static FindingCode hardCode(NaiveAllowance allowance) {
    switch (allowance.scope()) {
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
