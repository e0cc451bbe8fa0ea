package org.devolvedbudgets.rules;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.id.ChildId;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.period.LondonTime;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.ListedBenefit;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.devolvedbudgets.rules.position.BudgetPosition;
import org.devolvedbudgets.rules.position.RemainingBudget;
import org.devolvedbudgets.rules.position.Usage;
import org.devolvedbudgets.rules.position.UsageKey;

/**
 * Decides spend requests: {@link #decide(PilotConfiguration, SpendRequest, BudgetPosition)} says whether a
 * request is within the worker's own authority, needs a manager's approval, or is declined, and lists every
 * reason with its figures.
 *
 * <p>What is checked, in this order (which is also {@link FindingCode}'s order):
 * <ol>
 *   <li>the amount is positive and in the scheme's currency (if not, no allowance is checked);
 *   <li>the request's date, in Europe/London, is within the pilot's term (if not, only per-request caps are
 *       checked);
 *   <li>the team is eligible, and the family has a budget (see {@link AllocationRecord});
 *   <li>the category is allowed and the subcategory not blocked; cash only where the scheme allows it; a child
 *       is named when a per-child allowance counts the request;
 *   <li>every allowance that counts this request: the amount against a per-request cap; spent plus reserved
 *       plus the amount against the family's, the team's or the pilot's cap, and plus each child's share
 *       ({@link SpendRequest#sharesByChild()}) against that child's cap, in the period containing the request's
 *       date. A hard cap declines; a soft cap routes to the top approval tier as an exception;
 *   <li>approval: the tier whose limit covers the amount (none: declined); if the family's spending in the
 *       cumulative window, with this request, goes over the threshold and that total needs a higher tier, that
 *       tier. If the first tier is {@link ApprovalRole#SOCIAL_WORKER} and it covers everything, the request is
 *       approved at once.
 * </ol>
 *
 * <p>The rules are pure: no clock, no randomness, no I/O, no logging. The same input always gives the same
 * decision, and every well-formed input gets a decision rather than an exception. Business outcomes are never
 * thrown; exceptions mean malformed input: null, or a position that does not belong to the request (a usage
 * in another currency or a period that does not contain the request's date, an allocation record for another
 * family).
 *
 * <p>This class is stateless and thread-safe. Messages and figures are built only for findings, and
 * allowances are compared in whole minor units, so an approved request costs little more than its
 * arithmetic.
 */
public final class SpendRules {

  private SpendRules() {}

  /**
   * Decides a request under the configuration version in force on its date.
   *
   * @param history the scheme's configuration versions, not null
   * @param request the request, not null
   * @param position what the family, its children, its team and the pilot have already used, not null
   * @return the decision, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the request's date is before the first version, or the position does
   *     not belong to the request
   */
  public static Decision decide(ConfigurationHistory history, SpendRequest request, BudgetPosition position) {
    requireNonNull(history, "history");
    requireNonNull(request, "request");
    return decide(history.inForceOn(request.requestedOn()), request, position);
  }

  /**
   * Decides a request under one configuration.
   *
   * @param configuration the scheme's rules, not null
   * @param request the request, not null
   * @param position what the family, its children, its team and the pilot have already used, not null; usages
   *     it does not give count as nothing used
   * @return the decision, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the position does not belong to the request: a usage in another
   *     currency, a usage whose period does not contain the request's date, or an allocation record for another
   *     family
   */
  public static Decision decide(PilotConfiguration configuration, SpendRequest request, BudgetPosition position) {
    requireNonNull(configuration, "configuration");
    requireNonNull(request, "request");
    requireNonNull(position, "position");
    return Deciding.decide(configuration, request, position);
  }

  /**
   * Checks an approval before a ledger accepts it: the decision still needs approval, the approver is not the
   * requester (segregation of duties, with no override), and the approver's role is at least the role of the
   * tier the decision requires. The same as {@link ApprovalCheck#validate}.
   *
   * @param request the request to approve, not null
   * @param decision its pending decision, not null
   * @param approver who approves, in which role, not null
   * @return the check: accepted, or every refusal with a stable code; not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code decision} is for another request
   */
  public static ApprovalCheck validateApproval(SpendRequest request, Decision decision, Approver approver) {
    return ApprovalCheck.validate(request, decision, approver);
  }

  /**
   * Lists the usages a {@link BudgetPosition} should hold to decide a request: one per allowance and holder
   * the request counts against, each with the period containing the request's date. Empty if that date is
   * outside the pilot's term.
   *
   * @param configuration the scheme's rules, not null
   * @param request the request, not null
   * @return an immutable list in configuration order, not null
   * @throws NullPointerException if an argument is null
   */
  public static List<UsageKey> usageKeys(PilotConfiguration configuration, SpendRequest request) {
    requireNonNull(configuration, "configuration");
    requireNonNull(request, "request");
    LocalDate day = request.requestedOn();
    if (!configuration.term().contains(day)) {
      return List.of();
    }
    List<UsageKey> keys = new ArrayList<>();
    for (Allowance allowance : configuration.allowances()) {
      if (allowance.scope() == AllowanceScope.REQUEST || !countsAgainst(allowance, request)) {
        continue;
      }
      BudgetPeriod period = allowance.period().periodContaining(day, configuration.term());
      for (String holder : holders(allowance.scope(), request)) {
        keys.add(new UsageKey(allowance.id(), allowance.scope(), holder, period));
      }
    }
    return List.copyOf(keys);
  }

