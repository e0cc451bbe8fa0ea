package org.devolvedbudgets.rules.ledger;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.OperationId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.CurrencyMismatchException;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.LondonTime;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.EvidenceKind;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.model.text.SafeText;
import org.devolvedbudgets.rules.ApprovalCheck;
import org.devolvedbudgets.rules.Approver;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.devolvedbudgets.rules.SpendRules;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.devolvedbudgets.rules.allocation.Allocations;
import org.devolvedbudgets.rules.ledger.projection.LedgerProjection;
import org.devolvedbudgets.rules.ledger.projection.Subscription;
import org.devolvedbudgets.rules.position.BudgetPosition;
import org.devolvedbudgets.rules.position.RemainingBudget;

/**
 * Holds the money behind spend decisions for one scheme: {@link #submit} decides a request with
 * {@link SpendRules} and reserves its money in one step; {@link #approve}, {@link #reject}, {@link #post},
 * {@link #voidReservation}, {@link #expire} and {@link #refund} move it on; {@link #recordEvidence} and
 * {@link #recordRepayment} record what comes after payment. Every change is a {@link LedgerEvent} appended to a
 * {@link LedgerStore}; the balances, the {@linkplain #approvalQueue approval queue}, the evidence due and the
 * repayments outstanding are folds of those events, and an application can fold them into its own views
 * ({@link #subscribe}).
 *
 * <pre>{@code
 * BudgetLedger ledger = BudgetLedger.builder(configuration).clock(clock).build();
 * Submission submission = ledger.submit(request);          // APPROVED: money reserved at once
 * ledger.post(operationId, request.id(), actualAmount, worker, paidAt); // pays, releasing any difference
 * }</pre>
 *
 * <p>This class is the one an application calls; behind it each part does one job: an operation class per kind of
 * change, the committer that appends and catching up that reads, the balances and views, and the messages.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li><b>Atomic.</b> Each operation reads the balances, checks, and records its events as one step: no other
 *       operation on the same family, team or pilot budget can come between the check and the change, so two
 *       workers spending for one family at once can never both spend its last pound. An operation either appends
 *       all its events and changes the balances, or appends nothing and changes nothing.
 *   <li><b>Limits enforced when money is reserved.</b> A request that is approved at once, or awaits approval,
 *       holds its amount against every allowance it counts against (each child's share against a per-child
 *       allowance) until it is posted, voided, rejected or expired. Decisions count held money as used.
 *   <li><b>Holds lapse on time.</b> Money awaiting approval is held until the earliest of the approval hold (in
 *       office days, see {@link ApprovalHold}), the end of the term and the end of any financial or calendar year
 *       it is charged to. At that instant it is released in every decision, remaining budget, {@link #reservation}
 *       (which reports it {@code EXPIRED}) and the approval queue, whether or not an {@code Expired} event has been
 *       recorded: the ledger records it once, when it next changes something for the family, or when
 *       {@link #expire} sweeps. Nothing awaiting approval can be approved at or after the end of the term. "Now" is
 *       always the ledger's {@link Clock}.
 *   <li><b>Idempotent, and forgiving of the clock.</b> Submitting a request id again with the same content returns
 *       the original {@link Submission} and changes nothing, whatever happened to the reservation since. The other
 *       changes take an {@link OperationId} the caller chooses (in the overloads that have one): the same id again
 *       returns the first result and changes nothing, on whichever server it arrives. A retry is compared on its
 *       content, not its time: one with a later {@code requestedAt} or {@code at} (a fresh {@code Instant.now()}
 *       after a timeout) is the same change, and the time first recorded stands. The same id with other content
 *       throws {@link IdempotencyConflictException} or {@link OperationConflictException}, naming the fields.
 *   <li><b>Exactly-once resolution.</b> A reservation is resolved once: by a post, a void, a rejection or an
 *       expiry. A later attempt is refused with a stable {@link LedgerRefusal} code in a {@link LedgerResult}; so
 *       when an approval races the expiry sweep, exactly one of them takes effect.
 *   <li><b>Never answers from a state it could not confirm.</b> An applied change is confirmed by its append (made
 *       at the sequence the ledger has folded to, which the store refuses if another server wrote first). Anything
 *       else the ledger says of its journal it reads the store for first: a request id it has not seen (made on
 *       another server?), a retry's first result (is it still in the journal?), a refusal (did another server
 *       change the answer?). When the store cannot be read it throws {@link LedgerUnavailableException} with
 *       {@code CANNOT_CONFIRM} rather than guess; retrying with the same id is safe.
 *   <li><b>Fails closed.</b> Before appending, every change is checked: no balance goes negative, no reservation
 *       resolves twice, no refund exceeds what is left of its spend, no hard allowance goes over its cap in the
 *       period the rules checked. A broken invariant throws {@link LedgerInvariantException} and changes nothing.
 *       Only when the balances could no longer match the journal does the ledger stop: every later change throws,
 *       and a new ledger built from the store starts again.
 *   <li><b>A journal that went back stops the ledger.</b> Each time it reads the store, the ledger checks that the
 *       journal still holds its own last event. If the journal ends before it, or holds another event there (a
 *       database restored from a backup, a standby promoted while behind, a server that then wrote past the old
 *       end), the ledger stops with {@link JournalMismatchException} ({@code JOURNAL_SHRANK} or
 *       {@code JOURNAL_DIVERGED}), writes nothing more and answers nothing from memory; {@link #lostChanges()}
 *       lists what it had acknowledged that the journal lost. A ledger built from the store starts on the journal
 *       as it is.
 *   <li><b>Several servers, one journal.</b> Ledgers on several servers may share a store. When another server
 *       appended first, the ledger catches up (folds the events it has not seen) and decides again on the new
 *       balances, up to {@link Builder#maxAttempts} times, then throws {@link LedgerUnavailableException}. Queries
 *       answer from what this ledger has folded: call {@link #catchUp()} first to see other servers' changes.
 *   <li><b>Store failures are settled.</b> When an append fails in a way that leaves its outcome unknown, the
 *       ledger reads the journal back: if the events landed they are applied, if not the change is tried again;
 *       nothing is applied twice, and no failure of the store stops the ledger.
 *   <li><b>Replayable.</b> The balances and views are only ever changed by folding events, so a ledger built on a
 *       store that already holds a journal reproduces them exactly; {@link #verifyJournal()} proves it.
 * </ul>
 *
 * <h2>Thread safety</h2>
 * This class is thread-safe: any number of threads may call any method at once. Operations lock the scopes they
 * touch, not the whole ledger: always the request's family, then its team if the scheme has a team allowance it
 * counts against, then the pilot if it has a pilot-wide one; every operation takes its locks in that order and
 * holds at most one of each, so deadlock is impossible, and operations on different families with no shared team
 * or pilot allowance run in parallel. Numbering, appending and folding events happens under one short append lock,
 * so the journal has one total order and sequence numbers have no gaps; changes for different families that are
 * ready at the same moment are appended together (group commit). Queries take the same scope locks and see a
 * consistent state; events folded from other servers take them too. The ledger keeps one lock object for each
 * family and team it has seen.
 *
 * <h2>Bad input</h2>
 * Arguments that could never be right throw, naming the parameter and the value: null, a non-positive amount
 * or one in another currency ({@link CurrencyMismatchException}), an unknown request id, a time before the
 * request was made or outside the dates {@link LondonTime} supports, more than was reserved. Outcomes of the
 * state (a declined request, a reservation already resolved) are returned as values. The ledger's own troubles
 * are {@link LedgerException}s, each with a stable code and whether a retry can help. Messages give times in London
 * time with the zone shown ({@code 17 June 2019, 10:00 BST}); events keep {@link Instant}s.
 */
