package org.devolvedbudgets.rules.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The spread of some values (amounts, durations): how many, the smallest, the median, the 90th percentile and
 * the largest.
 *
 * <p>Percentiles use the <em>nearest-rank</em> method: the p-th percentile of n sorted values is the value at
 * rank {@code ceil(p / 100 * n)} (1-based), so the median of 1, 2, 3, 4 is 2. Why: every figure is then an
 * amount or a time that really occurred, in whole pence, with no interpolation and no rounding, and anyone can
 * check it by sorting the CSV export.
 *
 * <p>A report's distributions keep their values as sorted {@code long}s (pence, nanoseconds) and make a value
 * only when a figure is asked for: sorting a million primitives takes a fraction of the time of sorting a
 * million objects.
 *
 * <p>This class is immutable and thread-safe if its values are.
 *
 * @param <T> the type of the values, such as {@code Money} or {@code Duration}
 */
public final class Distribution<T extends Comparable<? super T>> {

  private final int count;
  private final IntFunction<T> valueAt;

  private Distribution(int count, IntFunction<T> valueAt) {
    this.count = count;
    this.valueAt = valueAt;
  }

  /**
   * Returns the distribution of some values.
   *
   * @param <T> the type of the values
   * @param values the values, in any order, none null; may be empty
   * @return the distribution, not null
   * @throws NullPointerException if {@code values} or one of them is null
   * @throws ClassCastException or another exception the values' {@code compareTo} throws (such as a
   *     {@code CurrencyMismatchException} for amounts in two currencies)
   */
  public static <T extends Comparable<? super T>> Distribution<T> of(Collection<? extends T> values) {
    requireNonNull(values, "values");
    List<T> copy = new ArrayList<>(values.size());
    for (T value : values) {
      copy.add(requireNonNull(value, "values contains null"));
    }
    Collections.sort(copy);
    return new Distribution<>(copy.size(), copy::get);
  }

  /**
   * Returns the distribution of values held as {@code long}s that sort in the same order as the values.
   *
   * @param keys the values as {@code long}s; sorted in place, so the caller must not keep using them
   * @param count how many of {@code keys}, from the first, are values
   * @param toValue turns a key back into its value
   */
  static <T extends Comparable<? super T>> Distribution<T> ofKeys(long[] keys, int count, LongFunction<T> toValue) {
    Arrays.sort(keys, 0, count);
    return new Distribution<>(count, rank -> toValue.apply(keys[rank]));
  }

  /**
   * Returns how many values there are.
   *
   * @return the count, 0 or more
   */
  public int count() {
    return count;
  }

  /**
   * Returns the smallest value.
   *
   * @return the minimum, empty if there are no values
   */
  public Optional<T> min() {
    return percentile(0);
  }

  /**
   * Returns the median, the 50th percentile by nearest rank.
   *
   * @return the median, empty if there are no values
   */
  public Optional<T> median() {
    return percentile(50);
  }

  /**
   * Returns the 90th percentile by nearest rank.
   *
   * @return the 90th percentile, empty if there are no values
   */
  public Optional<T> p90() {
    return percentile(90);
  }

  /**
   * Returns the largest value.
   *
   * @return the maximum, empty if there are no values
   */
  public Optional<T> max() {
    return percentile(100);
  }

  /**
   * Returns the p-th percentile by nearest rank: the value at 1-based rank {@code ceil(p / 100 * n)}, and the
   * smallest value for p = 0.
   *
   * @param p the percentile, 0 to 100
   * @return the value, empty if there are no values
   * @throws IllegalArgumentException if {@code p} is outside 0 to 100
   */
  public Optional<T> percentile(int p) {
    if (p < 0 || p > 100) {
      throw new IllegalArgumentException("p must be 0 to 100, but was " + p);
    }
    if (count == 0) {
      return Optional.empty();
    }
    long n = count;
    int rank = (int) Math.max(1, (p * n + 99) / 100);
    return Optional.of(valueAt.apply(rank - 1));
  }

  /**
   * Returns whether {@code obj} is a distribution of the same values.
   *
   * @param obj the object to compare with, may be null
   * @return true if both hold the same values
   */
  @Override
  public boolean equals(@Nullable Object obj) {
    if (!(obj instanceof Distribution) || ((Distribution<?>) obj).count != count) {
      return false;
    }
    Distribution<?> other = (Distribution<?>) obj;
    for (int i = 0; i < count; i++) {
      if (!valueAt.apply(i).equals(other.valueAt.apply(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns a hash code of the values, in order, as a list's.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    int hash = 1;
    for (int i = 0; i < count; i++) {
      hash = 31 * hash + valueAt.apply(i).hashCode();
    }
    return hash;
  }

  /**
   * Returns the figures, such as {@code Distribution[n=4, min=1, median=2, p90=4, max=4]}.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    if (count == 0) {
      return "Distribution[n=0]";
    }
    return "Distribution[n=" + count() + ", min=" + min().get() + ", median=" + median().get() + ", p90="
        + p90().get() + ", max=" + max().get() + "]";
  }
}
