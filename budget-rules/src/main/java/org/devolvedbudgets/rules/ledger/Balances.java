package org.devolvedbudgets.rules.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.money.CurrencyUnit;
import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.OperationId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.devolvedbudgets.rules.ledger.LedgerEvent.Allocated;
import org.devolvedbudgets.rules.ledger.LedgerEvent.Approved;
import org.devolvedbudgets.rules.ledger.LedgerEvent.EvidenceReceived;
import org.devolvedbudgets.rules.ledger.LedgerEvent.Expired;
import org.devolvedbudgets.rules.ledger.LedgerEvent.Posted;
import org.devolvedbudgets.rules.ledger.LedgerEvent.Refunded;
import org.devolvedbudgets.rules.ledger.LedgerEvent.Rejected;
import org.devolvedbudgets.rules.ledger.LedgerEvent.Repaid;
import org.devolvedbudgets.rules.ledger.LedgerEvent.Reserved;
import org.devolvedbudgets.rules.ledger.LedgerEvent.Submitted;
import org.devolvedbudgets.rules.ledger.LedgerEvent.Voided;
import org.devolvedbudgets.rules.position.UsageKey;
import org.jspecify.annotations.Nullable;

/**
 * The balances decisions are made against, as a fold of the ledger's events: money per account per day, each
 * request's reservation, each family's allocation and the operation ids used. {@link #apply} is the only way they
 * change, both when an operation commits and when a journal is replayed, so the two cannot disagree. Every event
 * is checked first ({@link EventChecks}): a reservation resolves once, amounts match what was reserved, no balance
 * goes negative or overflows.
 *
 * <p>Money is counted per {@link AccountKey} per day, in minor units ({@link Account}): a period's usage is the sum
 * over its days, which serves fixed periods and rolling windows alike. A request's {@link RequestEntry} points
 * straight at the accounts its reservation charges, so paying or releasing it looks nothing up. Each account a
 * reservation charges holds the charge's amount: the whole amount, or a child's share ({@link Charge}); a payment
 * or money coming back is split among the charges of one allowance by the largest-remainder rule ({@link Splits}).
 *
 * <p><b>Lapsed holds.</b> A hold awaiting approval releases its money at its expiry instant, whether or not an
 * {@code Expired} event has been recorded yet: each account keeps the entries awaiting approval that charge it, and
 * a sum {@linkplain #sum(AccountKey, BudgetPeriod, Instant) as of an instant} leaves out those lapsed by then.
 *
 * <p>The views a ledger answers questions from (the approval queue, evidence due, repayments) are not kept here:
 * each is its own projection ({@link Views}).
 *
 * <p>Thread safety: the maps are concurrent so that operations on different families can read and insert at once;
 * each account's days and each request's entry are guarded by the ledger's lock of the scope they belong to, and
 * {@link #apply} runs under the ledger's append lock as well.
 */
final class Balances {

  private final ConcurrentHashMap<AccountKey, Account> accounts;
  private final ConcurrentHashMap<RequestId, RequestEntry> requests;
  private final ConcurrentHashMap<FamilyId, AllocationRecord> allocations = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<FamilyId, Set<String>> children = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<OperationId, LedgerEvent> operations = new ConcurrentHashMap<>();
  private final CurrencyUnit currency;
  private final EventChecks checks;

  /**
   * Empty balances.
   *
   * @param currency the scheme's currency
   * @param expectedEvents how many events are about to be applied (a journal's length), to size the maps once
   */
  Balances(CurrencyUnit currency, int expectedEvents) {
    this.currency = currency;
    this.requests = new ConcurrentHashMap<>(Math.max(16, expectedEvents / 2));
    this.accounts = new ConcurrentHashMap<>(Math.max(16, expectedEvents / 4));
    this.checks = new EventChecks(this);
  }

  CurrencyUnit currency() {
    return currency;
  }

  @Nullable RequestEntry entry(RequestId requestId) {
    return requests.get(requestId);
  }