public final class BudgetLedger implements LedgerQueries {

  /** The longest approval hold a ledger accepts: {@value ApprovalHold#MAX_DAYS} days. */
  public static final Duration MAX_APPROVAL_HOLD = Duration.ofDays(ApprovalHold.MAX_DAYS);

  /** How many times a change is tried by default before {@link LedgerUnavailableException}: {@value}. */
  public static final int DEFAULT_ATTEMPTS = 16;

  private static final Pattern PROJECTION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final LedgerParts parts;
  private final Positions positions;
  private final Expiring expiring;
  private final Allocating allocating;
  private final Submitting submitting;
  private final Approving approving;
  private final Posting posting;
  private final Voiding voiding;
  private final Refunding refunding;
  private final Repaying repaying;
  private final RecordingEvidence recordingEvidence;

  private BudgetLedger(Builder builder) {
    this.parts = new LedgerParts(builder.history, builder.store, builder.clock, builder.approvalHold,
        builder.systemWorker, builder.maxAttempts);
    this.positions = new Positions(parts);
    this.expiring = new Expiring(parts);
    this.allocating = new Allocating(parts);
    this.submitting = new Submitting(parts, positions, expiring);
    this.approving = new Approving(parts, expiring);
    ReservationChange change = new ReservationChange(parts, expiring);
    this.posting = new Posting(parts, change);
    this.voiding = new Voiding(parts, change);
    this.refunding = new Refunding(parts, change);
    this.repaying = new Repaying(parts, change);
    this.recordingEvidence = new RecordingEvidence(parts, change);
  }

  /**
   * Returns a builder for a ledger of one scheme whose rules never change.
   *
   * @param configuration the scheme, not null
   * @return a builder, not null
   * @throws NullPointerException if {@code configuration} is null
   */
  public static Builder builder(PilotConfiguration configuration) {
    return new Builder(ConfigurationHistory.of(requireNonNull(configuration, "configuration")));
  }

  /**
   * Returns a builder for a ledger of one scheme whose rules changed over time; each request is decided under
   * the version in force on its date.
   *
   * @param history the scheme's versions, not null
   * @return a builder, not null
   * @throws NullPointerException if {@code history} is null
   */
  public static Builder builder(ConfigurationHistory history) {
    return new Builder(requireNonNull(history, "history"));
  }

  // ---------------------------------------------------------------------------------------------- allocation

  /**
   * Allocates a family under the version in force on {@code date} (see {@link Allocations#allocate}) and records
   * it. A family already allocated keeps its first allocation, which is returned unchanged.
   *
   * @param familyId the family, not null
   * @param childAge the referred child's age in whole years, 0 to 25
   * @param date the day of allocation, within the term, not null
   * @param actor who allocates, not null
   * @return the family's allocation record, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@link Allocations#allocate} rejects the arguments
   * @throws LedgerUnavailableException if the store kept failing or other servers kept appending first (safe to
   *     retry)
   */
  public AllocationRecord allocate(FamilyId familyId, int childAge, LocalDate date, WorkerId actor) {
    return allocateUnder(null, familyId, childAge, date, actor);
  }

  /**
   * Allocates a family as {@link #allocate(FamilyId, int, LocalDate, WorkerId)} does, under an operation id the
   * caller chose: the same id again returns the family's allocation and changes nothing (whatever day it gives).
   *
   * @param operationId the caller's id for this allocation, not null
   * @param familyId the family, not null
   * @param childAge the referred child's age in whole years, 0 to 25
   * @param date the day of allocation, within the term, not null
   * @param actor who allocates, not null
   * @return the family's allocation record, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@link Allocations#allocate} rejects the arguments
   * @throws OperationConflictException if {@code operationId} was used for a different change
   * @throws LedgerUnavailableException if the store kept failing or other servers kept appending first (safe to
   *     retry)
   */
  public AllocationRecord allocate(OperationId operationId, FamilyId familyId, int childAge, LocalDate date,
      WorkerId actor) {
    return allocateUnder(requireNonNull(operationId, "operationId"), familyId, childAge, date, actor);
  }

