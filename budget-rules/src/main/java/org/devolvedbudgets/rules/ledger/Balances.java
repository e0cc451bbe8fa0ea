package org.devolvedbudgets.rules.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
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
import org.devolvedbudgets.rules.ledger.LedgerEvent.Repaid;
import org.devolvedbudgets.rules.ledger.LedgerEvent.Rejected;
import org.devolvedbudgets.rules.ledger.LedgerEvent.Reserved;
import org.devolvedbudgets.rules.ledger.LedgerEvent.Submitted;
import org.devolvedbudgets.rules.ledger.LedgerEvent.Voided;
import org.devolvedbudgets.rules.position.UsageKey;
import org.jspecify.annotations.Nullable;

/**
 * The ledger's balances as a fold of its events: {@link #apply} is the only way they change, both when an
 * operation commits and when a journal is replayed, so the two cannot disagree.
 *
 * <p>Money is counted per account (an allowance and a holder, or a family's whole spending) per day, in minor
 * units: a period's usage is the sum over its days, which serves fixed periods and rolling windows alike. Each
 * account keeps its days in sorted primitive arrays ({@link Account}), and a request's entry points straight at
 * the accounts its reservation charges, so paying or releasing it looks nothing up. Why not maps of days: a
 * replay folds millions of events, and boxed days and tallies made it about three times slower.
 *
 * <p>Each account a reservation charges holds the charge's amount: the whole amount, or a child's share
 * ({@link Charge}). A payment or a refund is split among the charges of one allowance in proportion to them (to
 * what is left of them, for a refund) by the largest-remainder rule ({@link #split}), so each account's figures
 * stay whole pence and add up.
 *
 * <p><b>Lapsed holds.</b> A hold awaiting approval releases its money at its expiry instant, whether or not an
 * {@code Expired} event has been recorded yet: each account keeps the entries awaiting approval that charge it,
 * and a sum {@linkplain #sum(AccountKey, BudgetPeriod, Instant) as of an instant} leaves out those lapsed by then.
 * The ledger records the expiry later, once, when it next touches the family or sweeps.
 *
 * <p>Every event is checked before it changes anything ({@link #check}, and again in {@link #apply}): a
 * reservation resolves once, amounts match what was reserved, no balance goes negative or overflows.
 *
 * <p>Thread safety: the maps are concurrent so that operations on different families can read and insert at
 * once; each account's days and each request's entry are guarded by the {@link BudgetLedger}'s lock of the
 * scope they belong to, and {@link #apply} runs under the ledger's append lock as well.
 */
final class Balances {

  /** The account name of a family's whole spending, for the cumulative window: never a valid allowance id. */
  static final String FAMILY_SPENDING = "";

  private final ConcurrentHashMap<AccountKey, Account> accounts;
  private final ConcurrentHashMap<RequestId, Entry> requests;
  private final ConcurrentHashMap<FamilyId, AllocationRecord> allocations = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<FamilyId, Set<String>> children = new ConcurrentHashMap<>();
  private final Set<RequestId> awaiting = ConcurrentHashMap.newKeySet();
  /** The posted spends given subject to repayment, in no order. */
  private final Set<RequestId> repayable = ConcurrentHashMap.newKeySet();
  private final ConcurrentHashMap<OperationId, LedgerEvent> operations = new ConcurrentHashMap<>();
  private final CurrencyUnit currency;
  private final EvidenceBook evidence;

  /**
   * Empty balances.
   *
   * @param currency the scheme's currency
   * @param expectedEvents how many events are about to be applied (a journal's length), to size the maps once
   * @param evidence where paid spends' evidence is kept track of, empty
   */
  Balances(CurrencyUnit currency, int expectedEvents, EvidenceBook evidence) {
    this.currency = currency;
    this.evidence = evidence;
    this.requests = new ConcurrentHashMap<>(Math.max(16, expectedEvents / 2));
    this.accounts = new ConcurrentHashMap<>(Math.max(16, expectedEvents / 4));
  }

  /** An allowance, by its id's value (or {@link #FAMILY_SPENDING}), counted for one holder. */
  record AccountKey(String allowance, String holder) {

