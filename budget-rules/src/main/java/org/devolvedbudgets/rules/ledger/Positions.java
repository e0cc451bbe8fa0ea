package org.devolvedbudgets.rules.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.scheme.EvidencePolicy;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.SpendRules;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.devolvedbudgets.rules.position.BudgetPosition;
import org.devolvedbudgets.rules.position.OverdueEvidence;
import org.devolvedbudgets.rules.position.RemainingBudget;
import org.devolvedbudgets.rules.position.Usage;
import org.devolvedbudgets.rules.position.UsageKey;
import org.jspecify.annotations.Nullable;

/**
 * The balances as a decision and a person see them: the position a request is decided against, how much is left
 * for a family, a team or the pilot, and a request's reservation and submission. Holds lapsed by the clock's now
 * count as released. Each query takes the locks of the scopes it reads, so it sees a consistent state.
 *
 * <p>This class is thread-safe.
 */
final class Positions {

  private final LedgerParts parts;

  Positions(LedgerParts parts) {
    this.parts = parts;
  }

  /** The position a request is decided against now. */
  BudgetPosition position(SpendRequest request) {
    parts.folded.ensureTrusted();
    PilotConfiguration configuration = parts.history.inForceOn(request.requestedOn());
    List<UsageKey> keys = SpendRules.usageKeys(configuration, request);
    Scopes.Held held = parts.scopes.hold(request.familyId(), keys);
    try {
      return positionFor(configuration, request, keys, parts.now());
    } finally {
      held.release();
    }
  }

  /** The position of {@code keys} as of {@code asOf}. Call with the request's scopes locked. */
  BudgetPosition positionFor(PilotConfiguration configuration, SpendRequest request, List<UsageKey> keys,
      Instant asOf) {
    BudgetPosition.Builder position = BudgetPosition.builder();
    for (UsageKey key : keys) {
      position.usage(key, usage(AccountKey.of(key), key.period(), asOf));
    }
    Optional<BudgetPeriod> window = SpendRules.cumulativeWindow(configuration, request);
    if (window.isPresent()) {
      position.familyWindow(usage(AccountKey.spendingOf(request.familyId()), window.get(), asOf));
    }
    AllocationRecord record = parts.balances.allocation(request.familyId());
    if (record != null) {
      position.allocation(record);
    }
    EvidencePolicy evidence = configuration.evidencePolicy().orElse(null);
    if (evidence != null && evidence.whenOverdue() != EvidencePolicy.WhenOverdue.NOTHING) {
      OverdueEvidence overdue = parts.views.evidence.overdue(request.requestedBy(), request.requestedOn(),
          parts.currency);
      if (overdue != null) {
        position.overdueEvidence(overdue);
      }
    }
    return position.build();
  }

  List<RemainingBudget> remainingBudget(FamilyId familyId, LocalDate date) {
    parts.folded.ensureTrusted();
    PilotConfiguration configuration = inTerm(date);
    List<UsageKey> keys = new ArrayList<>();
    for (Allowance allowance : configuration.allowances()) {
      BudgetPeriod period = periodOf(configuration, allowance, date);
      switch (allowance.scope()) {
        case FAMILY:
          keys.add(new UsageKey(allowance.id(), AllowanceScope.FAMILY, familyId.value(), period));
          break;
        case CHILD:
          for (String child : parts.balances.childrenOf(familyId)) {
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
    Scopes.Held held = parts.scopes.hold(familyId, keys);
    try {
      Instant now = parts.now();
      BudgetPosition.Builder position = BudgetPosition.builder();
      for (UsageKey key : keys) {
        position.usage(key, usage(AccountKey.of(key), key.period(), now));
      }
      return SpendRules.remainingBudget(configuration, familyId, date, position.build());
    } finally {
      held.release();
    }
  }

  List<RemainingBudget> remainingBudget(TeamId teamId, LocalDate date) {
    return sharedRemaining(AllowanceScope.TEAM, parts.scopes.team(teamId.value()), teamId.value(), date);
  }

  List<RemainingBudget> remainingBudgetOfPilot(LocalDate date) {
    return sharedRemaining(AllowanceScope.PILOT, parts.scopes.pilot(), BudgetPosition.PILOT, date);
  }

  private List<RemainingBudget> sharedRemaining(AllowanceScope scope, ReentrantLock lock, String holder,
      LocalDate date) {
    parts.folded.ensureTrusted();
    PilotConfiguration configuration = inTerm(date);
    List<RemainingBudget> result = new ArrayList<>();
    lock.lock();
    try {
      Instant now = parts.now();
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

  /** A request's reservation as it stands now; empty if the request is unknown or was declined. */
  Optional<Reservation> reservation(RequestId requestId) {
    parts.folded.ensureTrusted();
    RequestEntry entry = parts.balances.entry(requestId);
    if (entry == null) {
      return Optional.empty();
    }
    ReentrantLock lock = parts.scopes.family(entry.familyId());
    lock.lock();
    try {
      return entry.reserved == null ? Optional.empty()
          : Optional.of(parts.balances.snapshot(entry, parts.now()));
    } finally {
      lock.unlock();
    }
  }

  /** A request's first submission; empty if the request is unknown. */
  Optional<Submission> submission(RequestId requestId) {
    parts.folded.ensureTrusted();
    RequestEntry entry = parts.balances.entry(requestId);
    if (entry == null) {
      return Optional.empty();
    }
    ReentrantLock lock = parts.scopes.family(entry.familyId());
    lock.lock();
    try {
      return Optional.of(parts.balances.submission(entry));
    } finally {
      lock.unlock();
    }
  }

  /** An account's usage in a period as of an instant: holds lapsed by then are released. */
  private Usage usage(AccountKey key, BudgetPeriod period, Instant asOf) {
    long[] sum = parts.balances.sum(key, period, asOf);
    return Usage.of(period, Money.ofMinor(parts.currency, sum[0]), Money.ofMinor(parts.currency, sum[1]));
  }

  private PilotConfiguration inTerm(LocalDate date) {
    PilotConfiguration configuration = parts.history.inForceOn(date);
    if (!configuration.term().contains(date)) {
      throw new IllegalArgumentException("date " + date + " is outside the term " + configuration.term());
    }
    return configuration;
  }

  private static BudgetPeriod periodOf(PilotConfiguration configuration, Allowance allowance, LocalDate date) {
    return allowance.period().periodContaining(date, configuration.term());
  }

  /** The allocation of a family, if it has one. */
  @Nullable AllocationRecord allocation(FamilyId familyId) {
    parts.folded.ensureTrusted();
    return parts.balances.allocation(familyId);
  }
}