  private AllocationRecord allocateUnder(@org.jspecify.annotations.Nullable OperationId operationId,
      FamilyId familyId, int childAge, LocalDate date, WorkerId actor) {
    requireNonNull(familyId, "familyId");
    requireNonNull(date, "date");
    requireNonNull(actor, "actor");
    AllocationRecord record = Allocations.allocate(parts.history.inForceOn(date), familyId, childAge, date);
    return allocating.record(operationId, record, actor, true);
  }

  /**
   * Records an allocation made elsewhere, for example imported from a case system. Recording the same record
   * again returns it and changes nothing.
   *
   * @param record the allocation, not null
   * @param actor who allocated the family, not null
   * @return {@code record}, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the family already has a different allocation record
   * @throws LedgerUnavailableException if the store kept failing or other servers kept appending first (safe to
   *     retry)
   */
  public AllocationRecord recordAllocation(AllocationRecord record, WorkerId actor) {
    requireNonNull(record, "record");
    requireNonNull(actor, "actor");
    return allocating.record(null, record, actor, false);
  }

  // ------------------------------------------------------------------------------------------------ requests

  /**
   * Decides a request under the configuration in force on its date and, unless it is declined, reserves its
   * amount against every allowance it counts against, all in one atomic step. Approved within the worker's
   * authority: the money is held until posted or voided, even after the term ends. Needs approval: the money is
   * held while awaiting approval (and the request joins the {@linkplain #approvalQueue approval queue}), until the
   * hold lapses at the earliest of
   * <ul>
   *   <li>the ledger's {@link Builder#approvalHold approval hold} from now (office days end at the same London
   *       wall-clock time, see {@link ApprovalHold});
   *   <li>the end of the scheme's term, after which nothing can be approved ({@link LedgerRefusal#TERM_ENDED});
   *   <li>the end of any financial or calendar year the request is charged to: unspent money lapses with its year
   *       unless a carry-forward is approved, so a hold made on 30 March is not approved and paid in April against
   *       the closed year. The ledger does not record carry-forwards: where finance approves one, the request is
   *       submitted again under a new id in the new year, and counts against that year.
   * </ul>
   * A lapsed hold releases its money at that instant, in every decision and remaining budget, whether or not
   * {@link #expire} has run; the ledger records the expiry once, the next time it touches the family or sweeps.
   *
   * <p>A purchase for several children holds each child's share ({@link SpendRequest#sharesByChild()}) against
   * that child's allowance and the whole amount against the family's ({@link Charge}).
   *
   * <p>Submitting the same request again returns the first submission and changes nothing, once the journal is
   * confirmed to still hold it; a retry that differs only in {@code requestedAt} counts as the same request, and is
   * decided as first recorded.
   *
   * @param request the request, not null
   * @return the decision and the reservation made, not null
   * @throws NullPointerException if {@code request} is null
   * @throws IllegalArgumentException if the request's date is before the scheme's first version
   * @throws IdempotencyConflictException if the request's id was submitted before with different content
   * @throws LedgerInvariantException if the change would break an invariant (nothing is changed)
   * @throws LedgerUnavailableException if the store kept failing or other servers kept appending first, or a
   *     retry's first result could not be confirmed (safe to retry)
   */
  public Submission submit(SpendRequest request) {
    return submitting.submit(requireNonNull(request, "request"));
  }

  /**
   * Approves a request awaiting approval, after the rules' check ({@link ApprovalCheck}): the approver did not
   * make the request, their role is senior enough, and a team-level approver belongs to the request's team. Its
   * money stays held until it is posted or voided, and no longer expires.
   *
   * <p>An approval is judged at {@code at}, the time it was given: one given before the hold lapsed is accepted
   * even if it is recorded later. One given at or after the end of the term (of the version the request was
   * decided under) is refused with {@link LedgerRefusal#TERM_ENDED}.
   *
   * <p>Without an operation id a retry after a timeout is still safe, since a reservation is approved once, but
   * it is answered {@code NOT_AWAITING_APPROVAL} rather than with the first result; prefer
   * {@link #approve(OperationId, RequestId, Approver, Instant)}.
   *
   * @param requestId the request, not null
   * @param approver who approves, in which role and team, not null
   * @param at when the approval was given, not before the request was made, within the dates
   *     {@link LondonTime} supports, not null
   * @return applied, or refused with {@code NOT_AWAITING_APPROVAL}, {@code TERM_ENDED}, {@code RESERVATION_EXPIRED}
   *     (also when {@code at} is at or after the hold's expiry) or {@code APPROVAL_NOT_VALID}; not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the request is not in the journal, or {@code at} is before it was made or
   *     outside the supported dates
   * @throws LedgerUnavailableException if the store kept failing or other servers kept appending first, or it
   *     could not be read to confirm the answer (safe to retry)
   */
  public LedgerResult approve(RequestId requestId, Approver approver, Instant at) {
    return approving.decide(null, requestId, approver, at, true);
  }

  /**
   * Approves a request awaiting approval, as {@link #approve(RequestId, Approver, Instant)} does, under an
   * operation id the caller chose: the same id again (at any time) returns the first result, with the reservation
   * as it now stands, and changes nothing, whichever server the retry reaches.
   *
   * @param operationId the caller's id for this approval, not null
   * @param requestId the request, not null
   * @param approver who approves, in which role and team, not null
   * @param at when the approval was given, not before the request was made, within the supported dates, not null
   * @return applied, or refused as {@link #approve(RequestId, Approver, Instant)} is; not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #approve(RequestId, Approver, Instant)} does
   * @throws OperationConflictException if {@code operationId} was used for a different change
   * @throws LedgerUnavailableException as {@link #approve(RequestId, Approver, Instant)} does (safe to retry)
   */
  public LedgerResult approve(OperationId operationId, RequestId requestId, Approver approver, Instant at) {
    return approving.decide(requireNonNull(operationId, "operationId"), requestId, approver, at, true);
  }

