package org.devolvedbudgets.rules.ledger;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.devolvedbudgets.model.period.LondonTime;
import org.devolvedbudgets.model.text.SafeText;
import org.jspecify.annotations.Nullable;

/**
 * How long a {@link BudgetLedger} holds money for a request awaiting approval, from when it was reserved: a number
 * of office days, or an exact duration.
 *
 * <ul>
 *   <li>{@link #ofDays(int) Days} end at the same wall-clock time in Europe/London that many days later, across the
 *       changes to and from British Summer Time: a hold of 14 days made at 10:00 on 20 October ends at 10:00 on
 *       3 November, although that is 337 hours later. This is what a manager reading "two weeks" expects.
 *   <li>An {@link #of(Duration) exact duration} ends exactly that long later, whatever the clocks do.
 * </ul>
 *
 * <p>Either way the hold lapses sooner if the pilot's term or a financial or calendar year it is charged to ends
 * first (see {@link BudgetLedger#submit}).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ApprovalHold {

  /** The longest hold: 366 days, a year of approvals. */
  public static final int MAX_DAYS = 366;

  private static final Duration MAX_DURATION = Duration.ofDays(MAX_DAYS);

  private final int days;
  private final @Nullable Duration exact;

  private ApprovalHold(int days, @Nullable Duration exact) {
    this.days = days;
    this.exact = exact;
  }

  /**
   * Returns a hold of office days: it ends at the same Europe/London wall-clock time {@code days} days later. (On
   * the rare day that time does not exist, the night the clocks go forward, it ends an hour later.)
   *
   * @param days 1 to {@value #MAX_DAYS}
   * @return the hold, not null
   * @throws IllegalArgumentException if {@code days} is out of range
   */
  public static ApprovalHold ofDays(int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("days must be 1 to " + MAX_DAYS + ", but was " + days);
    }
    return new ApprovalHold(days, null);
  }

  /**
   * Returns a hold of an exact duration.
   *
   * @param duration positive, at most {@value #MAX_DAYS} days, not null
   * @return the hold, not null
   * @throws NullPointerException if {@code duration} is null
   * @throws IllegalArgumentException if {@code duration} is not positive or longer than {@value #MAX_DAYS} days
   */
  public static ApprovalHold of(Duration duration) {
    requireNonNull(duration, "duration");
    if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException("duration must be positive and at most " + MAX_DAYS + " days, but was "
          + duration);
    }
    return new ApprovalHold(0, duration);
  }

  /**
   * Parses ISO 8601: days or weeks ({@code P14D}, {@code P2W}) are office days; a time ({@code PT48H},
   * {@code PT90M}, {@code P1DT2H}) is an exact duration. {@code parse(hold.toString())} equals {@code hold}.
   *
   * @param text the text, not null
   * @return the hold, not null
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if the text is not such a duration, or out of range (the message quotes a
   *     short excerpt)
   */
  public static ApprovalHold parse(String text) {
    requireNonNull(text, "text");
    try {
      if (text.indexOf('T') < 0 && text.indexOf('t') < 0) {
        Period period = Period.parse(text);
        if (period.getYears() != 0 || period.getMonths() != 0) {
          throw new IllegalArgumentException("text " + SafeText.excerpt(text)
              + " gives months or years; give a hold in days (P14D) or hours (PT48H)");
        }
        return ofDays(period.getDays());
      }
      return of(Duration.parse(text));
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException("text " + SafeText.excerpt(text)
          + " is not a hold such as P14D (office days) or PT48H (exact hours)", e);
    }
  }

  /**
   * Returns when a hold made at {@code start} ends.
   *
   * @param start when the money was reserved, not null, within the dates {@link LondonTime} supports
   * @return the end, not null
   * @throws NullPointerException if {@code start} is null
   */
  public Instant endFrom(Instant start) {
    requireNonNull(start, "start");
    return exact != null ? start.plus(exact) : start.atZone(LondonTime.ZONE).plusDays(days).toInstant();
  }

  /**
   * Returns whether this hold counts office days rather than an exact duration.
   *
   * @return true for {@link #ofDays(int)}
   */
  public boolean isInDays() {
    return exact == null;
  }

  /**
   * Returns whether {@code obj} is the same hold: the same days, or the same exact duration.
   *
   * @param obj the object to compare with, may be null
   * @return true if equal
   */
  @Override
  public boolean equals(@Nullable Object obj) {
    return obj == this || obj instanceof ApprovalHold && days == ((ApprovalHold) obj).days
        && Objects.equals(exact, ((ApprovalHold) obj).exact);
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return exact != null ? exact.hashCode() : days;
  }

  /**
   * Returns the ISO 8601 form {@link #parse} reads: {@code P14D} for days, {@code PT48H} for an exact duration.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return exact != null ? exact.toString() : "P" + days + "D";
  }
}
