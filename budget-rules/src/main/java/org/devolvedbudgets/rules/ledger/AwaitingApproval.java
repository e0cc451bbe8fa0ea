package org.devolvedbudgets.rules.ledger;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.rules.FindingCode;

/**
 * One request in the approval queue ({@link BudgetLedger#approvalQueue}): its money is held while it awaits a
 * manager, and its hold has not lapsed. What a manager's work list shows: who asked, for which family and team,
 * how much and for what, which role must approve and why, how long it has waited and when its hold lapses.
 * Identifiers and codes only: the request's description stays in the case system.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param requestId the request
 * @param familyId the family it is for
 * @param teamId the requesting worker's team
 * @param requestedBy the requesting worker, who may not approve it
 * @param amount the amount held
 * @param category what it is for
 * @param requiredRole the least senior role that may approve it
 * @param reasons why it needs approval: the codes of the decision's findings, in the decision's order
 * @param requestedAt when the worker made the request
 * @param heldSince when the ledger held its money: the queue's order, oldest first
 * @param holdLapsesAt when the hold lapses and the money is released unless it is approved first
 * @param age how long it had waited, from {@code heldSince} to the moment the queue was read (zero or more)
 */
public record AwaitingApproval(RequestId requestId, FamilyId familyId, TeamId teamId, WorkerId requestedBy,
    Money amount, SpendCategory category, ApprovalRole requiredRole, List<FindingCode> reasons,
    Instant requestedAt, Instant heldSince, Instant holdLapsesAt, Duration age) {

  /**
   * Checks the components.
   *
   * @param requestId the requestId component
   * @param familyId the familyId component
   * @param teamId the teamId component
   * @param requestedBy the requestedBy component
   * @param amount the amount component
   * @param category the category component
   * @param requiredRole the requiredRole component
   * @param reasons the reasons component, copied
   * @param requestedAt the requestedAt component
   * @param heldSince the heldSince component
   * @param holdLapsesAt the holdLapsesAt component
   * @param age the age component
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code amount} is not positive, {@code age} is negative or the hold lapses
   *     before it was made
   */
  public AwaitingApproval {
    requireNonNull(requestId, "requestId");
    requireNonNull(familyId, "familyId");
    requireNonNull(teamId, "teamId");
    requireNonNull(requestedBy, "requestedBy");
    Checks.positive(amount, "amount");
    requireNonNull(category, "category");
    requireNonNull(requiredRole, "requiredRole");
    reasons = List.copyOf(requireNonNull(reasons, "reasons"));
    requireNonNull(requestedAt, "requestedAt");
    requireNonNull(heldSince, "heldSince");
    requireNonNull(holdLapsesAt, "holdLapsesAt");
    requireNonNull(age, "age");
    if (age.isNegative()) {
      throw new IllegalArgumentException("age must not be negative, but was " + age);
    }
    if (holdLapsesAt.isBefore(heldSince)) {
      throw new IllegalArgumentException("holdLapsesAt " + holdLapsesAt + " is before heldSince " + heldSince);
    }
  }
}
