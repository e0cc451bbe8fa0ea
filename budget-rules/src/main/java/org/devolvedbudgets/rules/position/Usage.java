package org.devolvedbudgets.rules.position;

import static java.util.Objects.requireNonNull;

import org.devolvedbudgets.model.money.CurrencyMismatchException;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.jspecify.annotations.Nullable;

/**
 * How much of one allowance is already used in one period: posted (spent) and reserved (held for requests
 * awaiting approval or payment).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Usage {

  private final BudgetPeriod period;
  private final Money posted;
  private final Money reserved;

  private Usage(BudgetPeriod period, Money posted, Money reserved) {
    this.period = period;
    this.posted = posted;
    this.reserved = reserved;
  }

  /**
   * Returns the usage of an allowance in a period.
   *
   * @param period the period the amounts were counted in, not null
   * @param posted the amount spent, zero or more, not null
   * @param reserved the amount held, zero or more, in the same currency, not null
   * @return the usage, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an amount is negative
   * @throws CurrencyMismatchException if the amounts' currencies differ
   */
  public static Usage of(BudgetPeriod period, Money posted, Money reserved) {
    requireNonNull(period, "period");
    requireNonNull(posted, "posted");
    requireNonNull(reserved, "reserved");
    if (posted.isNegative()) {
      throw new IllegalArgumentException("posted must not be negative, but was " + posted);
    }
    if (reserved.isNegative()) {
      throw new IllegalArgumentException("reserved must not be negative, but was " + reserved);
    }
    if (!posted.hasCurrency(reserved.currency())) {
      throw new CurrencyMismatchException(posted.currency(), reserved.currency());
    }
    return new Usage(period, posted, reserved);
  }

  /**
   * Returns the period the amounts were counted in.
   *
   * @return the period, not null
   */
  public BudgetPeriod period() {
    return period;
  }

  /**
   * Returns the amount spent in the period.
   *
   * @return the posted amount, zero or more, not null
   */
  public Money posted() {
    return posted;
  }

  /**
   * Returns the amount held in the period for requests not yet paid.
   *
   * @return the reserved amount, zero or more, not null
   */
  public Money reserved() {
    return reserved;
  }

  /**
   * Returns whether {@code obj} is a usage with the same period and amounts.
   *
   * @param obj the object to compare with, may be null
   * @return true if equal
   */
  @Override
  public boolean equals(@Nullable Object obj) {
    if (this == obj) {
      return true;
    }
    if (!(obj instanceof Usage)) {
      return false;
    }
    Usage other = (Usage) obj;
    return period.equals(other.period) && posted.equals(other.posted) && reserved.equals(other.reserved);
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return (period.hashCode() * 31 + posted.hashCode()) * 31 + reserved.hashCode();
  }

  /**
   * Returns a developer's form, for example
   * {@code Usage[FinancialYear[2019-04-01, 2020-04-01) posted GBP 3999.99, reserved GBP 0.00]}.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return "Usage[" + period + " posted " + posted + ", reserved " + reserved + "]";
  }
}
