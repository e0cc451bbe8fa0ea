package org.devolvedbudgets.rules.position;

import static java.util.Objects.requireNonNull;

import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.jspecify.annotations.Nullable;

/**
 * One usage a {@link BudgetPosition} should hold for a request to be decided: an allowance, the holder it is
 * counted for (a family, a child, a team, or the whole pilot) and the period containing the request's date.
 * {@code SpendRules.usageKeys} lists them, so a ledger knows what to add up.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class UsageKey {

  private final AllowanceId allowanceId;
  private final AllowanceScope scope;
  private final String holder;
  private final BudgetPeriod period;

  /**
   * Creates a key.
   *
   * @param allowanceId the allowance's id, not null
   * @param scope the allowance's scope, not {@link AllowanceScope#REQUEST} (a request cap has no usage), not
   *     null
   * @param holder the value of the family, child or team id, or {@link BudgetPosition#PILOT} for the whole
   *     pilot; not null
   * @param period the period containing the request's date, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code scope} is {@code REQUEST}
   */
  public UsageKey(AllowanceId allowanceId, AllowanceScope scope, String holder, BudgetPeriod period) {
    this.allowanceId = requireNonNull(allowanceId, "allowanceId");
    this.scope = requireNonNull(scope, "scope");
    this.holder = requireNonNull(holder, "holder");
    this.period = requireNonNull(period, "period");
    if (scope == AllowanceScope.REQUEST) {
      throw new IllegalArgumentException("scope must not be REQUEST: a per-request cap has no usage to count");
    }
  }

  /**
   * Returns the allowance's id: what usage is counted by, whatever the allowance is called in a version.
   *
   * @return the id, not null
   */
  public AllowanceId allowanceId() {
    return allowanceId;
  }

  /**
   * Returns the allowance's scope.
   *
   * @return the scope, never {@code REQUEST}, not null
   */
  public AllowanceScope scope() {
    return scope;
  }

  /**
   * Returns the holder: a family, child or team id's value, or {@link BudgetPosition#PILOT}.
   *
   * @return the holder, not null
   */
  public String holder() {
    return holder;
  }

  /**
   * Returns the period to count usage in.
   *
   * @return the period, not null
   */
  public BudgetPeriod period() {
    return period;
  }

  /**
   * Returns whether {@code obj} is a key with the same allowance, scope, holder and period.
   *
   * @param obj the object to compare with, may be null
   * @return true if equal
   */
  @Override
  public boolean equals(@Nullable Object obj) {
    if (this == obj) {
      return true;
    }
    if (!(obj instanceof UsageKey)) {
      return false;
    }
    UsageKey other = (UsageKey) obj;
    return allowanceId.equals(other.allowanceId) && scope == other.scope && holder.equals(other.holder)
        && period.equals(other.period);
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return ((allowanceId.hashCode() * 31 + scope.hashCode()) * 31 + holder.hashCode()) * 31 + period.hashCode();
  }

  /**
   * Returns a developer's form, for example
   * {@code UsageKey[family-fy, FAMILY F-000123, FinancialYear[2019-04-01, 2020-04-01)]}.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return "UsageKey[" + allowanceId + ", " + scope + " " + holder + ", " + period + "]";
  }
}
