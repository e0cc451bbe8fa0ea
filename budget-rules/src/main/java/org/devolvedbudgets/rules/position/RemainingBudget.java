package org.devolvedbudgets.rules.position;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.jspecify.annotations.Nullable;

/**
 * What is left of one allowance for one holder on a date: the question a worker with a spend card asks most.
 * {@code remaining = max(0, limit - spent - reserved)}: never negative, even if a cap was lowered after money
 * was spent.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class RemainingBudget {

  private final AllowanceId allowanceId;
  private final String allowanceName;
  private final AllowanceScope scope;
  private final String holder;
  private final Money limit;
  private final Money spent;
  private final Money reserved;
  private final Money remaining;
  private final @Nullable BudgetPeriod period;

  private RemainingBudget(Allowance allowance, String holder, Money spent, Money reserved,
      @Nullable BudgetPeriod period) {
    this.allowanceId = allowance.id();
    this.allowanceName = allowance.name();
    this.scope = allowance.scope();
    Money limit = allowance.cap();
    this.holder = holder;
    this.limit = limit;
    this.spent = spent;
    this.reserved = reserved;
    this.remaining = remainingOf(limit, spent, reserved);
    this.period = period;
  }

  /**
   * Returns what is left of a limit: {@code max(0, limit - spent - reserved)}. The one rule every remaining
   * figure in the library follows.
   *
   * @param limit the cap, not null
   * @param spent what was spent, not null
   * @param reserved what is held, not null
   * @return the remaining amount, zero or more, not null
   * @throws NullPointerException if an argument is null
   * @throws org.devolvedbudgets.model.money.CurrencyMismatchException if the currencies differ
   */
  public static Money remainingOf(Money limit, Money spent, Money reserved) {
    Money left = requireNonNull(limit, "limit").minus(requireNonNull(spent, "spent"))
        .minus(requireNonNull(reserved, "reserved"));
    return left.isNegative() ? Money.zero(limit.currency()) : left;
  }

  /**
   * Returns the remaining budget of an allowance counted over a period: its cap less the usage. Taking the
   * allowance itself keeps its id, name, scope and cap together.
   *
   * @param allowance the allowance, not of scope {@code REQUEST}, not null
   * @param holder the family, child or team id's value, or {@link BudgetPosition#PILOT}, not null
   * @param usage what is used, in the same currency as the allowance's cap, not null
   * @return the remaining budget, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the allowance's scope is {@code REQUEST}
   * @throws org.devolvedbudgets.model.money.CurrencyMismatchException if the currencies differ
   */
  public static RemainingBudget of(Allowance allowance, String holder, Usage usage) {
    requireNonNull(allowance, "allowance");
    requireNonNull(holder, "holder");
    requireNonNull(usage, "usage");
    if (allowance.scope() == AllowanceScope.REQUEST) {
      throw new IllegalArgumentException("allowance '" + allowance.id() + "' is per request and has no usage; "
          + "use perRequest");
    }
    return new RemainingBudget(allowance, holder, usage.posted(), usage.reserved(), usage.period());
  }

  /**
   * Returns the remaining budget of a per-request cap: the whole cap, every time.
   *
   * @param allowance the allowance, of scope {@code REQUEST}, not null
   * @return the remaining budget, not null
   * @throws NullPointerException if {@code allowance} is null
   * @throws IllegalArgumentException if the allowance's scope is not {@code REQUEST}
   */
  public static RemainingBudget perRequest(Allowance allowance) {
    requireNonNull(allowance, "allowance");
    if (allowance.scope() != AllowanceScope.REQUEST) {
      throw new IllegalArgumentException("allowance '" + allowance.id() + "' is counted per "
          + allowance.scope().name().toLowerCase(Locale.ROOT) + ", not per request; use of");
    }
    Money zero = Money.zero(allowance.cap().currency());
    return new RemainingBudget(allowance, BudgetPosition.PILOT, zero, zero, null);
  }

  /**
   * Returns the allowance's stable id, which the figures are counted by.
   *
   * @return the id, not null
   */
  public AllowanceId allowanceId() {
    return allowanceId;
  }

  /**
   * Returns the allowance's display name in the configuration the figures were worked out under.
   *
   * @return the name, not null
   */
  public String allowanceName() {
    return allowanceName;
  }

  /**
   * Returns the allowance's scope.
   *
   * @return the scope, not null
   */
  public AllowanceScope scope() {
    return scope;
  }

  /**
   * Returns the holder: a family, child or team id's value, or {@link BudgetPosition#PILOT} (also used for a
   * per-request cap).
   *
   * @return the holder, not null
   */
  public String holder() {
    return holder;
  }

  /**
   * Returns the cap.
   *
   * @return the limit, not null
   */
  public Money limit() {
    return limit;
  }

  /**
   * Returns what has been spent (posted) in the period.
   *
   * @return the spent amount, zero or more, not null
   */
  public Money spent() {
    return spent;
  }

  /**
   * Returns what is held (reserved) in the period.
   *
   * @return the reserved amount, zero or more, not null
   */
  public Money reserved() {
    return reserved;
  }

  /**
   * Returns {@code max(0, limit - spent - reserved)}.
   *
   * @return the remaining amount, zero or more, not null
   */
  public Money remaining() {
    return remaining;
  }

  /**
   * Returns the period counted, or empty for a per-request cap.
   *
   * @return the period, not null
   */
  public Optional<BudgetPeriod> period() {
    return Optional.ofNullable(period);
  }

  /**
   * Returns the day the allowance starts afresh, or empty for a per-request cap and a whole-pilot allowance,
   * which never reset while the pilot runs.
   *
   * @return the reset day, not null
   */
  public Optional<LocalDate> resetsOn() {
    return period == null || !period.resets() ? Optional.empty()
        : Optional.of(period.resetsOn());
  }

  /**
   * Returns a one-line summary for people, for example {@code "Per family per financial year (F-000123):
   * £4,000.00 limit, £3,999.99 spent, £0.00 reserved, £0.01 remaining, resets on 2020-04-01"}.
   *
   * @return the summary, not null
   */
  @Override
  public String toString() {
    return allowanceName + (holder.isEmpty() ? "" : " (" + holder + ")") + ": "
        + limit.format(Locale.UK) + " limit, " + spent.format(Locale.UK) + " spent, "
        + reserved.format(Locale.UK) + " reserved, " + remaining.format(Locale.UK) + " remaining"
        + resetsOn().map(day -> ", resets on " + day).orElse("");
  }
}