  /**
   * Rejects a request awaiting approval, releasing its money. A rejection needs the same authority as an
   * approval: not the requester, a role senior enough, and for a team-level role the request's team.
   *
   * @param requestId the request, not null
   * @param approver the manager who rejects it, not null
   * @param at when it was rejected, not before the request was made, within the supported dates, not null
   * @return applied, or refused with {@code NOT_AWAITING_APPROVAL}, {@code RESERVATION_EXPIRED} (also when
   *     {@code at} is at or after the hold's expiry: the money was released then) or {@code APPROVAL_NOT_VALID};
   *     not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #approve(RequestId, Approver, Instant)} does
   * @throws LedgerUnavailableException as {@link #approve(RequestId, Approver, Instant)} does (safe to retry)
   */
  public LedgerResult reject(RequestId requestId, Approver approver, Instant at) {
    return approving.decide(null, requestId, approver, at, false);
  }

  /**
   * Rejects a request awaiting approval, as {@link #reject(RequestId, Approver, Instant)} does, under an operation
   * id the caller chose: the same id again returns the first result and changes nothing.
   *
   * @param operationId the caller's id for this rejection, not null
   * @param requestId the request, not null
   * @param approver the manager who rejects it, not null
   * @param at when it was rejected, not before the request was made, within the supported dates, not null
   * @return applied, or refused as {@link #reject(RequestId, Approver, Instant)} is; not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #approve(RequestId, Approver, Instant)} does
   * @throws OperationConflictException if {@code operationId} was used for a different change
   * @throws LedgerUnavailableException as {@link #approve(RequestId, Approver, Instant)} does (safe to retry)
   */
  public LedgerResult reject(OperationId operationId, RequestId requestId, Approver approver, Instant at) {
    return approving.decide(requireNonNull(operationId, "operationId"), requestId, approver, at, false);
  }

  /**
   * Records the payment of an approved reservation. The actual amount may be less than reserved (a cheaper
   * item, a partial delivery): the rest is released at once.
   *
   * <p>Without an operation id a retry is answered {@code ALREADY_RESOLVED} rather than with the first result;
   * prefer {@link #post(OperationId, RequestId, Money, WorkerId, Instant)}.
   *
   * @param requestId the request, not null
   * @param actualAmount the amount paid, positive, in the scheme's currency, at most the amount reserved, not
   *     null
   * @param actor who records the payment, not null
   * @param at when the payment was made, not before the request was made, not null
   * @return applied, or refused with {@code NOTHING_RESERVED}, {@code NOT_APPROVED} or
   *     {@code ALREADY_RESOLVED}; not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the request is not in the journal, {@code actualAmount} is not positive or
   *     is more than was reserved, or {@code at} is before the request was made
   * @throws CurrencyMismatchException if {@code actualAmount} is not in the scheme's currency
   * @throws LedgerUnavailableException if the store kept failing or other servers kept appending first, or it
   *     could not be read to confirm the answer (safe to retry)
   */
  public LedgerResult post(RequestId requestId, Money actualAmount, WorkerId actor, Instant at) {
    return posting.post(null, requestId, actualAmount, actor, at);
  }

  /**
   * Records a payment, as {@link #post(RequestId, Money, WorkerId, Instant)} does, under an operation id the
   * caller chose: the same id again (at any time) returns the first result and changes nothing.
   *
   * @param operationId the caller's id for this payment, not null
   * @param requestId the request, not null
   * @param actualAmount the amount paid, positive, in the scheme's currency, at most the amount reserved, not
   *     null
   * @param actor who records the payment, not null
   * @param at when the payment was made, not before the request was made, not null
   * @return applied, or refused as {@link #post(RequestId, Money, WorkerId, Instant)} is; not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #post(RequestId, Money, WorkerId, Instant)} does
   * @throws CurrencyMismatchException if {@code actualAmount} is not in the scheme's currency
   * @throws OperationConflictException if {@code operationId} was used for a different change
   * @throws LedgerUnavailableException as {@link #post(RequestId, Money, WorkerId, Instant)} does (safe to retry)
   */
  public LedgerResult post(OperationId operationId, RequestId requestId, Money actualAmount, WorkerId actor,
      Instant at) {
    return posting.post(requireNonNull(operationId, "operationId"), requestId, actualAmount, actor, at);
  }

  /**
   * Cancels an open reservation (awaiting approval or approved), releasing its money.
   *
   * @param requestId the request, not null
   * @param actor who cancels it, not null
   * @param at when it was cancelled, not before the request was made, not null
   * @return applied, or refused with {@code NOTHING_RESERVED} or {@code ALREADY_RESOLVED}; not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the request is not in the journal or {@code at} is before it was made
   * @throws LedgerUnavailableException as {@link #post(RequestId, Money, WorkerId, Instant)} does (safe to retry)
   */
  public LedgerResult voidReservation(RequestId requestId, WorkerId actor, Instant at) {
    return voiding.voidReservation(null, requestId, actor, at);
  }

