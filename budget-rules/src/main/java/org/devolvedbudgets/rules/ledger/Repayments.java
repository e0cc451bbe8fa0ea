package org.devolvedbudgets.rules.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.jspecify.annotations.Nullable;

/**
 * What families still owe on help given subject to repayment: a projection folded from {@code Posted},
 * {@code Refunded} and {@code Repaid} events, holding the paid spends with something left to repay. Each one's
 * figures are the request's entry in the balances, read under its family's lock.
 *
 * <p>Thread safety: events are folded under the ledger's append lock; queries run on any thread.
 */
final class Repayments implements View {

  private final Balances balances;
  private final Scopes scopes;
  /** The posted spends with something left to repay, in no order. */
  private final Set<RequestId> outstanding = ConcurrentHashMap.newKeySet();

  Repayments(Balances balances, Scopes scopes) {
    this.balances = balances;
    this.scopes = scopes;
  }

  @Override
  public void fold(LedgerEvent event, @Nullable RequestEntry entry) {
    if (entry == null || entry.submitted.request().repayment().isEmpty()) {
      return;
    }
    if (event instanceof LedgerEvent.Posted) {
      outstanding.add(entry.requestId());
    } else if ((event instanceof LedgerEvent.Repaid || event instanceof LedgerEvent.Refunded)
        && entry.repaid == entry.owed()) {
      outstanding.remove(entry.requestId()); // repaid in full, or a refund left nothing more to repay
    }
  }

  @Override
  public void describeInto(Map<String, String> lines) {
    lines.put("repayments outstanding", new TreeSet<>(outstanding).toString());
  }

  /** A posted repayable spend's status; null for a gift, an unknown request, or before payment. */
  @Nullable RepaymentStatus of(RequestId requestId) {
    RequestEntry entry = balances.entry(requestId);
    if (entry == null) {
      return null;
    }
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
      return RepaymentStatus.of(request, Money.ofMinor(balances.currency(), entry.posted - entry.refunded),
          Money.ofMinor(balances.currency(), entry.repaid));
    } finally {
      family.unlock();
    }
  }

  /** The outstanding repayments {@code wanted} accepts, by request id. */
  List<RepaymentStatus> outstanding(Predicate<RepaymentStatus> wanted) {
    List<RepaymentStatus> found = new ArrayList<>();
    for (RequestId id : outstanding) {
      RepaymentStatus status = of(id);
      if (status != null && status.outstanding().isPositive() && wanted.test(status)) {
        found.add(status);
      }
    }
    found.sort(Comparator.comparing(RepaymentStatus::requestId));
    return List.copyOf(found);
  }
}
