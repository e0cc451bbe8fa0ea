package org.devolvedbudgets.rules.ledger;

import java.time.Instant;
import java.util.Objects;
import org.devolvedbudgets.model.id.OperationId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.spend.EvidenceKind;
import org.jspecify.annotations.Nullable;

/**
 * The steps every change to a request's reservation shares (a payment, a cancellation, a refund, a repayment,
 * evidence): find the request and check the time; then, in each attempt, record the family's lapsed holds, lock,
 * answer a repeated operation id with its first result, refuse a request that reserved nothing, and otherwise run
 * the change on the reservation as it stands. A refusal is confirmed against the store before it is given.
 *
 * <p>This class is thread-safe.
 */
final class ReservationChange {

  /** What a change does once its reservation is known to exist: applied, or refused. */
  @FunctionalInterface
  interface Change {
    LedgerResult apply(RequestEntry entry, Reservation before);
  }

  private final LedgerParts parts;
  private final Expiring expiring;

  ReservationChange(LedgerParts parts, Expiring expiring) {
    this.parts = parts;
    this.expiring = expiring;
  }

  /**
   * Runs a change of {@code kind} (its name in {@link Operation}) on a request's reservation.
   *
   * @param amount the change's amount, or null if it has none
   * @param evidence the kind of evidence recorded, or null for a change that records none
   * @param reference where the evidence is kept, with {@code evidence}
   * @param verb what the change does, for the refusal of a declined request ("pay", "refund", ...)
   */
  LedgerResult run(@Nullable OperationId operationId, RequestId requestId, String kind, @Nullable Money amount,
      @Nullable EvidenceKind evidence, @Nullable String reference, WorkerId actor, Instant at, String verb,
      Change change) {
    Objects.requireNonNull(actor, "actor");
    RequestEntry entry = parts.known(requestId);
    LedgerParts.checkAt(entry, at);
    // Built here rather than by a function the caller passes: a post is on the hot path, and a capturing lambda
    // would cost it an allocation.
    Operation asked = evidence == null
        ? Operation.request(kind, entry.familyId(), requestId, amount, actor)
        : Operation.evidence(entry.familyId(), requestId, actor, evidence, Objects.requireNonNull(reference));
    return parts.attempts.result(() -> {
      expiring.recordLapsed(entry.familyId(), null);
      Scopes.Held held = parts.hold(entry);
      try {
        parts.folded.ensureRunning();
        LedgerResult repeated = operationId == null ? null : parts.repeated(operationId, asked);
        if (repeated != null) {
          return repeated;
        }
        Reservation before = entry.reserved == null ? null : parts.balances.snapshot(entry);
        return before == null
            ? LedgerResult.refused(LedgerRefusal.NOTHING_RESERVED, LedgerMessages.nothingReserved(requestId, verb),
                null, null)
            : change.apply(entry, before);
      } finally {
        held.release();
      }
    });
  }
}
