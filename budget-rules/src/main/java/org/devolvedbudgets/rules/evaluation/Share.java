package org.devolvedbudgets.rules.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * A part of a whole, counted in whole numbers: 7 of 21 families, 120 of 400 requests. Shown as
 * {@code 7 of 21 (33.3%)}. The percentage is rounded half up to one decimal place, and a share of nothing
 * ({@code 0 of 0}) is 0.0%.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Share {

  private final long part;
  private final long whole;

  private Share(long part, long whole) {
    this.part = part;
    this.whole = whole;
  }

  /**
   * Returns the share {@code part} of {@code whole}.
   *
   * @param part the part, 0 to {@code whole}
   * @param whole the whole, 0 or more
   * @return the share, not null
   * @throws IllegalArgumentException if {@code whole} is negative or {@code part} is outside 0 to {@code whole}
   */
  public static Share of(long part, long whole) {
    if (whole < 0) {
      throw new IllegalArgumentException("whole must not be negative, but was " + whole);
    }
    if (part < 0 || part > whole) {
      throw new IllegalArgumentException("part must be 0 to " + whole + ", but was " + part);
    }
    return new Share(part, whole);
  }

  /**
   * Returns the part.
   *
   * @return the part, 0 to {@link #whole()}
   */
  public long part() {
    return part;
  }

  /**
   * Returns the whole.
   *
   * @return the whole, 0 or more
   */
  public long whole() {
    return whole;
  }

  /**
   * Returns the share as a percentage, rounded half up to one decimal place: {@code 33.3} for 7 of 21.
   *
   * @return the percentage, 0.0 to 100.0, scale 1; 0.0 when the whole is 0
   */
  public BigDecimal percent() {
    return percent(part, whole);
  }

  /**
   * Returns {@code part} as a percentage of {@code whole}, rounded half up to one decimal place; unlike a
   * {@link Share}, the part may exceed the whole (a budget overspent by a refund's reversal, say).
   *
   * @param part the part, 0 or more
   * @param whole the whole, 0 or more
   * @return the percentage, scale 1; 0.0 when the whole is 0
   * @throws IllegalArgumentException if an argument is negative
   */
  static BigDecimal percent(long part, long whole) {
    if (part < 0 || whole < 0) {
      throw new IllegalArgumentException("part and whole must not be negative, but were " + part + " and " + whole);
    }
    if (whole == 0) {
      return BigDecimal.ZERO.setScale(1);
    }
    return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }

  @Override
  public boolean equals(@Nullable Object obj) {
    return obj instanceof Share && ((Share) obj).part == part && ((Share) obj).whole == whole;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(part) * 31 + Long.hashCode(whole);
  }

  /**
   * Returns the share as {@code 7 of 21 (33.3%)}.
   *
   * @return the text, not null
   */
  @Override
  public String toString() {
    return part + " of " + whole + " (" + percent() + "%)";
  }
}
