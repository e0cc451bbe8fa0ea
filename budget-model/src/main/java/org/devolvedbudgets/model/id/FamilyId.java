package org.devolvedbudgets.model.id;

/**
 * Identifies a family (a household receiving support, which may hold several children), opaquely: for example {@code F-000123}. See {@link Identifier} for the rules every
 * identifier follows.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class FamilyId extends Identifier<FamilyId> {

  private FamilyId(String value) {
    super("familyId", value);
  }

  /**
   * Returns the identifier with the given value.
   *
   * @param value 1 to {@value Identifier#MAX_LENGTH} characters, each a letter, a digit or one of
   *     {@code - _ . :}, and not {@code .} or {@code ..}; not null
   * @return the identifier, not null
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is empty, too long or holds another character
   */
  public static FamilyId of(String value) {
    return new FamilyId(value);
  }
}
