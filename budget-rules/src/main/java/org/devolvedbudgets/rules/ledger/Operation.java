package org.devolvedbudgets.rules.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.spend.EvidenceKind;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.jspecify.annotations.Nullable;

/**
 * What a caller asked for under an operation id, in the terms its event records, so that a retry can be
 * compared with the change made first. A component the kind of change does not have is null on both sides.
 *
 * <p>Retries forgive the clock: the time a change was made ({@code at}, and an allocation's day) is not part of
 * what is compared, because a retry after a timeout naturally carries a new {@code Instant.now()}. The time first
 * recorded stands.
 */
record Operation(String kind, FamilyId familyId, @Nullable RequestId requestId, @Nullable Money amount,
    WorkerId actor, @Nullable ApprovalRole role, @Nullable TeamId team, @Nullable AllocationRecord allocation,
    @Nullable EvidenceKind evidence, @Nullable String reference) {

  static Operation approve(FamilyId familyId, RequestId requestId, WorkerId actor, ApprovalRole role,
      @Nullable TeamId team) {
    return new Operation("approve", familyId, requestId, null, actor, role, team, null, null, null);
  }

  static Operation request(String kind, FamilyId familyId, RequestId requestId, @Nullable Money amount,
      WorkerId actor) {
    return new Operation(kind, familyId, requestId, amount, actor, null, null, null, null, null);
  }

  static Operation evidence(FamilyId familyId, RequestId requestId, WorkerId actor, EvidenceKind kind,
      String reference) {
    return new Operation("evidence", familyId, requestId, null, actor, null, null, null, kind, reference);
  }

  /** An allocation, compared on everything but its day. */
  static Operation allocation(AllocationRecord record, WorkerId actor) {
    return new Operation("allocate", record.familyId(), null, null, actor, null, null, record, null, null);
  }

  /** What the recorded event says was asked for. */
  static Operation of(LedgerEvent event) {
    if (event instanceof LedgerEvent.Allocated) {
      return allocation(((LedgerEvent.Allocated) event).record(), event.actor());
    }
    if (event instanceof LedgerEvent.Approved) {
      LedgerEvent.Approved approved = (LedgerEvent.Approved) event;
      return approve(approved.familyId(), approved.requestId(), approved.actor(), approved.role(),
          approved.team().orElse(null));
    }
    if (event instanceof LedgerEvent.Rejected) {
      LedgerEvent.Rejected rejected = (LedgerEvent.Rejected) event;
      return request("reject", rejected.familyId(), rejected.requestId(), null, rejected.actor());
    }
    if (event instanceof LedgerEvent.Posted) {
      LedgerEvent.Posted posted = (LedgerEvent.Posted) event;
      return request("post", posted.familyId(), posted.requestId(), posted.amount(), posted.actor());
    }
    if (event instanceof LedgerEvent.Voided) {
      LedgerEvent.Voided voided = (LedgerEvent.Voided) event;
      return request("void", voided.familyId(), voided.requestId(), null, voided.actor());
    }
    if (event instanceof LedgerEvent.Refunded) {
      LedgerEvent.Refunded refunded = (LedgerEvent.Refunded) event;
      return request("refund", refunded.familyId(), refunded.requestId(), refunded.amount(), refunded.actor());
    }
    if (event instanceof LedgerEvent.Repaid) {
      LedgerEvent.Repaid repaid = (LedgerEvent.Repaid) event;
      return request("repay", repaid.familyId(), repaid.requestId(), repaid.amount(), repaid.actor());
    }
    if (event instanceof LedgerEvent.EvidenceReceived) {
      LedgerEvent.EvidenceReceived received = (LedgerEvent.EvidenceReceived) event;
      return evidence(received.familyId(), received.requestId(), received.actor(), received.kind(),
          received.reference());
    }
    throw new IllegalArgumentException("a " + event.getClass().getSimpleName() + " event has no operation");
  }

  /** The names of the components that differ from {@code retry}'s, in declaration order. */
  List<String> differences(Operation retry) {
    List<String> fields = new ArrayList<>();
    if (!kind.equals(retry.kind)) {
      fields.add("operation");
      return fields;
    }
    differs(fields, "requestId", requestId, retry.requestId);
    differs(fields, "familyId", familyId, retry.familyId);
    differs(fields, "amount", amount, retry.amount);
    differs(fields, "actor", actor, retry.actor);
    differs(fields, "role", role, retry.role);
    differs(fields, "team", team, retry.team);
    if (allocation != null && retry.allocation != null && (allocation.method() != retry.allocation.method()
        || allocation.arm() != retry.allocation.arm() || !allocation.stratum().equals(retry.allocation.stratum()))) {
      fields.add("allocation"); // not its day: retries forgive the clock
    }
    differs(fields, "kind", evidence, retry.evidence);
    differs(fields, "reference", reference, retry.reference);
    return fields;
  }

  private static void differs(List<String> fields, String name, @Nullable Object original,
      @Nullable Object retry) {
    if (!Objects.equals(original, retry)) {
      fields.add(name);
    }
  }
}