  /**
   * Cancels an open reservation, as {@link #voidReservation(RequestId, WorkerId, Instant)} does, under an
   * operation id the caller chose: the same id again returns the first result and changes nothing.
   *
   * @param operationId the caller's id for this cancellation, not null
   * @param requestId the request, not null
   * @param actor who cancels it, not null
   * @param at when it was cancelled, not before the request was made, not null
   * @return applied, or refused as {@link #voidReservation(RequestId, WorkerId, Instant)} is; not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the request is not in the journal or {@code at} is before it was made
   * @throws OperationConflictException if {@code operationId} was used for a different change
   * @throws LedgerUnavailableException as {@link #post(RequestId, Money, WorkerId, Instant)} does (safe to retry)
   */
  public LedgerResult voidReservation(OperationId operationId, RequestId requestId, WorkerId actor, Instant at) {
    return voiding.voidReservation(requireNonNull(operationId, "operationId"), requestId, actor, at);
  }

  /**
   * Records the expiry of every reservation awaiting approval whose hold has run out by {@code now}: the sweep,
   * to run from a scheduler, on any one server or on several. A lapsed hold's money is already released at its
   * expiry instant, and the ledger records an expiry itself when it next touches the family; the sweep first
   * catches up with what other servers recorded, then records the rest, each exactly once across all servers. A
   * reservation approved before this runs is no longer awaiting approval and is left alone. Each expiry is its
   * own atomic change, recorded with the ledger's system worker as actor and the hold's end as its time.
   *
   * @param now the time to expire up to, within the dates {@link LondonTime} supports, not null
   * @return the reservations expired by this call (not those recorded earlier or by another server), as they now
   *     stand, in order of expiry; not null
   * @throws NullPointerException if {@code now} is null
   * @throws IllegalArgumentException if {@code now} is outside the supported dates
   * @throws LedgerUnavailableException if the store kept failing or other servers kept appending first; the
   *     expiries recorded before it are kept, and the next sweep records the rest
   */
  public List<Reservation> expire(Instant now) {
    return expiring.expire(requireNonNull(now, "now"));
  }

  /**
   * Records money coming back from a posted spend. It refers to the original spend and cannot exceed what is
   * left of it after earlier refunds. Whether it restores the allowances is the scheme's setting
   * ({@link PilotConfiguration#refundRestoresAllowance()} of the version the spend was decided under); a refund
   * restores the period the spend was charged to, even after that period has closed.
   *
   * <p>A refund is the one change a blind retry could make twice (two refunds of £20 are allowed where £40 was
   * paid): after a timeout, retry with {@link #refund(OperationId, RequestId, Money, WorkerId, Instant)}.
   *
   * @param requestId the original spend's request, not null
   * @param amount the amount refunded, positive, in the scheme's currency, not null
   * @param actor who records the refund, not null
   * @param at when the money came back, not before the request was made, not null
   * @return applied, or refused with {@code NOTHING_RESERVED}, {@code NOT_POSTED} or
   *     {@code REFUND_EXCEEDS_REMAINING}; not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the request is not in the journal, {@code amount} is not positive, or
   *     {@code at} is before the request was made
   * @throws CurrencyMismatchException if {@code amount} is not in the scheme's currency
   * @throws LedgerUnavailableException as {@link #post(RequestId, Money, WorkerId, Instant)} does
   */
  public LedgerResult refund(RequestId requestId, Money amount, WorkerId actor, Instant at) {
    return refunding.refund(null, requestId, amount, actor, at);
  }

  /**
   * Records a refund, as {@link #refund(RequestId, Money, WorkerId, Instant)} does, under an operation id the
   * caller chose: the same id again returns the first result and refunds nothing more, whichever server the
   * retry reaches.
   *
   * @param operationId the caller's id for this refund, not null
   * @param requestId the original spend's request, not null
   * @param amount the amount refunded, positive, in the scheme's currency, not null
   * @param actor who records the refund, not null
   * @param at when the money came back, not before the request was made, not null
   * @return applied, or refused as {@link #refund(RequestId, Money, WorkerId, Instant)} is; not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #refund(RequestId, Money, WorkerId, Instant)} does
   * @throws CurrencyMismatchException if {@code amount} is not in the scheme's currency
   * @throws OperationConflictException if {@code operationId} was used for a different change
   * @throws LedgerUnavailableException as {@link #post(RequestId, Money, WorkerId, Instant)} does (safe to retry)
   */
  public LedgerResult refund(OperationId operationId, RequestId requestId, Money amount, WorkerId actor,
      Instant at) {
    return refunding.refund(requireNonNull(operationId, "operationId"), requestId, amount, actor, at);
  }

  /**
   * Records that evidence of a paid spend reached the child's record: a receipt, the card's transaction data or a
   * note that other funding was tried, by a reference to where it is kept (never the document or free text). It
   * meets every open item of the spend's evidence that accepts its kind ({@link #evidence(RequestId)}); evidence
   * the spend did not need, or of a kind already met, is still recorded. It changes no balance.
   *
   * <p>Without an operation id a retry records the evidence twice, which changes no figure (the first arrival
   * counts); prefer {@link #recordEvidence(OperationId, RequestId, EvidenceKind, String, WorkerId, Instant)}.
   *
   * @param requestId the spend's request, not null
   * @param kind what kind of evidence it is, not null
   * @param reference where it is kept: 1 to {@value SpendRequest#MAX_EVIDENCE_REFERENCE_LENGTH} characters without
   *     white space, control or bidirectional formatting characters, not null
   * @param actor who records it, not null
   * @param at when the evidence was received, not before the request was made, within the dates
   *     {@link LondonTime} supports, not null
   * @return applied, or refused with {@code NOTHING_RESERVED} (a declined request) or {@code NOT_POSTED} (nothing
   *     paid yet); not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the request is not in the journal, {@code reference} is not a valid
   *     reference (the message gives its length, never its text) or {@code at} is before the request was made or
   *     outside the supported dates
   * @throws LedgerUnavailableException as {@link #post(RequestId, Money, WorkerId, Instant)} does
   */
  public LedgerResult recordEvidence(RequestId requestId, EvidenceKind kind, String reference, WorkerId actor,
      Instant at) {
    return recordingEvidence.record(null, requestId, kind, reference, actor, at);
  }

