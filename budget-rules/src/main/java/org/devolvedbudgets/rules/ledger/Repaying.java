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
 * Money a family repaid on help given subject to repayment: a {@code Repaid} event, never more than is still owed,
 * restoring the allowances if the scheme's version the spend was decided under says so.
 *
 * <p>This class is thread-safe.
 */
final class Repaying {

  private final LedgerParts parts;
  private final ReservationChange change;

  Repaying(LedgerParts parts, ReservationChange change) {
    this.parts = parts;
    this.change = change;
  }

  LedgerResult repay(@Nullable OperationId operationId, RequestId requestId, Money amount, WorkerId actor,
      Instant at) {
    parts.checkAmount(amount, "amount");
    return change.run(operationId, requestId, "repay", amount, null, null, actor, at, "record a repayment of",
        (entry, before) -> {
          if (entry.submitted.request().repayment().isEmpty()) {
            return LedgerResult.refused(LedgerRefusal.NOT_REPAYABLE, LedgerMessages.notRepayable(requestId), before,
                null);
          }
          if (before.status() != ReservationStatus.POSTED) {
            return LedgerResult.refused(LedgerRefusal.NOT_POSTED,
                LedgerMessages.notPosted(requestId, before.status(), "nothing has been paid to repay"), before, null);
          }
          Money left = Money.ofMinor(parts.currency, entry.owed() - entry.repaid);
          if (amount.isGreaterThan(left)) {
            return LedgerResult.refused(LedgerRefusal.REPAYMENT_EXCEEDS_OWED,
                LedgerMessages.repaymentExceeds(amount, left, requestId), before, null);
          }
          boolean restores = parts.history.inForceOn(before.day()).repaymentRestoresAllowance();
          FamilyId familyId = entry.familyId();
          Optional<OperationId> recordedId = Optional.ofNullable(operationId);
          parts.committer.commit(List.of((sequence, recordedAt) -> new LedgerEvent.Repaid(sequence, recordedAt,
              actor, familyId, requestId, amount, restores, at, recordedId)), null, operationId);
          return LedgerResult.applied(parts.balances.snapshot(entry), LedgerMessages.repaid(amount, restores));
        });
  }
}
