package org.devolvedbudgets.bench.naive;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.period.PeriodPolicy;
import org.devolvedbudgets.model.scheme.AllocationMethod;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.ApprovalTier;
import org.devolvedbudgets.model.scheme.Enforcement;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.Subcategory;

/**
 * A scheme as a {@code javax.money} library would hold it: every cap, limit and threshold a
 * {@link MonetaryAmount}. Converted once from a {@link PilotConfiguration}, outside any measurement.
 *
 * @param currency the scheme's currency
 * @param term the pilot's term
 * @param allTeamsEligible whether every team is eligible
 * @param eligibleTeams the eligible teams, if not all are
 * @param allocationMethod how families get a budget
 * @param allowedCategories the categories that may be spent on
 * @param blockedSubcategories the subcategories that may not
 * @param cashAllowed whether cash may be paid
 * @param allowances the allowances, in configuration order
 * @param tiers the approval tiers, lowest first
 * @param threshold the cumulative threshold, if any
 */
public record NaiveScheme(CurrencyUnit currency, BudgetPeriod term, boolean allTeamsEligible,
    Set<TeamId> eligibleTeams, AllocationMethod allocationMethod, Set<SpendCategory> allowedCategories,
    Set<Subcategory> blockedSubcategories, boolean cashAllowed, List<NaiveAllowance> allowances,
    List<NaiveTier> tiers, Optional<NaiveThreshold> threshold) {

  /**
   * An allowance with a {@link MonetaryAmount} cap.
   *
   * @param name the allowance's name
   * @param scope whose spending it caps
   * @param enforcement hard or soft
   * @param cap the cap
   * @param category the one category it counts, if any
   * @param period the period it resets over
   */
  public record NaiveAllowance(String name, AllowanceScope scope, Enforcement enforcement, MonetaryAmount cap,
      Optional<SpendCategory> category, PeriodPolicy period) {}

  /**
   * An approval tier with a {@link MonetaryAmount} limit.
   *
   * @param role the least senior role that may authorise
   * @param upTo the inclusive limit, if any
   */
  public record NaiveTier(ApprovalRole role, Optional<MonetaryAmount> upTo) {}

  /**
   * The family's cumulative threshold with a {@link MonetaryAmount} amount.
   *
   * @param amount the threshold
   * @param window the window spending is added up over
   */
  public record NaiveThreshold(MonetaryAmount amount, PeriodPolicy window) {}

  /**
   * Converts a configuration, turning every amount into a {@link MonetaryAmount}.
   *
   * @param configuration the scheme, not null
   * @return the naive scheme, not null
   */
  public static NaiveScheme from(PilotConfiguration configuration) {
    List<NaiveAllowance> allowances = new ArrayList<>();
    for (Allowance allowance : configuration.allowances()) {
      allowances.add(new NaiveAllowance(allowance.name(), allowance.scope(), allowance.enforcement(),
          allowance.cap().toMonetaryAmount(), allowance.category(), allowance.period()));
    }
    List<NaiveTier> tiers = new ArrayList<>();
    for (ApprovalTier tier : configuration.approvalPolicy().tiers()) {
      tiers.add(new NaiveTier(tier.role(), tier.upTo().map(limit -> limit.toMonetaryAmount())));
    }
    return new NaiveScheme(configuration.currency(), configuration.term(), configuration.allTeamsEligible(),
        configuration.eligibleTeams(), configuration.allocation().method(), configuration.allowedCategories(),
        configuration.blockedSubcategories(), configuration.cashAllowed(), List.copyOf(allowances),
        List.copyOf(tiers), configuration.approvalPolicy().cumulativeThreshold()
            .map(threshold -> new NaiveThreshold(threshold.amount().toMonetaryAmount(), threshold.window())));
  }
}
