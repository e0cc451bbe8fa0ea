package org.devolvedbudgets.rules.ledger;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.money.CurrencyUnit;
import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.id.ChildId;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.OperationId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.CurrencyMismatchException;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.period.LondonTime;
import org.devolvedbudgets.model.period.PeriodKind;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.scheme.Enforcement;
import org.devolvedbudgets.model.scheme.EvidencePolicy;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.EvidenceKind;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.ApprovalCheck;
import org.devolvedbudgets.rules.Approver;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.devolvedbudgets.rules.Decision;
import org.devolvedbudgets.rules.Fingerprint;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.SpendRules;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.devolvedbudgets.rules.allocation.Allocations;
import org.devolvedbudgets.rules.ledger.Balances.AccountKey;
import org.devolvedbudgets.rules.ledger.Balances.Entry;
import org.devolvedbudgets.rules.position.BudgetPosition;
import org.devolvedbudgets.rules.position.OverdueEvidence;
import org.devolvedbudgets.rules.position.RemainingBudget;
import org.devolvedbudgets.rules.position.Usage;
import org.devolvedbudgets.rules.position.UsageKey;
import org.jspecify.annotations.Nullable;

/**
 * Holds the money behind spend decisions for one scheme: {@link #submit} decides a request with
 * {@link SpendRules} and reserves its money in one step; {@link #approve}, {@link #reject}, {@link #post},
 * {@link #voidReservation}, {@link #expire} and {@link #refund} move it on; {@link #recordEvidence} records the
 * receipts and card data a scheme's evidence policy asks for after payment, and {@link #evidenceDue} and
 * {@link #evidenceOverdue} say what is still owed; every change is a {@link LedgerEvent} appended to a
 * {@link LedgerStore}, and the balances are a fold of those events.
 *
 * <pre>{@code
 * BudgetLedger ledger = BudgetLedger.builder(configuration).clock(clock).build();
 * Submission submission = ledger.submit(request);          // APPROVED: money reserved at once
 * ledger.post(request.id(), actualAmount, worker, paidAt); // pays, releasing any difference
 * }</pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li><b>Atomic.</b> Each operation reads the balances, checks, and records its events as one step: no other
 *       operation on the same family, team or pilot budget can come between the check and the change, so
 *       two workers spending for one family at once can never both spend its last pound. An operation either
 *       appends all its events and changes the balances, or appends nothing and changes nothing.
 *   <li><b>Limits enforced when money is reserved.</b> A request that is approved at once, or awaits approval,
 *       holds its amount against every allowance it counts against (each child's share against a per-child
 *       allowance) until it is posted, voided, rejected or expired. Decisions count held money as used.
 *   <li><b>Holds lapse on time.</b> Money awaiting approval is held until the earliest of the approval hold (in
 *       office days, see {@link ApprovalHold}), the end of the term and the end of any financial or calendar year
 *       it is charged to. At that instant it is released in every decision, remaining budget and
 *       {@link #reservation} (which reports it {@code EXPIRED}), whether or not an {@code Expired} event has been
 *       recorded: the ledger records it once, when it next changes something for the family, or when
 *       {@link #expire} sweeps. Nothing awaiting approval can be approved at or after the end of the term.
 *       "Now" is always the ledger's {@link Clock}.
 *   <li><b>Idempotent.</b> Submitting a request id again with identical content returns the original
 *       {@link Submission} and changes nothing, whatever happened to the reservation since. The same id with
 *       different content throws {@link IdempotencyConflictException} naming the fields that differ. The other
 *       changes take an {@link OperationId} the caller chooses (in the overloads that have one): the same id again
 *       returns the first result and changes nothing; the same id for another change throws
 *       {@link OperationConflictException}.
 *   <li><b>Exactly-once resolution.</b> A reservation is resolved once: by a post, a void, a rejection or an
 *       expiry. A later attempt is refused with a stable {@link LedgerRefusal} code in a {@link LedgerResult};
 *       so when an approval races the expiry sweep, exactly one of them takes effect.
 *   <li><b>Fails closed.</b> Before appending, every change is checked: no balance goes negative, no
 *       reservation resolves twice, no refund exceeds what is left of its spend, no hard allowance goes over its
 *       cap in the period the rules checked. A broken invariant throws {@link LedgerInvariantException} and
 *       changes nothing. Only when the balances could no longer match the journal (another writer recorded an
 *       event that cannot be folded, or one of its own events was stored but could not be applied) does the
 *       ledger stop: every later change throws, and a new ledger built from the store starts again.
 *   <li><b>Several servers, one journal.</b> Ledgers on several servers may share a store. Every append is made
 *       at the sequence this ledger has folded to; when another server appended first the store refuses it, and
 *       the ledger catches up (folds the events it has not seen) and decides again on the new balances, up to
 *       {@link Builder#maxAttempts} times, then throws {@link LedgerUnavailableException}, which is safe to retry.
 *       A request made on another server is found by catching up, and a refusal is judged again after catching
 *       up if the store has moved on. Queries answer from what this ledger has folded: call {@link #catchUp()}
 *       first to see other servers' latest changes.
 *   <li><b>Store failures are settled.</b> When an append fails in a way that leaves its outcome unknown, the
 *       ledger reads the journal back: if the events landed they are applied, if not the change is tried again;
 *       nothing is applied twice, and no failure of the store stops the ledger.
 *   <li><b>Replayable.</b> The balances are only ever changed by folding events, so a ledger built on a store
 *       that already holds a journal reproduces every balance exactly; {@link #verifyJournal()} proves it.
 * </ul>
 *
 * <h2>Thread safety</h2>
 * This class is thread-safe: any number of threads may call any method at once. Operations lock the scopes
 * they touch, not the whole ledger: always the request's family, then its team if the scheme has a team
 * allowance it counts against, then the pilot if it has a pilot-wide one. Every operation takes its locks in
 * that order (family, team, pilot) and holds at most one of each, so deadlock is impossible; operations on
 * different families with no shared team or pilot allowance run in parallel. A decision under an evidence policy
 * that acts on overdue evidence reads the requesting worker's evidence across families without their locks: it
 * sees each spend's evidence as it stood before or after a concurrent change, never half of one. Numbering, appending and folding
 * events happens under one short append lock, so the journal has one total order and sequence numbers have
 * no gaps; changes for different families that are ready at the same moment are appended together (group
 * commit, see {@code Committer}). Queries take the same scope locks and see a consistent state. Events folded
 * from other servers take their family's, team's and pilot's locks too, so a decision never sees balances change
 * under it. Before an operation on a family, the
 * ledger records that family's lapsed holds, each with the family's lock and then that hold's team and pilot
 * locks, released before the operation takes its own. The ledger keeps one lock object for each family and team
 * it has seen.
 *
 * <h2>Bad input</h2>
 * Arguments that could never be right throw, naming the parameter and the value: null, a non-positive amount
 * or one in another currency ({@link CurrencyMismatchException}), an unknown request id, a time before the
 * request was made or outside the dates {@link LondonTime} supports, more than was reserved. Outcomes of the
 * state (a declined request, a reservation already resolved) are returned as values. Messages give times in
 * London time with the zone shown ({@code 17 June 2019, 10:00 BST}); events keep {@link Instant}s.
 */
public final class BudgetLedger {

  /** The longest approval hold a ledger accepts: {@value ApprovalHold#MAX_DAYS} days. */
  public static final Duration MAX_APPROVAL_HOLD = Duration.ofDays(ApprovalHold.MAX_DAYS);

  /** How many times a change is tried by default before {@link LedgerUnavailableException}: {@value}. */
  public static final int DEFAULT_ATTEMPTS = 16;

  private final ConfigurationHistory history;
  private final LedgerStore store;
  private final Clock clock;
  private final ApprovalHold approvalHold;
  private final WorkerId systemWorker;
  private final CurrencyUnit currency;
  private final Balances balances;
  private final Scopes scopes = new Scopes();
  private final Committer committer;
  private final int maxAttempts;

