package org.devolvedbudgets.rules.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.money.CurrencyUnit;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.devolvedbudgets.rules.ledger.LedgerEvent.Allocated;
import org.devolvedbudgets.rules.ledger.LedgerEvent.Approved;
import org.devolvedbudgets.rules.ledger.LedgerEvent.Expired;
import org.devolvedbudgets.rules.ledger.LedgerEvent.Posted;
import org.devolvedbudgets.rules.ledger.LedgerEvent.Refunded;
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
 * units: a period's usage is the sum over its days, which serves fixed periods and rolling windows alike.
 *
 * <p>Thread safety: the maps are concurrent so that operations on different families can read and insert at
 * once; each account's days and each request's entry are guarded by the {@link BudgetLedger}'s lock of the
 * scope they belong to, and {@link #apply} runs under the ledger's append lock as well.
 */
final class Balances {

  /** The account name of a family's whole spending, for the cumulative window: never a valid allowance name. */
  static final String FAMILY_SPENDING = "";

  private final ConcurrentHashMap<AccountKey, NavigableMap<LocalDate, Tally>> accounts = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<RequestId, Entry> requests = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<FamilyId, AllocationRecord> allocations = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<FamilyId, Set<String>> children = new ConcurrentHashMap<>();
  private final Set<RequestId> awaiting = ConcurrentHashMap.newKeySet();
  private final CurrencyUnit currency;

  Balances(CurrencyUnit currency) {
    this.currency = currency;
  }

  /** An allowance (or {@link #FAMILY_SPENDING}) counted for one holder. */
  record AccountKey(String allowance, String holder) {

    static AccountKey of(UsageKey key) {
      return new AccountKey(key.allowanceName(), key.holder());
    }

    static AccountKey spendingOf(FamilyId familyId) {
      return new AccountKey(FAMILY_SPENDING, familyId.value());
    }
  }

  /** Posted and reserved minor units on one day of one account. */
  static final class Tally {
    long posted;
    long reserved;

    boolean isZero() {
      return posted == 0 && reserved == 0;
    }
  }

  /** One request: what was submitted, what was reserved and where the reservation is now. */
  static final class Entry {
    final Submitted submitted;
    @Nullable Reserved reserved;
    @Nullable Submission submission;
    @Nullable ReservationStatus status;
    long posted;
    long refunded;

    Entry(Submitted submitted) {
      this.submitted = submitted;
    }

    FamilyId familyId() {
      return submitted.familyId();
    }
  }

  @Nullable Entry entry(RequestId requestId) {
    return requests.get(requestId);
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

  /** Sums an account over a period: {posted, reserved} in minor units. */
  long[] sum(AccountKey key, BudgetPeriod period) {
    long[] sum = new long[2];
    NavigableMap<LocalDate, Tally> days = accounts.get(key);
    if (days != null) {
      for (Tally tally : days.subMap(period.start(), true, period.end(), false).values()) {
        sum[0] += tally.posted;
        sum[1] += tally.reserved;
      }
    }
    return sum;
  }

  Reservation snapshot(Entry entry) {
    Reserved reserved = Objects.requireNonNull(entry.reserved, "reserved");
    return new Reservation(reserved.requestId(), reserved.familyId(), reserved.day(), reserved.amount(),
        Objects.requireNonNull(entry.status, "status"), reserved.expiresAt().orElse(null),
        Money.ofMinor(currency, entry.posted), Money.ofMinor(currency, entry.refunded));
  }

  /**
   * Applies events in order. Each is checked against the state first (a reservation resolves once, a refund
   * never exceeds what was posted, no balance goes negative); a journal that breaks a rule throws
   * {@link LedgerInvariantException}. The ledger checks every batch with {@link #check} before appending it, so
   * on the live path this never throws.
   */
  void apply(List<LedgerEvent> events) {
    for (LedgerEvent event : events) {
      apply(event);
    }
  }

  /**
   * Checks that a batch can be applied: runs it against a scratch copy of the requests and accounts it touches.
   */
  void check(List<LedgerEvent> events) {
    Balances scratch = new Balances(currency);
    for (LedgerEvent event : events) {
      if (event instanceof LedgerEvent.RequestEvent) {
        RequestId id = ((LedgerEvent.RequestEvent) event).requestId();
        Entry entry = requests.get(id);
        if (entry != null && !scratch.requests.containsKey(id)) {
          scratch.copyIn(this, entry);
        }
      }
      if (event instanceof Allocated) {
        AllocationRecord existing = allocations.get(event.familyId());
        if (existing != null) {
          scratch.allocations.put(event.familyId(), existing);
        }
      }
      scratch.apply(event);
    }
  }

  private void copyIn(Balances live, Entry entry) {
    Entry copy = new Entry(entry.submitted);
    copy.reserved = entry.reserved;
    copy.submission = entry.submission;
    copy.status = entry.status;
    copy.posted = entry.posted;
    copy.refunded = entry.refunded;
    requests.put(entry.submitted.requestId(), copy);
    if (entry.reserved != null) {
      for (AccountKey key : accountsOf(entry.reserved)) {
        NavigableMap<LocalDate, Tally> days = live.accounts.get(key);
        Tally live0 = days == null ? null : days.get(entry.reserved.day());
        if (live0 != null && !accounts.containsKey(key)) {
          Tally tally = new Tally();
          tally.posted = live0.posted;
          tally.reserved = live0.reserved;
          NavigableMap<LocalDate, Tally> one = new TreeMap<>();
          one.put(entry.reserved.day(), tally);
          accounts.put(key, one);
        }
      }
    }
  }

  private void apply(LedgerEvent event) {
    if (event instanceof Allocated) {
      Allocated allocated = (Allocated) event;
      AllocationRecord previous = allocations.putIfAbsent(allocated.familyId(), allocated.record());
      if (previous != null) {
        throw broken(event, "the family was already allocated");
      }
    } else if (event instanceof Submitted) {
      Submitted submitted = (Submitted) event;
      Entry previous = requests.putIfAbsent(submitted.requestId(), new Entry(submitted));
      if (previous != null) {
        throw broken(event, "the request was already submitted");
      }
      Entry entry = requests.get(submitted.requestId());
      entry.submission = new Submission(submitted.decision(), null);
    } else if (event instanceof Reserved) {
      reserve((Reserved) event);
    } else if (event instanceof Approved) {
      Entry entry = awaitingApproval(event, ((Approved) event).requestId());
      entry.status = ReservationStatus.APPROVED;
      awaiting.remove(entry.submitted.requestId());
    } else if (event instanceof Rejected) {
      Rejected rejected = (Rejected) event;
      release(event, awaitingApproval(event, rejected.requestId()), rejected.released(), ReservationStatus.REJECTED);
    } else if (event instanceof Voided) {
      Voided voided = (Voided) event;
      release(event, open(event, voided.requestId()), voided.released(), ReservationStatus.VOIDED);
    } else if (event instanceof Expired) {
      Expired expired = (Expired) event;
      release(event, awaitingApproval(event, expired.requestId()), expired.released(), ReservationStatus.EXPIRED);
    } else if (event instanceof Posted) {
      post((Posted) event);
    } else {
      refund((Refunded) event);
    }
  }

  private void reserve(Reserved reserved) {
    Entry entry = requests.get(reserved.requestId());
    if (entry == null || entry.reserved != null || !entry.familyId().equals(reserved.familyId())) {
      throw broken(reserved, "it does not follow the request's submission");
    }
    if (!entry.submitted.request().amount().equals(reserved.amount())) {
      throw broken(reserved, "it reserves an amount other than the request's");
    }
    long amount = minor(reserved, reserved.amount());
    for (AccountKey key : accountsOf(reserved)) {
      add(reserved, key, reserved.day(), 0, amount);
    }
    for (UsageKey charge : reserved.charges()) {
      if (charge.scope() == AllowanceScope.CHILD) {
        children.computeIfAbsent(reserved.familyId(), family -> ConcurrentHashMap.newKeySet()).add(charge.holder());
      }
    }
    entry.reserved = reserved;
    entry.status = reserved.awaitsApproval() ? ReservationStatus.AWAITING_APPROVAL : ReservationStatus.APPROVED;
    if (reserved.awaitsApproval()) {
      awaiting.add(reserved.requestId());
    }
    entry.submission = new Submission(entry.submitted.decision(), snapshot(entry));
  }

  private void post(Posted posted) {
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
    for (AccountKey key : accountsOf(reserved)) {
      add(posted, key, reserved.day(), amount, -held);
    }
    entry.status = ReservationStatus.POSTED;
    entry.posted = amount;
  }

  private void refund(Refunded refunded) {
    Entry entry = requests.get(refunded.requestId());
    if (entry == null || entry.status != ReservationStatus.POSTED || entry.reserved == null) {
      throw broken(refunded, "the spend was not posted");
    }
    long amount = minor(refunded, refunded.amount());
    if (amount > entry.posted - entry.refunded) {
      throw broken(refunded, "it is more than the " + Money.ofMinor(currency, entry.posted - entry.refunded)
          + " left of the spend");
    }
    if (refunded.restoresAllowance()) {
      for (AccountKey key : accountsOf(entry.reserved)) {
        add(refunded, key, entry.reserved.day(), -amount, 0);
      }
    }
    entry.refunded += amount;
  }

  private void release(LedgerEvent event, Entry entry, Money released, ReservationStatus to) {
    Reserved reserved = Objects.requireNonNull(entry.reserved);
    if (!released.equals(reserved.amount())) {
      throw broken(event, "it releases " + released + ", not the " + reserved.amount() + " reserved");
    }
    long amount = reserved.amount().minorUnits();
    for (AccountKey key : accountsOf(reserved)) {
      add(event, key, reserved.day(), 0, -amount);
    }
    entry.status = to;
    awaiting.remove(reserved.requestId());
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

  private void add(LedgerEvent event, AccountKey key, LocalDate day, long posted, long reserved) {
    Tally tally = accounts.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(day, d -> new Tally());
    long newPosted = tally.posted + posted;
    long newReserved = tally.reserved + reserved;
    if (newPosted < 0 || newReserved < 0) {
      throw broken(event, "it would leave " + (key.allowance().isEmpty() ? "the family's spending" : "'"
          + key.allowance() + "'") + " on " + day + " negative");
    }
    tally.posted = newPosted;
    tally.reserved = newReserved;
  }

  private long minor(LedgerEvent event, Money amount) {
    if (!amount.hasCurrency(currency)) {
      throw broken(event, "it is in " + amount.currency().getCurrencyCode() + ", not "
          + currency.getCurrencyCode());
    }
    return amount.minorUnits();
  }

  private static List<AccountKey> accountsOf(Reserved reserved) {
    List<UsageKey> charges = reserved.charges();
    AccountKey[] keys = new AccountKey[charges.size() + 1];
    for (int i = 0; i < charges.size(); i++) {
      keys[i] = AccountKey.of(charges.get(i));
    }
    keys[charges.size()] = AccountKey.spendingOf(reserved.familyId());
    return List.of(keys);
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
    accounts.forEach((key, days) -> days.forEach((day, tally) -> {
      if (!tally.isZero()) {
        result.put("account " + key.allowance() + "/" + key.holder() + "/" + day,
            tally.posted + " posted, " + tally.reserved + " reserved");
      }
    }));
    requests.forEach((id, entry) -> result.put("request " + id,
        entry.status + " posted " + entry.posted + " refunded " + entry.refunded));
    allocations.forEach((family, record) -> result.put("allocation " + family, record.toString()));
    result.put("awaiting", new TreeSet<>(awaiting).toString());
    return result;
  }

  static boolean isDue(Reserved reserved, Instant now) {
    return reserved.expiresAt().isPresent() && !now.isBefore(reserved.expiresAt().get());
  }
}
