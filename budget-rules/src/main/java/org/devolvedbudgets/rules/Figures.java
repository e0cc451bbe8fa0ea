package org.devolvedbudgets.rules;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.devolvedbudgets.model.money.CurrencyMismatchException;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.text.SafeText;
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

  /**
   * Returns figures, as a store reading a journal back rebuilds them. The rules make their own; this checks what
   * theirs always satisfy.
   *
   * @param name the allowance's or threshold's display name, 1 to 100 characters without control or
   *     bidirectional formatting characters, not null
   * @param limit the cap, threshold or approval limit, positive, not null
   * @param spent what was spent in the period before the request, zero or more, not null
   * @param reserved what was held in the period before the request, zero or more, not null
   * @param requested the amount requested (or a child's share of it), positive, not null
   * @param resetsOn the day the allowance starts afresh, or null if it does not reset
   * @return the figures, not null
   * @throws NullPointerException if an argument other than {@code resetsOn} is null
   * @throws IllegalArgumentException if the name is empty, too long or unsafe, or an amount is out of range
   * @throws org.devolvedbudgets.model.money.CurrencyMismatchException if the amounts' currencies differ
   */
  public static Figures of(String name, Money limit, Money spent, Money reserved, Money requested,
      @Nullable LocalDate resetsOn) {
    requireNonNull(name, "name");
    if (name.isEmpty() || name.length() > 100 || SafeText.indexOfUnsafe(name) >= 0) {
      throw new IllegalArgumentException("name must be 1 to 100 characters without control or bidirectional "
          + "formatting characters, but was " + SafeText.excerpt(name));
    }
    positive("limit", limit);
    positive("requested", requested);
    if (requireNonNull(spent, "spent").isNegative()) {
      throw new IllegalArgumentException("spent must be zero or more, but was " + spent);
    }
    if (requireNonNull(reserved, "reserved").isNegative()) {
      throw new IllegalArgumentException("reserved must be zero or more, but was " + reserved);
    }
    sameCurrency("spent", spent, limit);
    sameCurrency("reserved", reserved, limit);
    sameCurrency("requested", requested, limit);
    return new Figures(name, limit, spent, reserved, requested, resetsOn);
  }

  private static void sameCurrency(String parameter, Money amount, Money limit) {
    if (!amount.hasCurrency(limit.currency())) {
      throw new CurrencyMismatchException(parameter, amount, limit.currency(), "the limit's currency");
    }
  }

  private static void positive(String parameter, Money amount) {
    if (!requireNonNull(amount, parameter).isPositive()) {
      throw new IllegalArgumentException(parameter + " must be positive, but was " + amount);
    }
  }

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