  /**
   * Records evidence, as {@link #recordEvidence(RequestId, EvidenceKind, String, WorkerId, Instant)} does, under
   * an operation id the caller chose: the same id again returns the first result and records nothing more.
   *
   * @param operationId the caller's id for this change, not null
   * @param requestId the spend's request, not null
   * @param kind what kind of evidence it is, not null
   * @param reference where it is kept, as the other overload takes it, not null
   * @param actor who records it, not null
   * @param at when the evidence was received, not before the request was made, not null
   * @return applied, or refused as the other overload is; not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as the other overload does
   * @throws OperationConflictException if {@code operationId} was used for a different change
   * @throws LedgerUnavailableException as {@link #post(RequestId, Money, WorkerId, Instant)} does (safe to retry)
   */
  public LedgerResult recordEvidence(OperationId operationId, RequestId requestId, EvidenceKind kind,
      String reference, WorkerId actor, Instant at) {
    return recordingEvidence.record(requireNonNull(operationId, "operationId"), requestId, kind, reference, actor,
        at);
  }

  /**
   * Records money a family repaid on help given subject to repayment ({@link SpendRequest#repayment()}). It cannot
   * exceed what is still owed ({@link RepaymentStatus#owed()} less what was repaid). Whether it restores the
   * allowances is the scheme's setting ({@link PilotConfiguration#repaymentRestoresAllowance()} of the version the
   * spend was decided under); like a refund it restores the period the spend was charged to.
   *
   * <p>Two repayments of £20 are allowed where £40 is owed, so a blind retry could record one twice: after a
   * timeout, retry with {@link #recordRepayment(OperationId, RequestId, Money, WorkerId, Instant)}.
   *
   * @param requestId the repayable spend's request, not null
   * @param amount the amount repaid, positive, in the scheme's currency, not null
   * @param actor who records it, not null
   * @param at when the money was received, not before the request was made, not null
   * @return applied, or refused with {@code NOTHING_RESERVED}, {@code NOT_POSTED}, {@code NOT_REPAYABLE} or
   *     {@code REPAYMENT_EXCEEDS_OWED}; not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the request is not in the journal, {@code amount} is not positive, or
   *     {@code at} is before the request was made or outside the supported dates
   * @throws CurrencyMismatchException if {@code amount} is not in the scheme's currency
   * @throws LedgerUnavailableException as {@link #post(RequestId, Money, WorkerId, Instant)} does
   */
  public LedgerResult recordRepayment(RequestId requestId, Money amount, WorkerId actor, Instant at) {
    return repaying.repay(null, requestId, amount, actor, at);
  }

  /**
   * Records a repayment, as {@link #recordRepayment(RequestId, Money, WorkerId, Instant)} does, under an operation
   * id the caller chose: the same id again returns the first result and records nothing more, on any server.
   *
   * @param operationId the caller's id for this repayment, not null
   * @param requestId the repayable spend's request, not null
   * @param amount the amount repaid, positive, in the scheme's currency, not null
   * @param actor who records it, not null
   * @param at when the money was received, not before the request was made, not null
   * @return applied, or refused as the other overload is; not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as the other overload does
   * @throws CurrencyMismatchException if {@code amount} is not in the scheme's currency
   * @throws OperationConflictException if {@code operationId} was used for a different change
   * @throws LedgerUnavailableException as {@link #post(RequestId, Money, WorkerId, Instant)} does (safe to retry)
   */
  public LedgerResult recordRepayment(OperationId operationId, RequestId requestId, Money amount, WorkerId actor,
      Instant at) {
    return repaying.repay(requireNonNull(operationId, "operationId"), requestId, amount, actor, at);
  }

  // ------------------------------------------------------------------------------------------------- queries
  // Documented in LedgerQueries. Each throws JournalMismatchException once the ledger has stopped because its
  // journal went back, since what it remembers is then not what the journal holds.

  @Override
  public BudgetPosition position(SpendRequest request) {
    return positions.position(requireNonNull(request, "request"));
  }

  @Override
  public List<RemainingBudget> remainingBudget(FamilyId familyId, LocalDate date) {
    return positions.remainingBudget(requireNonNull(familyId, "familyId"), requireNonNull(date, "date"));
  }

  @Override
  public List<RemainingBudget> remainingBudget(TeamId teamId, LocalDate date) {
    return positions.remainingBudget(requireNonNull(teamId, "teamId"), requireNonNull(date, "date"));
  }

  @Override
  public List<RemainingBudget> remainingBudgetOfPilot(LocalDate date) {
    return positions.remainingBudgetOfPilot(requireNonNull(date, "date"));
  }

  @Override
  public Optional<Reservation> reservation(RequestId requestId) {
    return positions.reservation(requireNonNull(requestId, "requestId"));
  }

  @Override
  public Optional<Submission> submission(RequestId requestId) {
    return positions.submission(requireNonNull(requestId, "requestId"));
  }

  @Override
  public List<AwaitingApproval> approvalQueue() {
    parts.folded.ensureTrusted();
    return parts.views.approvals.awaiting(parts.now(), (request, decision) -> true);
  }

  @Override
  public List<AwaitingApproval> approvalQueue(Approver approver) {
    requireNonNull(approver, "approver");
    parts.folded.ensureTrusted();
    return parts.views.approvals.awaiting(parts.now(),
        (request, decision) -> ApprovalCheck.validate(request, decision, approver).isAccepted());
  }

  @Override
  public List<AwaitingApproval> approvalQueue(TeamId team) {
    requireNonNull(team, "team");
    parts.folded.ensureTrusted();
    return parts.views.approvals.awaiting(parts.now(), (request, decision) -> request.teamId().equals(team));
  }

