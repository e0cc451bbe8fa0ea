package org.devolvedbudgets.rules.ledger;

import java.util.List;
import java.util.Objects;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.money.Money;
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
import org.jspecify.annotations.Nullable;

/**
 * The invariants every event must keep before {@link Balances} folds it: an id is used once, a reservation follows
 * its submission and resolves once, amounts match what was reserved, money coming back never exceeds what is left,
 * no balance goes negative or overflows. The same checks serve a change about to be appended and a journal being
 * replayed, so a journal the ledger wrote always folds again.
 *
 * <p>Not thread-safe: called under the locks the balances are guarded by.
 */
final class EventChecks {

  private final Balances balances;

  EventChecks(Balances balances) {
    this.balances = balances;
  }

  /** Whether the event changes an account's figures (so a batch may hold only one such event). */
  static boolean changesBalances(LedgerEvent event) {
    return !(event instanceof Submitted || event instanceof Allocated || event instanceof Approved
        || event instanceof EvidenceReceived || event instanceof Repaid && !((Repaid) event).restoresAllowance());
  }

  /**
   * Checks one event against the state, returning the request's entry it changes (null for an allocation or a
   * submission). {@code pending} is a request submitted earlier in the same batch, not yet applied.
   *
   * @throws LedgerInvariantException if the event breaks an invariant
   */
  @Nullable RequestEntry validate(LedgerEvent event, @Nullable RequestEntry pending) {
    if (event.operationId().isPresent() && balances.operation(event.operationId().get()) != null) {
      throw broken(event, "its operation id was already used");
    }
    if (event instanceof Allocated) {
      if (balances.allocation(event.familyId()) != null) {
        throw broken(event, "the family was already allocated");
      }
      return null;
    }
    if (event instanceof Submitted) {
      RequestId id = ((Submitted) event).requestId();
      if (balances.entry(id) != null || pending != null && pending.requestId().equals(id)) {
        throw broken(event, "the request was already submitted");
      }
      return null;
    }
    if (event instanceof Reserved) {
      return reserved((Reserved) event, pending);
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
      return posted((Posted) event);
    }
    if (event instanceof EvidenceReceived) {
      RequestEntry entry = balances.entry(((EvidenceReceived) event).requestId());
      if (entry == null || entry.status != ReservationStatus.POSTED || !entry.familyId().equals(event.familyId())) {
        throw broken(event, "the spend was not posted");
      }
      return entry;
    }
    if (event instanceof Repaid) {
      return repaid((Repaid) event);
    }
    return refunded((Refunded) event);
  }

  private RequestEntry reserved(Reserved reserved, @Nullable RequestEntry pending) {
    RequestEntry entry = balances.entry(reserved.requestId());
    if (entry == null && pending != null && pending.requestId().equals(reserved.requestId())) {
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
      Account account = balances.account(i < charges.size() ? AccountKey.of(charges.get(i).key())
          : AccountKey.spendingOf(reserved.familyId()));
      if (account != null) {
        long held = i < charges.size() ? charges.get(i).amount().minorUnits() : amount;
        checkResult(reserved, reserved, i, account.posted(day), account.reserved(day), 0, held);
      }
    }
    return entry;
  }

  private RequestEntry posted(Posted posted) {
    RequestEntry entry = open(posted, posted.requestId());
    if (entry.status != ReservationStatus.APPROVED) {
      throw broken(posted, "the reservation is " + entry.status + ", not approved");
    }
    Reserved reserved = Objects.requireNonNull(entry.reserved);
    long amount = minor(posted, posted.amount());
    long released = minor(posted, posted.released());
    if (amount + released != reserved.amount().minorUnits()) {
      throw broken(posted, "posted plus released is not the " + reserved.amount() + " reserved");
    }
    checkAccounts(posted, entry, entry.held == null ? null : Splits.split(amount, entry.held, entry.groups), amount,
        true);
    return entry;
  }

  private RequestEntry repaid(Repaid repaid) {
    RequestEntry entry = balances.entry(repaid.requestId());
    if (entry == null || entry.status != ReservationStatus.POSTED || entry.reserved == null
        || entry.submitted.request().repayment().isEmpty()) {
      throw broken(repaid, "the spend was not posted subject to repayment");
    }
    long amount = minor(repaid, repaid.amount());
    long owed = entry.owed() - entry.repaid;
    if (amount > owed) {
      throw broken(repaid, "it is more than the " + Money.ofMinor(balances.currency(), owed) + " still owed");
    }
    checkGivenBack(repaid, entry, amount, repaid.restoresAllowance());
    return entry;
  }

  private RequestEntry refunded(Refunded refunded) {
    RequestEntry entry = balances.entry(refunded.requestId());
    if (entry == null || entry.status != ReservationStatus.POSTED || entry.reserved == null) {
      throw broken(refunded, "the spend was not posted");
    }
    long amount = minor(refunded, refunded.amount());
    long left = entry.posted - entry.refunded - entry.repaid;
    if (amount > left) {
      throw broken(refunded, "it is more than the " + Money.ofMinor(balances.currency(), left)
          + " left of the spend");
    }
    checkGivenBack(refunded, entry, amount, refunded.restoresAllowance());
    return entry;
  }

  /** Checks that money coming back to a spend leaves every account it restores at zero or more. */
  private void checkGivenBack(LedgerEvent event, RequestEntry entry, long amount, boolean restores) {
    if (restores) {
      checkAccounts(event, entry, entry.held == null ? null
          : Splits.negated(Splits.split(amount, Splits.unrefunded(entry), entry.groups)), -amount, false);
    }
  }

  private RequestEntry releasable(LedgerEvent event, RequestEntry entry, Money released) {
    Reserved reserved = Objects.requireNonNull(entry.reserved);
    if (!released.equals(reserved.amount())) {
      throw broken(event, "it releases " + released + ", not the " + reserved.amount() + " reserved");
    }
    checkAccounts(event, entry, null, 0, true);
    return entry;
  }

  /**
   * Checks a change to every account a reservation charges, on its day: each account's posted amount changes by
   * {@code posted[i]} (or {@code postedAll} when {@code posted} is null, as for every purchase not shared among
   * children), and if {@code release} its held amount is released.
   */
  private static void checkAccounts(LedgerEvent event, RequestEntry entry, long @Nullable [] posted,
      long postedAll, boolean release) {
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

  private RequestEntry awaitingApproval(LedgerEvent event, RequestId requestId) {
    RequestEntry entry = open(event, requestId);
    if (entry.status != ReservationStatus.AWAITING_APPROVAL) {
      throw broken(event, "the reservation is " + entry.status + ", not awaiting approval");
    }
    return entry;
  }

  private RequestEntry open(LedgerEvent event, RequestId requestId) {
    RequestEntry entry = balances.entry(requestId);
    if (entry == null || entry.reserved == null) {
      throw broken(event, "nothing was reserved for the request");
    }
    if (entry.status == null || !entry.status.isOpen()) {
      throw broken(event, "the reservation was already resolved (" + entry.status + ")");
    }
    return entry;
  }

  private long minor(LedgerEvent event, Money amount) {
    if (!amount.hasCurrency(balances.currency())) {
      throw broken(event, "it is in " + amount.currency().getCurrencyCode() + ", not "
          + balances.currency().getCurrencyCode());
    }
    return amount.minorUnits();
  }

  static LedgerInvariantException broken(LedgerEvent event, String why) {
    return new LedgerInvariantException("event " + event.sequence() + " (" + event.getClass().getSimpleName()
        + ") cannot be applied: " + why);
  }
}
