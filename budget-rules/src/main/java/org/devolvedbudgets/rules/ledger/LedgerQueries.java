package org.devolvedbudgets.rules.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.ApprovalCheck;
import org.devolvedbudgets.rules.Approver;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.devolvedbudgets.rules.position.BudgetPosition;
import org.devolvedbudgets.rules.position.RemainingBudget;

/**
 * What a ledger can be asked without changing anything: the position a request would be decided against, how much
 * is left, a request's reservation and submission, the approval queue, the evidence due and the repayments
 * outstanding. {@link BudgetLedger} implements it; hand this type to code that shows figures and must never move
 * money (a case system's screens, a report), so that the compiler keeps it read-only.
 *
 * <p>Answers come from what the ledger has folded of its journal, without reading the store, so they stay fast and
 * work while the database is away: call {@link BudgetLedger#catchUp()} first to see other servers' latest
 * changes. Holds lapsed by the ledger clock's now count as released. Every query throws
 * {@link JournalMismatchException} once its ledger has stopped because its journal went back, since what the
 * ledger remembers is then not what the journal holds.
 *
 * <p>Implementations are thread-safe.
 */
public interface LedgerQueries {

  /**
   * Returns the position a request would be decided against now: the usage of every allowance it counts
   * against, the family's spending in the cumulative window and its allocation record. Holds lapsed by the clock's
   * now count as released.
   *
   * @param request the request, not null
   * @return the position, not null
   * @throws NullPointerException if {@code request} is null
   * @throws IllegalArgumentException if the request's date is before the scheme's first version
   */
  BudgetPosition position(SpendRequest request);

  /**
   * Returns how much is left for a family on a date: every per-request cap, the family's allowances, each of
   * its children's (for children it has spent on) and the pilot's, with spent, reserved, remaining and reset day.
   * A date in a closed period (last financial year) gives that period's figures. Holds lapsed by the clock's now
   * count as released.
   *
   * @param familyId the family, not null
   * @param date the day, within the term of the version in force, not null
   * @return an immutable list in configuration order, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code date} is outside the term or before the first version
   */
  List<RemainingBudget> remainingBudget(FamilyId familyId, LocalDate date);

  /**
   * Returns how much is left of each team allowance for a team on a date.
   *
   * @param teamId the team, not null
   * @param date the day, within the term of the version in force, not null
   * @return an immutable list in configuration order, empty if the scheme has no team allowance, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code date} is outside the term or before the first version
   */
  List<RemainingBudget> remainingBudget(TeamId teamId, LocalDate date);

  /**
   * Returns how much is left of each pilot-wide allowance on a date.
   *
   * @param date the day, within the term of the version in force, not null
   * @return an immutable list in configuration order, empty if the scheme has no pilot-wide allowance, not null
   * @throws NullPointerException if {@code date} is null
   * @throws IllegalArgumentException if {@code date} is outside the term or before the first version
   */
  List<RemainingBudget> remainingBudgetOfPilot(LocalDate date);

  /**
   * Returns the reservation made for a request, as it stands now: one whose hold has lapsed by the clock's now is
   * {@link ReservationStatus#EXPIRED}, even before the expiry is recorded.
   *
   * @param requestId the request, not null
   * @return the reservation; empty if the request is unknown or was declined; not null
   * @throws NullPointerException if {@code requestId} is null
   */
  Optional<Reservation> reservation(RequestId requestId);

  /**
   * Returns the first submission of a request: what a retry would return.
   *
   * @param requestId the request, not null
   * @return the submission, empty if the request is unknown, not null
   * @throws NullPointerException if {@code requestId} is null
   */
  Optional<Submission> submission(RequestId requestId);

  /**
   * Returns every request awaiting approval whose hold has not lapsed by the clock's now, oldest first (in the
   * order the requests were made across every server): a scheme's whole approval queue.
   *
   * @return the queue, possibly empty, not null
   */
  List<AwaitingApproval> approvalQueue();

  /**
   * Returns a manager's work list: the requests awaiting approval, not lapsed by the clock's now, that this
   * approver may approve by the rules' own check ({@link ApprovalCheck}): not their own requests, none needing a
   * more senior role, and for a team-level role only their team's. Oldest first.
   *
   * @param approver the manager, in their role and team, not null
   * @return the requests they may approve, possibly none, not null
   * @throws NullPointerException if {@code approver} is null
   */
  List<AwaitingApproval> approvalQueue(Approver approver);