  @Override
  public Optional<RepaymentStatus> repayment(RequestId requestId) {
    requireNonNull(requestId, "requestId");
    parts.folded.ensureTrusted();
    return Optional.ofNullable(parts.views.repayments.of(requestId));
  }

  @Override
  public List<RepaymentStatus> repaymentsOutstanding() {
    parts.folded.ensureTrusted();
    return parts.views.repayments.outstanding(status -> true);
  }

  @Override
  public List<RepaymentStatus> repaymentsOutstanding(FamilyId family) {
    requireNonNull(family, "family");
    parts.folded.ensureTrusted();
    return parts.views.repayments.outstanding(status -> status.familyId().equals(family));
  }

  @Override
  public List<RepaymentStatus> repaymentsOutstanding(TeamId team) {
    requireNonNull(team, "team");
    parts.folded.ensureTrusted();
    return parts.views.repayments.outstanding(status -> status.teamId().equals(team));
  }

  @Override
  public List<EvidenceDue> evidence(RequestId requestId) {
    requireNonNull(requestId, "requestId");
    parts.folded.ensureTrusted();
    return parts.views.evidence.of(requestId);
  }

  @Override
  public List<EvidenceDue> evidenceDue(WorkerId worker) {
    requireNonNull(worker, "worker");
    parts.folded.ensureTrusted();
    return parts.views.evidence.outstanding(worker);
  }

  @Override
  public List<EvidenceDue> evidenceDue(TeamId team) {
    requireNonNull(team, "team");
    parts.folded.ensureTrusted();
    return parts.views.evidence.outstanding(team);
  }

  @Override
  public List<EvidenceDue> evidenceDue(FamilyId family) {
    requireNonNull(family, "family");
    parts.folded.ensureTrusted();
    return parts.views.evidence.outstanding(family);
  }

  @Override
  public List<EvidenceDue> evidenceOverdue(WorkerId worker, LocalDate day) {
    return EvidenceDue.overdueOn(evidenceDue(worker), requireNonNull(day, "day"));
  }

  @Override
  public List<EvidenceDue> evidenceOverdue(TeamId team, LocalDate day) {
    return EvidenceDue.overdueOn(evidenceDue(team), requireNonNull(day, "day"));
  }

  @Override
  public List<EvidenceDue> evidenceOverdue(FamilyId family, LocalDate day) {
    return EvidenceDue.overdueOn(evidenceDue(family), requireNonNull(day, "day"));
  }

  @Override
  public Optional<AllocationRecord> allocation(FamilyId familyId) {
    return Optional.ofNullable(positions.allocation(requireNonNull(familyId, "familyId")));
  }

  // ---------------------------------------------------------------------------------------------- the journal

  @Override
  public long lastSequence() {
    return parts.folded.lastSequence();
  }

  /**
   * Folds the events other servers appended to the store since this ledger last read it, so that its queries
   * show them, after checking that the journal still holds this ledger's last event. Changes catch up by
   * themselves when they need to; queries do not read the store, so that they stay fast and work while the
   * database is away. Call this before a query when another server may have written since, or from a timer.
   *
   * @return how many events were folded, 0 or more
   * @throws LedgerUnavailableException if the store cannot be read ({@code STORE_FAILED}); nothing changed
   * @throws JournalMismatchException if the journal went back ({@code JOURNAL_SHRANK}, {@code JOURNAL_DIVERGED})
   *     or another server recorded a decision under other rules (the ledger stops)
   * @throws LedgerInvariantException if an event cannot be folded (the ledger stops)
   */
  public int catchUp() {
    return parts.catchUp.catchUp(LedgerUnavailableException.Reason.STORE_FAILED);
  }

  /**
   * Returns the events this ledger appended, and so answered to its callers as made, that its journal no longer
   * holds: empty unless it stopped with {@code JOURNAL_SHRANK} or {@code JOURNAL_DIVERGED}. After a failover that
   * lost acknowledged work (asynchronous replication), each server's stopped ledger lists its own, by request id
   * and operation id, for the application to reconcile (submit again, tell the worker) before it builds a new
   * ledger. Only the last 16,384 events this ledger folded are kept for this.
   *
   * @return the lost events in sequence order, not null
   */
  public List<LedgerEvent> lostChanges() {
    return parts.folded.lost();
  }

