package org.devolvedbudgets.model.id;

/**
 * Identifies one change a caller asks the ledger to make (an approval, a rejection, a payment, a void, a refund or
 * an allocation), chosen by the caller so that a retry after a timeout can be recognised: the ledger records it
 * in the change's event, and the same id again returns the first result instead of making the change twice. For
 * example {@code op-7f3a9c2e} or a UUID. Like every identifier it is opaque: never build one from a name or a
 * case note. See {@link Identifier} for the rules every identifier follows.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class OperationId extends Identifier<OperationId> {

  private OperationId(String value) {
    super("operationId", value);
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
  public static OperationId of(String value) {
    return new OperationId(value);
  }
}
