package org.devolvedbudgets.model.scheme;

/**
 * A range of children's ages in whole years, both ends included, used as a stratum when families are
 * randomised: Darlington's bands were {@code 0-4}, {@code 5-9} and {@code 10-16}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class AgeBand {

  /** The oldest age a band may reach: 25, the upper age for care leavers' support. */
  public static final int MAX_AGE = 25;

  private final int youngest;
  private final int oldest;

  private AgeBand(int youngest, int oldest) {
    this.youngest = youngest;
    this.oldest = oldest;
  }

  /**
   * Returns the band from {@code youngest} to {@code oldest} years, both included.
   *
   * @param youngest the youngest age in the band, 0 to {@value #MAX_AGE}
   * @param oldest the oldest age in the band, {@code youngest} to {@value #MAX_AGE}
   * @return the band, not null
   * @throws IllegalArgumentException if an age is out of range or {@code oldest < youngest}
   */
  public static AgeBand of(int youngest, int oldest) {
    if (youngest < 0 || youngest > MAX_AGE) {
      throw new IllegalArgumentException("youngest must be 0 to " + MAX_AGE + ", but was " + youngest);
    }
    if (oldest < youngest || oldest > MAX_AGE) {
      throw new IllegalArgumentException(
          "oldest must be " + youngest + " (youngest) to " + MAX_AGE + ", but was " + oldest);
    }
    return new AgeBand(youngest, oldest);
  }

  /**
   * Returns the band written as {@code youngest-oldest}, for example {@code "5-9"}, as scheme files and the
   * journal write it.
   *
   * @param text two whole numbers of years joined by a hyphen, not null
   * @return the band, not null
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code text} is not of that form, or an age is out of range
   */
  public static AgeBand parse(String text) {
    java.util.Objects.requireNonNull(text, "text");
    int dash = text.indexOf('-');
    if (dash < 1 || dash > 2 || text.length() - dash - 1 < 1 || text.length() - dash - 1 > 2
        || !text.chars().allMatch(c -> c == '-' || c >= '0' && c <= '9') || text.indexOf('-', dash + 1) >= 0) {
      throw new IllegalArgumentException("text must be two ages joined by a hyphen, such as 5-9, but was "
          + org.devolvedbudgets.model.text.SafeText.excerpt(text));
    }
    return of(Integer.parseInt(text.substring(0, dash)), Integer.parseInt(text.substring(dash + 1)));
  }

  /**
   * Returns the youngest age in the band.
   *
   * @return years, 0 to {@value #MAX_AGE}
   */
  public int youngest() {
    return youngest;
  }

  /**
   * Returns the oldest age in the band.
   *
   * @return years, {@link #youngest()} to {@value #MAX_AGE}
   */
  public int oldest() {
    return oldest;
  }

  /**
   * Returns whether an age in whole years is in the band.
   *
   * @param age the age in years
   * @return true if {@code youngest <= age <= oldest}
   */
  public boolean contains(int age) {
    return age >= youngest && age <= oldest;
  }

  /**
   * Returns whether {@code obj} is a band with the same ages.
   *
   * @param obj the object to compare with, may be null
   * @return true if equal
   */
  @Override
  public boolean equals(Object obj) {
    return obj == this
        || obj instanceof AgeBand && youngest == ((AgeBand) obj).youngest && oldest == ((AgeBand) obj).oldest;
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return youngest * 31 + oldest;
  }

  /**
   * Returns the band as {@code youngest-oldest}, for example {@code 5-9}.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return youngest + "-" + oldest;
  }
}
