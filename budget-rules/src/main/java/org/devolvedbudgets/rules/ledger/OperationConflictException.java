package org.devolvedbudgets.rules.ledger;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.devolvedbudgets.model.id.OperationId;

/**
 * Thrown when an operation id is used again for a different change: a retry must repeat the original exactly.
 * The message and {@link #fields()} name what differs ({@code operation} when it is another kind of change, such
 * as a refund under the id of a payment), never the values. Nothing was changed.
 */
public final class OperationConflictException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The value of the id used twice. */
  private final String operationId;
  /** The names of the fields that differ. */
  private final List<String> fields;

  /**
   * Creates the exception.
   *
   * @param operationId the id used twice, not null
   * @param fields the names of what differs, at least one, not null
   */
  public OperationConflictException(OperationId operationId, List<String> fields) {
    super("operation " + requireNonNull(operationId, "operationId") + " was already used with different "
        + String.join(", ", requireNonNull(fields, "fields")));
    this.operationId = operationId.value();
    this.fields = List.copyOf(fields);
  }

  /**
   * Returns the id used twice.
   *
   * @return the operation id, not null
   */
  public OperationId operationId() {
    return OperationId.of(operationId);
  }

  /**
   * Returns the names of what differs, in a fixed order: {@code operation}, {@code requestId},
   * {@code familyId}, {@code amount}, {@code actor}, {@code role}, {@code team}, {@code at}, {@code allocation}.
   *
   * @return an immutable list, not null
   */
  public List<String> fields() {
    return fields;
  }
}
