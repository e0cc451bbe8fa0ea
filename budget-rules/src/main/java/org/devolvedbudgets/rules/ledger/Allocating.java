package org.devolvedbudgets.rules.ledger;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.OperationId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.jspecify.annotations.Nullable;

/**
 * The allocation of a family to the scheme (and, in a randomised pilot, to an arm): records an
 * {@code Allocated} event, once per family. A family keeps its first allocation.
 *
 * <p>This class is thread-safe.
 */
final class Allocating {

  private final LedgerParts parts;

  Allocating(LedgerParts parts) {
    this.parts = parts;
  }

  /**
   * Records {@code record} unless the family is allocated already.
   *
   * @param keepFirst whether a family allocated already keeps its record (true for {@code allocate}); if false, a
   *     different record is an error (for records imported from elsewhere)
   */
  AllocationRecord record(@Nullable OperationId operationId, AllocationRecord record, WorkerId actor,
      boolean keepFirst) {
    FamilyId familyId = record.familyId();
    Optional<OperationId> recordedId = Optional.ofNullable(operationId);
    return parts.attempts.run(() -> {
      ReentrantLock lock = parts.scopes.family(familyId);
      lock.lock();
      try {
        parts.folded.ensureRunning();
        if (operationId != null && parts.recordedUnder(operationId, Operation.allocation(record, actor)) != null) {
          return Objects.requireNonNull(parts.balances.allocation(familyId));
        }
        AllocationRecord existing = parts.balances.allocation(familyId);
        if (existing != null) {
          if (keepFirst || existing.equals(record)) {
            return existing;
          }
          throw new IllegalArgumentException("family " + familyId + " is already allocated as " + existing
              + ", so cannot be allocated as " + record);
        }
        parts.committer.commit(List.of((sequence, recordedAt) ->
            new LedgerEvent.Allocated(sequence, recordedAt, actor, familyId, record, recordedId)), null, operationId);
        return record;
      } finally {
        lock.unlock();
      }
    });
  }
}
