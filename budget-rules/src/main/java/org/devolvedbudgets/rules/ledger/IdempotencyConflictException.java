package org.devolvedbudgets.rules.ledger;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.devolvedbudgets.model.id.RequestId;

/**
 * Thrown when a request id is used again with different content: a retry must repeat the original's content. Its
 * time ({@code requestedAt}) need not match: a retry made later is the same request, and returns the first
 * submission, decided at the time first recorded. The message and {@link #fields()} name the fields that differ,
 * never their values (a description may hold personal data). Nothing was changed. The journal keeps no
 * description: a changed one is told by the request's {@link org.devolvedbudgets.rules.Fingerprint}. Its
 * {@linkplain #code() code} is {@code REQUEST_CONFLICT}; retrying cannot help.
 */
public final class IdempotencyConflictException extends LedgerException {

  private static final long serialVersionUID = 1L;

  /** The value of the id used twice. */
  private final String requestId;
  /** The names of the fields that differ. */
  private final List<String> fields;

  /**
   * Creates the exception.
   *
   * @param requestId the id used twice, not null
   * @param fields the names of the fields that differ, at least one, not null
   */
  public IdempotencyConflictException(RequestId requestId, List<String> fields) {
    super("request " + requireNonNull(requestId, "requestId") + " was already submitted with different "
        + String.join(", ", requireNonNull(fields, "fields")), null);
    this.requestId = requestId.value();
    this.fields = List.copyOf(fields);
  }

  /**
   * Returns the id used twice.
   *
   * @return the request id, not null
   */
  public RequestId requestId() {
    return RequestId.of(requestId);
  }

  /**
   * Returns the names of the fields that differ, in the order of {@code SpendRequest}'s attributes, for example
   * {@code [amount, description]}. Never {@code requestedAt} alone: retries forgive the clock.
   *
   * @return an immutable list, not null
   */
  public List<String> fields() {
    return fields;
  }

  /**
   * Returns {@code REQUEST_CONFLICT}.
   *
   * @return the code, not null
   */
  @Override
  public String code() {
    return "REQUEST_CONFLICT";
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