  /**
   * Returns the period over which the family's spending is added up for the cumulative threshold, if the
   * scheme has one and the request's date is within the pilot's term.
   *
   * @param configuration the scheme's rules, not null
   * @param request the request, not null
   * @return the window, not null
   * @throws NullPointerException if an argument is null
   */
  public static Optional<BudgetPeriod> cumulativeWindow(PilotConfiguration configuration, SpendRequest request) {
    requireNonNull(configuration, "configuration");
    requireNonNull(request, "request");
    LocalDate day = request.requestedOn();
    if (!configuration.term().contains(day)) {
      return Optional.empty();
    }
    return configuration.approvalPolicy().cumulativeThreshold()
        .map(threshold -> threshold.window().periodContaining(day, configuration.term()));
  }

  /**
   * Answers "how much is left?" for a family on a date: for every allowance, its limit, spent, reserved,
   * remaining and reset day. Per-request caps are listed whole; family and pilot allowances are listed even
   * when the position holds no usage (nothing used yet); child and team allowances are listed for each child
   * and team the position holds a usage for.
   *
   * @param configuration the scheme's rules, not null
   * @param familyId the family, not null
   * @param date the day asked about, within the pilot's term, not null
   * @param position the family's position on that day, not null
   * @return an immutable list in configuration order, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code date} is outside the term, or a usage's period does not contain
   *     it
   */
  public static List<RemainingBudget> remainingBudget(PilotConfiguration configuration, FamilyId familyId,
      LocalDate date, BudgetPosition position) {
    requireNonNull(configuration, "configuration");
    requireNonNull(familyId, "familyId");
    requireNonNull(date, "date");
    requireNonNull(position, "position");
    if (!configuration.term().contains(date)) {
      throw new IllegalArgumentException("date " + date + " is outside the term " + configuration.term());
    }
    Money zero = Money.zero(configuration.currency());
    List<RemainingBudget> result = new ArrayList<>();
    for (Allowance allowance : configuration.allowances()) {
      AllowanceId id = allowance.id();
      if (allowance.scope() == AllowanceScope.REQUEST) {
        result.add(RemainingBudget.perRequest(allowance));
        continue;
      }
      BudgetPeriod period = allowance.period().periodContaining(date, configuration.term());
      Usage none = Usage.of(period, zero, zero);
      switch (allowance.scope()) {
        case FAMILY:
          result.add(remaining(allowance, familyId.value(),
              position.usage(id, familyId.value()).orElse(none), date));
          break;
        case PILOT:
          result.add(remaining(allowance, BudgetPosition.PILOT,
              position.usage(id, BudgetPosition.PILOT).orElse(none), date));
          break;
        default:
          for (Map.Entry<String, Usage> entry : position.usagesOf(id).entrySet()) {
            result.add(remaining(allowance, entry.getKey(), entry.getValue(), date));
          }
          break;
      }
    }
    return List.copyOf(result);
  }

  private static RemainingBudget remaining(Allowance allowance, String holder, Usage usage, LocalDate date) {
    checkPeriod(allowance.name(), holder, usage, date);
    return RemainingBudget.of(allowance, holder, usage);
  }

  static void checkPeriod(String allowanceName, String holder, Usage usage, LocalDate day) {
    if (!usage.period().contains(day)) {
      throw new IllegalArgumentException("position's usage of '" + allowanceName + "' for "
          + (holder.isEmpty() ? "the pilot" : holder) + " covers " + usage.period()
          + ", which does not contain " + day);
    }
  }

  static boolean countsAgainst(Allowance allowance, SpendRequest request) {
    return allowance.appliesTo(request.category());
  }

  private static List<String> holders(AllowanceScope scope, SpendRequest request) {
    switch (scope) {
      case CHILD: {
        List<String> children = new ArrayList<>(request.childIds().size());
        for (ChildId child : request.childIds()) {
          children.add(child.value());
        }
        return children;
      }
      case FAMILY:
        return List.of(request.familyId().value());
      case TEAM:
        return List.of(request.teamId().value());
      case PILOT:
        return List.of(BudgetPosition.PILOT);
      default:
        return List.of();
    }
  }

  static String pounds(Money money) {
    return money.format(Locale.UK);
  }

  static String day(LocalDate date) {
    return LondonTime.format(date);
  }

  static String benefitName(ListedBenefit benefit) {
    switch (benefit) {
      case INCOME_BASED_JOBSEEKERS_ALLOWANCE:
        return "income-based jobseeker's allowance";
      case INCOME_RELATED_EMPLOYMENT_AND_SUPPORT_ALLOWANCE:
        return "income-related employment and support allowance";
      default:
        return benefit.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  static String roleName(ApprovalRole role) {
    return role.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
