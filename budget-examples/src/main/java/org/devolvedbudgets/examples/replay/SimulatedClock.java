package org.devolvedbudgets.examples.replay;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.devolvedbudgets.model.period.BudgetPeriod;

/**
 * A clock in Europe/London that a simulation or a scenario moves forward by hand, so a ledger records
 * simulated time. It never goes back.
 *
 * <p>Not thread-safe: confine it to one thread, as the replay and the scenario runner do.
 */
public final class SimulatedClock extends Clock {

  private Instant now;

  /**
   * Returns a clock showing {@code start}.
   *
   * @param start the first instant, not null
   * @throws NullPointerException if {@code start} is null
   */
  public SimulatedClock(Instant start) {
    this.now = requireNonNull(start, "start");
  }

  /**
   * Moves the clock to {@code instant}, or leaves it where it is if {@code instant} is not later.
   *
   * @param instant the new time, not null
   * @throws NullPointerException if {@code instant} is null
   */
  public void advanceTo(Instant instant) {
    requireNonNull(instant, "instant");
    if (instant.isAfter(now)) {
      now = instant;
    }
  }

  /**
   * Returns Europe/London.
   *
   * @return the zone
   */
  @Override
  public ZoneId getZone() {
    return BudgetPeriod.ZONE;
  }

  /**
   * Returns this clock, which stays in Europe/London.
   *
   * @param zone Europe/London
   * @return this clock
   * @throws IllegalArgumentException if {@code zone} is another zone
   */
  @Override
  public Clock withZone(ZoneId zone) {
    if (!zone.equals(BudgetPeriod.ZONE)) {
      throw new IllegalArgumentException("a simulation's clock stays in " + BudgetPeriod.ZONE + ", not " + zone);
    }
    return this;
  }

  /**
   * Returns the clock's time.
   *
   * @return the instant
   */
  @Override
  public Instant instant() {
    return now;
  }
}
