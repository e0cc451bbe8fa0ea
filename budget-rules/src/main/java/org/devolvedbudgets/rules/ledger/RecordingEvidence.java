package org.devolvedbudgets.rules.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.OperationId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.spend.EvidenceKind;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.jspecify.annotations.Nullable;

/**
 * Evidence of a paid spend reaching the child's record: an {@code EvidenceReceived} event with a reference to where
 * it is kept (never the document or free text). It changes no balance.
 *
 * <p>This class is thread-safe.
 */
final class RecordingEvidence {

  private final LedgerParts parts;
  private final ReservationChange change;

  RecordingEvidence(LedgerParts parts, ReservationChange change) {
    this.parts = parts;
    this.change = change;
  }

  LedgerResult record(@Nullable OperationId operationId, RequestId requestId, EvidenceKind kind, String reference,
      WorkerId actor, Instant at) {
    Objects.requireNonNull(kind, "kind");
    SpendRequest.checkEvidenceReference("reference", reference);
    return change.run(operationId, requestId, "evidence", null, kind, reference, actor, at, "record evidence for",
        (entry, before) -> {
          if (before.status() != ReservationStatus.POSTED) {
            return LedgerResult.refused(LedgerRefusal.NOT_POSTED, LedgerMessages.notPosted(requestId,
                before.status(), "there is no payment to record evidence of"), before, null);
          }
          FamilyId familyId = entry.familyId();
          Optional<OperationId> recordedId = Optional.ofNullable(operationId);
          parts.committer.commit(List.of((sequence, recordedAt) -> new LedgerEvent.EvidenceReceived(sequence,
              recordedAt, actor, familyId, requestId, kind, reference, at, recordedId)), null, operationId);
          return LedgerResult.applied(parts.balances.snapshot(entry), LedgerMessages.evidence(kind));
        });
  }
}
