package org.devolvedbudgets.model.scheme;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.Subcategory;
import org.immutables.value.Value;

/**
 * One version of a devolved-budget scheme's rules: who may spend, how much, on what, and who must approve.
 *
 * <pre>{@code
 * PilotConfiguration wigan = PilotConfiguration.builder()
 *     .council("Wigan")
 *     .schemeId(SchemeId.of("wigan-devolved-budgets"))
 *     .scheme("Devolved budgets pilot")
 *     .version(1)
 *     .effectiveFrom(LocalDate.of(2019, 4, 1))
 *     .currency(Monetary.getCurrency("GBP"))
 *     .term(BudgetPeriod.of(LocalDate.of(2019, 4, 1), LocalDate.of(2020, 4, 1)))
 *     .addEligibleTeams(TeamId.of("wigan-reunification"), TeamId.of("wigan-edge-of-care"))
 *     .addAllowances(familyPerFinancialYear)
 *     .approvalPolicy(approvalPolicy)
 *     .build();
 * }</pre>
 *
 * <p>A scheme changes over time (randomisation suspended, eligibility widened), so a configuration is one
 * {@link #version()} in force from {@link #effectiveFrom()}; every decision records the version it used.
 * To change one attribute, copy it: {@code PilotConfiguration.builder().from(config).version(2)...}.
 *
 * <p>Invariants, checked when built and reported <em>together</em> in a {@link ConfigurationException},
 * each problem with a {@link ProblemCode}, a path and a message:
 * <ul>
 *   <li>council and scheme names are 1 to 100 characters without control or bidirectional formatting
 *       characters;
 *   <li>the version is at least 1 and takes effect before the term ends;
 *   <li>the effective date and the term lie within the dates {@code LondonTime} supports;
 *   <li>every amount (allowance caps, tier limits, the cumulative threshold) is in {@link #currency()};
 *   <li>allowance ids are unique, and so are allowance names;
 *   <li>either all teams are eligible or at least one team is listed, not both;
 *   <li>at least one spend category is allowed;
 *   <li>a randomisation's suspension date lies within the term.
 * </ul>
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class PilotConfiguration {

  PilotConfiguration() {}

  /**
   * Returns a new builder. Required: council, schemeId, scheme, version, effectiveFrom, currency, term, approvalPolicy;
   * and either {@code allTeamsEligible(true)} or at least one eligible team.
   *
   * @return a builder, not null
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the council that runs the scheme, for example {@code "Darlington"}.
   *
   * @return the council's name, 1 to 100 characters, not null
   */
  public abstract String council();

  /**
   * Returns the scheme's stable id, the same in every version of it. The ledger's journal records it, so a
   * ledger never folds another scheme's journal; the {@link #scheme()} name is only for display.
   *
   * @return the id, not null
   */
  public abstract SchemeId schemeId();

  /**
   * Returns the scheme's display name, for example {@code "Vulnerable Adolescents Team devolved budget"}.
   *
   * @return the scheme's name, 1 to 100 characters, not null
   */
  public abstract String scheme();

  /**
   * Returns the version number of this configuration; later versions have higher numbers.
   *
   * @return the version, at least 1
   */
  public abstract int version();

  /**
   * Returns the first day on which this version is in force.
   *
   * @return the date, before the term's end, not null
   */
  public abstract LocalDate effectiveFrom();

  /**
   * Returns the currency every amount in the scheme is in (GBP for the UK pilots).
   *
   * @return the currency, not null
   */
  public abstract CurrencyUnit currency();

  /**
   * Returns the pilot's term: the days on which requests may be made, as a half-open range.
   *
   * @return the term, not null
   */
  public abstract BudgetPeriod term();

  /**
   * Returns whether every team is eligible, as in Darlington. Defaults to false.
   *
   * @return true if every team is eligible, in which case {@link #eligibleTeams()} is empty
   */
  @Value.Default
  public boolean allTeamsEligible() {
    return false;
  }

  /**
   * Returns the eligible teams, when not all teams are.
   *
   * @return an immutable set, empty exactly when {@link #allTeamsEligible()}, not null
   */
  public abstract Set<TeamId> eligibleTeams();

  /**
   * Returns how families come to have a budget. Defaults to {@link AllocationPolicy#allEligible()}.
   *
   * @return the allocation policy, not null
   */
  @Value.Default
  public AllocationPolicy allocation() {
    return AllocationPolicy.allEligible();
  }

  /**
   * Returns the allowances, in the order findings report them. May be empty: then only the approval policy
   * limits spending.
   *
   * @return an immutable list with unique names, not null
   */
  public abstract List<Allowance> allowances();

  /**
   * Returns who must authorise spends of each amount.
   *
   * @return the approval policy, not null
   */
  public abstract ApprovalPolicy approvalPolicy();

  /**
   * Returns the spend categories the scheme allows. Defaults to all three.
   *
   * @return an immutable set of at least one category, not null
   */
  @Value.Default
  public Set<SpendCategory> allowedCategories() {
    return EnumSet.allOf(SpendCategory.class);
  }

  /**
   * Returns the subcategories the scheme refuses even within an allowed category, for example rent
   * arrears. Defaults to none.
   *
   * @return an immutable set, not null
   */
  public abstract Set<Subcategory> blockedSubcategories();

  /**
   * Returns whether cash payments are allowed. Defaults to false, because many councils allow cash only in
   * exceptional circumstances.
   *
   * @return true if cash is allowed
   */
  @Value.Default
  public boolean cashAllowed() {
    return false;
  }

  /**
   * Returns whether a refund gives the money back to the allowances the spend was charged to. Defaults to true:
   * a returned item or an unused ticket leaves the family's budget as if it had cost less. A scheme that
   * counts what was once spent, whatever came back, sets it to false; the refund is then recorded against the
   * spend but the allowances stay used.
   *
   * <p>A refund restores the period the spend was charged to, even after that period has closed.
   *
   * @return true if refunds restore the allowance
   */
  @Value.Default
  public boolean refundRestoresAllowance() {
    return true;
  }

  /**
   * Returns whether money a family repays, on help given subject to repayment, goes back to the allowances the
   * spend was charged to (in the period it was charged to, even after that has closed). Defaults to false: what
   * an allowance measures is the help given, and help repaid was still given; a scheme that lends from a
   * revolving fund sets it to true.
   *
   * @return true if repayments restore the allowance
   */
  @Value.Default
  public boolean repaymentRestoresAllowance() {
    return false;
  }

  /**
   * Returns the spending freeze this version declares, if any: from its effective date only safeguarding spends go
   * ahead as usual ({@link SpendingFreeze}). Defaults to none; a later version without one lifts it.
   *
   * @return the freeze, or empty
   */
  public abstract Optional<SpendingFreeze> spendingFreeze();

  /**
   * Returns what evidence this version asks for after a spend is paid, and what overdue evidence does to the
   * worker's new requests ({@link EvidencePolicy}). Defaults to none: no evidence is tracked. The policy in force
   * on a request's date is the one its spend is held to.
   *
   * @return the policy, or empty
   */
  public abstract Optional<EvidencePolicy> evidencePolicy();

  @Value.Check
  final void check() {
    Problems problems = new Problems("PilotConfiguration");
    problems.checkText("council", council());
    problems.checkText("scheme", scheme());
    if (version() < 1) {
      problems.add(ProblemCode.VERSION_INVALID, "version", "version must be at least 1, but was " + version());
    }
    problems.checkDate("effectiveFrom", effectiveFrom(), false);
    problems.checkDate("term.start", term().start(), false);
    problems.checkDate("term.end", term().end(), true);
    if (!effectiveFrom().isBefore(term().end())) {
      problems.add(ProblemCode.EFFECTIVE_DATE_AFTER_TERM, "effectiveFrom", "effectiveFrom " + effectiveFrom()
          + " must be before the end of the term " + term());
    }
    String whose = "the scheme's currency";
    Set<String> names = new HashSet<>();
    Set<AllowanceId> ids = new HashSet<>();
    for (int i = 0; i < allowances().size(); i++) {
      Allowance allowance = allowances().get(i);
      problems.checkCurrency("allowances[" + i + "].cap", allowance.cap(), currency(), whose);
      if (!ids.add(allowance.id())) {
        problems.add(ProblemCode.DUPLICATE_ALLOWANCE_ID, "allowances[" + i + "].id",
            "id '" + allowance.id() + "' is used by an earlier allowance");
      }
      if (!names.add(allowance.name())) {
        problems.add(ProblemCode.DUPLICATE_ALLOWANCE_NAME, "allowances[" + i + "].name",
            "name '" + allowance.name() + "' is used by an earlier allowance");
      }
    }
    List<ApprovalTier> tiers = approvalPolicy().tiers();
    for (int i = 0; i < tiers.size(); i++) {
      String path = "approvalPolicy.tiers[" + i + "].upTo";
      tiers.get(i).upTo().ifPresent(limit -> problems.checkCurrency(path, limit, currency(), whose));
    }
    approvalPolicy().cumulativeThreshold().ifPresent(threshold -> problems.checkCurrency(
        "approvalPolicy.cumulativeThreshold.amount", threshold.amount(), currency(), whose));
    if (allTeamsEligible() && !eligibleTeams().isEmpty()) {
      problems.add(ProblemCode.ELIGIBILITY_CONTRADICTORY, "eligibleTeams", "all teams are eligible, yet "
          + eligibleTeams().size() + " teams are listed as eligible; list none or set allTeamsEligible(false)");
    } else if (!allTeamsEligible() && eligibleTeams().isEmpty()) {
      problems.add(ProblemCode.NO_ELIGIBLE_TEAMS, "eligibleTeams",
          "no team is eligible: list at least one or set allTeamsEligible(true)");
    }
    if (allowedCategories().isEmpty()) {
      problems.add(ProblemCode.NO_ALLOWED_CATEGORIES, "allowedCategories",
          "allowedCategories must hold at least one category");
    }
    allocation().randomisation().flatMap(Randomisation::suspendedFrom)
        .filter(date -> !term().contains(date))
        .ifPresent(date -> problems.add(ProblemCode.SUSPENSION_OUTSIDE_TERM,
            "allocation.randomisation.suspendedFrom",
            "suspendedFrom " + date + " must lie within the term " + term()));
    spendingFreeze().flatMap(SpendingFreeze::approvedBy)
        .filter(role -> approvalPolicy().tiers().stream().noneMatch(tier -> tier.role() == role))
        .ifPresent(role -> problems.add(ProblemCode.FREEZE_ROLE_NOT_A_TIER, "spendingFreeze.approvedBy",
            "the freeze's approving role " + role + " must be one of the approval policy's tiers"));
    evidencePolicy().ifPresent(policy -> checkEvidence(policy, problems, whose));
    problems.throwIfAny();
  }

  private void checkEvidence(EvidencePolicy policy, Problems problems, String whose) {
    if (policy.requirements().isEmpty()) {
      problems.add(ProblemCode.EVIDENCE_REQUIREMENT_MISSING, "evidencePolicy.requirements",
          "an evidence policy must list at least one requirement");
    }
    for (int i = 0; i < policy.requirements().size(); i++) {
      String path = "evidencePolicy.requirements[" + i + "].fromAmount";
      policy.requirements().get(i).fromAmount()
          .ifPresent(amount -> problems.checkCurrency(path, amount, currency(), whose));
    }
    boolean routes = policy.whenOverdue() == EvidencePolicy.WhenOverdue.ROUTE;
    if (routes != policy.approvedBy().isPresent()) {
      problems.add(ProblemCode.EVIDENCE_ROLE_INCONSISTENT, "evidencePolicy.approvedBy", routes
          ? "overdue evidence routes to a manager, so approvedBy must name the role"
          : "approvedBy is given, but overdue evidence does not route (whenOverdue is " + policy.whenOverdue() + ")");
    }
    policy.approvedBy()
        .filter(role -> approvalPolicy().tiers().stream().noneMatch(tier -> tier.role() == role))
        .ifPresent(role -> problems.add(ProblemCode.EVIDENCE_ROLE_NOT_A_TIER, "evidencePolicy.approvedBy",
            "the evidence policy's approving role " + role + " must be one of the approval policy's tiers"));
  }

  /**
   * Builds {@link PilotConfiguration} values. Each setter rejects null with a {@link NullPointerException}
   * naming the attribute; {@code build()} rejects missing attributes with an {@link IllegalStateException}
   * listing them, and broken invariants with a {@link ConfigurationException} listing every problem.
   *
   * <p>Builders are not thread-safe.
   */
  public static final class Builder extends ImmutablePilotConfiguration.Builder {
    Builder() {}
  }
}
