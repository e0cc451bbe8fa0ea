package org.devolvedbudgets.model.id;

/**
 * Identifies a spend request; the ledger uses it to recognise a retry of the same request, opaquely: for example {@code R-2019-000789}. See {@link Identifier} for the rules every
 * identifier follows.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class RequestId extends Identifier<RequestId> {

  private RequestId(String value) {
    super("requestId", value);
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
  public static RequestId of(String value) {
    return new RequestId(value);
  }
}
