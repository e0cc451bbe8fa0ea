package org.devolvedbudgets.model.period;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
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
 * <p>Every period has a {@link PeriodKind}: the rule that drew it. Two periods are equal when their kind, start
 * and end are, so a period read back from storage is rebuilt equal with {@link #of(PeriodKind, LocalDate,
 * LocalDate)}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class BudgetPeriod {

  /** The time zone in which every period's days are counted: {@code Europe/London} ({@link LondonTime#ZONE}). */
  public static final ZoneId ZONE = LondonTime.ZONE;

  private final PeriodKind kind;
  private final LocalDate start;
  private final LocalDate end;

  private BudgetPeriod(PeriodKind kind, LocalDate start, LocalDate end) {
    this.kind = kind;
    this.start = start;
    this.end = end;
  }

  /**
   * Returns the period of days from {@code start} (included) to {@code end} (excluded), for example a
   * pilot's term. Its kind is {@link PeriodKind#RANGE}.
   *
   * @param start the first day, not null
   * @param end the first day after the period, not null, after {@code start}
   * @return the period, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code end} is not after {@code start}
   */
  public static BudgetPeriod of(LocalDate start, LocalDate end) {
    return of(PeriodKind.RANGE, start, end);
  }

  /**
   * Returns the period of a kind from {@code start} (included) to {@code end} (excluded): what {@link PeriodPolicy}
   * draws, rebuilt from its parts (for example when read back from storage). The days must fit the kind: a
   * financial year runs from 1 April to the next 1 April, a calendar year from 1 January to the next 1 January, a
   * rolling window is 1 to {@value PeriodPolicy#MAX_ROLLING_DAYS} days long; a range or a whole pilot may be any
   * days.
   *
   * @param kind the kind, not null
   * @param start the first day, not null
   * @param end the first day after the period, not null, after {@code start}
   * @return the period, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code end} is not after {@code start}, or the days do not fit the kind
   */
  public static BudgetPeriod of(PeriodKind kind, LocalDate start, LocalDate end) {
    requireNonNull(kind, "kind");
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("end " + end + " must be after start " + start);
    }
    switch (kind) {
      case FINANCIAL_YEAR:
        if (start.getMonth() != Month.APRIL || start.getDayOfMonth() != 1 || !end.equals(start.plusYears(1))) {
          throw new IllegalArgumentException("a financial year runs from 1 April to the next 1 April, but start "
              + start + " and end " + end + " do not");
        }
        break;
      case CALENDAR_YEAR:
        if (start.getDayOfYear() != 1 || !end.equals(start.plusYears(1))) {
          throw new IllegalArgumentException("a calendar year runs from 1 January to the next 1 January, but start "
              + start + " and end " + end + " do not");
        }
        break;
      case ROLLING_DAYS:
        long days = ChronoUnit.DAYS.between(start, end);
        if (days > PeriodPolicy.MAX_ROLLING_DAYS) {
          throw new IllegalArgumentException("a rolling window is 1 to " + PeriodPolicy.MAX_ROLLING_DAYS
              + " days long, but start " + start + " and end " + end + " are " + days + " days apart");
        }
        break;
      default:
        break;
    }
    return new BudgetPeriod(kind, start, end);
  }

  /** Used by {@link PeriodPolicy}, whose periods fit their kind by construction. */
  static BudgetPeriod drawn(PeriodKind kind, LocalDate start, LocalDate end) {
    return new BudgetPeriod(kind, start, end);
  }

  /**
   * Returns the kind of period: the rule that drew it.
   *
   * @return the kind, not null
   */
  public PeriodKind kind() {
    return kind;
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
   * calendar years and rolling windows; false for a pilot's whole term and a plain {@link #of} range. The same
   * as {@code kind().resets()}.
   *
   * @return true if the period resets
   */
  public boolean resets() {
    return kind.resets();
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
    requireNonNull(instant, "instant");
    return !instant.isBefore(startInstant()) && instant.isBefore(endInstant());
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
   * @param instant the instant, not null, within the dates {@link LondonTime} supports
   * @return its London date, not null
   * @throws NullPointerException if {@code instant} is null
   * @throws IllegalArgumentException if {@code instant} is outside the supported dates
   */
  public static LocalDate toLocalDate(Instant instant) {
    return LondonTime.dateOf("instant", instant);
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
    return kind == other.kind && start.equals(other.start) && end.equals(other.end);
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return (kind.hashCode() * 31 + start.hashCode()) * 31 + end.hashCode();
  }

  /**
   * Returns the kind and the half-open range, for example {@code FinancialYear[2019-04-01, 2020-04-01)},
   * {@code Rolling30Days[2019-05-02, 2019-06-01)} or {@code Period[2019-04-01, 2020-04-01)}.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return (kind == PeriodKind.ROLLING_DAYS ? kind.label() + lengthInDays() + "Days" : kind.label())
        + "[" + start + ", " + end + ")";
  }
}
