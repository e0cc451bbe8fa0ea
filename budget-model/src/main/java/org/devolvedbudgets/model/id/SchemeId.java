package org.devolvedbudgets.model.id;

/**
 * Identifies a scheme (one council's devolved-budget pilot) stably across its configuration versions and its journal: a ledger's journal records the scheme's id, so a ledger built with another scheme's rules refuses to start. For example {@code darlington-devolved-budgets}. See {@link Identifier} for the rules every identifier follows.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class SchemeId extends Identifier<SchemeId> {

  private SchemeId(String value) {
    super("schemeId", value);
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
  public static SchemeId of(String value) {
    return new SchemeId(value);
  }
}
