package org.devolvedbudgets.rules.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.period.LondonTime;
import org.jspecify.annotations.Nullable;

/**
 * Holds that lapsed, recorded: an {@code Expired} event, once, for each request awaiting approval whose hold ran
 * out, with the ledger's system worker as actor and the hold's end as its time. A lapsed hold's money is already
 * released at its expiry instant; this records it, when the ledger next changes something for the family, or when
 * the sweep ({@link #expire}) runs.
 *
 * <p>This class is thread-safe.
 */
final class Expiring {

  private final LedgerParts parts;

  Expiring(LedgerParts parts) {
    this.parts = parts;
  }

  /**
   * The sweep: catches up with what other servers recorded, then records the expiry of every hold lapsed by
   * {@code now}, each as its own atomic change.
   */
  List<Reservation> expire(Instant now) {
    LondonTime.checkInstant("now", now);
    parts.catchUp.catchUp(LedgerUnavailableException.Reason.STORE_FAILED);
    List<Reservation> expired = new ArrayList<>();
    for (RequestId requestId : parts.views.approvals.lapsedBy(now)) {
      RequestEntry entry = Objects.requireNonNull(parts.balances.entry(requestId));
      boolean recorded = parts.attempts.run(() -> {
        Scopes.Held held = parts.hold(entry);
        try {
          parts.folded.ensureRunning();
          if (entry.lapsedBy(now)) {
            recordExpiry(entry);
            return true;
          }
          return false;
        } finally {
          held.release();
        }
      });
      if (recorded) {
        expired.add(parts.balances.snapshot(entry));
      }
    }
    expired.sort(Comparator.comparing((Reservation r) -> r.expiresAt().orElseThrow())
        .thenComparing(Reservation::requestId));
    return List.copyOf(expired);
  }

  /**
   * Records the expiry of every hold of a family that has lapsed by now and is not recorded yet, except
   * {@code keep}'s (an approval of it is judged by its own time). Each expiry is its own change, made with the
   * family, then the hold's team and pilot, locked, in the ledger's lock order; call with no lock held.
   */
  void recordLapsed(FamilyId familyId, @Nullable RequestId keep) {
    if (parts.folded.isStopped()) {
      return; // the operation itself will say why
    }
    Instant now = parts.now();
    ReentrantLock family = parts.scopes.family(familyId);
    family.lock();
    try {
      for (RequestEntry entry : parts.balances.lapsed(familyId, now)) {
        if (keep != null && keep.equals(entry.requestId())) {
          continue;
        }
        Scopes.Held held = parts.hold(entry);
        try {
          if (entry.lapsedBy(now)) {
            recordExpiry(entry);
          }
        } finally {
          held.release();
        }
      }
    } finally {
      family.unlock();
    }
  }

  /** Records that a lapsed hold expired, at its expiry time. Call with the entry's locks held. */
  private void recordExpiry(RequestEntry entry) {
    LedgerEvent.Reserved reserved = Objects.requireNonNull(entry.reserved);
    Instant lapsed = Objects.requireNonNull(entry.expiresAt);
    parts.committer.commit(List.of((sequence, recordedAt) -> new LedgerEvent.Expired(sequence, recordedAt,
        parts.systemWorker, reserved.familyId(), reserved.requestId(), reserved.amount(), lapsed)), null, null);
  }
}
