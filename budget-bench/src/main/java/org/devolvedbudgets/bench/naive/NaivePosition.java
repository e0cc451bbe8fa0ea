package org.devolvedbudgets.bench.naive;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.money.MonetaryAmount;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.devolvedbudgets.rules.position.BudgetPosition;
import org.devolvedbudgets.rules.position.Usage;

/**
 * What a family has used, as a {@code javax.money} library would hold it. Converted once from a
 * {@link BudgetPosition}, outside any measurement.
 *
 * @param usages by allowance name, then holder
 * @param familyWindow the family's spending in the cumulative window, if given
 * @param allocation the family's allocation record, if given
 */
public record NaivePosition(Map<String, Map<String, NaiveUsage>> usages, Optional<NaiveUsage> familyWindow,
    Optional<AllocationRecord> allocation) {

  /**
   * Posted and reserved amounts in one period.
   *
   * @param period the period
   * @param posted what was spent
   * @param reserved what is held
   */
  public record NaiveUsage(BudgetPeriod period, MonetaryAmount posted, MonetaryAmount reserved) {

    static NaiveUsage from(Usage usage) {
      return new NaiveUsage(usage.period(), usage.posted().toMonetaryAmount(), usage.reserved().toMonetaryAmount());
    }
  }

  /**
   * Returns a usage, if the position has it.
   *
   * @param allowanceName the allowance
   * @param holder the child, family, team or {@link BudgetPosition#PILOT}
   * @return the usage, not null
   */
  public Optional<NaiveUsage> usage(String allowanceName, String holder) {
    return Optional.ofNullable(usages.getOrDefault(allowanceName, Map.of()).get(holder));
  }

  /**
   * Converts a position, turning every amount into a {@link MonetaryAmount}.
   *
   * @param configuration the scheme whose allowances the position holds, not null
   * @param position the position, not null
   * @return the naive position, not null
   */
  public static NaivePosition from(PilotConfiguration configuration, BudgetPosition position) {
    Map<String, Map<String, NaiveUsage>> usages = new HashMap<>();
    for (Allowance allowance : configuration.allowances()) {
      Map<String, NaiveUsage> byHolder = new HashMap<>();
      position.usagesOf(allowance.id()).forEach((holder, usage) -> byHolder.put(holder, NaiveUsage.from(usage)));
      usages.put(allowance.name(), byHolder);
    }
    return new NaivePosition(usages, position.familyWindow().map(NaiveUsage::from), position.allocation());
  }
}
