package org.devolvedbudgets.rules.evaluation;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.money.CurrencyUnit;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.scheme.AllocationMethod;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.devolvedbudgets.rules.FindingCode;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.devolvedbudgets.rules.allocation.Arm;
import org.devolvedbudgets.rules.ledger.LedgerEvent;

/**
 * What happened under a scheme in a date range, computed from the ledger's events: the figures an evaluator
 * such as What Works for Children's Social Care asks for, computed the same way everywhere.
 *
 * <p><b>Which requests count.</b> A request is in the report when the day it was made (Europe/London) is in the
 * range; everything that happened to it afterwards (approval, payment, refund) counts too, even after the range
 * ends, so times to payment are complete. Events about requests made outside the range are skipped.
 *
 * <p><b>Eligible families</b> are those allocated a budget (any arm but control) on a day before the range
 * ends; under an all-eligible scheme, also every family that made a request not declined for its team's
 * eligibility (such a scheme needs no allocation). <b>Uptake</b> is the eligible families with at least one
 * request in the range, of all eligible families.
 *
 * <p><b>Outcomes</b> follow {@link RequestStatus}: <em>approved</em> counts every request that went ahead,
 * whether since paid, voided or not yet paid; <em>declined</em> counts the rules' refusals and
 * <em>rejected</em> the managers'. <b>Spend</b> is what was paid less what was refunded. Distributions use the
 * nearest-rank method ({@link Distribution}).
 *
 * <p>Computing a report is a single pass over the events plus a sort of the amounts and durations.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class EvaluationReport {

  private final PilotConfiguration configuration;
  private final BudgetPeriod range;
  private final List<RequestSummary> requests;
  private final Set<FamilyId> eligible;
  private final int familiesWithRequests;
  private final Map<RequestStatus, Integer> statusCounts;
  private final int neededApproval;
  private final Money spent;
  private final Map<SpendCategory, Money> spentByCategory;
  private final SortedMap<TeamId, Money> spentByTeam;
  private final Map<Arm, Money> spentByArm;
  private final Distribution<Money> amounts;
  private final Distribution<Duration> timeToDecision;
  private final Distribution<Duration> timeToPayment;
  private final List<FamilyUtilisation> utilisation;

  private EvaluationReport(Fold fold) {
    this.configuration = fold.configuration;
    this.range = fold.range;
    this.requests = Collections.unmodifiableList(fold.summaries);
    this.eligible = Collections.unmodifiableSet(fold.eligible);
    CurrencyUnit currency = configuration.currency();
    Money zero = Money.zero(currency);
    Map<RequestStatus, Integer> counts = new EnumMap<>(RequestStatus.class);
    for (RequestStatus status : RequestStatus.values()) {
      counts.put(status, 0);
    }
    Map<SpendCategory, Money> byCategory = new EnumMap<>(SpendCategory.class);
    for (SpendCategory category : SpendCategory.values()) {
      byCategory.put(category, zero);
    }
    SortedMap<TeamId, Money> byTeam = new TreeMap<>();
    Map<Arm, Money> byArm = new EnumMap<>(Arm.class);
    Map<FamilyId, Money> byFamily = new HashMap<>();
    Set<FamilyId> requesting = new HashSet<>();
    List<Money> requested = new ArrayList<>(requests.size());
    List<Duration> toDecision = new ArrayList<>();
    List<Duration> toPayment = new ArrayList<>();
    int routed = 0;
    Money total = zero;
    for (RequestSummary request : requests) {
      counts.merge(request.status(), 1, Integer::sum);
      if (request.outcome() == Outcome.NEEDS_APPROVAL) {
        routed++;
      }
      requesting.add(request.familyId());
      if (request.amount().hasCurrency(currency)) {
        requested.add(request.amount());
      }
      request.timeToDecision().ifPresent(toDecision::add);
      request.timeToPayment().ifPresent(toPayment::add);
      Money spend = request.spent();
      if (!spend.isZero()) {
        total = total.plus(spend);
        byCategory.merge(request.category(), spend, Money::plus);
        byTeam.merge(request.teamId(), spend, Money::plus);
        byArm.merge(request.arm(), spend, Money::plus);
        byFamily.merge(request.familyId(), spend, Money::plus);
      } else {
        byTeam.putIfAbsent(request.teamId(), zero);
      }
    }
    requesting.retainAll(eligible);
    this.familiesWithRequests = requesting.size();
    this.statusCounts = Collections.unmodifiableMap(counts);
    this.neededApproval = routed;
    this.spent = total;
    this.spentByCategory = Collections.unmodifiableMap(byCategory);
    this.spentByTeam = Collections.unmodifiableSortedMap(byTeam);
    this.spentByArm = isRandomised(fold.history) ? Collections.unmodifiableMap(byArm) : Map.of();
    this.amounts = Distribution.of(requested);
    this.timeToDecision = Distribution.of(toDecision);
    this.timeToPayment = Distribution.of(toPayment);
    Money cap = familyAllowance(configuration).orElse(null);
    Set<FamilyId> families = new TreeSet<>(eligible);
    families.addAll(byFamily.keySet());
    List<FamilyUtilisation> rows = new ArrayList<>(families.size());
    for (FamilyId family : families) {
      rows.add(new FamilyUtilisation(family, fold.armOf(family), byFamily.getOrDefault(family, zero), cap));
    }
    this.utilisation = Collections.unmodifiableList(rows);
  }

  /**
   * Computes the report for a scheme with one configuration.
   *
   * @param configuration the scheme, not null
   * @param events the ledger's events in sequence order (for example {@code store.readAll()}), not null
   * @param range the days to report on, a half-open range in Europe/London, not null
   * @return the report, not null
   * @throws NullPointerException if an argument or an event is null
   * @throws IllegalArgumentException if the events are inconsistent: an event about a request that was never
   *     submitted, a request submitted twice, or an amount in another currency than the scheme's
   */
  public static EvaluationReport of(PilotConfiguration configuration, List<? extends LedgerEvent> events,
      BudgetPeriod range) {
    return of(ConfigurationHistory.of(requireNonNull(configuration, "configuration")), events, range);
  }

  /**
   * Computes the report for a scheme whose configuration changed over time. The names, the currency and the
   * per-family allowance come from the version in force on the range's last day (or the first version, if the
   * range ends before it).
   *
   * @param history the scheme's versions, not null
   * @param events the ledger's events in sequence order, not null
   * @param range the days to report on, a half-open range in Europe/London, not null
   * @return the report, not null
   * @throws NullPointerException if an argument or an event is null
   * @throws IllegalArgumentException if the events are inconsistent: an event about a request that was never
   *     submitted, a request submitted twice, or an amount in another currency than the scheme's
   */
  public static EvaluationReport of(ConfigurationHistory history, List<? extends LedgerEvent> events,
      BudgetPeriod range) {
    requireNonNull(history, "history");
    requireNonNull(events, "events");
    requireNonNull(range, "range");
    Fold fold = new Fold(history, range);
    for (LedgerEvent event : events) {
      fold.apply(requireNonNull(event, "events contains null"));
    }
    fold.finish();
    return new EvaluationReport(fold);
  }

  /**
   * Returns the configuration the report names: the version in force on the range's last day.
   *
   * @return the configuration
   */
  public PilotConfiguration configuration() {
    return configuration;
  }

  /**
   * Returns the days reported on.
   *
   * @return the range
   */
  public BudgetPeriod range() {
    return range;
  }

  /**
   * Returns the requests made in the range, in the order they were submitted.
   *
   * @return the requests, an unmodifiable list
   */
  public List<RequestSummary> requests() {
    return requests;
  }

  /**
   * Returns how many families were eligible.
   *
   * @return the count, 0 or more
   */
  public int eligibleFamilies() {
    return eligible.size();
  }

  /**
   * Returns how many eligible families made at least one request in the range.
   *
   * @return the count, 0 to {@link #eligibleFamilies()}
   */
  public int familiesWithRequests() {
    return familiesWithRequests;
  }

  /**
   * Returns the uptake: eligible families with at least one request, of all eligible families.
   *
   * @return the share, such as {@code 7 of 21 (33.3%)}
   */
  public Share uptake() {
    return Share.of(familiesWithRequests, eligible.size());
  }

  /**
   * Returns how many requests ended in a status.
   *
   * @param status the status, not null
   * @return the count, 0 or more
   * @throws NullPointerException if {@code status} is null
   */
  public int count(RequestStatus status) {
    return statusCounts.get(requireNonNull(status, "status"));
  }

  /**
   * Returns how many requests went ahead: approved at once or by a manager, whether since paid, voided or not.
   *
   * @return the count, 0 or more
   */
  public int approved() {
    return count(RequestStatus.APPROVED) + count(RequestStatus.POSTED) + count(RequestStatus.VOIDED);
  }

  /**
   * Returns how many requests the rules declined.
   *
   * @return the count, 0 or more
   */
  public int declined() {
    return count(RequestStatus.DECLINED);
  }

  /**
   * Returns how many requests a manager rejected.
   *
   * @return the count, 0 or more
   */
  public int rejected() {
    return count(RequestStatus.REJECTED);
  }

  /**
   * Returns how many requests' holds lapsed before anyone decided.
   *
   * @return the count, 0 or more
   */
  public int expired() {
    return count(RequestStatus.EXPIRED);
  }

  /**
   * Returns the requests that needed a manager's approval, of all requests.
   *
   * @return the share
   */
  public Share neededApproval() {
    return Share.of(neededApproval, requests.size());
  }

  /**
   * Returns the total spend: paid less refunded.
   *
   * @return the amount in the scheme's currency, zero or more
   */
  public Money spent() {
    return spent;
  }

  /**
   * Returns the spend in each category.
   *
   * @return every category, in the enum's order, with zero where nothing was spent; unmodifiable
   */
  public Map<SpendCategory, Money> spentByCategory() {
    return spentByCategory;
  }

  /**
   * Returns the spend by the requesting worker's team.
   *
   * @return every team that made a request, sorted by id, with zero where nothing was spent; unmodifiable
   */
  public SortedMap<TeamId, Money> spentByTeam() {
    return spentByTeam;
  }

  /**
   * Returns the spend in each arm of a randomised scheme.
   *
   * @return the arms with any spend, in the enum's order; empty unless a version of the scheme is randomised;
   *     unmodifiable
   */
  public Map<Arm, Money> spentByArm() {
    return spentByArm;
  }

  /**
   * Returns the distribution of the amounts requested.
   *
   * @return the distribution over every request in the range whose amount is in the scheme's currency (a request
   *     in another currency was declined with {@code CURRENCY_MISMATCH}; it counts as a request, but its amount
   *     cannot be ranked with the others)
   */
  public Distribution<Money> amounts() {
    return amounts;
  }

  /**
   * Returns the distribution of times from request to decision, over the requests decided.
   *
   * @return the distribution
   */
  public Distribution<Duration> timeToDecision() {
    return timeToDecision;
  }

  /**
   * Returns the distribution of times from request to payment, over the requests paid.
   *
   * @return the distribution
   */
  public Distribution<Duration> timeToPayment() {
    return timeToPayment;
  }

  /**
   * Returns the per-family allowance utilisation is measured against.
   *
   * @return the cap, empty if the scheme has no per-family allowance
   */
  public Optional<Money> familyAllowance() {
    return familyAllowance(configuration);
  }

  /**
   * Returns each family's budget utilisation: every eligible family, and every other family with spend.
   *
   * @return the rows, sorted by family id; unmodifiable
   */
  public List<FamilyUtilisation> utilisation() {
    return utilisation;
  }

  /**
   * Returns the headline figures, such as
   * {@code EvaluationReport[Darlington, [2019-04-01, 2020-04-01), uptake=7 of 21 (33.3%), requests=30, spent=GBP 9000.00]}.
   *
   * @return a short description, no personal data
   */
  @Override
  public String toString() {
    return "EvaluationReport[" + configuration.council() + ", " + range + ", uptake=" + uptake() + ", requests="
        + requests.size() + ", spent=" + spent + "]";
  }

  private static Optional<Money> familyAllowance(PilotConfiguration configuration) {
    for (Allowance allowance : configuration.allowances()) {
      if (allowance.scope() == AllowanceScope.FAMILY && allowance.category().isEmpty()) {
        return Optional.of(allowance.cap());
      }
    }
    return Optional.empty();
  }

  private static boolean isRandomised(ConfigurationHistory history) {
    return history.versions().stream()
        .anyMatch(version -> version.allocation().method() == AllocationMethod.RANDOMISED);
  }

  /** The single pass over the events. Not thread-safe. */
  private static final class Fold {
    final ConfigurationHistory history;
    final PilotConfiguration configuration;
    final BudgetPeriod range;
    final boolean allEligible;
    final Map<FamilyId, AllocationRecord> allocations = new HashMap<>();
    final Map<RequestId, RequestSummary.Builder> open = new LinkedHashMap<>();
    final Set<RequestId> outside = new HashSet<>();
    final Set<FamilyId> eligible = new HashSet<>();
    final List<RequestSummary> summaries = new ArrayList<>();

    Fold(ConfigurationHistory history, BudgetPeriod range) {
      this.history = history;
      this.range = range;
      LocalDate last = range.end().minusDays(1);
      PilotConfiguration first = history.versions().get(0);
      this.configuration = last.isBefore(first.effectiveFrom()) ? first : history.inForceOn(last);
      this.allEligible = history.versions().stream()
          .anyMatch(version -> version.allocation().method() == AllocationMethod.ALL_ELIGIBLE);
    }

    Arm armOf(FamilyId family) {
      AllocationRecord record = allocations.get(family);
      return record == null ? Arm.NOT_RANDOMISED : record.arm();
    }

    void apply(LedgerEvent event) {
      if (event instanceof LedgerEvent.Allocated) {
        AllocationRecord record = ((LedgerEvent.Allocated) event).record();
        if (record.allocatedOn().isBefore(range.end())) {
          allocations.putIfAbsent(record.familyId(), record);
        }
        return;
      }
      LedgerEvent.RequestEvent requestEvent = (LedgerEvent.RequestEvent) event;
      if (event instanceof LedgerEvent.Submitted) {
        submitted((LedgerEvent.Submitted) event);
        return;
      }
      RequestSummary.Builder request = open.get(requestEvent.requestId());
      if (request == null) {
        if (outside.contains(requestEvent.requestId())) {
          return;
        }
        throw new IllegalArgumentException("event " + event.sequence() + " is about request "
            + requestEvent.requestId() + ", which was never submitted");
      }
      if (event instanceof LedgerEvent.Reserved) {
        request.status = ((LedgerEvent.Reserved) event).awaitsApproval()
            ? RequestStatus.AWAITING_APPROVAL : RequestStatus.APPROVED;
      } else if (event instanceof LedgerEvent.Approved) {
        request.status = RequestStatus.APPROVED;
        request.decidedAt = ((LedgerEvent.Approved) event).at();
      } else if (event instanceof LedgerEvent.Rejected) {
        request.status = RequestStatus.REJECTED;
        request.decidedAt = ((LedgerEvent.Rejected) event).at();
      } else if (event instanceof LedgerEvent.Posted) {
        LedgerEvent.Posted posted = (LedgerEvent.Posted) event;
        request.status = RequestStatus.POSTED;
        request.paid = checked(posted.amount(), event);
        request.paidAt = posted.at();
      } else if (event instanceof LedgerEvent.Voided) {
        request.status = RequestStatus.VOIDED;
      } else if (event instanceof LedgerEvent.Expired) {
        request.status = RequestStatus.EXPIRED;
      } else {
        Money refund = checked(((LedgerEvent.Refunded) event).amount(), event);
        request.refunded = requireNonNull(request.refunded).plus(refund);
      }
    }

    private void submitted(LedgerEvent.Submitted event) {
      SpendRequest spend = event.request();
      RequestId id = spend.id();
      if (open.containsKey(id) || outside.contains(id)) {
        throw new IllegalArgumentException("event " + event.sequence() + " submits request " + id
            + " a second time");
      }
      if (!range.contains(spend.requestedOn())) {
        outside.add(id);
        return;
      }
      RequestSummary.Builder request = new RequestSummary.Builder();
      request.requestId = id;
      request.familyId = spend.familyId();
      request.teamId = spend.teamId();
      request.requestedBy = spend.requestedBy();
      request.requestedAt = spend.requestedAt();
      request.requestedOn = spend.requestedOn();
      request.category = spend.category();
      request.subcategory = spend.subcategory().orElse(null);
      request.paymentMethod = spend.paymentMethod();
      request.amount = spend.amount();
      request.outcome = event.decision().outcome();
      request.codes = event.decision().codes();
      request.requiredRole = event.decision().requiredRole().orElse(null);
      request.configurationVersion = event.decision().configurationVersion();
      request.status = RequestStatus.DECLINED;
      if (request.outcome != Outcome.NEEDS_APPROVAL) {
        request.decidedAt = event.recordedAt();
      }
      Money zero = Money.zero(configuration.currency());
      request.paid = zero;
      request.refunded = zero;
      open.put(id, request);
    }

    private Money checked(Money amount, LedgerEvent event) {
      if (!amount.hasCurrency(configuration.currency())) {
        throw new IllegalArgumentException("event " + event.sequence() + " has amount " + amount
            + ", not in the scheme's currency " + configuration.currency().getCurrencyCode());
      }
      return amount;
    }

    void finish() {
      for (AllocationRecord record : allocations.values()) {
        if (record.arm().hasBudget()) {
          eligible.add(record.familyId());
        }
      }
      for (RequestSummary.Builder request : open.values()) {
        FamilyId family = requireNonNull(request.familyId);
        AllocationRecord record = allocations.get(family);
        if (record != null) {
          request.arm = record.arm();
          request.stratum = record.stratum().orElse(null);
        }
        if (allEligible && !request.codes.contains(FindingCode.TEAM_NOT_ELIGIBLE)) {
          eligible.add(family);
        }
        summaries.add(request.build());
      }
    }
  }
}