  @Nullable Account account(AccountKey key) {
    return accounts.get(key);
  }

  /** The event recorded under an operation id, or null if the id is new. */
  @Nullable LedgerEvent operation(OperationId operationId) {
    return operations.get(operationId);
  }

  @Nullable AllocationRecord allocation(FamilyId familyId) {
    return allocations.get(familyId);
  }

  Set<String> childrenOf(FamilyId familyId) {
    return children.getOrDefault(familyId, Set.of());
  }

  /**
   * Sums an account over a period: {posted, reserved} in minor units, as of {@code asOf}: holds awaiting approval
   * that have lapsed by then count as released. Call with the account's scope locked.
   */
  long[] sum(AccountKey key, BudgetPeriod period, Instant asOf) {
    Account account = accounts.get(key);
    return account == null ? new long[2]
        : account.sum(period.start().toEpochDay(), period.end().toEpochDay(), asOf);
  }

  /**
   * Returns the family's reservations awaiting approval whose holds have lapsed by {@code asOf}, not yet recorded
   * as expired. Call with the family locked.
   */
  List<RequestEntry> lapsed(FamilyId familyId, Instant asOf) {
    Account spending = accounts.get(AccountKey.spendingOf(familyId));
    return spending == null ? List.of() : spending.lapsed(asOf);
  }

  /** The reservation as recorded. */
  Reservation snapshot(RequestEntry entry) {
    return snapshot(entry, Objects.requireNonNull(entry.status, "status"));
  }

  /** The reservation as it stands at {@code asOf}: one whose hold has lapsed by then is {@code EXPIRED}. */
  Reservation snapshot(RequestEntry entry, Instant asOf) {
    return entry.lapsedBy(asOf) ? snapshot(entry, ReservationStatus.EXPIRED) : snapshot(entry);
  }

  private Reservation snapshot(RequestEntry entry, ReservationStatus status) {
    Reserved reserved = Objects.requireNonNull(entry.reserved, "reserved");
    return new Reservation(reserved.requestId(), reserved.familyId(), reserved.day(), reserved.amount(), status,
        reserved.expiresAt().orElse(null), Money.ofMinor(currency, entry.posted), Money.ofMinor(currency,
            entry.refunded));
  }

  /**
   * Returns what submitting the request gave: its decision and its reservation as made. Built the first time it
   * is asked for (a replay never needs most of them) and then kept, so a retry returns the same object. Call with
   * the request's family locked.
   */
  Submission submission(RequestEntry entry) {
    Submission submission = entry.submission;
    if (submission == null) {
      Reserved reserved = entry.reserved;
      Money zero = Money.zero(currency);
      submission = new Submission(entry.submitted.decision(), reserved == null ? null
          : new Reservation(reserved.requestId(), reserved.familyId(), reserved.day(), reserved.amount(),
              reserved.awaitsApproval() ? ReservationStatus.AWAITING_APPROVAL : ReservationStatus.APPROVED,
              reserved.expiresAt().orElse(null), zero, zero));
      entry.submission = submission;
    }
    return submission;
  }

  /**
   * Checks and applies one event; a journal that breaks a rule throws {@link LedgerInvariantException} at the
   * first event that cannot be applied, which changes nothing.
   *
   * @return the request's entry the event changed (for a submission, the new one), or null for an allocation
   */
  @Nullable RequestEntry apply(LedgerEvent event) {
    RequestEntry entry = checks.validate(event, null);
    return change(event, event instanceof Submitted ? new RequestEntry((Submitted) event) : entry);
  }

