package org.devolvedbudgets.model.id;

import static java.util.Objects.requireNonNull;

import com.google.common.base.CharMatcher;

/**
 * The common shape of the library's opaque identifiers ({@link FamilyId}, {@link ChildId}, {@link TeamId},
 * {@link WorkerId}, {@link RequestId}): a short code that a case system assigns, such as {@code F-000123},
 * never a name, a date of birth or any other personal data.
 *
 * <p>A value is 1 to {@value #MAX_LENGTH} characters, each an ASCII letter, digit, or one of
 * {@code - _ . :}, and is neither {@code .} nor {@code ..}. So an identifier is one safe segment of a URL or of
 * a file path on Linux and macOS (no {@code /} or {@code \}, no parent-directory reference; Windows also refuses
 * {@code :} in file names), safe in logs (no control, non-ASCII or bidirectional characters), and a name typed
 * into the wrong field ({@code "Jo Bloggs"}) is rejected by its space. When a value is rejected the message gives its length and the first offending character with its
 * index (as {@code U+XXXX} unless it is printable ASCII), but never the whole value, in case it was personal
 * data.
 *
 * <p>Identifiers of one type compare by their value, character by character, which gives the ledger a
 * stable order to take locks in. Only this package declares subtypes.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param <T> the concrete identifier type
 */
public abstract class Identifier<T extends Identifier<T>> implements Comparable<T> {

  /** The longest identifier accepted: 64 characters. */
  public static final int MAX_LENGTH = 64;

  private static final CharMatcher ALLOWED = CharMatcher.inRange('a', 'z')
      .or(CharMatcher.inRange('A', 'Z'))
      .or(CharMatcher.inRange('0', '9'))
      .or(CharMatcher.anyOf("-_.:"))
      .precomputed();

  private final String value;
  /** Kept from construction: identifiers are hash keys on every decision and ledger operation. */
  private final int hash;

  Identifier(String parameter, String value) {
    this.value = validate(parameter, value);
    this.hash = getClass().getName().hashCode() * 31 + this.value.hashCode();
  }

  private static String validate(String parameter, String value) {
    requireNonNull(value, parameter);
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(parameter + " must be 1 to " + MAX_LENGTH
          + " characters, but was " + value.length() + " characters");
    }
    int bad = ALLOWED.negate().indexIn(value);
    if (bad >= 0) {
      char c = value.charAt(bad);
      String shown = c >= ' ' && c < 127 ? "'" + c + "'" : String.format("U+%04X", (int) c);
      throw new IllegalArgumentException(parameter + " may hold only letters, digits and - _ . :, but its "
          + value.length() + " characters have " + shown + " at index " + bad);
    }
    if (value.equals(".") || value.equals("..")) {
      throw new IllegalArgumentException(parameter + " must not be '" + value
          + "', which names a directory in a path");
    }
    return value;
  }

  /**
   * Returns the identifier as the case system gave it.
   *
   * @return the value, 1 to {@value #MAX_LENGTH} characters, not null
   */
  public final String value() {
    return value;
  }

  /**
   * Compares by value, character by character (so {@code F-10} sorts before {@code F-9}).
   *
   * @param other the identifier to compare with, not null
   * @return negative, zero or positive as this value sorts before, with or after the other
   */
  @Override
  public final int compareTo(T other) {
    return value.compareTo(((Identifier<?>) requireNonNull(other, "other")).value);
  }

  /**
   * Returns whether {@code obj} is an identifier of the same type with the same value. A {@link FamilyId}
   * never equals a {@link TeamId}, whatever their values.
   *
   * @param obj the object to compare with, may be null
   * @return true if equal
   */
  @Override
  public final boolean equals(Object obj) {
    return obj == this
        || obj != null && obj.getClass() == getClass() && value.equals(((Identifier<?>) obj).value);
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}, the same in every run: it depends only on the
   * identifier's type name and value, so hash-ordered output is reproducible.
   *
   * @return the hash code
   */
  @Override
  public final int hashCode() {
    return hash;
  }

  /**
   * Returns the value, so an identifier reads naturally in messages and logs.
   *
   * @return the value, not null
   */
  @Override
  public final String toString() {
    return value;
  }
}
