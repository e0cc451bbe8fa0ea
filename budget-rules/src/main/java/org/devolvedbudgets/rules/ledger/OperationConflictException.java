package org.devolvedbudgets.rules.ledger;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.devolvedbudgets.model.id.OperationId;

/**
 * Thrown when an operation id is used again for a different change: a retry must repeat the original's content.
 * Its time need not match: a retry made later (with a fresh {@code Instant.now()}, say) is the same operation, and
 * returns the first result with the time first recorded. The message and {@link #fields()} name what differs
 * ({@code operation} when it is another kind of change, such as a refund under the id of a payment), never the
 * values. Nothing was changed. Its {@linkplain #code() code} is {@code OPERATION_CONFLICT}; retrying cannot help.
 */
public final class OperationConflictException extends LedgerException {

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
        + String.join(", ", requireNonNull(fields, "fields")), null);
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
   * {@code familyId}, {@code amount}, {@code actor}, {@code role}, {@code team}, {@code allocation}, {@code kind},
   * {@code reference}. Never a time: retries forgive the clock.
   *
   * @return an immutable list, not null
   */
  public List<String> fields() {
    return fields;
  }

  /**
   * Returns {@code OPERATION_CONFLICT}.
   *
   * @return the code, not null
   */
  @Override
  public String code() {
    return "OPERATION_CONFLICT";
  }

  /**
   * Returns false: the same call conflicts again.
   *
   * @return false
   */
  @Override
  public boolean isRetryable() {
    return false;
  }
}