  /**
   * Returns a team's requests awaiting approval (made by its workers), not lapsed by the clock's now, whoever may
   * approve them. Oldest first.
   *
   * @param team the requesting workers' team, not null
   * @return the requests, possibly none, not null
   * @throws NullPointerException if {@code team} is null
   */
  List<AwaitingApproval> approvalQueue(TeamId team);

  /**
   * Returns where a spend given subject to repayment stands: owed, repaid, due and overdue.
   *
   * @param requestId the request, not null
   * @return the status once the spend is paid; empty for a gift, or before payment; not null
   * @throws NullPointerException if {@code requestId} is null
   */
  Optional<RepaymentStatus> repayment(RequestId requestId);

  /**
   * Returns the repayments still outstanding across the scheme, whether or not any of them is overdue yet; by
   * request id. Filter with {@link RepaymentStatus#isOverdueOn(LocalDate)} for those overdue on a day.
   *
   * @return the statuses, possibly none, not null
   */
  List<RepaymentStatus> repaymentsOutstanding();

  /**
   * Returns a family's repayments still outstanding, by request id.
   *
   * @param family the family, not null
   * @return the statuses, possibly none, not null
   * @throws NullPointerException if {@code family} is null
   */
  List<RepaymentStatus> repaymentsOutstanding(FamilyId family);

  /**
   * Returns the repayments still outstanding on a team's spends, by request id.
   *
   * @param team the requesting workers' team, not null
   * @return the statuses, possibly none, not null
   * @throws NullPointerException if {@code team} is null
   */
  List<RepaymentStatus> repaymentsOutstanding(TeamId team);

  /**
   * Returns the evidence a paid spend needs, one item per requirement of its scheme's evidence policy that applies
   * to it, each with its due day and, once met, the day it arrived.
   *
   * @param requestId the request, not null
   * @return the items in the policy's order; none if the spend needed no evidence or is not paid; not null
   * @throws NullPointerException if {@code requestId} is null
   */
  List<EvidenceDue> evidence(RequestId requestId);

  /**
   * Returns the evidence still due from a worker: every item not yet met of the spends they requested, on every
   * family, whether or not it is overdue yet; soonest due first, then by request id.
   *
   * @param worker the requesting worker, not null
   * @return the items, possibly none, not null
   * @throws NullPointerException if {@code worker} is null
   */
  List<EvidenceDue> evidenceDue(WorkerId worker);

  /**
   * Returns the evidence still due for a team's spends, as {@link #evidenceDue(WorkerId)} does for a worker's.
   *
   * @param team the requesting workers' team, not null
   * @return the items, soonest due first, possibly none, not null
   * @throws NullPointerException if {@code team} is null
   */
  List<EvidenceDue> evidenceDue(TeamId team);

  /**
   * Returns the evidence still due for a family's spends, as {@link #evidenceDue(WorkerId)} does for a worker's.
   *
   * @param family the family, not null
   * @return the items, soonest due first, possibly none, not null
   * @throws NullPointerException if {@code family} is null
   */
  List<EvidenceDue> evidenceDue(FamilyId family);

  /**
   * Returns the evidence overdue from a worker on a London day: the items of {@link #evidenceDue(WorkerId)} whose
   * due day is before {@code day}.
   *
   * @param worker the requesting worker, not null
   * @param day the London day to judge on, not null
   * @return the overdue items, oldest due first, possibly none, not null
   * @throws NullPointerException if an argument is null
   */
  List<EvidenceDue> evidenceOverdue(WorkerId worker, LocalDate day);

  /**
   * Returns the evidence overdue for a team's spends on a London day.
   *
   * @param team the requesting workers' team, not null
   * @param day the London day to judge on, not null
   * @return the overdue items, oldest due first, possibly none, not null
   * @throws NullPointerException if an argument is null
   */
  List<EvidenceDue> evidenceOverdue(TeamId team, LocalDate day);

  /**
   * Returns the evidence overdue for a family's spends on a London day.
   *
   * @param family the family, not null
   * @param day the London day to judge on, not null
   * @return the overdue items, oldest due first, possibly none, not null
   * @throws NullPointerException if an argument is null
   */
  List<EvidenceDue> evidenceOverdue(FamilyId family, LocalDate day);

  /**
   * Returns a family's allocation record, if it has been allocated.
   *
   * @param familyId the family, not null
   * @return the record, not null
   * @throws NullPointerException if {@code familyId} is null
   */
  Optional<AllocationRecord> allocation(FamilyId familyId);

  /**
   * Returns the sequence number of the last event this ledger has folded, 0 if none.
   *
   * @return the last sequence number, 0 or more
   */
  long lastSequence();
}
