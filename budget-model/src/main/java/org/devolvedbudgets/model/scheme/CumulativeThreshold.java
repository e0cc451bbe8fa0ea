package org.devolvedbudgets.model.scheme;

import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.PeriodPolicy;
import org.immutables.value.Value;

/**
 * A guard against splitting a purchase: when a family's spending within a {@link #window()}, this
 * request included, goes over {@link #amount()}, the request is routed to the approval tier for that
 * cumulative total, not for its own amount. So with a £500 threshold and a £500 worker's authority, a
 * £1,000 purchase split into two £500 requests still reaches a manager.
 *
 * <p>Invariant, checked when built: the amount is positive ({@link ConfigurationException} with path
 * {@code approvalPolicy.cumulativeThreshold.amount}).
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class CumulativeThreshold {

  CumulativeThreshold() {}

  /**
   * Returns a threshold.
   *
   * @param amount the family's total within the window above which approval is triggered, positive, not
   *     null
   * @param window the days over which the family's spending is added up, for example
   *     {@code PeriodPolicy.rollingDays(30)}, not null
   * @return the threshold, not null
   * @throws NullPointerException if an argument is null
   * @throws ConfigurationException if {@code amount} is not positive
   */
  public static CumulativeThreshold of(Money amount, PeriodPolicy window) {
    return new Builder().amount(amount).window(window).build();
  }

  /**
   * Returns the family's total within the window above which the cumulative total decides the tier.
   *
   * @return the amount, positive, not null
   */
  public abstract Money amount();

  /**
   * Returns the days over which the family's spending is added up.
   *
   * @return the window, not null
   */
  public abstract PeriodPolicy window();

  @Value.Check
  final void check() {
    if (!amount().isPositive()) {
      Problems problems = new Problems("CumulativeThreshold");
      problems.add(ProblemCode.THRESHOLD_NOT_POSITIVE, "approvalPolicy.cumulativeThreshold.amount",
          "amount must be positive, but was " + amount());
      problems.throwIfAny();
    }
  }

  /** Builds thresholds inside this package; users call {@link #of}. */
  static final class Builder extends ImmutableCumulativeThreshold.Builder {
    Builder() {}
  }
}
