package org.devolvedbudgets.model.period;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A half-open range of days {@code [start, end)} in which an allowance's spending is counted: a financial
 * year, a calendar year, a rolling window or a pilot's whole term. The end is the first day <em>after</em>
 * the period, which is also the day the allowance resets: {@code FinancialYear[2019-04-01, 2020-04-01)}
 * holds 31 March 2020 and not 1 April 2020.
 *
 * <p>Days are days in {@link #ZONE Europe/London}: an {@link Instant} belongs to the period if its date
 * there does. So 23:59 on 31 March and 00:00 on 1 April fall in different financial years, and the change
 * to or from British Summer Time never moves a boundary.
 *
 * <p>Why half-open: consecutive periods then share a boundary with no gap and no overlap, and a period's
 * length is simply {@code end - start}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class BudgetPeriod {

  /** The time zone in which every period's days are counted: {@code Europe/London}. */
  public static final ZoneId ZONE = ZoneId.of("Europe/London");

  private final String label;
  private final boolean resets;
  private final LocalDate start;
  private final LocalDate end;

  private BudgetPeriod(String label, boolean resets, LocalDate start, LocalDate end) {
    this.label = label;
    this.resets = resets;
    this.start = start;
    this.end = end;
  }

  /**
   * Returns the period of days from {@code start} (included) to {@code end} (excluded), for example a
   * pilot's term.
   *
   * @param start the first day, not null
   * @param end the first day after the period, not null, after {@code start}
   * @return the period, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code end} is not after {@code start}
   */
  public static BudgetPeriod of(LocalDate start, LocalDate end) {
    return of("Period", false, start, end);
  }

  /** Used by {@link PeriodPolicy}: the label names the policy that drew the period. */
  static BudgetPeriod of(String label, boolean resets, LocalDate start, LocalDate end) {
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("end " + end + " must be after start " + start);
    }
    return new BudgetPeriod(label, resets, start, end);
  }

  /**
   * Returns the first day of the period.
   *
   * @return the first day, not null
   */
  public LocalDate start() {
    return start;
  }

  /**
   * Returns the first day after the period (exclusive end).
   *
   * @return the exclusive end, not null
   */
  public LocalDate end() {
    return end;
  }

  /**
   * Returns whether an allowance counted in this period starts afresh at its end: true for financial years,
   * calendar years and rolling windows; false for a pilot's whole term and a plain {@link #of} range.
   *
   * @return true if the period resets
   */
  public boolean resets() {
    return resets;
  }

  /**
   * Returns the day the allowance counted in this period starts afresh: the same as {@link #end()}. For a
   * rolling window this is the next day, because the window moves on daily. Meaningful only if
   * {@link #resets()}.
   *
   * @return the reset day, not null
   */
  public LocalDate resetsOn() {
    return end;
  }

  /**
   * Returns the number of days in the period.
   *
   * @return the length in days, at least 1
   */
  public long lengthInDays() {
    return ChronoUnit.DAYS.between(start, end);
  }

  /**
   * Returns whether the day is in the period: {@code start <= date < end}.
   *
   * @param date the day, not null
   * @return true if the period contains it
   * @throws NullPointerException if {@code date} is null
   */
  public boolean contains(LocalDate date) {
    requireNonNull(date, "date");
    return !date.isBefore(start) && date.isBefore(end);
  }

  /**
   * Returns whether the instant falls in the period, judged by its date in {@link #ZONE Europe/London}.
   *
   * @param instant the instant, not null
   * @return true if the period contains it
   * @throws NullPointerException if {@code instant} is null
   */
  public boolean contains(Instant instant) {
    return contains(toLocalDate(requireNonNull(instant, "instant")));
  }

  /**
   * Returns the first instant of the period: midnight at its start in Europe/London.
   *
   * @return the first instant, not null
   */
  public Instant startInstant() {
    return start.atStartOfDay(ZONE).toInstant();
  }

  /**
   * Returns the first instant after the period: midnight at its end in Europe/London.
   *
   * @return the exclusive end instant, not null
   */
  public Instant endInstant() {
    return end.atStartOfDay(ZONE).toInstant();
  }

  /**
   * Returns the date of an instant in {@link #ZONE Europe/London}, the rule every period uses.
   *
   * @param instant the instant, not null
   * @return its London date, not null
   * @throws NullPointerException if {@code instant} is null
   */
  public static LocalDate toLocalDate(Instant instant) {
    return LocalDate.ofInstant(requireNonNull(instant, "instant"), ZONE);
  }

  /**
   * Returns whether {@code obj} is a period of the same kind with the same days. A financial year and a
   * pilot term over the same days are not equal: they reset differently.
   *
   * @param obj the object to compare with, may be null
   * @return true if equal
   */
  @Override
  public boolean equals(Object obj) {
    if (this == obj) {
      return true;
    }
    if (!(obj instanceof BudgetPeriod)) {
      return false;
    }
    BudgetPeriod other = (BudgetPeriod) obj;
    return label.equals(other.label) && start.equals(other.start) && end.equals(other.end);
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return (label.hashCode() * 31 + start.hashCode()) * 31 + end.hashCode();
  }

  /**
   * Returns the kind and the half-open range, for example {@code FinancialYear[2019-04-01, 2020-04-01)}.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return label + "[" + start + ", " + end + ")";
  }
}
