package org.devolvedbudgets.model.period;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.Month;

/**
 * How an allowance's period is drawn: which days count together before the allowance starts afresh.
 *
 * <table class="striped">
 *   <caption>The four policies, for 15 May 2019 in a pilot running 1 April 2019 to 1 April 2020</caption>
 *   <thead><tr><th>policy</th><th>period containing 15 May 2019</th></tr></thead>
 *   <tbody>
 *     <tr><td>{@link #financialYear()}</td><td>{@code FinancialYear[2019-04-01, 2020-04-01)}</td></tr>
 *     <tr><td>{@link #calendarYear()}</td><td>{@code CalendarYear[2019-01-01, 2020-01-01)}</td></tr>
 *     <tr><td>{@code rollingDays(365)}</td><td>{@code Rolling365Days[2018-05-16, 2019-05-16)}</td></tr>
 *     <tr><td>{@link #wholePilot()}</td><td>{@code WholePilot[2019-04-01, 2020-04-01)}</td></tr>
 *   </tbody>
 * </table>
 *
 * <p>"Per year" in a scheme's rules may mean any of the first three; a fixture states which it assumes.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class PeriodPolicy {

  /** The longest rolling window: 3,660 days (about ten years). */
  public static final int MAX_ROLLING_DAYS = 3660;

  private static final PeriodPolicy FINANCIAL_YEAR = new PeriodPolicy(PeriodKind.FINANCIAL_YEAR, 0);
  private static final PeriodPolicy CALENDAR_YEAR = new PeriodPolicy(PeriodKind.CALENDAR_YEAR, 0);
  private static final PeriodPolicy WHOLE_PILOT = new PeriodPolicy(PeriodKind.WHOLE_PILOT, 0);

  private final PeriodKind kind;
  private final int days;

  private PeriodPolicy(PeriodKind kind, int days) {
    this.kind = kind;
    this.days = days;
  }

  /**
   * Returns the UK local-government financial year, 1 April to 31 March, in which council accounts run.
   *
   * @return the policy, not null
   */
  public static PeriodPolicy financialYear() {
    return FINANCIAL_YEAR;
  }

  /**
   * Returns the calendar year, 1 January to 31 December.
   *
   * @return the policy, not null
   */
  public static PeriodPolicy calendarYear() {
    return CALENDAR_YEAR;
  }

  /**
   * Returns a window of the last {@code days} days, ending with (and including) the day in question. Spend
   * drops out of the window day by day instead of all at once.
   *
   * @param days the window's length, 1 to {@value #MAX_ROLLING_DAYS}
   * @return the policy, not null
   * @throws IllegalArgumentException if {@code days} is out of range
   */
  public static PeriodPolicy rollingDays(int days) {
    if (days < 1 || days > MAX_ROLLING_DAYS) {
      throw new IllegalArgumentException("days must be 1 to " + MAX_ROLLING_DAYS + ", but was " + days);
    }
    return new PeriodPolicy(PeriodKind.ROLLING_DAYS, days);
  }

  /**
   * Returns the pilot's whole term: the allowance never resets while the pilot runs.
   *
   * @return the policy, not null
   */
  public static PeriodPolicy wholePilot() {
    return WHOLE_PILOT;
  }

  /**
   * Returns the kind of period this policy draws: {@link PeriodKind#FINANCIAL_YEAR},
   * {@link PeriodKind#CALENDAR_YEAR}, {@link PeriodKind#ROLLING_DAYS} or {@link PeriodKind#WHOLE_PILOT}.
   *
   * @return the kind, never {@link PeriodKind#RANGE}, not null
   */
  public PeriodKind kind() {
    return kind;
  }

  /**
   * Returns whether this is a rolling window.
   *
   * @return true for {@link #rollingDays(int)}
   */
  public boolean isRolling() {
    return kind == PeriodKind.ROLLING_DAYS;
  }

  /**
   * Returns the length of a rolling window.
   *
   * @return the window in days for {@link #rollingDays(int)}, otherwise 0
   */
  public int rollingDays() {
    return days;
  }

  /**
   * Returns the period that contains {@code date} under this policy.
   *
   * <p>Why every policy takes the pilot's term: the whole-pilot policy needs it, and one signature for all
   * policies keeps callers free of special cases.
   *
   * @param date the day, not null, within the dates {@link LondonTime} supports; for {@link #wholePilot()} it
   *     must lie in {@code pilotTerm}
   * @param pilotTerm the pilot's term, not null
   * @return the period containing {@code date}, of this policy's {@link #kind()}, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code date} is outside the supported dates, or this is the whole-pilot
   *     policy and {@code date} is outside {@code pilotTerm}
   */
  public BudgetPeriod periodContaining(LocalDate date, BudgetPeriod pilotTerm) {
    LondonTime.checkDate("date", date);
    requireNonNull(pilotTerm, "pilotTerm");
    switch (kind) {
      case FINANCIAL_YEAR: {
        int year = date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1;
        LocalDate start = LocalDate.of(year, Month.APRIL, 1);
        return BudgetPeriod.drawn(kind, start, start.plusYears(1));
      }
      case CALENDAR_YEAR: {
        LocalDate start = LocalDate.of(date.getYear(), Month.JANUARY, 1);
        return BudgetPeriod.drawn(kind, start, start.plusYears(1));
      }
      case ROLLING_DAYS:
        return BudgetPeriod.drawn(kind, date.minusDays(days - 1L), date.plusDays(1));
      case WHOLE_PILOT:
        if (!pilotTerm.contains(date)) {
          throw new IllegalArgumentException("date " + date + " is outside the pilot term " + pilotTerm);
        }
        return BudgetPeriod.drawn(kind, pilotTerm.start(), pilotTerm.end());
      default:
        throw new AssertionError(kind);
    }
  }

  /**
   * Returns whether {@code obj} is the same policy (and, for rolling windows, the same length).
   *
   * @param obj the object to compare with, may be null
   * @return true if equal
   */
  @Override
  public boolean equals(Object obj) {
    return obj == this
        || obj instanceof PeriodPolicy && kind == ((PeriodPolicy) obj).kind && days == ((PeriodPolicy) obj).days;
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + days;
  }

  /**
   * Returns the policy's name: {@code FinancialYear}, {@code CalendarYear}, {@code Rolling365Days} or
   * {@code WholePilot}.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return kind == PeriodKind.ROLLING_DAYS ? kind.label() + days + "Days" : kind.label();
  }
}