  /**
   * Checks that a batch can be applied, without changing anything: each event against the state as the events
   * before it in the batch would leave it. A request submitted earlier in the batch counts as submitted; a batch
   * may change account balances with one event only (the ledger's batches are a submission and its reservation,
   * or one event), so that each balance check sees the live figures.
   *
   * @return what {@link #applyChecked} needs: the entry each event changes (for a submission, the new entry)
   * @throws LedgerInvariantException if an event cannot be applied
   * @throws IllegalStateException if more than one event in the batch changes balances
   */
  List<@Nullable RequestEntry> check(List<LedgerEvent> events) {
    List<@Nullable RequestEntry> entries = new ArrayList<>(events.size());
    RequestEntry pending = null;
    int changingBalances = 0;
    for (LedgerEvent event : events) {
      if (EventChecks.changesBalances(event) && ++changingBalances > 1) {
        throw new IllegalStateException("a batch may change balances with one event only");
      }
      RequestEntry entry = checks.validate(event, pending);
      if (event instanceof Submitted) {
        pending = new RequestEntry((Submitted) event);
        entry = pending;
      }
      entries.add(entry);
    }
    return entries;
  }

  /**
   * Applies a batch {@link #check} accepted, with what it returned, without checking it again. Call with the
   * state unchanged since the check (the ledger holds its locks throughout).
   */
  void applyChecked(List<LedgerEvent> events, List<@Nullable RequestEntry> checked) {
    for (int i = 0; i < events.size(); i++) {
      change(events.get(i), checked.get(i));
    }
  }

  /** Changes the state for an event {@link EventChecks} accepted, returning the entry it changed. */
  private @Nullable RequestEntry change(LedgerEvent event, @Nullable RequestEntry entry) {
    if (event.operationId().isPresent()) {
      operations.put(event.operationId().get(), event);
    }
    if (event instanceof Allocated) {
      allocations.put(event.familyId(), ((Allocated) event).record());
      return null;
    }
    RequestEntry changed = Objects.requireNonNull(entry);
    if (event instanceof Submitted) {
      requests.put(changed.requestId(), changed);
    } else if (event instanceof Reserved) {
      reserve((Reserved) event, changed);
    } else if (event instanceof Approved) {
      stopAwaiting(changed);
      changed.status = ReservationStatus.APPROVED;
    } else if (event instanceof Rejected) {
      release(changed, ReservationStatus.REJECTED);
    } else if (event instanceof Voided) {
      release(changed, ReservationStatus.VOIDED);
    } else if (event instanceof Expired) {
      release(changed, ReservationStatus.EXPIRED);
    } else if (event instanceof Posted) {
      pay(changed, ((Posted) event).amount().minorUnits());
    } else if (event instanceof Repaid) {
      Repaid repaid = (Repaid) event;
      giveBack(changed, repaid.amount().minorUnits(), repaid.restoresAllowance());
      changed.repaid += repaid.amount().minorUnits();
    } else if (event instanceof Refunded) {
      Refunded refunded = (Refunded) event;
      giveBack(changed, refunded.amount().minorUnits(), refunded.restoresAllowance());
      changed.refunded += refunded.amount().minorUnits();
    } else if (!(event instanceof EvidenceReceived)) {
      throw new IllegalStateException("no balance change for a " + event.getClass().getSimpleName() + " event");
    }
    return changed;
  }

  private void reserve(Reserved reserved, RequestEntry entry) {
    List<Charge> charges = reserved.charges();
    int n = charges.size() + 1;
    long whole = reserved.amount().minorUnits();
    Account[] charged = new Account[n];
    boolean shared = false;
    for (int i = 0; i < charges.size(); i++) {
      Charge charge = charges.get(i);
      UsageKey key = charge.key();
      charged[i] = accounts.computeIfAbsent(AccountKey.of(key), k -> new Account());
      shared |= charge.amount().minorUnits() != whole;
      if (key.scope() == AllowanceScope.CHILD) {
        children.computeIfAbsent(reserved.familyId(), family -> ConcurrentHashMap.newKeySet()).add(key.holder());
      }
    }
    charged[n - 1] = accounts.computeIfAbsent(AccountKey.spendingOf(reserved.familyId()), key -> new Account());
    if (shared) {
      shareAmongChildren(entry, charges, whole);
    }
    entry.accounts = charged;
    entry.amount = whole;
    entry.day = reserved.day().toEpochDay();
    entry.expiresAt = reserved.expiresAt().orElse(null);
    entry.reserved = reserved;
    entry.status = reserved.awaitsApproval() ? ReservationStatus.AWAITING_APPROVAL : ReservationStatus.APPROVED;
    for (int i = 0; i < n; i++) {
      charged[i].add(entry.day, 0, entry.heldAt(i));
    }
    if (reserved.awaitsApproval()) {
      for (Account account : charged) {
        account.await(entry);
      }
    }
  }

