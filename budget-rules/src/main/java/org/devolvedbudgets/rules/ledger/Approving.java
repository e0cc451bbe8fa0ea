package org.devolvedbudgets.rules.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.OperationId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.rules.ApprovalCheck;
import org.devolvedbudgets.rules.Approver;
import org.devolvedbudgets.rules.SpendRules;
import org.jspecify.annotations.Nullable;

/**
 * A manager's decision on a request awaiting approval: an {@code Approved} event (its money stays held until it is
 * posted or voided) or a {@code Rejected} one (its money is released), after the rules' check of the approver
 * ({@link ApprovalCheck}). Judged at the time the decision was given; refused, with a code, when the hold lapsed
 * first, the term ended or the request no longer awaits approval.
 *
 * <p>This class is thread-safe.
 */
final class Approving {

  private final LedgerParts parts;
  private final Expiring expiring;

  Approving(LedgerParts parts, Expiring expiring) {
    this.parts = parts;
    this.expiring = expiring;
  }

  LedgerResult decide(@Nullable OperationId operationId, RequestId requestId, Approver approver, Instant at,
      boolean approve) {
    Objects.requireNonNull(approver, "approver");
    RequestEntry entry = parts.known(requestId);
    LedgerParts.checkAt(entry, at);
    return parts.attempts.result(() -> {
      expiring.recordLapsed(entry.familyId(), requestId);
      LedgerResult result = judge(operationId, entry, approver, at, approve);
      if (!result.isApplied()) {
        expiring.recordLapsed(entry.familyId(), null); // this request's own lapse, if it was refused for that
      }
      return result;
    });
  }

  /** Approves or rejects, or says why not; the family's other lapsed holds are already recorded. */
  private LedgerResult judge(@Nullable OperationId operationId, RequestEntry entry, Approver approver, Instant at,
      boolean approve) {
    RequestId requestId = entry.requestId();
    FamilyId familyId = entry.familyId();
    WorkerId worker = approver.workerId();
    Optional<TeamId> team = approver.teamId();
    Scopes.Held held = parts.hold(entry);
    try {
      parts.folded.ensureRunning();
      if (operationId != null) {
        LedgerResult repeated = parts.repeated(operationId, approve
            ? Operation.approve(familyId, requestId, worker, approver.role(), team.orElse(null))
            : Operation.request("reject", familyId, requestId, null, worker));
        if (repeated != null) {
          return repeated;
        }
      }
      Reservation before = entry.reserved == null ? null : parts.balances.snapshot(entry);
      if (before == null) {
        return LedgerResult.refused(LedgerRefusal.NOT_AWAITING_APPROVAL,
            LedgerMessages.nothingReserved(requestId, approve ? "approve" : "reject"), null, null);
      }
      boolean lapsedOrAwaiting = before.status() == ReservationStatus.EXPIRED
          || before.status() == ReservationStatus.AWAITING_APPROVAL;
      BudgetPeriod term = parts.history.inForceOn(before.day()).term();
      if (approve && lapsedOrAwaiting && !at.isBefore(term.endInstant())) {
        return LedgerResult.refused(LedgerRefusal.TERM_ENDED, LedgerMessages.termEnded(term, at), before, null);
      }
      if (before.status() == ReservationStatus.EXPIRED) {
        return LedgerResult.refused(LedgerRefusal.RESERVATION_EXPIRED,
            LedgerMessages.lapsed(entry, term, null, approve), before, null);
      }
      if (before.status() != ReservationStatus.AWAITING_APPROVAL) {
        return LedgerResult.refused(LedgerRefusal.NOT_AWAITING_APPROVAL,
            LedgerMessages.notAwaitingApproval(requestId, before.status()), before, null);
      }
      if (!at.isBefore(before.expiresAt().orElseThrow())) {
        return LedgerResult.refused(LedgerRefusal.RESERVATION_EXPIRED,
            LedgerMessages.lapsed(entry, term, at, approve), before, null);
      }
      ApprovalCheck check = SpendRules.validateApproval(entry.submitted.request(), entry.submitted.decision(),
          approver);
      if (!check.isAccepted()) {
        StringBuilder message = new StringBuilder();
        for (ApprovalCheck.Refusal refusal : check.refusals()) {
          message.append(message.length() == 0 ? "" : " ").append(refusal.message());
        }
        return LedgerResult.refused(LedgerRefusal.APPROVAL_NOT_VALID, message.toString(), before, check);
      }
      Optional<OperationId> recordedId = Optional.ofNullable(operationId);
      if (approve) {
        parts.committer.commit(List.of((sequence, recordedAt) -> new LedgerEvent.Approved(sequence, recordedAt,
            worker, familyId, requestId, approver.role(), at, team, recordedId)), null, operationId);
        return LedgerResult.applied(parts.balances.snapshot(entry),
            LedgerMessages.approved(before.amount(), approver.role()));
      }
      parts.committer.commit(List.of((sequence, recordedAt) -> new LedgerEvent.Rejected(sequence, recordedAt,
          worker, familyId, requestId, before.amount(), at, recordedId)), null, operationId);
      return LedgerResult.applied(parts.balances.snapshot(entry),
          LedgerMessages.released("Rejected", before.amount()));
    } finally {
      held.release();
    }
  }
}