  /**
   * Feeds an application's projection every event of the journal after {@code afterSequence}, in order, each once
   * it is durable, on a thread of its own (see {@link LedgerProjection} for what is promised). Give the sequence
   * the projection stored as the last it handled, 0 to start from the beginning; the events it has missed are read
   * from the store, then it follows the ledger (its own changes and those it folds from other servers). A
   * projection that throws or is slow is retried and reported by the returned {@link Subscription}, and never
   * holds up the ledger.
   *
   * @param name what to call it in reports and logs: 1 to 64 letters, digits, dots, hyphens and underscores,
   *     starting with a letter or digit; never personal data
   * @param afterSequence the last sequence it handled, 0 or more, not past the journal's end
   * @param projection the projection, not null
   * @return the running subscription, to watch and to close, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code name} is not a valid name (quoted as an escaped excerpt), or
   *     {@code afterSequence} is negative or past the journal's end (the journal may have lost events in a
   *     failover: reconcile the projection first)
   * @throws LedgerUnavailableException with {@code CANNOT_CONFIRM} if the store cannot be read to check where the
   *     journal ends
   */
  public Subscription subscribe(String name, long afterSequence, LedgerProjection projection) {
    requireNonNull(name, "name");
    requireNonNull(projection, "projection");
    if (!PROJECTION_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name must be 1 to 64 letters, digits, '.', '-' or '_', but was "
          + SafeText.excerpt(name));
    }
    if (afterSequence < 0) {
      throw new IllegalArgumentException("afterSequence must not be negative, but was " + afterSequence);
    }
    long end;
    try {
      end = parts.store.lastSequence();
    } catch (RuntimeException e) {
      throw new LedgerUnavailableException(LedgerUnavailableException.Reason.CANNOT_CONFIRM, 1, e);
    }
    if (afterSequence > end) {
      throw new IllegalArgumentException("afterSequence " + afterSequence + " is past the journal's end at "
          + end + ": the journal may have lost events in a failover; reconcile the projection first");
    }
    Feed feed = new Feed(name, afterSequence, projection, parts.folded, parts.store);
    feed.start();
    return feed;
  }

  /**
   * Returns the store holding the journal, to read events from.
   *
   * @return the store, not null
   */
  public LedgerStore store() {
    return parts.store;
  }

  /**
   * Replays the whole journal from the store into fresh balances and views and compares them with this ledger's:
   * every account on every day, every reservation's state, every allocation, the approval queue, the evidence due
   * and the repayments outstanding. Changes wait while it runs, so call it from tests, audits and health checks
   * rather than on every request.
   *
   * @throws LedgerInvariantException if the journal is out of order or does not reproduce the balances (the
   *     message names the first difference); the ledger then stops accepting changes
   */
  public void verifyJournal() {
    new JournalVerification(parts).verify();
  }

  /**
   * Returns a developer's form: the scheme, the version count and the journal's length.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    PilotConfiguration latest = parts.history.latest();
    return "BudgetLedger[" + latest.council() + " '" + latest.scheme() + "', " + parts.history.versions().size()
        + " version(s), " + lastSequence() + " events" + (parts.folded.isStopped() ? ", stopped" : "") + "]";
  }

  // -------------------------------------------------------------------------------------------------- builder

  /**
   * Builds a {@link BudgetLedger}. Each setter rejects null with a {@link NullPointerException} and an
   * out-of-range value with an {@link IllegalArgumentException} naming the value.
   *
   * <p>Builders are not thread-safe.
   */
  public static final class Builder {

    private final ConfigurationHistory history;
    private LedgerStore store = new InMemoryLedgerStore();
    private Clock clock = Clock.systemUTC();
    private ApprovalHold approvalHold = ApprovalHold.ofDays(14);
    private WorkerId systemWorker = WorkerId.of("ledger");
    private int maxAttempts = DEFAULT_ATTEMPTS;

    private Builder(ConfigurationHistory history) {
      this.history = history;
    }

    /**
     * Sets the store of the journal. Defaults to a new {@link InMemoryLedgerStore}. A store that already holds a
     * journal is replayed when the ledger is built.
     *
     * @param store the store, not null
     * @return this builder
     */
    public Builder store(LedgerStore store) {
      this.store = requireNonNull(store, "store");
      return this;
    }

    /**
     * Sets the clock events are stamped with and holds are timed from. Defaults to {@link Clock#systemUTC()}.
     *
     * @param clock the clock, not null
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how long money stays held for a request awaiting approval, from when it was reserved. Defaults to 14
     * office days ({@code ApprovalHold.ofDays(14)}, ending at the same London wall-clock time), two weeks being
     * long enough for a manager's absence and short enough not to freeze a budget. The hold ends sooner if the
     * term or a financial or calendar year the request is charged to ends first.
     *
     * @param hold the hold, not null
     * @return this builder
     */
    public Builder approvalHold(ApprovalHold hold) {
      this.approvalHold = requireNonNull(hold, "hold");
      return this;
    }

    /**
     * Sets an exact approval hold: {@code ApprovalHold.of(hold)}. A {@link Duration} counts elapsed time, so
     * {@code Duration.ofDays(14)} is 336 hours and ends an hour early or late by the office clock across a change
     * to or from summer time; for days as people count them use {@code approvalHold(ApprovalHold.ofDays(14))}.
     *
     * @param hold the hold, positive and at most {@link BudgetLedger#MAX_APPROVAL_HOLD}, not null
     * @return this builder
     * @throws IllegalArgumentException if {@code hold} is not positive or longer than the maximum
     */
    public Builder approvalHold(Duration hold) {
      requireNonNull(hold, "hold");
      try {
        this.approvalHold = ApprovalHold.of(hold);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("hold must be positive and at most " + MAX_APPROVAL_HOLD
            + ", but was " + hold, e);
      }
      return this;
    }

    /**
     * Sets the worker id recorded as the actor of expiries, which the ledger makes itself. Defaults to
     * {@code ledger}; choose one that no real worker has.
     *
     * @param worker the id, not null
     * @return this builder
     */
    public Builder systemWorker(WorkerId worker) {
      this.systemWorker = requireNonNull(worker, "worker");
      return this;
    }

    /**
     * Sets how many times a change is tried when other servers keep appending to the journal first, or the store
     * fails, before {@link LedgerUnavailableException} is thrown; and how many times the store is read to confirm
     * an answer before {@code CANNOT_CONFIRM}. Defaults to {@value BudgetLedger#DEFAULT_ATTEMPTS}: enough for a
     * handful of servers busy on one scheme, and few enough that a caller hears of a database outage within a
     * second or so.
     *
     * @param attempts 1 to 1,000
     * @return this builder
     * @throws IllegalArgumentException if {@code attempts} is out of range
     */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1 || attempts > 1000) {
        throw new IllegalArgumentException("attempts must be from 1 to 1000, but was " + attempts);
      }
      this.maxAttempts = attempts;
      return this;
    }

    /**
     * Builds the ledger, replaying the store's journal if it holds one.
     *
     * @return the ledger, not null
     * @throws LedgerStoreException if the store cannot be read
     * @throws JournalMismatchException if the journal was decided in another scheme, or under a version this
     *     history lacks or has with other rules, or it cannot be folded
     */
    public BudgetLedger build() {
      return new BudgetLedger(this);
    }
  }
}
