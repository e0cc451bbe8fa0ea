package org.devolvedbudgets.rules.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiPredicate;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.Decision;
import org.devolvedbudgets.rules.Finding;
import org.devolvedbudgets.rules.FindingCode;
import org.devolvedbudgets.rules.ledger.LedgerEvent.Reserved;
import org.jspecify.annotations.Nullable;

/**
 * The requests awaiting approval, oldest first: a projection folded from {@code Reserved} events that await
 * approval and the events that end the wait ({@code Approved}, {@code Rejected}, {@code Voided}, {@code Expired}).
 * A hold that has lapsed but whose expiry is not recorded yet stays here until it is; queries leave it out, and the
 * expiry sweep finds it here.
 *
 * <p>Ordered by the sequence of the event that held the money, which is the order the requests were made in
 * across every server (the journal's one total order).
 *
 * <p>Thread safety: events are folded under the ledger's append lock; queries read the map from any thread and see
 * each request in or out, never halfway. Its items are made from the request's immutable events only.
 */
final class ApprovalQueue implements View {

  private final ConcurrentSkipListMap<Long, Waiting> waiting = new ConcurrentSkipListMap<>();

  /** A request in the queue: its submission's request and decision, and the hold. */
  private record Waiting(SpendRequest request, Decision decision, Reserved reserved) {}

  @Override
  public void fold(LedgerEvent event, @Nullable RequestEntry entry) {
    if (event instanceof Reserved) {
      Reserved reserved = (Reserved) event;
      if (reserved.awaitsApproval()) {
        RequestEntry held = Objects.requireNonNull(entry);
        waiting.put(reserved.sequence(), new Waiting(held.submitted.request(), held.submitted.decision(), reserved));
      }
    } else if (event instanceof LedgerEvent.Approved || event instanceof LedgerEvent.Rejected
        || event instanceof LedgerEvent.Voided || event instanceof LedgerEvent.Expired) {
      Reserved reserved = Objects.requireNonNull(entry).reserved;
      if (reserved != null && reserved.awaitsApproval()) {
        waiting.remove(reserved.sequence());
      }
    }
  }

  @Override
  public void describeInto(Map<String, String> lines) {
    waiting.forEach((sequence, item) -> lines.put("awaiting " + item.request().id(), sequence.toString()));
  }

  /**
   * The requests awaiting approval whose holds have not lapsed by {@code asOf}, that {@code wanted} accepts,
   * oldest first.
   */
  List<AwaitingApproval> awaiting(Instant asOf, BiPredicate<SpendRequest, Decision> wanted) {
    List<AwaitingApproval> found = new ArrayList<>();
    for (Waiting item : waiting.values()) {
      Instant lapses = item.reserved().expiresAt().orElseThrow();
      if (asOf.isBefore(lapses) && wanted.test(item.request(), item.decision())) {
        found.add(describe(item, asOf));
      }
    }
    return List.copyOf(found);
  }

  /** The requests whose holds have lapsed by {@code asOf} but whose expiry is not recorded yet, oldest first. */
  List<RequestId> lapsedBy(Instant asOf) {
    List<RequestId> lapsed = new ArrayList<>();
    for (Waiting item : waiting.values()) {
      if (!asOf.isBefore(item.reserved().expiresAt().orElseThrow())) {
        lapsed.add(item.reserved().requestId());
      }
    }
    return lapsed;
  }

  private static AwaitingApproval describe(Waiting item, Instant asOf) {
    SpendRequest request = item.request();
    Reserved reserved = item.reserved();
    List<FindingCode> reasons = new ArrayList<>(item.decision().findings().size());
    for (Finding finding : item.decision().findings()) {
      reasons.add(finding.code());
    }
    Instant since = reserved.recordedAt();
    return new AwaitingApproval(request.id(), request.familyId(), request.teamId(), request.requestedBy(),
        reserved.amount(), request.category(), item.decision().requiredRole().orElseThrow(), reasons,
        request.requestedAt(), since, reserved.expiresAt().orElseThrow(),
        asOf.isAfter(since) ? Duration.between(since, asOf) : Duration.ZERO);
  }
}
