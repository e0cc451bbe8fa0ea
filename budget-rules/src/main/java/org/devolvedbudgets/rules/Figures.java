package org.devolvedbudgets.rules;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.rules.position.RemainingBudget;
import org.jspecify.annotations.Nullable;

/**
 * The numbers behind a finding about an allowance, a cap or a threshold, so a worker, a manager and an auditor
 * can check it: the limit, what was already spent and reserved, what was requested, what remained before the
 * request, and the day the allowance resets.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Figures {

  private final String name;
  private final Money limit;
  private final Money spent;
  private final Money reserved;
  private final Money requested;
  private final Money remaining;
  private final @Nullable LocalDate resetsOn;

  Figures(String name, Money limit, Money spent, Money reserved, Money requested, @Nullable LocalDate resetsOn) {
    this.name = name;
    this.limit = limit;
    this.spent = spent;
    this.reserved = reserved;
    this.requested = requested;
    this.remaining = RemainingBudget.remainingOf(limit, spent, reserved);
    this.resetsOn = resetsOn;
  }

  /**
   * Returns the name of the allowance, or of the cumulative threshold, the figures are about.
   *
   * @return the name, not null
   */
  public String name() {
    return name;
  }

  /**
   * Returns the limit: the cap, the threshold or the approval limit.
   *
   * @return the limit, not null
   */
  public Money limit() {
    return limit;
  }

  /**
   * Returns what was already spent (posted) in the period before this request.
   *
   * @return the spent amount, not null
   */
  public Money spent() {
    return spent;
  }

  /**
   * Returns what was already held (reserved) in the period before this request.
   *
   * @return the reserved amount, not null
   */
  public Money reserved() {
    return reserved;
  }

  /**
   * Returns the amount requested.
   *
   * @return the requested amount, not null
   */
  public Money requested() {
    return requested;
  }

  /**
   * Returns what remained before this request: {@code max(0, limit - spent - reserved)}.
   *
   * @return the remaining amount, zero or more, not null
   */
  public Money remaining() {
    return remaining;
  }

  /**
   * Returns the day the allowance starts afresh, if it resets at all.
   *
   * @return the reset day, not null
   */
  public Optional<LocalDate> resetsOn() {
    return Optional.ofNullable(resetsOn);
  }

  /**
   * Returns whether {@code obj} is figures with the same name, amounts and reset day.
   *
   * @param obj the object to compare with, may be null
   * @return true if equal
   */
  @Override
  public boolean equals(@Nullable Object obj) {
    if (this == obj) {
      return true;
    }
    if (!(obj instanceof Figures)) {
      return false;
    }
    Figures other = (Figures) obj;
    return name.equals(other.name) && limit.equals(other.limit) && spent.equals(other.spent)
        && reserved.equals(other.reserved) && requested.equals(other.requested)
        && Objects.equals(resetsOn, other.resetsOn);
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(name, limit, spent, reserved, requested, resetsOn);
  }

  /**
   * Returns a developer's form with every figure.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return "Figures[" + name + ": limit " + limit + ", spent " + spent + ", reserved " + reserved
        + ", requested " + requested + ", remaining " + remaining
        + (resetsOn == null ? "" : ", resets " + resetsOn) + "]";
  }
}
