package org.devolvedbudgets.model.id;

/**
 * Identifies an allowance within a scheme, stably: its {@link org.devolvedbudgets.model.scheme.Allowance#name() name} is only for display and may change from one configuration version to the next, while balances, remaining budgets and reports key on the id. For example {@code family-fy}. See {@link Identifier} for the rules every identifier follows.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class AllowanceId extends Identifier<AllowanceId> {

  private AllowanceId(String value) {
    super("allowanceId", value);
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
  public static AllowanceId of(String value) {
    return new AllowanceId(value);
  }
}
