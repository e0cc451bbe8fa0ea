package org.devolvedbudgets.model.period;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Office time: the zone every day is counted in ({@code Europe/London}), the range of dates the library accepts,
 * and how a time or a day is written for people. Events keep {@link Instant}s; social workers and managers read
 * London time, so every message writes a time as {@code 12 June 2025, 12:00 BST} and a day as
 * {@code 12 June 2025}.
 *
 * <p><b>Supported dates.</b> Days from {@value #MIN_YEAR}-01-01 to {@value #MAX_YEAR}-12-31, and instants whose
 * London date is one of them. Every entry point that takes a date or an instant checks it with
 * {@link #checkDate} or {@link #checkInstant}, so a far-future value is an {@link IllegalArgumentException} that
 * names the parameter, never a {@link java.time.DateTimeException} from deep inside a calculation. Why these
 * years: they are the four-digit years every written form (ISO 8601 without a sign, JSON, SQL) reads back, and
 * a date before 1900 in a scheme that began in 2019 is a typing error.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class LondonTime {

  /** The time zone in which every day is counted: {@code Europe/London}. */
  public static final ZoneId ZONE = ZoneId.of("Europe/London");

  /** The first year the library accepts. */
  public static final int MIN_YEAR = 1900;

  /** The last year the library accepts. */
  public static final int MAX_YEAR = 9999;

  /** The first day the library accepts: 1 January 1900. */
  public static final LocalDate MIN_DATE = LocalDate.of(MIN_YEAR, 1, 1);

  /** The last day the library accepts: 31 December 9999. */
  public static final LocalDate MAX_DATE = LocalDate.of(MAX_YEAR, 12, 31);

  private static final Instant MIN_INSTANT = MIN_DATE.atStartOfDay(ZONE).toInstant();
  private static final Instant END_INSTANT = MAX_DATE.plusDays(1).atStartOfDay(ZONE).toInstant();

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", Locale.UK).withZone(ZONE);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private LondonTime() {}

  /**
   * Checks that a date is one the library supports.
   *
   * @param parameter the parameter's name, for the message, not null
   * @param date the date, not null
   * @return {@code date}
   * @throws NullPointerException if an argument is null (for {@code date}, the message is {@code parameter})
   * @throws IllegalArgumentException if {@code date} is before {@link #MIN_DATE} or after {@link #MAX_DATE}
   */
  public static LocalDate checkDate(String parameter, LocalDate date) {
    requireNonNull(parameter, "parameter");
    requireNonNull(date, parameter);
    if (date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE)) {
      throw new IllegalArgumentException(parameter + " " + date + " is outside the dates the library supports, "
          + MIN_DATE + " to " + MAX_DATE);
    }
    return date;
  }

  /**
   * Checks that an instant's London date is one the library supports.
   *
   * @param parameter the parameter's name, for the message, not null
   * @param instant the instant, not null
   * @return {@code instant}
   * @throws NullPointerException if an argument is null (for {@code instant}, the message is {@code parameter})
   * @throws IllegalArgumentException if its London date is before {@link #MIN_DATE} or after {@link #MAX_DATE}
   */
  public static Instant checkInstant(String parameter, Instant instant) {
    requireNonNull(parameter, "parameter");
    requireNonNull(instant, parameter);
    if (!isSupported(instant)) {
      throw new IllegalArgumentException(parameter + " " + instant + " is outside the dates the library supports, "
          + MIN_DATE + " to " + MAX_DATE + " in Europe/London");
    }
    return instant;
  }

  /**
   * Returns whether an instant falls within the supported dates, {@link #MIN_DATE} to {@link #MAX_DATE} in
   * Europe/London.
   *
   * @param instant the instant, not null
   * @return true if it is supported
   * @throws NullPointerException if {@code instant} is null
   */
  public static boolean isSupported(Instant instant) {
    requireNonNull(instant, "instant");
    return !instant.isBefore(MIN_INSTANT) && instant.isBefore(END_INSTANT);
  }

  /**
   * Returns the London date of an instant, the rule every period uses.
   *
   * @param parameter the parameter's name, for the message, not null
   * @param instant the instant, not null, within the supported dates
   * @return its date in Europe/London, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if it is outside the supported dates
   */
  public static LocalDate dateOf(String parameter, Instant instant) {
    return LocalDate.ofInstant(checkInstant(parameter, instant), ZONE);
  }

  /**
   * Writes an instant as people in the office read it, with the zone's abbreviation: {@code 12 June 2025, 12:00
   * BST} in summer, {@code 3 March 2020, 09:30 GMT} in winter.
   *
   * @param instant the instant, not null
   * @return the text, not null
   * @throws NullPointerException if {@code instant} is null
   */
  public static String format(Instant instant) {
    requireNonNull(instant, "instant");
    if (!isSupported(instant)) {
      return instant.toString(); // a value a message is complaining about: still shown, never thrown from here
    }
    return TIME.format(instant);
  }

  /**
   * Writes a day as people read it: {@code 12 June 2025}.
   *
   * @param date the day, not null
   * @return the text, not null
   * @throws NullPointerException if {@code date} is null
   */
  public static String format(LocalDate date) {
    return DAY.format(requireNonNull(date, "date"));
  }
}
