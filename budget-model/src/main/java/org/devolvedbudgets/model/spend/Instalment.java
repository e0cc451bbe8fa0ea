package org.devolvedbudgets.model.spend;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.LondonTime;
import org.jspecify.annotations.Nullable;

/**
 * One instalment of a repayment: an amount due by the end of a London day.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Instalment {

  private final LocalDate dueOn;
  private final Money amount;

  private Instalment(LocalDate dueOn, Money amount) {
    this.dueOn = dueOn;
    this.amount = amount;
  }

  /**
   * Returns an instalment.
   *
   * @param dueOn the last London day on which it is on time, within the supported dates, not null
   * @param amount what is due, positive, not null
   * @return the instalment, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code amount} is not positive or {@code dueOn} is not supported
   */
  public static Instalment of(LocalDate dueOn, Money amount) {
    LondonTime.checkDate("dueOn", requireNonNull(dueOn, "dueOn"));
    requireNonNull(amount, "amount");
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("amount must be positive, but was " + amount);
    }
    return new Instalment(dueOn, amount);
  }

  /**
   * Returns the last London day on which the instalment is on time.
   *
   * @return the day, not null
   */
  public LocalDate dueOn() {
    return dueOn;
  }

  /**
   * Returns what is due.
   *
   * @return the amount, positive, not null
   */
  public Money amount() {
    return amount;
  }

  /**
   * Returns whether {@code obj} is an instalment of the same amount due on the same day.
   *
   * @param obj the object to compare with, may be null
   * @return true if equal
   */
  @Override
  public boolean equals(@Nullable Object obj) {
    return obj instanceof Instalment && ((Instalment) obj).dueOn.equals(dueOn)
        && ((Instalment) obj).amount.equals(amount);
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return dueOn.hashCode() * 31 + amount.hashCode();
  }

  /**
   * Returns {@code GBP 20.00 by 2019-07-01}.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return amount + " by " + dueOn;
  }
}