    static AccountKey of(UsageKey key) {
      return new AccountKey(key.allowanceId().value(), key.holder());
    }

    static AccountKey spendingOf(FamilyId familyId) {
      return new AccountKey(FAMILY_SPENDING, familyId.value());
    }
  }

  /**
   * Posted and reserved minor units per day of one account: days ascending in a primitive array, with the
   * amounts in two parallel ones. Most events land on the account's latest day, which is checked first.
   */
  static final class Account {
    private int size;
    private long[] days = new long[2];
    private long[] posted = new long[2];
    private long[] reserved = new long[2];
    /** The entries awaiting approval that charge this account; null until one does (most spends never do). */
    private @Nullable ArrayList<Entry> awaiting;

    private int indexOf(long day) {
      if (size > 0 && days[size - 1] == day) {
        return size - 1;
      }
      return Arrays.binarySearch(days, 0, size, day);
    }

    long posted(long day) {
      int i = indexOf(day);
      return i < 0 ? 0 : posted[i];
    }

    long reserved(long day) {
      int i = indexOf(day);
      return i < 0 ? 0 : reserved[i];
    }

    /** Adds to one day; the caller has checked that neither amount goes negative or overflows. */
    void add(long day, long postedChange, long reservedChange) {
      int i = indexOf(day);
      if (i < 0) {
        i = -i - 1;
        if (size == days.length) {
          int capacity = size * 2;
          days = Arrays.copyOf(days, capacity);
          posted = Arrays.copyOf(posted, capacity);
          reserved = Arrays.copyOf(reserved, capacity);
        }
        System.arraycopy(days, i, days, i + 1, size - i);
        System.arraycopy(posted, i, posted, i + 1, size - i);
        System.arraycopy(reserved, i, reserved, i + 1, size - i);
        days[i] = day;
        posted[i] = 0;
        reserved[i] = 0;
        size++;
      }
      posted[i] += postedChange;
      reserved[i] += reservedChange;
    }

    /**
     * Sums the days in {@code [from, to)}: {posted, reserved}, leaving out the holds awaiting approval that have
     * lapsed by {@code asOf} (none if it is null).
     */
    long[] sum(long from, long to, @Nullable Instant asOf) {
      int i = Arrays.binarySearch(days, 0, size, from);
      long[] sum = new long[2];
      for (i = i < 0 ? -i - 1 : i; i < size && days[i] < to; i++) {
        sum[0] += posted[i];
        sum[1] += reserved[i];
      }
      if (asOf != null && awaiting != null) {
        for (Entry entry : awaiting) {
          if (entry.lapsedBy(asOf) && entry.day >= from && entry.day < to) {
            sum[1] -= entry.heldOn(this);
          }
        }
      }
      return sum;
    }

    void await(Entry entry) {
      if (awaiting == null) {
        awaiting = new ArrayList<>(2);
      }
      awaiting.add(entry);
    }

    void stopAwaiting(Entry entry) {
      if (awaiting != null) {
        awaiting.remove(entry);
      }
    }

    /** The entries awaiting approval that charge this account and have lapsed by {@code asOf}. */
    List<Entry> lapsed(Instant asOf) {
      List<Entry> lapsed = null;
      if (awaiting != null) {
        for (Entry entry : awaiting) {
          if (entry.lapsedBy(asOf)) {
            if (lapsed == null) {
              lapsed = new ArrayList<>(2);
            }
            lapsed.add(entry);
          }
        }
      }
      return lapsed == null ? List.of() : lapsed;
    }
  }

  /**
   * One request: what was submitted, what was reserved and where the reservation is now. The arrays run parallel
   * to {@link #accounts}: the reservation's charges, then the family's spending.
   */
  static final class Entry {
    final Submitted submitted;
    @Nullable Reserved reserved;
    /** The accounts the reservation charges, resolved once when it is made. */
    Account[] accounts = new Account[0];
    /** The amount reserved, in minor units: what every account holds unless the purchase is shared. */
    long amount;
    /**
     * For a purchase shared among children (some charge holds less than the whole), what is held against each
     * account, what was paid from and refunded to each, and which split each takes part in (the accounts of one
     * per-child allowance share one; -1 for an account alone). Null otherwise: every account takes the whole.
     */
    long @Nullable [] held;
    long @Nullable [] paid;
    long @Nullable [] returned;
    int @Nullable [] groups;
    /** The reservation's day, as an epoch day. */
    long day;
    /** When the hold lapses, if it awaits approval. */
    @Nullable Instant expiresAt;
    private @Nullable Submission submission;
    @Nullable ReservationStatus status;
    long posted;
    long refunded;
    /** What the family has repaid, on help given subject to repayment. */
    long repaid;