  private BudgetLedger(Builder builder) {
    this.history = builder.history;
    this.store = builder.store;
    this.clock = builder.clock;
    this.approvalHold = builder.approvalHold;
    this.systemWorker = builder.systemWorker;
    this.currency = history.latest().currency();
    this.maxAttempts = builder.maxAttempts;
    this.balances = new Balances(currency, (int) Math.min(Integer.MAX_VALUE, store.lastSequence()),
        new EvidenceBook(history));
    this.committer = new Committer(store, balances, scopes, clock, history);
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
    requireNonNull(familyId, "familyId");
    requireNonNull(date, "date");
    requireNonNull(actor, "actor");
    AllocationRecord record = Allocations.allocate(history.inForceOn(date), familyId, childAge, date);
    return recordAllocation(null, record, actor, true);
  }

  /**
   * Allocates a family as {@link #allocate(FamilyId, int, LocalDate, WorkerId)} does, under an operation id the
   * caller chose: the same id again returns the family's allocation and changes nothing.
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
    requireNonNull(operationId, "operationId");
    requireNonNull(familyId, "familyId");
    requireNonNull(date, "date");
    requireNonNull(actor, "actor");
    AllocationRecord record = Allocations.allocate(history.inForceOn(date), familyId, childAge, date);
    return recordAllocation(operationId, record, actor, true);
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
    return recordAllocation(null, record, actor, false);
  }

  private AllocationRecord recordAllocation(@Nullable OperationId operationId, AllocationRecord record,
      WorkerId actor, boolean keepFirst) {
    FamilyId familyId = record.familyId();
    Optional<OperationId> recordedId = Optional.ofNullable(operationId);
    return retrying(() -> {
      ReentrantLock lock = scopes.family(familyId);
      lock.lock();
      try {
        if (operationId != null && recordedUnder(operationId, Operation.allocation(record, actor)) != null) {
          return Objects.requireNonNull(balances.allocation(familyId));
        }
        AllocationRecord existing = balances.allocation(familyId);
        if (existing != null) {
          if (keepFirst || existing.equals(record)) {
            return existing;
          }
          throw new IllegalArgumentException("family " + familyId + " is already allocated as " + existing
              + ", so cannot be allocated as " + record);
        }
        committer.commit(List.of((sequence, recordedAt) ->
            new LedgerEvent.Allocated(sequence, recordedAt, actor, familyId, record, recordedId)), null, operationId);
        return record;
      } finally {
        lock.unlock();
      }
    });
  }

  // ------------------------------------------------------------------------------------------------ requests

  /**
   * Decides a request under the configuration in force on its date and, unless it is declined, reserves its
   * amount against every allowance it counts against, all in one atomic step. Approved within the worker's
   * authority: the money is held until posted or voided, even after the term ends. Needs approval: the money is
   * held while awaiting approval, until the hold lapses at the earliest of
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
   * <p>Submitting the same request again returns the first submission and changes nothing.
   *
   * @param request the request, not null
   * @return the decision and the reservation made, not null
   * @throws NullPointerException if {@code request} is null
   * @throws IllegalArgumentException if the request's date is before the scheme's first version
   * @throws IdempotencyConflictException if the request's id was submitted before with different content
   * @throws LedgerInvariantException if the change would break an invariant (nothing is changed)
   */
  public Submission submit(SpendRequest request) {
    requireNonNull(request, "request");
    PilotConfiguration configuration = history.inForceOn(request.requestedOn());
    List<UsageKey> keys = SpendRules.usageKeys(configuration, request);
    Fingerprint fingerprint = Fingerprint.of(request);
    return retrying(() -> submitOnce(configuration, request, keys, fingerprint));
  }

  private Submission submitOnce(PilotConfiguration configuration, SpendRequest request, List<UsageKey> keys,
      Fingerprint fingerprint) {
    if (balances.entry(request.id()) == null) {
      recordLapsed(request.familyId(), null);
    }
    Scopes.Held held = scopes.hold(request.familyId(), keys);
    try {
      Entry existing = balances.entry(request.id());
      if (existing != null) {
        return retried(existing, request, fingerprint);
      }
      committer.ensureRunning();
      Instant now = now();
      BudgetPosition position = positionFor(configuration, request, keys, now);
      Decision decision = SpendRules.decide(configuration, request, position);
      List<Committer.Draft> drafts = new ArrayList<>(2);
      WorkerId worker = request.requestedBy();
      FamilyId familyId = request.familyId();
      SpendRequest recorded = request.withoutDescription();
      Fingerprint rules = history.fingerprintOf(configuration);
      drafts.add((sequence, recordedAt) -> new LedgerEvent.Submitted(sequence, recordedAt, worker, familyId,
          recorded, fingerprint, history.schemeId(), rules, decision));
      if (decision.outcome() != Outcome.DECLINED) {
        List<Charge> charges = charges(request, keys);
        checkCaps(configuration, request, charges, now);
        boolean awaits = decision.outcome() == Outcome.NEEDS_APPROVAL;
        drafts.add((sequence, recordedAt) -> new LedgerEvent.Reserved(sequence, recordedAt, worker, familyId,
            request.id(), request.amount(), request.requestedOn(), charges,
            awaits ? Optional.of(holdEnds(configuration, charges, recordedAt)) : Optional.empty()));
      }
      committer.commit(drafts, request.id(), null);
      return balances.submission(Objects.requireNonNull(balances.entry(request.id())));
    } finally {
      held.release();
    }
  }

  /** What the request holds against each allowance: a child's share against a per-child one, else the amount. */
  private static List<Charge> charges(SpendRequest request, List<UsageKey> keys) {
    List<Charge> charges = new ArrayList<>(keys.size());
    for (UsageKey key : keys) {
      Money amount = key.scope() == AllowanceScope.CHILD
          ? Objects.requireNonNull(request.sharesByChild().get(ChildId.of(key.holder()))) : request.amount();
      if (amount.isPositive()) {
        charges.add(new Charge(key, amount));
      }
    }
    return charges;
  }

  /** When a hold made at {@code reservedAt} lapses: its own end, the term's end or a charged year's end. */
  private Instant holdEnds(PilotConfiguration configuration, List<Charge> charges, Instant reservedAt) {
    Instant end = approvalHold.endFrom(reservedAt);
    Instant termEnd = configuration.term().endInstant();
    if (termEnd.isBefore(end)) {
      end = termEnd;
    }
    for (Charge charge : charges) {
      BudgetPeriod period = charge.key().period();
      if (period.kind().closesBudget() && period.endInstant().isBefore(end)) {
        end = period.endInstant();
      }
    }
    return end;
  }

  private Submission retried(Entry existing, SpendRequest request, Fingerprint fingerprint) {
    if (!existing.submitted.requestFingerprint().equals(fingerprint)) {
      throw conflict(existing.submitted, request, fingerprint);
    }
    return balances.submission(existing);
  }

  /** The conflict of a retry with the submission recorded: the fields that differ, in attribute order. */
  private static IdempotencyConflictException conflict(LedgerEvent.Submitted submitted, SpendRequest retry,
      Fingerprint fingerprint) {
    SpendRequest original = submitted.request();
    List<String> fields = new ArrayList<>();
    differs(fields, "familyId", original.familyId(), retry.familyId());
    differs(fields, "childIds", original.childIds(), retry.childIds());
    differs(fields, "childShares", original.childShares(), retry.childShares());
    differs(fields, "teamId", original.teamId(), retry.teamId());
    differs(fields, "requestedBy", original.requestedBy(), retry.requestedBy());
    differs(fields, "amount", original.amount(), retry.amount());
    differs(fields, "category", original.category(), retry.category());
    differs(fields, "subcategory", original.subcategory(), retry.subcategory());
    // The journal keeps no description: it differs when the original with the retry's description in its place
    // does not have the original's fingerprint.
    if (!submitted.requestFingerprint().equals(fingerprint) && !submitted.requestFingerprint()
        .equals(Fingerprint.of(SpendRequest.builder().from(original).description(retry.description()).build()))) {
      fields.add("description");
    }
    differs(fields, "requestedAt", original.requestedAt(), retry.requestedAt());
    differs(fields, "paymentMethod", original.paymentMethod(), retry.paymentMethod());
    differs(fields, "vatRecoverable", original.vatRecoverable(), retry.vatRecoverable());
    differs(fields, "evidenceReference", original.evidenceReference(), retry.evidenceReference());
    differs(fields, "repayment", original.repayment(), retry.repayment());

    return new IdempotencyConflictException(original.id(), fields);
  }

