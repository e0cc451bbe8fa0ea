package org.devolvedbudgets.model.id;

/**
 * Identifies a child within a family, opaquely: for example {@code C-000456}. See {@link Identifier} for the rules every
 * identifier follows.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ChildId extends Identifier<ChildId> {

  private ChildId(String value) {
    super("childId", value);
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
  public static ChildId of(String value) {
    return new ChildId(value);
  }
}
