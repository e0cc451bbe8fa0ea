package org.devolvedbudgets.model.id;

/**
 * Identifies a member of staff: a social worker who asks to spend, or a manager who approves, opaquely: for example {@code W-0042}. See {@link Identifier} for the rules every
 * identifier follows.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class WorkerId extends Identifier<WorkerId> {

  private WorkerId(String value) {
    super("workerId", value);
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
  public static WorkerId of(String value) {
    return new WorkerId(value);
  }
}