  private static void differs(List<String> fields, String name, Object original, Object retry) {
    if (!original.equals(retry)) {
      fields.add(name);
    }
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
   * @throws IllegalArgumentException if the request is unknown, or {@code at} is before it was made or outside the
   *     supported dates
   * @throws LedgerUnavailableException if the store kept failing or other servers kept appending first (safe to
   *     retry)
   */
  public LedgerResult approve(RequestId requestId, Approver approver, Instant at) {
    return decideApproval(null, requestId, approver, at, true);
  }

  /**
   * Approves a request awaiting approval, as {@link #approve(RequestId, Approver, Instant)} does, under an
   * operation id the caller chose: the same id again returns the first result (with the reservation as it now
   * stands) and changes nothing, whichever server the retry reaches.
   *
   * @param operationId the caller's id for this approval, not null
   * @param requestId the request, not null
   * @param approver who approves, in which role and team, not null
   * @param at when the approval was given, not before the request was made, within the supported dates, not null
   * @return applied, or refused as {@link #approve(RequestId, Approver, Instant)} is; not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the request is unknown, or {@code at} is before it was made or outside the
   *     supported dates
   * @throws OperationConflictException if {@code operationId} was used for a different change
   * @throws LedgerUnavailableException if the store kept failing or other servers kept appending first (safe to
   *     retry)
   */
  public LedgerResult approve(OperationId operationId, RequestId requestId, Approver approver, Instant at) {
    return decideApproval(requireNonNull(operationId, "operationId"), requestId, approver, at, true);
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
   * @throws IllegalArgumentException if the request is unknown, or {@code at} is before it was made or outside the
   *     supported dates
   * @throws LedgerUnavailableException if the store kept failing or other servers kept appending first (safe to
   *     retry)
   */
  public LedgerResult reject(RequestId requestId, Approver approver, Instant at) {
    return decideApproval(null, requestId, approver, at, false);
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
   * @throws IllegalArgumentException if the request is unknown, or {@code at} is before it was made or outside the
   *     supported dates
   * @throws OperationConflictException if {@code operationId} was used for a different change
   * @throws LedgerUnavailableException if the store kept failing or other servers kept appending first (safe to
   *     retry)
   */
  public LedgerResult reject(OperationId operationId, RequestId requestId, Approver approver, Instant at) {
    return decideApproval(requireNonNull(operationId, "operationId"), requestId, approver, at, false);
  }

  private LedgerResult decideApproval(@Nullable OperationId operationId, RequestId requestId, Approver approver,
      Instant at, boolean approve) {
    requireNonNull(requestId, "requestId");
    requireNonNull(approver, "approver");
    Entry entry = known(requestId);
    checkAt(entry, at);
    return retryingResult(() -> {
      recordLapsed(entry.familyId(), requestId);
      LedgerResult result = judgeApproval(operationId, entry, approver, at, approve);
      if (!result.isApplied()) {
        recordLapsed(entry.familyId(), null); // this request's own lapse, if it was refused for that
      }
      return result;
    });
  }

  /** Approves or rejects, or says why not; the family's other lapsed holds are already recorded. */
  private LedgerResult judgeApproval(@Nullable OperationId operationId, Entry entry, Approver approver,
      Instant at, boolean approve) {
    RequestId requestId = entry.submitted.requestId();
    FamilyId familyId = entry.familyId();
    WorkerId worker = approver.workerId();
    Optional<TeamId> team = approver.teamId();
    Scopes.Held held = hold(entry);
    try {
      committer.ensureRunning();
      if (operationId != null) {
        LedgerResult repeated = repeated(operationId, approve
            ? Operation.approve(familyId, requestId, worker, approver.role(), team.orElse(null), at)
            : Operation.request("reject", familyId, requestId, null, worker, at));
        if (repeated != null) {
          return repeated;
        }
      }
      Reservation before = entry.reserved == null ? null : balances.snapshot(entry);
      if (before == null) {
        return LedgerResult.refused(LedgerRefusal.NOT_AWAITING_APPROVAL, "Request " + requestId
            + " was declined, so there is nothing to " + (approve ? "approve." : "reject."), null, null);
      }
      boolean lapsedOrAwaiting = before.status() == ReservationStatus.EXPIRED
          || before.status() == ReservationStatus.AWAITING_APPROVAL;
      BudgetPeriod term = history.inForceOn(before.day()).term();
      if (approve && lapsedOrAwaiting && !at.isBefore(term.endInstant())) {
        return LedgerResult.refused(LedgerRefusal.TERM_ENDED, "The scheme's term ended with "
            + LondonTime.format(term.end().minusDays(1)) + ", before this approval at " + LondonTime.format(at)
            + "; nothing awaiting approval can be approved after the term.", before, null);
      }
      if (before.status() == ReservationStatus.EXPIRED) {
        return LedgerResult.refused(LedgerRefusal.RESERVATION_EXPIRED, "The hold on request " + requestId
            + " lapsed at " + LondonTime.format(before.expiresAt().orElseThrow()) + lapseReason(entry, term) + ".",
            before, null);
      }
      if (before.status() != ReservationStatus.AWAITING_APPROVAL) {
        return LedgerResult.refused(LedgerRefusal.NOT_AWAITING_APPROVAL, "Request " + requestId + " is "
            + describe(before.status()) + ", not awaiting approval.", before, null);
      }
      Instant expiresAt = before.expiresAt().orElseThrow();
      if (!at.isBefore(expiresAt)) {
        return LedgerResult.refused(LedgerRefusal.RESERVATION_EXPIRED, "The hold on request " + requestId
            + " lapsed at " + LondonTime.format(expiresAt) + lapseReason(entry, term) + ", before this "
            + (approve ? "approval" : "rejection") + " at " + LondonTime.format(at) + ".", before, null);
      }
      SpendRequest request = entry.submitted.request();
      ApprovalCheck check = SpendRules.validateApproval(request, entry.submitted.decision(), approver);
      if (!check.isAccepted()) {
        StringBuilder message = new StringBuilder();
        for (ApprovalCheck.Refusal refusal : check.refusals()) {
          message.append(message.length() == 0 ? "" : " ").append(refusal.message());
        }
        return LedgerResult.refused(LedgerRefusal.APPROVAL_NOT_VALID, message.toString(), before, check);
      }
      Optional<OperationId> recordedId = Optional.ofNullable(operationId);
      if (approve) {
        committer.commit(List.of((sequence, recordedAt) -> new LedgerEvent.Approved(sequence, recordedAt, worker,
            familyId, requestId, approver.role(), at, team, recordedId)), null, operationId);
        return LedgerResult.applied(balances.snapshot(entry), LedgerMessages.approved(before.amount(),
            approver.role()));
      }
      committer.commit(List.of((sequence, recordedAt) -> new LedgerEvent.Rejected(sequence, recordedAt, worker,
          familyId, requestId, before.amount(), at, recordedId)), null, operationId);
      return LedgerResult.applied(balances.snapshot(entry), LedgerMessages.released("Rejected", before.amount()));
    } finally {
      held.release();
    }
  }

  /**
   * The first result of an operation id already recorded, as the reservation now stands, or null if the id is
   * new. Call with the request's family locked.
   *
   * @throws OperationConflictException if the id was recorded for a different change
   */
  private @Nullable LedgerResult repeated(OperationId operationId, Operation asked) {
    LedgerEvent recorded = recordedUnder(operationId, asked);
    if (recorded == null) {
      return null;
    }
    Entry entry = Objects.requireNonNull(balances.entry(((LedgerEvent.RequestEvent) recorded).requestId()));
    return LedgerResult.applied(balances.snapshot(entry), LedgerMessages.of(recorded,
        Objects.requireNonNull(entry.reserved).amount()));
  }

  /**
   * The event recorded under an operation id, or null if the id is new.
   *
   * @throws OperationConflictException if the id was recorded for a different change
   */
  private @Nullable LedgerEvent recordedUnder(OperationId operationId, Operation asked) {
    LedgerEvent recorded = balances.operation(operationId);
    if (recorded != null) {
      List<String> differences = Operation.of(recorded).differences(asked);
      if (!differences.isEmpty()) {
        throw new OperationConflictException(operationId, differences);
      }
    }
    return recorded;
  }

  /** Why a hold lapsed when it did, for a message: the term's end, a year's end, or (empty) its own end. */
  private static String lapseReason(Entry entry, BudgetPeriod term) {
    Instant expiresAt = Objects.requireNonNull(entry.expiresAt);
    if (expiresAt.equals(term.endInstant())) {
      return ", when the scheme's term ended";
    }
    for (Charge charge : Objects.requireNonNull(entry.reserved).charges()) {
      BudgetPeriod period = charge.key().period();
      if (period.kind().closesBudget() && expiresAt.equals(period.endInstant())) {
        return ", when the " + (period.kind() == PeriodKind.FINANCIAL_YEAR ? "financial" : "calendar")
            + " year it was charged to closed";
      }
    }
    return "";
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
   * @throws IllegalArgumentException if the request is unknown, {@code actualAmount} is not positive or is more
   *     than was reserved, or {@code at} is before the request was made
   * @throws CurrencyMismatchException if {@code actualAmount} is not in the scheme's currency
   * @throws LedgerUnavailableException if the store kept failing or other servers kept appending first (safe to
   *     retry)
   */
  public LedgerResult post(RequestId requestId, Money actualAmount, WorkerId actor, Instant at) {
    return postUnder(null, requestId, actualAmount, actor, at);
  }

  /**
   * Records a payment, as {@link #post(RequestId, Money, WorkerId, Instant)} does, under an operation id the
   * caller chose: the same id again returns the first result and changes nothing.
   *
   * @param operationId the caller's id for this payment, not null
   * @param requestId the request, not null
   * @param actualAmount the amount paid, positive, in the scheme's currency, at most the amount reserved, not
   *     null
   * @param actor who records the payment, not null
   * @param at when the payment was made, not before the request was made, not null
   * @return applied, or refused as {@link #post(RequestId, Money, WorkerId, Instant)} is; not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the request is unknown, {@code actualAmount} is not positive or is more
   *     than was reserved, or {@code at} is before the request was made
   * @throws CurrencyMismatchException if {@code actualAmount} is not in the scheme's currency
   * @throws OperationConflictException if {@code operationId} was used for a different change
   * @throws LedgerUnavailableException if the store kept failing or other servers kept appending first (safe to
   *     retry)
   */
  public LedgerResult post(OperationId operationId, RequestId requestId, Money actualAmount, WorkerId actor,
      Instant at) {
    return postUnder(requireNonNull(operationId, "operationId"), requestId, actualAmount, actor, at);
  }

  private LedgerResult postUnder(@Nullable OperationId operationId, RequestId requestId, Money actualAmount,
      WorkerId actor, Instant at) {
    checkAmount(actualAmount, "actualAmount");
    return onReservation(operationId, requestId, "post", actualAmount, actor, at, "pay", (entry, before) -> {
      if (actualAmount.isGreaterThan(before.amount())) {
        throw new IllegalArgumentException("actualAmount " + actualAmount + " is more than the "
            + before.amount() + " reserved for request " + requestId);
      }
      if (before.status() == ReservationStatus.AWAITING_APPROVAL) {
        return LedgerResult.refused(LedgerRefusal.NOT_APPROVED, "Request " + requestId
            + " is still awaiting approval, so it cannot be paid.", before, null);
      }
      if (before.status() != ReservationStatus.APPROVED) {
        return alreadyResolved(before);
      }
      Money released = before.amount().minus(actualAmount);
      FamilyId familyId = entry.familyId();
      Optional<OperationId> recordedId = Optional.ofNullable(operationId);
      committer.commit(List.of((sequence, recordedAt) -> new LedgerEvent.Posted(sequence, recordedAt, actor,
          familyId, requestId, actualAmount, released, at, recordedId)), null, operationId);
      return LedgerResult.applied(balances.snapshot(entry), LedgerMessages.posted(actualAmount, released));
    });
  }

  /** What a change on a reservation does once it is known to exist: applied, or refused. */
  @FunctionalInterface
  private interface OnReservation {
    LedgerResult apply(Entry entry, Reservation before);
  }

  /**
   * The steps every change on a reservation shares: check the request and the time, then in each attempt record
   * the family's lapsed holds, lock, answer a repeated operation id with its first result, refuse a request that
   * reserved nothing, and otherwise run {@code change} on the reservation as it stands.
   */
  private LedgerResult onReservation(@Nullable OperationId operationId, RequestId requestId, String kind,
      @Nullable Money amount, WorkerId actor, Instant at, String verb, OnReservation change) {
    return onReservation(operationId, requestId, kind, amount, null, null, actor, at, verb, change);
  }

  /** The same, for a change that records evidence of {@code evidence} kind at {@code reference}. */
  private LedgerResult onReservation(@Nullable OperationId operationId, RequestId requestId, String kind,
      @Nullable Money amount, @Nullable EvidenceKind evidence, @Nullable String reference, WorkerId actor,
      Instant at, String verb, OnReservation change) {
    requireNonNull(requestId, "requestId");
    requireNonNull(actor, "actor");
    Entry entry = known(requestId);
    checkAt(entry, at);
    // Built here rather than by a function the caller passes: a post is on the hot path, and a capturing lambda
    // would cost it an allocation.
    Operation asked = evidence == null
        ? Operation.request(kind, entry.familyId(), requestId, amount, actor, at)
        : Operation.evidence(entry.familyId(), requestId, actor, at, evidence, Objects.requireNonNull(reference));
    return retryingResult(() -> {
      recordLapsed(entry.familyId(), null);
      Scopes.Held held = hold(entry);
      try {
        committer.ensureRunning();
        LedgerResult repeated = operationId == null ? null : repeated(operationId, asked);
        if (repeated != null) {
          return repeated;
        }
        Reservation before = entry.reserved == null ? null : balances.snapshot(entry);
        return before == null ? nothingReserved(requestId, verb) : change.apply(entry, before);
      } finally {
        held.release();
      }
    });
  }

  /**
   * Cancels an open reservation (awaiting approval or approved), releasing its money.
   *
   * @param requestId the request, not null
   * @param actor who cancels it, not null
   * @param at when it was cancelled, not before the request was made, not null
   * @return applied, or refused with {@code NOTHING_RESERVED} or {@code ALREADY_RESOLVED}; not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the request is unknown or {@code at} is before it was made
   * @throws LedgerUnavailableException if the store kept failing or other servers kept appending first (safe to
   *     retry)
   */
  public LedgerResult voidReservation(RequestId requestId, WorkerId actor, Instant at) {
    return voidReservationUnder(null, requestId, actor, at);
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
   * @throws IllegalArgumentException if the request is unknown or {@code at} is before it was made
   * @throws OperationConflictException if {@code operationId} was used for a different change
   * @throws LedgerUnavailableException if the store kept failing or other servers kept appending first (safe to
   *     retry)
   */
  public LedgerResult voidReservation(OperationId operationId, RequestId requestId, WorkerId actor, Instant at) {
    return voidReservationUnder(requireNonNull(operationId, "operationId"), requestId, actor, at);
  }

  private LedgerResult voidReservationUnder(@Nullable OperationId operationId, RequestId requestId, WorkerId actor,
      Instant at) {
    return onReservation(operationId, requestId, "void", null, actor, at, "void", (entry, before) -> {
      if (!before.status().isOpen()) {
        return alreadyResolved(before);
      }
      FamilyId familyId = entry.familyId();
      Optional<OperationId> recordedId = Optional.ofNullable(operationId);
      committer.commit(List.of((sequence, recordedAt) -> new LedgerEvent.Voided(sequence, recordedAt, actor,
          familyId, requestId, before.amount(), at, recordedId)), null, operationId);
      return LedgerResult.applied(balances.snapshot(entry), LedgerMessages.released("Voided", before.amount()));
    });
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
    LondonTime.checkInstant("now", now);
    committer.catchUp();
    List<Reservation> expired = new ArrayList<>();
    for (RequestId requestId : balances.awaitingApproval()) {
      Entry entry = Objects.requireNonNull(balances.entry(requestId));
      boolean recorded = retrying(() -> {
        Scopes.Held held = hold(entry);
        try {
          committer.ensureRunning();
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
        expired.add(balances.snapshot(entry));
      }
    }
    expired.sort(Comparator.comparing((Reservation r) -> r.expiresAt().orElseThrow())
        .thenComparing(Reservation::requestId));
    return List.copyOf(expired);
  }

  /** Records that a lapsed hold expired, at its expiry time. Call with the entry's locks held. */
  private void recordExpiry(Entry entry) {
    LedgerEvent.Reserved reserved = Objects.requireNonNull(entry.reserved);
    Instant lapsed = Objects.requireNonNull(entry.expiresAt);
    RequestId requestId = reserved.requestId();
    committer.commit(List.of((sequence, recordedAt) -> new LedgerEvent.Expired(sequence, recordedAt, systemWorker,
        reserved.familyId(), requestId, reserved.amount(), lapsed)), null, null);
  }

  /**
   * Records the expiry of every hold of a family that has lapsed by now and is not recorded yet, except
   * {@code keep}'s (an approval of it is judged by its own time). Each expiry is its own change, made with the
   * family, then the hold's team and pilot, locked, in the ledger's lock order; call with no lock held.
   */
  private void recordLapsed(FamilyId familyId, @Nullable RequestId keep) {
    if (committer.isStopped()) {
      return; // the operation itself will say why
    }
    Instant now = now();
    ReentrantLock family = scopes.family(familyId);
    family.lock();
    try {
      for (Entry entry : balances.lapsed(familyId, now)) {
        if (keep != null && keep.equals(entry.submitted.requestId())) {
          continue;
        }
        Scopes.Held held = hold(entry);
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
   * @throws IllegalArgumentException if the request is unknown, {@code amount} is not positive, or {@code at} is
   *     before the request was made
   * @throws CurrencyMismatchException if {@code amount} is not in the scheme's currency
   * @throws LedgerUnavailableException if the store kept failing or other servers kept appending first
   */
  public LedgerResult refund(RequestId requestId, Money amount, WorkerId actor, Instant at) {
    return refundUnder(null, requestId, amount, actor, at);
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
   * @throws IllegalArgumentException if the request is unknown, {@code amount} is not positive, or {@code at} is
   *     before the request was made
   * @throws CurrencyMismatchException if {@code amount} is not in the scheme's currency
   * @throws OperationConflictException if {@code operationId} was used for a different change
   * @throws LedgerUnavailableException if the store kept failing or other servers kept appending first (safe to
   *     retry)
   */
  public LedgerResult refund(OperationId operationId, RequestId requestId, Money amount, WorkerId actor,
      Instant at) {
    return refundUnder(requireNonNull(operationId, "operationId"), requestId, amount, actor, at);
  }

  private LedgerResult refundUnder(@Nullable OperationId operationId, RequestId requestId, Money amount,
      WorkerId actor, Instant at) {
    checkAmount(amount, "amount");
    return onReservation(operationId, requestId, "refund", amount, actor, at, "refund", (entry, before) -> {
      if (before.status() != ReservationStatus.POSTED) {
        return LedgerResult.refused(LedgerRefusal.NOT_POSTED, "Request " + requestId + " is "
            + describe(before.status()) + ", so there is no spend to refund.", before, null);
      }
      Money left = before.posted().minus(before.refunded()).minus(Money.ofMinor(currency, entry.repaid));
      if (amount.isGreaterThan(left)) {
        return LedgerResult.refused(LedgerRefusal.REFUND_EXCEEDS_REMAINING, pounds(amount)
            + " is more than the " + pounds(left) + " left of request " + requestId + "'s spend.", before, null);
      }
      boolean restores = history.inForceOn(before.day()).refundRestoresAllowance();
      FamilyId familyId = entry.familyId();
      Optional<OperationId> recordedId = Optional.ofNullable(operationId);
      committer.commit(List.of((sequence, recordedAt) -> new LedgerEvent.Refunded(sequence, recordedAt, actor,
          familyId, requestId, amount, restores, at, recordedId)), null, operationId);
      return LedgerResult.applied(balances.snapshot(entry), LedgerMessages.refunded(amount, restores));
    });
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
   * @throws IllegalArgumentException if the request is unknown, {@code reference} is not a valid reference (the
   *     message gives its length, never its text) or {@code at} is before the request was made or outside the
   *     supported dates
   * @throws LedgerUnavailableException if the store kept failing or other servers kept appending first
   */
  public LedgerResult recordEvidence(RequestId requestId, EvidenceKind kind, String reference, WorkerId actor,
      Instant at) {
    return recordEvidenceUnder(null, requestId, kind, reference, actor, at);
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
   * @throws LedgerUnavailableException if the store kept failing or other servers kept appending first (safe to
   *     retry)
   */
  public LedgerResult recordEvidence(OperationId operationId, RequestId requestId, EvidenceKind kind,
      String reference, WorkerId actor, Instant at) {
    return recordEvidenceUnder(requireNonNull(operationId, "operationId"), requestId, kind, reference, actor, at);
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
   * @throws IllegalArgumentException if the request is unknown, {@code amount} is not positive, or {@code at} is
   *     before the request was made or outside the supported dates
   * @throws CurrencyMismatchException if {@code amount} is not in the scheme's currency
   * @throws LedgerUnavailableException if the store kept failing or other servers kept appending first
   */
  public LedgerResult recordRepayment(RequestId requestId, Money amount, WorkerId actor, Instant at) {
    return recordRepaymentUnder(null, requestId, amount, actor, at);
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
   * @throws LedgerUnavailableException if the store kept failing or other servers kept appending first (safe to
   *     retry)
   */
  public LedgerResult recordRepayment(OperationId operationId, RequestId requestId, Money amount, WorkerId actor,
      Instant at) {
    return recordRepaymentUnder(requireNonNull(operationId, "operationId"), requestId, amount, actor, at);
  }

  private LedgerResult recordRepaymentUnder(@Nullable OperationId operationId, RequestId requestId, Money amount,
      WorkerId actor, Instant at) {
    checkAmount(amount, "amount");
    return onReservation(operationId, requestId, "repay", amount, actor, at, "record a repayment of",
        (entry, before) -> {
          if (entry.submitted.request().repayment().isEmpty()) {
            return LedgerResult.refused(LedgerRefusal.NOT_REPAYABLE, "Request " + requestId + " was given without "
                + "conditions, so there is nothing to repay.", before, null);
          }
          if (before.status() != ReservationStatus.POSTED) {
            return LedgerResult.refused(LedgerRefusal.NOT_POSTED, "Request " + requestId + " is "
                + describe(before.status()) + ", so nothing has been paid to repay.", before, null);
          }
          Money left = Money.ofMinor(currency, Balances.owed(entry) - entry.repaid);
          if (amount.isGreaterThan(left)) {
            return LedgerResult.refused(LedgerRefusal.REPAYMENT_EXCEEDS_OWED, pounds(amount) + " is more than the "
                + pounds(left) + " still owed on request " + requestId + ".", before, null);
          }
          boolean restores = history.inForceOn(before.day()).repaymentRestoresAllowance();
          FamilyId familyId = entry.familyId();
          Optional<OperationId> recordedId = Optional.ofNullable(operationId);
          committer.commit(List.of((sequence, recordedAt) -> new LedgerEvent.Repaid(sequence, recordedAt,
              actor, familyId, requestId, amount, restores, at, recordedId)), null, operationId);
          return LedgerResult.applied(balances.snapshot(entry), LedgerMessages.repaid(amount, restores));
        });
  }

  private LedgerResult recordEvidenceUnder(@Nullable OperationId operationId, RequestId requestId,
      EvidenceKind kind, String reference, WorkerId actor, Instant at) {
    requireNonNull(kind, "kind");
    SpendRequest.checkEvidenceReference("reference", reference);
    return onReservation(operationId, requestId, "evidence", null, kind, reference, actor, at, "record evidence for",
        (entry, before) -> {
          if (before.status() != ReservationStatus.POSTED) {
            return LedgerResult.refused(LedgerRefusal.NOT_POSTED, "Request " + requestId + " is "
                + describe(before.status()) + ", so there is no payment to record evidence of.", before, null);
          }
          FamilyId familyId = entry.familyId();
          Optional<OperationId> recordedId = Optional.ofNullable(operationId);
          committer.commit(List.of((sequence, recordedAt) -> new LedgerEvent.EvidenceReceived(sequence, recordedAt,
              actor, familyId, requestId, kind, reference, at, recordedId)), null, operationId);
          return LedgerResult.applied(balances.snapshot(entry), LedgerMessages.evidence(kind));
        });
  }

  // ------------------------------------------------------------------------------------------------- queries

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
  public BudgetPosition position(SpendRequest request) {
    requireNonNull(request, "request");
    PilotConfiguration configuration = history.inForceOn(request.requestedOn());
    List<UsageKey> keys = SpendRules.usageKeys(configuration, request);
    Scopes.Held held = scopes.hold(request.familyId(), keys);
    try {
      return positionFor(configuration, request, keys, now());
    } finally {
      held.release();
    }
  }

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
  public List<RemainingBudget> remainingBudget(FamilyId familyId, LocalDate date) {
    requireNonNull(familyId, "familyId");
    requireNonNull(date, "date");
    PilotConfiguration configuration = inTerm(date);
    List<UsageKey> keys = new ArrayList<>();
    for (Allowance allowance : configuration.allowances()) {
      BudgetPeriod period = periodOf(configuration, allowance, date);
      switch (allowance.scope()) {
        case FAMILY:
          keys.add(new UsageKey(allowance.id(), AllowanceScope.FAMILY, familyId.value(), period));
          break;
        case CHILD:
          for (String child : balances.childrenOf(familyId)) {
            keys.add(new UsageKey(allowance.id(), AllowanceScope.CHILD, child, period));
          }
          break;
        case PILOT:
          keys.add(new UsageKey(allowance.id(), AllowanceScope.PILOT, BudgetPosition.PILOT, period));
          break;
        default:
          break;
      }
    }
    Scopes.Held held = scopes.hold(familyId, keys);
    try {
      Instant now = now();
      BudgetPosition.Builder position = BudgetPosition.builder();
      for (UsageKey key : keys) {
        position.usage(key, usage(AccountKey.of(key), key.period(), now));
      }
      return SpendRules.remainingBudget(configuration, familyId, date, position.build());
    } finally {
      held.release();
    }
  }

  /**
   * Returns how much is left of each team allowance for a team on a date.
   *
   * @param teamId the team, not null
   * @param date the day, within the term of the version in force, not null
   * @return an immutable list in configuration order, empty if the scheme has no team allowance, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code date} is outside the term or before the first version
   */
  public List<RemainingBudget> remainingBudget(TeamId teamId, LocalDate date) {
    requireNonNull(teamId, "teamId");
    requireNonNull(date, "date");
    return sharedRemaining(AllowanceScope.TEAM, scopes.team(teamId.value()), teamId.value(), date);
  }

  /**
   * Returns how much is left of each pilot-wide allowance on a date.
   *
   * @param date the day, within the term of the version in force, not null
   * @return an immutable list in configuration order, empty if the scheme has no pilot-wide allowance, not null
   * @throws NullPointerException if {@code date} is null
   * @throws IllegalArgumentException if {@code date} is outside the term or before the first version
   */
  public List<RemainingBudget> remainingBudgetOfPilot(LocalDate date) {
    requireNonNull(date, "date");
    return sharedRemaining(AllowanceScope.PILOT, scopes.pilot(), BudgetPosition.PILOT, date);
  }

  private List<RemainingBudget> sharedRemaining(AllowanceScope scope, ReentrantLock lock, String holder,
      LocalDate date) {
    PilotConfiguration configuration = inTerm(date);
    List<RemainingBudget> result = new ArrayList<>();
    lock.lock();
    try {
      Instant now = now();
      for (Allowance allowance : configuration.allowances()) {
        if (allowance.scope() == scope) {
          BudgetPeriod period = periodOf(configuration, allowance, date);
          result.add(RemainingBudget.of(allowance, holder,
              usage(new AccountKey(allowance.id().value(), holder), period, now)));
        }
      }
    } finally {
      lock.unlock();
    }
    return List.copyOf(result);
  }

  /**
   * Returns the reservation made for a request, as it stands now: one whose hold has lapsed by the clock's now is
   * {@link ReservationStatus#EXPIRED}, even before the expiry is recorded.
   *
   * @param requestId the request, not null
   * @return the reservation; empty if the request is unknown or was declined; not null
   * @throws NullPointerException if {@code requestId} is null
   */
  public Optional<Reservation> reservation(RequestId requestId) {
    Entry entry = balances.entry(requireNonNull(requestId, "requestId"));
    if (entry == null) {
      return Optional.empty();
    }
    ReentrantLock lock = scopes.family(entry.familyId());
    lock.lock();
    try {
      return entry.reserved == null ? Optional.empty() : Optional.of(balances.snapshot(entry, now()));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns the first submission of a request: what a retry would return.
   *
   * @param requestId the request, not null
   * @return the submission, empty if the request is unknown, not null
   * @throws NullPointerException if {@code requestId} is null
   */
  public Optional<Submission> submission(RequestId requestId) {
    Entry entry = balances.entry(requireNonNull(requestId, "requestId"));
    if (entry == null) {
      return Optional.empty();
    }
    ReentrantLock lock = scopes.family(entry.familyId());
    lock.lock();
    try {
      return Optional.of(balances.submission(entry));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns where a spend given subject to repayment stands: owed, repaid, due and overdue.
   *
   * @param requestId the request, not null
   * @return the status once the spend is paid; empty for a gift, or before payment; not null
   * @throws NullPointerException if {@code requestId} is null
   */
  public Optional<RepaymentStatus> repayment(RequestId requestId) {
    Entry entry = balances.entry(requireNonNull(requestId, "requestId"));
    return entry == null ? Optional.empty() : Optional.ofNullable(repaymentOf(entry));
  }

  /**
   * Returns the repayments still outstanding across the scheme, whether or not any of them is overdue yet; by
   * request id. Filter with {@link RepaymentStatus#isOverdueOn(LocalDate)} for those overdue on a day.
   *
   * @return the statuses, possibly none, not null
   */
  public List<RepaymentStatus> repaymentsOutstanding() {
    return repaymentsOutstanding(status -> true);
  }

  /**
   * Returns a family's repayments still outstanding, by request id.
   *
   * @param family the family, not null
   * @return the statuses, possibly none, not null
   * @throws NullPointerException if {@code family} is null
   */
  public List<RepaymentStatus> repaymentsOutstanding(FamilyId family) {
    requireNonNull(family, "family");
    return repaymentsOutstanding(status -> status.familyId().equals(family));
  }

  /**
   * Returns the repayments still outstanding on a team's spends, by request id.
   *
   * @param team the requesting workers' team, not null
   * @return the statuses, possibly none, not null
   * @throws NullPointerException if {@code team} is null
   */
  public List<RepaymentStatus> repaymentsOutstanding(TeamId team) {
    requireNonNull(team, "team");
    return repaymentsOutstanding(status -> status.teamId().equals(team));
  }

  private List<RepaymentStatus> repaymentsOutstanding(java.util.function.Predicate<RepaymentStatus> wanted) {
    List<RepaymentStatus> found = new ArrayList<>();
    for (RequestId id : balances.repayable()) {
      Entry entry = Objects.requireNonNull(balances.entry(id));
      RepaymentStatus status = repaymentOf(entry);
      if (status != null && status.outstanding().isPositive() && wanted.test(status)) {
        found.add(status);
      }
    }
    found.sort(Comparator.comparing(RepaymentStatus::requestId));
    return List.copyOf(found);
  }

  /** A posted repayable spend's status, read with its family locked; null for a gift or before payment. */
  private @Nullable RepaymentStatus repaymentOf(Entry entry) {
    SpendRequest request = entry.submitted.request();
    if (request.repayment().isEmpty()) {
      return null;
    }
    ReentrantLock family = scopes.family(entry.familyId());
    family.lock();
    try {
      if (entry.status != ReservationStatus.POSTED) {
        return null;
      }
      return RepaymentStatus.of(request, Money.ofMinor(currency, entry.posted - entry.refunded),
          Money.ofMinor(currency, entry.repaid));
    } finally {
      family.unlock();
    }
  }

  /**
   * Returns the evidence a paid spend needs, one item per requirement of its scheme's evidence policy that applies
   * to it, each with its due day and, once met, the day it arrived.
   *
   * @param requestId the request, not null
   * @return the items in the policy's order; none if the spend needed no evidence or is not paid; not null
   * @throws NullPointerException if {@code requestId} is null
   */
  public List<EvidenceDue> evidence(RequestId requestId) {
    return balances.evidence().of(requireNonNull(requestId, "requestId"));
  }

  /**
   * Returns the evidence still due from a worker: every item not yet met of the spends they requested, on every
   * family, whether or not it is overdue yet; soonest due first, then by request id.
   *
   * @param worker the requesting worker, not null
   * @return the items, possibly none, not null
   * @throws NullPointerException if {@code worker} is null
   */
  public List<EvidenceDue> evidenceDue(WorkerId worker) {
    return balances.evidence().outstanding(requireNonNull(worker, "worker"));
  }

  /**
   * Returns the evidence still due for a team's spends, as {@link #evidenceDue(WorkerId)} does for a worker's.
   *
   * @param team the requesting workers' team, not null
   * @return the items, soonest due first, possibly none, not null
   * @throws NullPointerException if {@code team} is null
   */
  public List<EvidenceDue> evidenceDue(TeamId team) {
    return balances.evidence().outstanding(requireNonNull(team, "team"));
  }

  /**
   * Returns the evidence still due for a family's spends, as {@link #evidenceDue(WorkerId)} does for a worker's.
   *
   * @param family the family, not null
   * @return the items, soonest due first, possibly none, not null
   * @throws NullPointerException if {@code family} is null
   */
  public List<EvidenceDue> evidenceDue(FamilyId family) {
    return balances.evidence().outstanding(requireNonNull(family, "family"));
  }

  /**
   * Returns the evidence overdue from a worker on a London day: the items of {@link #evidenceDue(WorkerId)} whose
   * due day is before {@code day}.
   *
   * @param worker the requesting worker, not null
   * @param day the London day to judge on, not null
   * @return the overdue items, oldest due first, possibly none, not null
   * @throws NullPointerException if an argument is null
   */
  public List<EvidenceDue> evidenceOverdue(WorkerId worker, LocalDate day) {
    return overdue(evidenceDue(worker), day);
  }

  /**
   * Returns the evidence overdue for a team's spends on a London day.
   *
   * @param team the requesting workers' team, not null
   * @param day the London day to judge on, not null
   * @return the overdue items, oldest due first, possibly none, not null
   * @throws NullPointerException if an argument is null
   */
  public List<EvidenceDue> evidenceOverdue(TeamId team, LocalDate day) {
    return overdue(evidenceDue(team), day);
  }

  /**
   * Returns the evidence overdue for a family's spends on a London day.
   *
   * @param family the family, not null
   * @param day the London day to judge on, not null
   * @return the overdue items, oldest due first, possibly none, not null
   * @throws NullPointerException if an argument is null
   */
  public List<EvidenceDue> evidenceOverdue(FamilyId family, LocalDate day) {
    return overdue(evidenceDue(family), day);
  }

  private static List<EvidenceDue> overdue(List<EvidenceDue> due, LocalDate day) {
    requireNonNull(day, "day");
    List<EvidenceDue> overdue = new ArrayList<>(due.size());
    for (EvidenceDue item : due) {
      if (item.isOverdueOn(day)) {
        overdue.add(item);
      }
    }
    return List.copyOf(overdue);
  }

  /**
   * Returns a family's allocation record, if it has been allocated.
   *
   * @param familyId the family, not null
   * @return the record, not null
   * @throws NullPointerException if {@code familyId} is null
   */
  public Optional<AllocationRecord> allocation(FamilyId familyId) {
    return Optional.ofNullable(balances.allocation(requireNonNull(familyId, "familyId")));
  }

  /**
   * Returns the sequence number of the last event recorded, 0 if none.
   *
   * @return the last sequence number, 0 or more
   */
  public long lastSequence() {
    return committer.lastSequence();
  }

  /**
   * Folds the events other servers appended to the store since this ledger last read it, so that its queries
   * ({@link #remainingBudget}, {@link #reservation}, {@link #position}) show them. Changes catch up by themselves
   * when they need to (an append that finds another server's events first, a request made on another server);
   * queries do not read the store, so that they stay fast and work while the database is away. Call this before a
   * query when another server may have written since, or from a timer.
   *
   * @return how many events were folded, 0 or more
   * @throws LedgerUnavailableException if the store cannot be read ({@code STORE_FAILED}); nothing changed
   * @throws JournalMismatchException if another server recorded a decision under other rules (the ledger stops)
   * @throws LedgerInvariantException if an event cannot be folded (the ledger stops)
   */
  public int catchUp() {
    return committer.catchUp();
  }

  /**
   * Returns the store holding the journal, to read events from.
   *
   * @return the store, not null
   */
  public LedgerStore store() {
    return store;
  }

  /**
   * Replays the whole journal from the store into fresh balances and compares them with this ledger's: every
   * account on every day, every reservation's state and every allocation. Changes wait while it runs, so call it
   * from tests, audits and health checks rather than on every request.
   *
   * @throws LedgerInvariantException if the journal is out of order or does not reproduce the balances (the
   *     message names the first difference); the ledger then stops accepting changes
   */
  public void verifyJournal() {
    committer.catchUp();
    committer.exclusively(() -> {
      long upTo = committer.lastSequence();
      List<LedgerEvent> journal = new ArrayList<>();
      for (List<LedgerEvent> page = store.read(0, Committer.PAGE); !page.isEmpty() && journal.size() < upTo;
          page = store.read(journal.size(), Committer.PAGE)) {
        journal.addAll(page);
      }
      if (journal.size() > upTo) {
        journal.subList((int) upTo, journal.size()).clear(); // another server appended meanwhile
      }
      String difference = null;
      for (int i = 0; i < journal.size() && difference == null; i++) {
        if (journal.get(i).sequence() != i + 1) {
          difference = "the store's journal has event " + journal.get(i).sequence() + " at position " + (i + 1);
        }
      }
      Balances replayed = new Balances(currency, journal.size(), new EvidenceBook(history));
      if (difference == null) {
        replayed.apply(journal);
      }
      if (difference == null && journal.size() != upTo) {
        difference = "the store holds " + journal.size() + " events, the ledger recorded " + upTo;
      } else if (difference == null) {
        Map<String, String> live = balances.fingerprint();
        Map<String, String> fold = replayed.fingerprint();
        for (Map.Entry<String, String> line : live.entrySet()) {
          if (!line.getValue().equals(fold.get(line.getKey()))) {
            difference = line.getKey() + " is " + line.getValue() + " in the ledger but " + fold.get(line.getKey())
                + " in the journal";
            break;
          }
        }
        if (difference == null && live.size() != fold.size()) {
          difference = "the journal holds " + fold.size() + " balances, the ledger " + live.size();
        }
      }
      if (difference != null) {
        throw committer.stop("the journal does not reproduce the balances: " + difference);
      }
    });
  }

  /**
   * Returns a developer's form: the scheme, the version count and the journal's length.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    PilotConfiguration latest = history.latest();
    return "BudgetLedger[" + latest.council() + " '" + latest.scheme() + "', " + history.versions().size()
        + " version(s), " + lastSequence() + " events" + (committer.isStopped() ? ", stopped" : "") + "]";
  }

  // ------------------------------------------------------------------------------------------------ internals

  /**
   * Runs one attempt of a change, and again after catching up whenever the journal moved on under it (another
   * server appended first, the store failed before writing, the request or operation was recorded meanwhile), up
   * to the ledger's attempts. From the second retry on it waits a random moment of up to a few milliseconds, so
   * that servers that keep colliding fall out of step. Call with no lock held.
   */
  private <T> T retrying(Supplier<T> attempt) {
    if (committer.isDoubtful()) {
      committer.catchUp();
    }
    for (int attempts = 1; ; attempts++) {
      try {
        return attempt.get();
      } catch (Committer.Retry retry) {
        if (attempts >= maxAttempts) {
          throw retry.unavailable(attempts);
        }
        if (attempts > 1) {
          LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L * Math.min(attempts, 8)));
        }
        committer.catchUp();
      }
    }
  }

  /**
   * As {@link #retrying}, and a refusal is judged again after catching up if the store holds events this ledger
   * has not seen: a request approved on another server is not refused here as still awaiting approval.
   */
  private LedgerResult retryingResult(Supplier<LedgerResult> attempt) {
    long folded = committer.foreignFolded();
    LedgerResult result = retrying(attempt);
    if (!result.isApplied() && (committer.foreignFolded() != folded || committer.behindStore())) {
      committer.catchUp();
      result = retrying(attempt);
    }
    return result;
  }

  /** Hard caps, checked again before money is reserved: a decision that breaks one is a defect, not spent. */
  private void checkCaps(PilotConfiguration configuration, SpendRequest request, List<Charge> charges,
      Instant asOf) {
    long amount = request.amount().minorUnits();
    for (Allowance allowance : configuration.allowances()) {
      if (allowance.scope() == AllowanceScope.REQUEST && allowance.enforcement() == Enforcement.HARD
          && allowance.appliesTo(request.category()) && amount > allowance.cap().minorUnits()) {
        throw capBroken(request, allowance, 0);
      }
    }
    for (Charge charge : charges) {
      UsageKey key = charge.key();
      Allowance allowance = allowanceWithId(configuration, key.allowanceId());
      if (allowance.enforcement() == Enforcement.HARD) {
        long[] sum = balances.sum(AccountKey.of(key), key.period(), asOf);
        long used = sum[0] + sum[1];
        if (used > allowance.cap().minorUnits() - charge.amount().minorUnits()) {
          throw capBroken(request, allowance, used);
        }
      }
    }
  }

  private LedgerInvariantException capBroken(SpendRequest request, Allowance allowance, long used) {
    return new LedgerInvariantException("reserving " + request.amount() + " for request " + request.id()
        + " would take '" + allowance.name() + "' from " + Money.ofMinor(currency, used) + " used over its cap of "
        + allowance.cap() + "; nothing was reserved");
  }

  private static Allowance allowanceWithId(PilotConfiguration configuration, AllowanceId id) {
    for (Allowance allowance : configuration.allowances()) {
      if (allowance.id().equals(id)) {
        return allowance;
      }
    }
    throw new IllegalStateException("no allowance with id '" + id + "'");
  }

  private BudgetPosition positionFor(PilotConfiguration configuration, SpendRequest request,
      List<UsageKey> keys, Instant asOf) {
    BudgetPosition.Builder position = BudgetPosition.builder();
    for (UsageKey key : keys) {
      position.usage(key, usage(AccountKey.of(key), key.period(), asOf));
    }
    Optional<BudgetPeriod> window = SpendRules.cumulativeWindow(configuration, request);
    if (window.isPresent()) {
      position.familyWindow(usage(AccountKey.spendingOf(request.familyId()), window.get(), asOf));
    }
    AllocationRecord record = balances.allocation(request.familyId());
    if (record != null) {
      position.allocation(record);
    }
    EvidencePolicy evidence = configuration.evidencePolicy().orElse(null);
    if (evidence != null && evidence.whenOverdue() != EvidencePolicy.WhenOverdue.NOTHING) {
      OverdueEvidence overdue = balances.evidence().overdue(request.requestedBy(), request.requestedOn(), currency);
      if (overdue != null) {
        position.overdueEvidence(overdue);
      }
    }
    return position.build();
  }

  /** An account's usage in a period as of an instant: holds lapsed by then are released. */
  private Usage usage(AccountKey key, BudgetPeriod period, Instant asOf) {
    long[] sum = balances.sum(key, period, asOf);
    return Usage.of(period, Money.ofMinor(currency, sum[0]), Money.ofMinor(currency, sum[1]));
  }

  /** The ledger's now: from its clock, checked, because every lapse and recording time is judged by it. */
  private Instant now() {
    return requireNonNull(clock.instant(), "clock.instant()");
  }

  private PilotConfiguration inTerm(LocalDate date) {
    PilotConfiguration configuration = history.inForceOn(date);
    if (!configuration.term().contains(date)) {
      throw new IllegalArgumentException("date " + date + " is outside the term " + configuration.term());
    }
    return configuration;
  }

  private static BudgetPeriod periodOf(PilotConfiguration configuration, Allowance allowance, LocalDate date) {
    return allowance.period().periodContaining(date, configuration.term());
  }

  /** The request's entry; a request this ledger has not seen may have been made on another server. */
  private Entry known(RequestId requestId) {
    Entry entry = balances.entry(requestId);
    if (entry == null) {
      if (committer.behindStore()) {
        committer.catchUp();
      }
      // Read again either way: another thread's catch-up may have folded the request since the first read.
      entry = balances.entry(requestId);
    }
    if (entry == null) {
      throw new IllegalArgumentException("requestId " + requestId + " was never submitted to this ledger");
    }
    return entry;
  }

  private static void checkAt(Entry entry, Instant at) {
    LondonTime.checkInstant("at", at);
    Instant made = entry.submitted.request().requestedAt();
    if (at.isBefore(made)) {
      throw new IllegalArgumentException("at " + LondonTime.format(at) + " is before request "
          + entry.submitted.requestId() + " was made, at " + LondonTime.format(made));
    }
  }

  private void checkAmount(Money amount, String name) {
    Checks.positive(amount, name);
    if (!amount.hasCurrency(currency)) {
      throw new CurrencyMismatchException(name, amount, currency, "the scheme's currency");
    }
  }

  private static LedgerResult nothingReserved(RequestId requestId, String verb) {
    return LedgerResult.refused(LedgerRefusal.NOTHING_RESERVED, "Request " + requestId
        + " was declined, so there is nothing to " + verb + ".", null, null);
  }

  private static LedgerResult alreadyResolved(Reservation reservation) {
    return LedgerResult.refused(LedgerRefusal.ALREADY_RESOLVED, "Request " + reservation.requestId()
        + " was already " + describe(reservation.status()) + ".", reservation, null);
  }

  private static String describe(ReservationStatus status) {
    return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String pounds(Money money) {
    return LedgerMessages.pounds(money);
  }

  // -------------------------------------------------------------------------------------------------- locking

  /** Locks a request's family, then its reservation's team and the pilot, as far as its charges reach. */
  private Scopes.Held hold(Entry entry) {
    return scopes.hold(entry.familyId(), entry.reserved);
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
     * fails before writing, before {@link LedgerUnavailableException} is thrown. Defaults to
     * {@value BudgetLedger#DEFAULT_ATTEMPTS}: enough for a handful of servers busy on one scheme, and few enough
     * that a caller hears of a database outage within a second or so.
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
     * @throws LedgerInvariantException if the stored journal is out of order or breaks an invariant
     * @throws JournalMismatchException if the journal was decided in another scheme, or under a version this
     *     history lacks or has with other rules
     */
    public BudgetLedger build() {
      return new BudgetLedger(this);
    }
  }
}
