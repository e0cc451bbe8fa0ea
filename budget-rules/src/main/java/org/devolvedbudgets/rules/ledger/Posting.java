package org.devolvedbudgets.rules.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.OperationId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * The payment of an approved reservation: a {@code Posted} event with the amount paid, releasing any difference
 * from the amount reserved at once.
 *
 * <p>This class is thread-safe.
 */
final class Posting {

  private final LedgerParts parts;
  private final ReservationChange change;

  Posting(LedgerParts parts, ReservationChange change) {
    this.parts = parts;
    this.change = change;
  }

  LedgerResult post(@Nullable OperationId operationId, RequestId requestId, Money actualAmount, WorkerId actor,
      Instant at) {
    parts.checkAmount(actualAmount, "actualAmount");
    return change.run(operationId, requestId, "post", actualAmount, null, null, actor, at, "pay", (entry, before) -> {
      if (actualAmount.isGreaterThan(before.amount())) {
        throw new IllegalArgumentException("actualAmount " + actualAmount + " is more than the "
            + before.amount() + " reserved for request " + requestId);
      }
      if (before.status() == ReservationStatus.AWAITING_APPROVAL) {
        return LedgerResult.refused(LedgerRefusal.NOT_APPROVED, LedgerMessages.notApproved(requestId), before, null);
      }
      if (before.status() != ReservationStatus.APPROVED) {
        return LedgerResult.refused(LedgerRefusal.ALREADY_RESOLVED, LedgerMessages.alreadyResolved(before), before,
            null);
      }
      Money released = before.amount().minus(actualAmount);
      FamilyId familyId = entry.familyId();
      Optional<OperationId> recordedId = Optional.ofNullable(operationId);
      parts.committer.commit(List.of((sequence, recordedAt) -> new LedgerEvent.Posted(sequence, recordedAt, actor,
          familyId, requestId, actualAmount, released, at, recordedId)), null, operationId);
      return LedgerResult.applied(parts.balances.snapshot(entry), LedgerMessages.posted(actualAmount, released));
    });
  }
}
