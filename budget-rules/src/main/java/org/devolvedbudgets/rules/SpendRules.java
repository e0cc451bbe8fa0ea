package org.devolvedbudgets.rules;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.devolvedbudgets.model.scheme.AllocationMethod;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.ApprovalTier;
import org.devolvedbudgets.model.scheme.CumulativeThreshold;
import org.devolvedbudgets.model.scheme.Enforcement;
import org.devolvedbudgets.model.scheme.EvidencePolicy;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.scheme.SpendingFreeze;
import org.devolvedbudgets.model.spend.ListedBenefit;
import org.devolvedbudgets.model.spend.MeansAssessment;
import org.devolvedbudgets.model.spend.PaymentMethod;
import org.devolvedbudgets.model.spend.RepaymentTerms;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.devolvedbudgets.rules.position.BudgetPosition;
import org.devolvedbudgets.rules.position.OverdueEvidence;
import org.devolvedbudgets.rules.position.RemainingBudget;
import org.devolvedbudgets.rules.position.Usage;
import org.devolvedbudgets.rules.position.UsageKey;
import org.jspecify.annotations.Nullable;

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

  private static void checkPeriod(String allowanceName, String holder, Usage usage, LocalDate day) {
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

  /**
   * The checks of one decision, as static methods over the three inputs. Why not an object holding them: an
   * approved request then allocates nothing but its {@link Decision}; the findings of a request that is not
   * approved at once are collected in a {@link Findings} made at the first finding.
   */
  private static final class Deciding {

    private Deciding() {}

    static Decision decide(PilotConfiguration configuration, SpendRequest request, BudgetPosition position) {
      checkAllocationRecord(request, position);
      Money amount = request.amount();
      long requested = amount.minorUnits();
      LocalDate day = request.requestedOn();
      boolean sameCurrency = amount.hasCurrency(configuration.currency());
      Findings found = null;
      if (requested <= 0) {
        found = Findings.add(found, FindingCode.AMOUNT_NOT_POSITIVE, "The amount must be more than nothing, but was "
            + pounds(amount) + ".", null, null);
      }
      if (!sameCurrency) {
        found = Findings.add(found, FindingCode.CURRENCY_MISMATCH, "The amount is in "
            + amount.currency().getCurrencyCode() + ", but this scheme pays in "
            + configuration.currency().getCurrencyCode() + ".", null, null);
      }
      boolean inTerm = configuration.term().contains(day);
      if (!inTerm) {
        found = Findings.add(found, FindingCode.OUTSIDE_PILOT_DATES, "The request was made on " + day(day)
            + ", outside the scheme's dates, " + day(configuration.term().start()) + " to "
            + day(configuration.term().end().minusDays(1)) + ".", null, null);
      }
      found = checkEligibility(configuration, request, position, found);
      found = checkCategoryAndPayment(configuration, request, found);
      SpendingFreeze freeze = configuration.spendingFreeze().orElse(null);
      if (freeze != null && !freeze.isSafeguarding(request.subcategory())) {
        found = checkFreeze(configuration, request, freeze, found);
      }
      RepaymentTerms repayment = request.repayment().orElse(null);
      if (repayment != null) {
        found = checkRepayment(repayment, found);
      }
      OverdueEvidence overdue = position.overdueEvidence().orElse(null);
      EvidencePolicy evidence = configuration.evidencePolicy().orElse(null);
      if (overdue != null && evidence != null && evidence.whenOverdue() != EvidencePolicy.WhenOverdue.NOTHING) {
        found = checkEvidence(configuration, evidence, overdue, found);
      }
      if (request.childIds().isEmpty()) {
        found = checkChildNamed(configuration, request, found);
      }
      if (sameCurrency && requested > 0) {
        found = checkAllowances(configuration, request, position, inTerm, found);
        found = routeForApproval(configuration, request, position, inTerm, found);
      }
      return conclude(configuration, request, found);
    }

    private static void checkAllocationRecord(SpendRequest request, BudgetPosition position) {
      AllocationRecord record = position.allocationOrNull();
      if (record != null && !record.familyId().equals(request.familyId())) {
        throw new IllegalArgumentException("position's allocation record is for family " + record.familyId()
            + ", but the request is for family " + request.familyId());
      }
    }

    private static @Nullable Findings checkEligibility(PilotConfiguration configuration, SpendRequest request,
        BudgetPosition position, @Nullable Findings found) {
      if (!configuration.allTeamsEligible() && !configuration.eligibleTeams().contains(request.teamId())) {
        found = Findings.add(found, FindingCode.TEAM_NOT_ELIGIBLE, "Team " + request.teamId()
            + " is not eligible for this scheme.", null, null);
      }
      AllocationRecord record = position.allocationOrNull();
      boolean needsRecord = configuration.allocation().method() != AllocationMethod.ALL_ELIGIBLE;
      if (record != null && !record.arm().hasBudget()) {
        found = Findings.add(found, FindingCode.FAMILY_NOT_ALLOCATED, "Family " + request.familyId()
            + " was allocated to the control arm on " + day(record.allocatedOn())
            + " and keeps that arm, so has no budget.", null, null);
      } else if (record == null && needsRecord) {
        found = Findings.add(found, FindingCode.FAMILY_NOT_ALLOCATED, "Family " + request.familyId()
            + " has not been allocated a budget under this scheme.", null, null);
      }
      return found;
    }

    private static @Nullable Findings checkCategoryAndPayment(PilotConfiguration configuration,
        SpendRequest request, @Nullable Findings found) {
      if (!configuration.allowedCategories().contains(request.category())) {
        found = Findings.add(found, FindingCode.CATEGORY_BLOCKED, "This scheme does not allow spending of the kind "
            + request.category().displayName() + ".", null, null);
      } else if (!configuration.blockedSubcategories().isEmpty() && request.subcategory().isPresent()
          && configuration.blockedSubcategories().contains(request.subcategory().get())) {
        found = Findings.add(found, FindingCode.CATEGORY_BLOCKED, "This scheme does not allow spending on "
            + request.subcategory().get().code() + ".", null, null);
      }
      if (request.paymentMethod() == PaymentMethod.CASH && !configuration.cashAllowed()) {
        found = Findings.add(found, FindingCode.CASH_NOT_ALLOWED, "This scheme does not allow cash payments.",
            null, null);
      }
      return found;
    }

    private static @Nullable Findings checkChildNamed(PilotConfiguration configuration, SpendRequest request,
        @Nullable Findings found) {
      for (Allowance allowance : configuration.allowances()) {
        if (allowance.scope() == AllowanceScope.CHILD && countsAgainst(allowance, request)) {
          return Findings.add(found, FindingCode.CHILD_NOT_NAMED, "This scheme limits spending per child ('"
              + allowance.name() + "'), so the request must name the child or children it is for.", null, null);
        }
      }
      return found;
    }

    private static @Nullable Findings checkAllowances(PilotConfiguration configuration, SpendRequest request,
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

    private static Findings overRequestCap(PilotConfiguration configuration, SpendRequest request,
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
    private static @Nullable Findings checkCap(PilotConfiguration configuration, SpendRequest request,
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

    private static void checkUsage(PilotConfiguration configuration, String allowanceName, String holder,
        Usage usage, LocalDate day) {
      if (!usage.posted().hasCurrency(configuration.currency())) {
        throw new IllegalArgumentException("position's usage of '" + allowanceName + "' is in "
            + usage.posted().currency().getCurrencyCode() + ", but the scheme is in "
            + configuration.currency().getCurrencyCode());
      }
      checkPeriod(allowanceName, holder, usage, day);
    }

    private static Findings softCapExceeded(PilotConfiguration configuration, String over, Figures figures,
        @Nullable Findings found) {
      List<ApprovalTier> tiers = configuration.approvalPolicy().tiers();
      int top = tiers.size() - 1;
      ApprovalRole role = tiers.get(top).role();
      return Findings.add(found, FindingCode.SOFT_CAP_EXCEEDED, over + "; as an exception it needs approval by a "
          + roleName(role) + ".", figures, role).routeTo(top);
    }

    /** A request outside the safeguarding list during a freeze: declined, or routed to the freeze's role. */
    private static Findings checkFreeze(PilotConfiguration configuration, SpendRequest request,
        SpendingFreeze freeze, @Nullable Findings found) {
      String frozen = "Spending is frozen from " + day(configuration.effectiveFrom()) + " (version "
          + configuration.version() + " of this scheme): only spends the scheme marks as safeguarding go ahead, "
          + "and " + request.subcategory().map(sub -> "'" + sub + "' is not one").orElse("this request names no "
          + "subcategory");
      ApprovalRole role = freeze.approvedBy().orElse(null);
      if (role == null) {
        return Findings.add(found, FindingCode.SPENDING_FROZEN, frozen + ".", null, null);
      }
      return Findings.add(found, FindingCode.FREEZE_APPROVAL_REQUIRED, frozen + "; a " + roleName(role)
          + " must approve it.", null, role).routeTo(tierOf(configuration, role));
    }

    /** Help made repayable: only on a means assessment, and never from a family on a listed benefit. */
    private static @Nullable Findings checkRepayment(RepaymentTerms terms, @Nullable Findings found) {
      MeansAssessment assessment = terms.meansAssessment().orElse(null);
      if (assessment == null) {
        return Findings.add(found, FindingCode.MEANS_NOT_ASSESSED, "Repayment of " + pounds(terms.amount())
            + " is asked, but no means assessment is recorded: the council must have regard to the family's means "
            + "before imposing conditions (Children Act 1989, section 17(8)).", null, null);
      }
      if (assessment.receivesListedBenefit()) {
        return Findings.add(found, FindingCode.REPAYMENT_WHILE_ON_BENEFITS, "The means assessment of "
            + day(assessment.assessedOn()) + " found the family receiving "
            + assessment.benefits().stream().sorted().map(SpendRules::benefitName).collect(
                java.util.stream.Collectors.joining(" and ")) + ", so it cannot be asked to repay (Children Act "
            + "1989, section 17(9)); the help may be given without conditions.", null, null);
      }
      return found;
    }

    /** A worker with overdue evidence: the request is declined, or routed to the evidence policy's role. */
    private static Findings checkEvidence(PilotConfiguration configuration, EvidencePolicy evidence,
        OverdueEvidence overdue, @Nullable Findings found) {
      String what = "The requesting worker has " + (overdue.spends() == 1 ? "a spend" : overdue.spends() + " spends")
          + " (" + pounds(overdue.paid()) + " paid) whose evidence is overdue, the oldest since "
          + day(overdue.since());
      ApprovalRole role = evidence.approvedBy().orElse(null);
      if (evidence.whenOverdue() == EvidencePolicy.WhenOverdue.DECLINE || role == null) {
        return Findings.add(found, FindingCode.EVIDENCE_OVERDUE, what + "; this scheme declines new requests until "
            + "it arrives.", null, null, overdue);
      }
      return Findings.add(found, FindingCode.EVIDENCE_OVERDUE_APPROVAL_REQUIRED, what + "; until it arrives a "
          + roleName(role) + " must approve new requests.", null, role, overdue).routeTo(tierOf(configuration, role));
    }

    /** The index of the tier with {@code role}; the configuration checked that one has it. */
    private static int tierOf(PilotConfiguration configuration, ApprovalRole role) {
      List<ApprovalTier> tiers = configuration.approvalPolicy().tiers();
      int tier = 0;
      while (tiers.get(tier).role() != role) {
        tier++;
      }
      return tier;
    }

    private static @Nullable Findings routeForApproval(PilotConfiguration configuration, SpendRequest request,
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

    private static @Nullable Findings checkCumulative(PilotConfiguration configuration, SpendRequest request,
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

    private static Decision conclude(PilotConfiguration configuration, SpendRequest request,
        @Nullable Findings found) {
      int version = configuration.version();
      if (found == null) {
        return new Decision(request.id(), Outcome.APPROVED, List.of(), null, -1, version);
      }
      List<Finding> sorted = found.sorted();
      if (found.declined) {
        return new Decision(request.id(), Outcome.DECLINED, sorted, null, -1, version);
      }
      ApprovalRole role = configuration.approvalPolicy().tiers().get(found.routedTier).role();
      return new Decision(request.id(), Outcome.NEEDS_APPROVAL, sorted, role, found.routedTier, version);
    }

    private static long usedMinorUnits(Usage usage) {
      long posted = usage.posted().minorUnits();
      long reserved = usage.reserved().minorUnits();
      return posted > Long.MAX_VALUE - reserved ? Long.MAX_VALUE : posted + reserved;
    }

    private static int tierFor(List<ApprovalTier> tiers, long amount) {
      for (int i = 0; i < tiers.size(); i++) {
        if (tiers.get(i).covers(amount)) {
          return i;
        }
      }
      return -1;
    }

    /** Names a holder in a message ("family wig-reu-f1", "the pilot"), only once a finding needs it. */
    private static String whose(AllowanceScope scope, String holder) {
      return scope == AllowanceScope.PILOT ? "the pilot" : scope.name().toLowerCase(Locale.ROOT) + " " + holder;
    }

    private static FindingCode hardCode(AllowanceScope scope) {
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

  /** The findings of a request that is not approved at once, made at its first finding. */
  private static final class Findings {

    private final List<Finding> list = new ArrayList<>(4);
    private boolean declined;
    private int routedTier = -1;

    private Findings() {}

    /** Adds a finding to {@code found}, or to new findings if it is null, and returns them. */
    static Findings add(@Nullable Findings found, FindingCode code, String message, @Nullable Figures figures,
        @Nullable ApprovalRole role) {
      return add(found, code, message, figures, role, null);
    }

    /** Adds a finding with the overdue evidence behind it. */
    static Findings add(@Nullable Findings found, FindingCode code, String message, @Nullable Figures figures,
        @Nullable ApprovalRole role, @Nullable OverdueEvidence overdue) {
      Findings findings = found != null ? found : new Findings();
      findings.list.add(new Finding(code, message, figures, role, overdue));
      findings.declined |= code.declines();
      return findings;
    }

    /** Routes the request to at least {@code tier}. */
    Findings routeTo(int tier) {
      routedTier = Math.max(routedTier, tier);
      return this;
    }

    /** The findings in code order; stable, so configuration and child order are kept within a code. */
    List<Finding> sorted() {
      list.sort(Comparator.comparing(Finding::code));
      return List.copyOf(list);
    }
  }
}