  /**
   * Sets up the splits of a purchase shared among children: what each account holds, and which per-child charges
   * of one allowance share a split. Only such a purchase pays for these arrays.
   */
  private static void shareAmongChildren(RequestEntry entry, List<Charge> charges, long whole) {
    int n = charges.size() + 1;
    long[] held = new long[n];
    int[] groups = new int[n];
    List<AllowanceId> allowances = new ArrayList<>(2);
    for (int i = 0; i < charges.size(); i++) {
      Charge charge = charges.get(i);
      held[i] = charge.amount().minorUnits();
      groups[i] = -1;
      if (held[i] != whole) {
        int group = allowances.indexOf(charge.key().allowanceId());
        if (group < 0) {
          group = allowances.size();
          allowances.add(charge.key().allowanceId());
        }
        groups[i] = group;
      }
    }
    held[n - 1] = whole;
    groups[n - 1] = -1;
    entry.held = held;
    entry.groups = groups;
  }

  private static void pay(RequestEntry entry, long amount) {
    long[] paid = entry.held == null ? null : Splits.split(amount, entry.held, entry.groups);
    for (int i = 0; i < entry.accounts.length; i++) {
      entry.accounts[i].add(entry.day, paid == null ? amount : paid[i], -entry.heldAt(i));
    }
    if (paid != null) {
      entry.paid = paid;
      entry.returned = new long[paid.length];
    }
    entry.status = ReservationStatus.POSTED;
    entry.posted = amount;
  }

  /**
   * Money coming back to a posted spend, by refund or repayment: split among the accounts as what is left of the
   * spend in each, taken off their posted figures when it restores the allowance, and noted as returned.
   */
  private static void giveBack(RequestEntry entry, long amount, boolean restores) {
    long[] back = entry.held == null ? null : Splits.split(amount, Splits.unrefunded(entry), entry.groups);
    for (int i = 0; i < entry.accounts.length; i++) {
      if (restores) {
        entry.accounts[i].add(entry.day, back == null ? -amount : -back[i], 0);
      }
      if (back != null) {
        Objects.requireNonNull(entry.returned)[i] += back[i];
      }
    }
  }

  private static void release(RequestEntry entry, ReservationStatus to) {
    stopAwaiting(entry);
    for (int i = 0; i < entry.accounts.length; i++) {
      entry.accounts[i].add(entry.day, 0, -entry.heldAt(i));
    }
    entry.status = to;
  }

  private static void stopAwaiting(RequestEntry entry) {
    if (entry.status == ReservationStatus.AWAITING_APPROVAL) {
      for (Account account : entry.accounts) {
        account.stopAwaiting(entry);
      }
    }
  }

  /**
   * Returns every non-zero day of every account, every request's state and every allocation, in a form two folds
   * can be compared by: equal exactly when the balances are.
   */
  Map<String, String> fingerprint() {
    Map<String, String> result = new HashMap<>();
    accounts.forEach((key, account) -> account.describeInto(key.allowance() + "/" + key.holder(), result));
    requests.forEach((id, entry) -> result.put("request " + id,
        entry.status + " posted " + entry.posted + " refunded " + entry.refunded + " repaid " + entry.repaid));
    allocations.forEach((family, record) -> result.put("allocation " + family, record.toString()));
    return result;
  }
}