    Entry(Submitted submitted) {
      this.submitted = submitted;
    }

    FamilyId familyId() {
      return submitted.familyId();
    }

    /** Whether the reservation still awaits approval but its hold has lapsed by {@code asOf}. */
    boolean lapsedBy(Instant asOf) {
      return status == ReservationStatus.AWAITING_APPROVAL && expiresAt != null && !asOf.isBefore(expiresAt);
    }

    /** What the reservation holds against its {@code i}-th account. */
    long heldAt(int i) {
      return held == null ? amount : held[i];
    }

    long heldOn(Account account) {
      for (int i = 0; i < accounts.length; i++) {
        if (accounts[i] == account) {
          return heldAt(i);
        }
      }
      return 0;
    }
  }

  @Nullable Entry entry(RequestId requestId) {
    return requests.get(requestId);
  }

  /** The evidence paid spends need, as the events applied so far leave it. */
  EvidenceBook evidence() {
    return evidence;
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

  List<RequestId> awaitingApproval() {
    return List.copyOf(awaiting);
  }

  /** The posted spends given subject to repayment. */
  List<RequestId> repayable() {
    return List.copyOf(repayable);
  }

  /**
   * What a repayable spend's family owes in all, in minor units, as {@link RepaymentStatus#owed()} says: the terms'
   * amount, but never more than is left of the spend after refunds. Zero for a gift. In minor units because
   * every check of a repayment and a refund asks it.
   */
  static long owed(Entry entry) {
    return entry.submitted.request().repayment()
        .map(terms -> Math.min(terms.amount().minorUnits(), entry.posted - entry.refunded)).orElse(0L);
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
  List<Entry> lapsed(FamilyId familyId, Instant asOf) {
    Account spending = accounts.get(AccountKey.spendingOf(familyId));
    return spending == null ? List.of() : spending.lapsed(asOf);
  }

  /** The reservation as recorded. */
  Reservation snapshot(Entry entry) {
    return snapshot(entry, Objects.requireNonNull(entry.status, "status"));
  }

  /** The reservation as it stands at {@code asOf}: one whose hold has lapsed by then is {@code EXPIRED}. */
  Reservation snapshot(Entry entry, Instant asOf) {
    return entry.lapsedBy(asOf) ? snapshot(entry, ReservationStatus.EXPIRED) : snapshot(entry);
  }

  private Reservation snapshot(Entry entry, ReservationStatus status) {
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
  Submission submission(Entry entry) {
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
   * Applies events in order, each checked against the state first (a reservation resolves once, a refund never
   * exceeds what was posted, no balance goes negative); a journal that breaks a rule throws
   * {@link LedgerInvariantException} at the first event that cannot be applied, which changes nothing.
   */
  void apply(List<LedgerEvent> events) {
    for (int i = 0; i < events.size(); i++) {
      LedgerEvent event = events.get(i);
      change(event, validate(event, null));
    }
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
  List<@Nullable Entry> check(List<LedgerEvent> events) {
    List<@Nullable Entry> entries = new ArrayList<>(events.size());
    Entry pending = null;
    int changingBalances = 0;
    for (LedgerEvent event : events) {
      if (!(event instanceof Submitted || event instanceof Allocated || event instanceof Approved
          || event instanceof EvidenceReceived || event instanceof Repaid
          && !((Repaid) event).restoresAllowance()) && ++changingBalances > 1) {
        throw new IllegalStateException("a batch may change balances with one event only");
      }
      Entry entry = validate(event, pending);
      if (event instanceof Submitted) {
        pending = new Entry((Submitted) event);
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
  void applyChecked(List<LedgerEvent> events, List<@Nullable Entry> checked) {
    for (int i = 0; i < events.size(); i++) {
      change(events.get(i), checked.get(i));
    }
  }

  /**
   * Checks one event against the state, returning the request's entry it changes (null for an allocation or a
   * submission). {@code pending} is a request submitted earlier in the same batch, not yet applied.
   */
  private @Nullable Entry validate(LedgerEvent event, @Nullable Entry pending) {
    if (event.operationId().isPresent() && operations.containsKey(event.operationId().get())) {
      throw broken(event, "its operation id was already used");
    }
    if (event instanceof Allocated) {
      if (allocations.containsKey(event.familyId())) {
        throw broken(event, "the family was already allocated");
      }
      return null;
    }
    if (event instanceof Submitted) {
      RequestId id = ((Submitted) event).requestId();
      if (requests.containsKey(id) || pending != null && pending.submitted.requestId().equals(id)) {
        throw broken(event, "the request was already submitted");
      }
      return null;
    }
    if (event instanceof Reserved) {
      Reserved reserved = (Reserved) event;
      Entry entry = requests.get(reserved.requestId());
      if (entry == null && pending != null && pending.submitted.requestId().equals(reserved.requestId())) {
        entry = pending;
      }
      if (entry == null || entry.reserved != null || !entry.familyId().equals(reserved.familyId())) {
        throw broken(reserved, "it does not follow the request's submission");
      }
      if (!entry.submitted.request().amount().equals(reserved.amount())) {
        throw broken(reserved, "it reserves an amount other than the request's");
      }
      long amount = minor(reserved, reserved.amount());
      long day = reserved.day().toEpochDay();
      List<Charge> charges = reserved.charges();
      for (int i = 0; i <= charges.size(); i++) {
        Account account = accounts.get(i < charges.size() ? AccountKey.of(charges.get(i).key())
            : AccountKey.spendingOf(reserved.familyId()));
        if (account != null) {
          long held = i < charges.size() ? charges.get(i).amount().minorUnits() : amount;
          checkResult(reserved, reserved, i, account.posted(day), account.reserved(day), 0, held);
        }
      }
      return entry;
    }
    if (event instanceof Approved) {
      return awaitingApproval(event, ((Approved) event).requestId());
    }
    if (event instanceof Rejected) {
      Rejected rejected = (Rejected) event;
      return releasable(event, awaitingApproval(event, rejected.requestId()), rejected.released());
    }
    if (event instanceof Voided) {
      Voided voided = (Voided) event;
      return releasable(event, open(event, voided.requestId()), voided.released());
    }
    if (event instanceof Expired) {
      Expired expired = (Expired) event;
      return releasable(event, awaitingApproval(event, expired.requestId()), expired.released());
    }
    if (event instanceof Posted) {
      Posted posted = (Posted) event;
      Entry entry = open(posted, posted.requestId());
      if (entry.status != ReservationStatus.APPROVED) {
        throw broken(posted, "the reservation is " + entry.status + ", not approved");
      }
      Reserved reserved = Objects.requireNonNull(entry.reserved);
      long amount = minor(posted, posted.amount());
      long released = minor(posted, posted.released());
      long held = reserved.amount().minorUnits();
      if (amount + released != held) {
        throw broken(posted, "posted plus released is not the " + reserved.amount() + " reserved");
      }
      checkAccounts(posted, entry, entry.held == null ? null : split(amount, entry.held, entry.groups), amount,
          true);
      return entry;
    }
    if (event instanceof EvidenceReceived) {
      EvidenceReceived received = (EvidenceReceived) event;
      Entry entry = requests.get(received.requestId());
      if (entry == null || entry.status != ReservationStatus.POSTED || !entry.familyId().equals(event.familyId())) {
        throw broken(received, "the spend was not posted");
      }
      return entry;
    }
    if (event instanceof Repaid) {
      Repaid repaid = (Repaid) event;
      Entry entry = requests.get(repaid.requestId());
      if (entry == null || entry.status != ReservationStatus.POSTED || entry.reserved == null
          || entry.submitted.request().repayment().isEmpty()) {
        throw broken(repaid, "the spend was not posted subject to repayment");
      }
      long amount = minor(repaid, repaid.amount());
      if (amount > owed(entry) - entry.repaid) {
        throw broken(repaid, "it is more than the " + Money.ofMinor(currency, owed(entry) - entry.repaid)
            + " still owed");
      }
      checkGivenBack(repaid, entry, amount, repaid.restoresAllowance());
      return entry;
    }
    Refunded refunded = (Refunded) event;
    Entry entry = requests.get(refunded.requestId());
    if (entry == null || entry.status != ReservationStatus.POSTED || entry.reserved == null) {
      throw broken(refunded, "the spend was not posted");
    }
    long amount = minor(refunded, refunded.amount());
    long left = entry.posted - entry.refunded - entry.repaid;
    if (amount > left) {
      throw broken(refunded, "it is more than the " + Money.ofMinor(currency, left) + " left of the spend");
    }
    checkGivenBack(refunded, entry, amount, refunded.restoresAllowance());
    return entry;
  }

  /**
   * Changes the state for an event {@link #validate} has accepted; {@code entry} is what it returned, or for a
   * submission the entry to record (null: a new one).
   */
  private void change(LedgerEvent event, @Nullable Entry entry) {
    if (event.operationId().isPresent()) {
      operations.put(event.operationId().get(), event);
    }
    if (event instanceof Allocated) {
      allocations.put(event.familyId(), ((Allocated) event).record());
    } else if (event instanceof Submitted) {
      Submitted submitted = (Submitted) event;
      requests.put(submitted.requestId(), entry != null ? entry : new Entry(submitted));
    } else {
      Entry changed = Objects.requireNonNull(entry);
      if (event instanceof Reserved) {
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
        Posted posted = (Posted) event;
        long amount = posted.amount().minorUnits();
        long[] paid = changed.held == null ? null : split(amount, changed.held, changed.groups);
        for (int i = 0; i < changed.accounts.length; i++) {
          changed.accounts[i].add(changed.day, paid == null ? amount : paid[i], -changed.heldAt(i));
        }
        if (paid != null) {
          changed.paid = paid;
          changed.returned = new long[paid.length];
        }
        changed.status = ReservationStatus.POSTED;
        changed.posted = amount;
        evidence.posted(changed.submitted, posted);
        if (changed.submitted.request().repayment().isPresent()) {
          repayable.add(posted.requestId());
        }
      } else if (event instanceof EvidenceReceived) {
        evidence.received((EvidenceReceived) event);
      } else if (event instanceof Repaid) {
        Repaid repaid = (Repaid) event;
        long amount = repaid.amount().minorUnits();
        giveBack(changed, amount, repaid.restoresAllowance());
        changed.repaid += amount;
        if (changed.repaid == owed(changed)) {
          repayable.remove(repaid.requestId());
        }
      } else {
        Refunded refunded = (Refunded) event;
        long amount = refunded.amount().minorUnits();
        giveBack(changed, amount, refunded.restoresAllowance());
        changed.refunded += amount;
        if (owed(changed) == changed.repaid) {
          repayable.remove(refunded.requestId()); // a refund can leave nothing more to repay
        }
      }
    }
  }

  /**
   * Money coming back to a posted spend, by refund or repayment: split among the accounts as what is left of the
   * spend in each, taken off their posted figures when it restores the allowance, and noted as returned.
   */
  private static void giveBack(Entry entry, long amount, boolean restores) {
    long[] back = entry.held == null ? null : split(amount, unrefunded(entry), entry.groups);
    for (int i = 0; i < entry.accounts.length; i++) {
      if (restores) {
        entry.accounts[i].add(entry.day, back == null ? -amount : -back[i], 0);
      }
      if (back != null) {
        Objects.requireNonNull(entry.returned)[i] += back[i];
      }
    }
  }

  /** Checks that money coming back to a spend leaves every account it restores at zero or more. */
  private void checkGivenBack(LedgerEvent event, Entry entry, long amount, boolean restores) {
    if (restores) {
      checkAccounts(event, entry, entry.held == null ? null : negated(split(amount, unrefunded(entry),
          entry.groups)), -amount, false);
    }
  }

  private void reserve(Reserved reserved, Entry entry) {
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
      awaiting.add(reserved.requestId());
      for (Account account : charged) {
        account.await(entry);
      }
    }
  }

  /**
   * Sets up the splits of a purchase shared among children: what each account holds, and which per-child charges
   * of one allowance share a split. Only such a purchase pays for these arrays.
   */
  private static void shareAmongChildren(Entry entry, List<Charge> charges, long whole) {
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

  private void release(Entry entry, ReservationStatus to) {
    stopAwaiting(entry);
    for (int i = 0; i < entry.accounts.length; i++) {
      entry.accounts[i].add(entry.day, 0, -entry.heldAt(i));
    }
    entry.status = to;
  }

  private void stopAwaiting(Entry entry) {
    if (entry.status == ReservationStatus.AWAITING_APPROVAL) {
      awaiting.remove(entry.submitted.requestId());
      for (Account account : entry.accounts) {
        account.stopAwaiting(entry);
      }
    }
  }

  private Entry releasable(LedgerEvent event, Entry entry, Money released) {
    Reserved reserved = Objects.requireNonNull(entry.reserved);
    if (!released.equals(reserved.amount())) {
      throw broken(event, "it releases " + released + ", not the " + reserved.amount() + " reserved");
    }
    checkAccounts(event, entry, null, 0, true);
    return entry;
  }

  /** What is left of each account's payment after the refunds so far: the weights a new refund is split by. */
  private static long[] unrefunded(Entry entry) {
    long[] paid = Objects.requireNonNull(entry.paid);
    long[] returned = Objects.requireNonNull(entry.returned);
    long[] left = new long[paid.length];
    for (int i = 0; i < left.length; i++) {
      left[i] = paid[i] - returned[i];
    }
    return left;
  }

  private static long[] negated(long[] amounts) {
    long[] negated = new long[amounts.length];
    for (int i = 0; i < amounts.length; i++) {
      negated[i] = -amounts[i];
    }
    return negated;
  }

  /**
   * Splits {@code total} among accounts: an account alone in its group (group -1) takes all of it; the accounts of
   * one group (the per-child charges of one allowance) share it in proportion to {@code weights}, each taking the
   * whole part of its exact share and the minor units left over going one each to the largest remainders, the
   * earlier account winning a tie. So each group's parts add up to {@code total}, and no part exceeds its weight
   * when {@code total} is at most the group's total weight.
   */
  static long[] split(long total, long[] weights, int @Nullable [] groups) {
    Objects.requireNonNull(groups, "groups");
    long[] parts = new long[weights.length];
    boolean[] done = new boolean[weights.length];
    for (int i = 0; i < weights.length; i++) {
      if (done[i]) {
        continue;
      }
      if (groups[i] < 0) {
        parts[i] = total;
        done[i] = true;
        continue;
      }
      List<Integer> members = new ArrayList<>();
      BigInteger sum = BigInteger.ZERO;
      for (int j = i; j < weights.length; j++) {
        if (groups[j] == groups[i]) {
          members.add(j);
          sum = sum.add(BigInteger.valueOf(weights[j]));
          done[j] = true;
        }
      }
      if (sum.signum() == 0) {
        continue; // nothing to share by: every part stays zero
      }
      BigInteger whole = BigInteger.valueOf(total);
      BigInteger[] remainders = new BigInteger[weights.length];
      long given = 0;
      for (int j : members) {
        BigInteger[] share = whole.multiply(BigInteger.valueOf(weights[j])).divideAndRemainder(sum);
        parts[j] = share[0].longValueExact();
        remainders[j] = share[1];
        given += parts[j];
      }
      members.sort(Comparator.<Integer, BigInteger>comparing(j -> remainders[j]).reversed()
          .thenComparing(Comparator.naturalOrder()));
      for (int k = 0; k < total - given; k++) {
        parts[members.get(k % members.size())]++;
      }
    }
    return parts;
  }

  /**
   * Checks a change to every account a reservation charges, on its day: each account's posted amount changes by
   * {@code posted[i]} (or {@code postedAll} when {@code posted} is null, as for every purchase not shared among
   * children), and if {@code release} its held amount is released.
   */
  private void checkAccounts(LedgerEvent event, Entry entry, long @Nullable [] posted, long postedAll,
      boolean release) {
    Reserved reserved = Objects.requireNonNull(entry.reserved);
    for (int i = 0; i < entry.accounts.length; i++) {
      Account account = entry.accounts[i];
      checkResult(event, reserved, i, account.posted(entry.day), account.reserved(entry.day),
          posted == null ? postedAll : posted[i], release ? -entry.heldAt(i) : 0);
    }
  }

  /**
   * Checks one account's day after a change: the {@code index}-th account {@code reserved} charges (its charges,
   * then the family's spending), named only if the check fails.
   */
  private static void checkResult(LedgerEvent event, Reserved reserved, int index, long posted, long held,
      long postedChange, long reservedChange) {
    long newPosted = posted + postedChange;
    long newReserved = held + reservedChange;
    boolean overflows = ((posted ^ newPosted) & (postedChange ^ newPosted)) < 0
        || ((held ^ newReserved) & (reservedChange ^ newReserved)) < 0;
    if (overflows || newPosted < 0 || newReserved < 0) {
      List<Charge> charges = reserved.charges();
      String name = index < charges.size() ? "'" + charges.get(index).key().allowanceId() + "'"
          : "the family's spending";
      throw broken(event, "it would " + (overflows ? "overflow " : "leave ") + name + " on " + reserved.day()
          + (overflows ? "" : " negative"));
    }
  }

  private Entry awaitingApproval(LedgerEvent event, RequestId requestId) {
    Entry entry = open(event, requestId);
    if (entry.status != ReservationStatus.AWAITING_APPROVAL) {
      throw broken(event, "the reservation is " + entry.status + ", not awaiting approval");
    }
    return entry;
  }

  private Entry open(LedgerEvent event, RequestId requestId) {
    Entry entry = requests.get(requestId);
    if (entry == null || entry.reserved == null) {
      throw broken(event, "nothing was reserved for the request");
    }
    if (entry.status == null || !entry.status.isOpen()) {
      throw broken(event, "the reservation was already resolved (" + entry.status + ")");
    }
    return entry;
  }

  private long minor(LedgerEvent event, Money amount) {
    if (!amount.hasCurrency(currency)) {
      throw broken(event, "it is in " + amount.currency().getCurrencyCode() + ", not "
          + currency.getCurrencyCode());
    }
    return amount.minorUnits();
  }

  private static LedgerInvariantException broken(LedgerEvent event, String why) {
    return new LedgerInvariantException("event " + event.sequence() + " (" + event.getClass().getSimpleName()
        + ") cannot be applied: " + why);
  }

  /**
   * Returns every non-zero day of every account and every request's state, in a form two folds can be compared
   * by: equal exactly when the balances are.
   */
  Map<String, String> fingerprint() {
    Map<String, String> result = new HashMap<>();
    accounts.forEach((key, account) -> {
      for (int i = 0; i < account.size; i++) {
        if (account.posted[i] != 0 || account.reserved[i] != 0) {
          result.put("account " + key.allowance() + "/" + key.holder() + "/" + LocalDate.ofEpochDay(account.days[i]),
              account.posted[i] + " posted, " + account.reserved[i] + " reserved");
        }
      }
    });
    requests.forEach((id, entry) -> result.put("request " + id,
        entry.status + " posted " + entry.posted + " refunded " + entry.refunded + " repaid " + entry.repaid
            + (evidence.of(id).isEmpty() ? "" : " evidence " + evidence.of(id))));
    allocations.forEach((family, record) -> result.put("allocation " + family, record.toString()));
    result.put("awaiting", new TreeSet<>(awaiting).toString());
    result.put("repayable", new TreeSet<>(repayable).toString());
    return result;
  }

  static boolean isDue(Reserved reserved, Instant now) {
    return reserved.expiresAt().isPresent() && !now.isBefore(reserved.expiresAt().get());
  }
}
