package org.devolvedbudgets.rules.ledger;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.money.CurrencyUnit;
import org.devolvedbudgets.model.id.OperationId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.CurrencyMismatchException;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.LondonTime;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.jspecify.annotations.Nullable;

/**
 * The parts of one ledger, made once by {@link BudgetLedger} and shared by its operations and queries: the rules'
 * history, the clock, the balances and views, the locks, the committer, catching up and the attempts. It also holds
 * the few steps every operation takes the same way (finding a request, answering a repeated operation id,
 * checking an amount and a time), so that each operation class holds only what is its own.
 *
 * <p>This class is thread-safe.
 */
final class LedgerParts {

  final ConfigurationHistory history;
  final LedgerStore store;
  final Clock clock;
  final ApprovalHold approvalHold;
  final WorkerId systemWorker;
  final CurrencyUnit currency;
  final Scopes scopes = new Scopes();
  final Balances balances;
  final Views views;
  final Folded folded;
  final Committer committer;
  final CatchUp catchUp;
  final Attempts attempts;

  LedgerParts(ConfigurationHistory history, LedgerStore store, Clock clock, ApprovalHold approvalHold,
      WorkerId systemWorker, int maxAttempts) {
    this.history = history;
    this.store = store;
    this.clock = clock;
    this.approvalHold = approvalHold;
    this.systemWorker = systemWorker;
    this.currency = history.latest().currency();
    this.balances = new Balances(currency, (int) Math.min(Integer.MAX_VALUE, store.lastSequence()));
    this.views = new Views(history, balances, scopes);
    this.folded = new Folded(balances, views);
    this.committer = new Committer(store, folded, clock);
    this.catchUp = new CatchUp(store, folded, scopes, history);
    this.attempts = new Attempts(maxAttempts, catchUp, folded);
    catchUp.start();
  }

  /** The ledger's now: from its clock, checked, because every lapse and recording time is judged by it. */
  Instant now() {
    return requireNonNull(clock.instant(), "clock.instant()");
  }

  /**
   * The request's entry. A request this ledger has not seen may have been made on another server, so the ledger
   * catches up before it calls the id unknown; if the store cannot be read it says so rather than guess.
   *
   * @throws IllegalArgumentException if the journal does not hold the request
   * @throws LedgerUnavailableException with {@code CANNOT_CONFIRM} if the store cannot be read
   */
  RequestEntry known(RequestId requestId) {
    requireNonNull(requestId, "requestId");
    RequestEntry entry = balances.entry(requestId);
    if (entry == null) {
      attempts.catchUpPatiently();
      // Read again either way: another thread's catch-up may have folded the request meanwhile.
      entry = balances.entry(requestId);
    }
    if (entry == null) {
      throw new IllegalArgumentException("requestId " + requestId + " was never submitted in this scheme's "
          + "journal");
    }
    return entry;
  }

  /**
   * The event recorded under an operation id, confirmed to be still in the journal, or null if the id is new. Call
   * inside an attempt, with the request's family locked.
   *
   * @throws OperationConflictException if the id was recorded for a different change
   */
  @Nullable LedgerEvent recordedUnder(OperationId operationId, Operation asked) {
    LedgerEvent recorded = balances.operation(operationId);
    if (recorded != null) {
      List<String> differences = Operation.of(recorded).differences(asked);
      if (!differences.isEmpty()) {
        throw new OperationConflictException(operationId, differences);
      }
      catchUp.confirm(recorded);
    }
    return recorded;
  }

  /**
   * The first result of an operation id already recorded, as the reservation now stands, or null if the id is
   * new. Call inside an attempt, with the request's family locked.
   *
   * @throws OperationConflictException if the id was recorded for a different change
   */
  @Nullable LedgerResult repeated(OperationId operationId, Operation asked) {
    LedgerEvent recorded = recordedUnder(operationId, asked);
    if (recorded == null) {
      return null;
    }
    RequestEntry entry = Objects.requireNonNull(balances.entry(((LedgerEvent.RequestEvent) recorded).requestId()));
    return LedgerResult.applied(balances.snapshot(entry), LedgerMessages.of(recorded,
        Objects.requireNonNull(entry.reserved).amount()));
  }

  /** Locks a request's family, then its reservation's team and the pilot, as far as its charges reach. */
  Scopes.Held hold(RequestEntry entry) {
    return scopes.hold(entry.familyId(), entry.reserved);
  }

  /** Checks that an amount given to a change is positive and in the scheme's currency. */
  void checkAmount(Money amount, String name) {
    Checks.positive(amount, name);
    if (!amount.hasCurrency(currency)) {
      throw new CurrencyMismatchException(name, amount, currency, "the scheme's currency");
    }
  }

  /** Checks the time a change was made: within the supported dates, and not before the request was. */
  static void checkAt(RequestEntry entry, Instant at) {
    LondonTime.checkInstant("at", at);
    Instant made = entry.submitted.request().requestedAt();
    if (at.isBefore(made)) {
      throw new IllegalArgumentException("at " + LondonTime.format(at) + " is before request "
          + entry.requestId() + " was made, at " + LondonTime.format(made));
    }
  }
}
