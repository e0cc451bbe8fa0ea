package org.devolvedbudgets.rules;

import static org.devolvedbudgets.rules.AllowanceChecks.checkAllowances;
import static org.devolvedbudgets.rules.ApprovalRouting.routeForApproval;
import static org.devolvedbudgets.rules.ApprovalRouting.tierOf;
import static org.devolvedbudgets.rules.SpendRules.countsAgainst;
import static org.devolvedbudgets.rules.SpendRules.day;
import static org.devolvedbudgets.rules.SpendRules.pounds;
import static org.devolvedbudgets.rules.SpendRules.roleName;

import java.time.LocalDate;
import java.util.List;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.scheme.AllocationMethod;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.EvidencePolicy;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.scheme.SpendingFreeze;
import org.devolvedbudgets.model.spend.MeansAssessment;
import org.devolvedbudgets.model.spend.PaymentMethod;
import org.devolvedbudgets.model.spend.RepaymentTerms;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.devolvedbudgets.rules.position.BudgetPosition;
import org.devolvedbudgets.rules.position.OverdueEvidence;
import org.jspecify.annotations.Nullable;

/**
 * The checks of one decision, as static methods over the three inputs: amount, dates, eligibility, category,
 * freezes, repayment terms and overdue evidence here; the allowances in {@link AllowanceChecks}; who must approve in
 * {@link ApprovalRouting}. Why static methods and not an object holding the inputs: an approved request then
 * allocates nothing but its {@link Decision}; the findings of a request that is not approved at once are collected
 * in a {@link Findings} made at the first finding.
 *
 * <p>Stateless and thread-safe.
 */
final class Deciding {

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

  static void checkAllocationRecord(SpendRequest request, BudgetPosition position) {
    AllocationRecord record = position.allocationOrNull();
    if (record != null && !record.familyId().equals(request.familyId())) {
      throw new IllegalArgumentException("position's allocation record is for family " + record.familyId()
          + ", but the request is for family " + request.familyId());
    }
  }

  static @Nullable Findings checkEligibility(PilotConfiguration configuration, SpendRequest request,
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

  static @Nullable Findings checkCategoryAndPayment(PilotConfiguration configuration,
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

  static @Nullable Findings checkChildNamed(PilotConfiguration configuration, SpendRequest request,
      @Nullable Findings found) {
    for (Allowance allowance : configuration.allowances()) {
      if (allowance.scope() == AllowanceScope.CHILD && countsAgainst(allowance, request)) {
        return Findings.add(found, FindingCode.CHILD_NOT_NAMED, "This scheme limits spending per child ('"
            + allowance.name() + "'), so the request must name the child or children it is for.", null, null);
      }
    }
    return found;
  }

  /** A request outside the safeguarding list during a freeze: declined, or routed to the freeze's role. */
  static Findings checkFreeze(PilotConfiguration configuration, SpendRequest request,
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
  static @Nullable Findings checkRepayment(RepaymentTerms terms, @Nullable Findings found) {
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
  static Findings checkEvidence(PilotConfiguration configuration, EvidencePolicy evidence,
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

  static Decision conclude(PilotConfiguration configuration, SpendRequest request,
      @Nullable Findings found) {
    int version = configuration.version();
    if (found == null) {
      return new Decision(request.id(), Outcome.APPROVED, List.of(), null, -1, version);
    }
    List<Finding> sorted = found.sorted();
    if (found.declined()) {
      return new Decision(request.id(), Outcome.DECLINED, sorted, null, -1, version);
    }
    ApprovalRole role = configuration.approvalPolicy().tiers().get(found.routedTier()).role();
    return new Decision(request.id(), Outcome.NEEDS_APPROVAL, sorted, role, found.routedTier(), version);
  }
}
