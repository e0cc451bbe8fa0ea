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
 * Money coming back from a posted spend: a {@code Refunded} event, never more than is left of the spend after
 * earlier refunds and repayments, restoring the allowances if the scheme's version the spend was decided under
 * says so.
 *
 * <p>This class is thread-safe.
 */
final class Refunding {

  private final LedgerParts parts;
  private final ReservationChange change;

  Refunding(LedgerParts parts, ReservationChange change) {
    this.parts = parts;
    this.change = change;
  }

  LedgerResult refund(@Nullable OperationId operationId, RequestId requestId, Money amount, WorkerId actor,
      Instant at) {
    parts.checkAmount(amount, "amount");
    return change.run(operationId, requestId, "refund", amount, null, null, actor, at, "refund", (entry, before) -> {
      if (before.status() != ReservationStatus.POSTED) {
        return LedgerResult.refused(LedgerRefusal.NOT_POSTED,
            LedgerMessages.notPosted(requestId, before.status(), "there is no spend to refund"), before, null);
      }
      Money left = before.posted().minus(before.refunded()).minus(Money.ofMinor(parts.currency, entry.repaid));
      if (amount.isGreaterThan(left)) {
        return LedgerResult.refused(LedgerRefusal.REFUND_EXCEEDS_REMAINING,
            LedgerMessages.refundExceeds(amount, left, requestId), before, null);
      }
      boolean restores = parts.history.inForceOn(before.day()).refundRestoresAllowance();
      FamilyId familyId = entry.familyId();
      Optional<OperationId> recordedId = Optional.ofNullable(operationId);
      parts.committer.commit(List.of((sequence, recordedAt) -> new LedgerEvent.Refunded(sequence, recordedAt,
          actor, familyId, requestId, amount, restores, at, recordedId)), null, operationId);
      return LedgerResult.applied(parts.balances.snapshot(entry), LedgerMessages.refunded(amount, restores));
    });
  }
}
