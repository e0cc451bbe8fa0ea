package org.devolvedbudgets.rules.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.OperationId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.WorkerId;
import org.jspecify.annotations.Nullable;

/**
 * The cancellation of an open reservation (awaiting approval or approved): a {@code Voided} event releasing its
 * money.
 *
 * <p>This class is thread-safe.
 */
final class Voiding {

  private final LedgerParts parts;
  private final ReservationChange change;

  Voiding(LedgerParts parts, ReservationChange change) {
    this.parts = parts;
    this.change = change;
  }

  LedgerResult voidReservation(@Nullable OperationId operationId, RequestId requestId, WorkerId actor, Instant at) {
    return change.run(operationId, requestId, "void", null, null, null, actor, at, "void", (entry, before) -> {
      if (!before.status().isOpen()) {
        return LedgerResult.refused(LedgerRefusal.ALREADY_RESOLVED, LedgerMessages.alreadyResolved(before), before,
            null);
      }
      FamilyId familyId = entry.familyId();
      Optional<OperationId> recordedId = Optional.ofNullable(operationId);
      parts.committer.commit(List.of((sequence, recordedAt) -> new LedgerEvent.Voided(sequence, recordedAt, actor,
          familyId, requestId, before.amount(), at, recordedId)), null, operationId);
      return LedgerResult.applied(parts.balances.snapshot(entry),
          LedgerMessages.released("Voided", before.amount()));
    });
  }
}
