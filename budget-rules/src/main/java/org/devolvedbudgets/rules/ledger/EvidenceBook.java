package org.devolvedbudgets.rules.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.money.CurrencyUnit;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.Identifier;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.scheme.EvidencePolicy;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.devolvedbudgets.rules.ledger.LedgerEvent.EvidenceReceived;
import org.devolvedbudgets.rules.ledger.LedgerEvent.Posted;
import org.devolvedbudgets.rules.ledger.LedgerEvent.Submitted;
import org.devolvedbudgets.rules.position.OverdueEvidence;
import org.jspecify.annotations.Nullable;

/**
 * The evidence the ledger's paid spends need: a projection folded from {@link Posted} and {@link EvidenceReceived}
 * events, giving each spend's {@link EvidenceDue} items, and which spends still lack some, by worker, team and
 * family.
 *
 * <p>Thread safety: events are folded one at a time under the ledger's append lock; queries and decisions read
 * from any thread. Each spend's items are an immutable list replaced whole, so a reader sees a spend before or
 * after a change, never halfway.
 */
final class EvidenceBook implements View {

  private final ConfigurationHistory history;
  private final boolean tracked;
  private final ConcurrentHashMap<RequestId, List<EvidenceDue>> spends = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<WorkerId, Set<RequestId>> byWorker = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<TeamId, Set<RequestId>> byTeam = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<FamilyId, Set<RequestId>> byFamily = new ConcurrentHashMap<>();

  EvidenceBook(ConfigurationHistory history) {
    this.history = history;
    this.tracked = history.versions().stream().anyMatch(version -> version.evidencePolicy().isPresent());
  }

  @Override
  public void fold(LedgerEvent event, @Nullable RequestEntry entry) {
    if (event instanceof Posted && tracked) {
      posted(Objects.requireNonNull(entry).submitted, (Posted) event);
    } else if (event instanceof EvidenceReceived) {
      received((EvidenceReceived) event);
    }
  }

  @Override
  public void describeInto(Map<String, String> lines) {
    spends.forEach((id, due) -> lines.put("evidence " + id, due.toString()));
  }

  /** Notes the evidence a spend needs now that it is paid, under the version its request was decided under. */
  private void posted(Submitted submitted, Posted posted) {
    PilotConfiguration configuration = history.inForceOn(submitted.request().requestedOn());
    EvidencePolicy policy = configuration.evidencePolicy().orElse(null);
    if (policy == null) {
      return;
    }
    List<EvidenceDue> due = EvidenceDue.forSpend(policy, submitted.request(), posted.amount(), posted.at());
    if (due.isEmpty()) {
      return;
    }
    RequestId id = submitted.requestId();
    spends.put(id, due);
    index(byWorker, submitted.request().requestedBy(), id);
    index(byTeam, submitted.request().teamId(), id);
    index(byFamily, submitted.familyId(), id);
  }

  /** Meets the spend's open items that accept the evidence's kind; a spend with none open leaves the indexes. */
  private void received(EvidenceReceived received) {
    List<EvidenceDue> due = spends.get(received.requestId());
    if (due == null) {
      return; // a spend that needed no evidence: the event is kept in the journal, nothing is due
    }
    List<EvidenceDue> after = new ArrayList<>(due.size());
    boolean open = false;
    for (EvidenceDue item : due) {
      EvidenceDue now = item.receive(received.kind(), received.at());
      after.add(now);
      open |= !now.isReceived();
    }
    spends.put(received.requestId(), List.copyOf(after));
    if (!open) {
      EvidenceDue first = due.get(0);
      unindex(byWorker, first.worker(), first.requestId());
      unindex(byTeam, first.teamId(), first.requestId());
      unindex(byFamily, first.familyId(), first.requestId());
    }
  }

  /** Every item of a spend, received or not, in its policy's order; none if it needed no evidence. */
  List<EvidenceDue> of(RequestId requestId) {
    return spends.getOrDefault(requestId, List.of());
  }

  List<EvidenceDue> outstanding(WorkerId worker) {
    return outstanding(byWorker, worker);
  }

  List<EvidenceDue> outstanding(TeamId team) {
    return outstanding(byTeam, team);
  }

  List<EvidenceDue> outstanding(FamilyId family) {
    return outstanding(byFamily, family);
  }

  /**
   * The worker's spends whose evidence is overdue on {@code day}, or null if none: how many, what was paid for
   * them and the first day the oldest was overdue.
   */
  @Nullable OverdueEvidence overdue(WorkerId worker, LocalDate day, CurrencyUnit currency) {
    Set<RequestId> open = byWorker.get(worker);
    if (open == null || open.isEmpty()) {
      return null;
    }
    int count = 0;
    long paid = 0;
    LocalDate oldest = null;
    for (RequestId id : open) {
      boolean overdue = false;
      for (EvidenceDue item : spends.getOrDefault(id, List.of())) {
        if (item.isOverdueOn(day)) {
          overdue = true;
          oldest = oldest == null || item.dueOn().isBefore(oldest) ? item.dueOn() : oldest;
        }
      }
      if (overdue) {
        count++;
        paid = Math.addExact(paid, spends.get(id).get(0).paid().minorUnits());
      }
    }
    return count == 0 ? null : OverdueEvidence.of(count, Money.ofMinor(currency, paid), oldest.plusDays(1));
  }

  private <K extends Identifier<?>> List<EvidenceDue> outstanding(Map<K, Set<RequestId>> index, K key) {
    Set<RequestId> open = index.get(key);
    if (open == null) {
      return List.of();
    }
    List<EvidenceDue> found = new ArrayList<>();
    for (RequestId id : open) {
      for (EvidenceDue item : spends.getOrDefault(id, List.of())) {
        if (!item.isReceived()) {
          found.add(item);
        }
      }
    }
    found.sort(Comparator.comparing(EvidenceDue::dueOn).thenComparing(EvidenceDue::requestId));
    return List.copyOf(found);
  }

  private static <K> void index(Map<K, Set<RequestId>> index, K key, RequestId id) {
    index.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(id);
  }

  private static <K> void unindex(Map<K, Set<RequestId>> index, K key, RequestId id) {
    Set<RequestId> open = index.get(key);
    if (open != null) {
      open.remove(id);
    }
  }
}
