package org.devolvedbudgets.rules.evaluation;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
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
import javax.money.CurrencyUnit;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.period.LondonTime;
import org.devolvedbudgets.model.scheme.AllocationMethod;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.scheme.EvidencePolicy;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.devolvedbudgets.rules.FindingCode;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.devolvedbudgets.rules.allocation.Arm;
import org.devolvedbudgets.rules.ledger.EvidenceDue;
import org.devolvedbudgets.rules.ledger.RepaymentStatus;
import org.devolvedbudgets.rules.ledger.LedgerEvent;
import org.jspecify.annotations.Nullable;

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
 * <em>rejected</em> the managers'. A request still awaiting approval whose hold had lapsed by the report's
 * <em>as of</em> instant counts as <em>expired</em>, whether or not the ledger has recorded the expiry yet: the
 * money was released at that instant. <b>Spend</b> is what was paid less what was refunded. Distributions use the
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
  private final int underFreeze;
  private final int heldBackByFreeze;
  private final Money spent;
  private final Map<SpendCategory, Money> spentByCategory;
  private final SortedMap<TeamId, Money> spentByTeam;
  private final Map<Arm, Money> spentByArm;
  private final Distribution<Money> amounts;
  private final Distribution<Duration> timeToDecision;
  private final Distribution<Duration> timeToPayment;
  private final List<FamilyUtilisation> utilisation;
  private final int evidenceRequired;
  private final Share evidenceOnTime;
  private final int evidenceOverdue;
  private final Distribution<Long> daysToEvidence;
  private final List<RepaymentStatus> repayments;
  private final @Nullable LocalDate judgedOn;

  private EvaluationReport(Fold fold) {
    this.configuration = fold.configuration;
    this.range = fold.range;
    this.requests = Collections.unmodifiableList(fold.summaries);
    this.eligible = Collections.unmodifiableSet(fold.eligible);
    CurrencyUnit currency = configuration.currency();
    Money zero = Money.zero(currency);
    // Sums in minor units and figures as sorted longs: a report may fold a million requests.
    int[] counts = new int[RequestStatus.values().length];
    long[] byCategory = new long[SpendCategory.values().length];
    long[] byArm = new long[Arm.values().length];
    boolean[] armSpent = new boolean[Arm.values().length];
    SortedMap<TeamId, long[]> byTeam = new TreeMap<>();
    long[] requested = new long[requests.size()];
    long[] toDecision = new long[requests.size()];
    long[] toPayment = new long[requests.size()];
    int amounts = 0;
    int decisions = 0;
    int payments = 0;
    int routed = 0;
    int frozen = 0;
    int heldBack = 0;
    int lastVersion = -1;
    boolean lastFrozen = false;
    long total = 0;
    for (int i = 0; i < requests.size(); i++) {
      RequestSummary request = requests.get(i);
      FamilyTally family = fold.familyOf.get(i);
      counts[request.status().ordinal()]++;
      if (request.configurationVersion() != lastVersion) { // requests mostly share a version: look up changes only
        lastVersion = request.configurationVersion();
        lastFrozen = fold.history.version(lastVersion).flatMap(PilotConfiguration::spendingFreeze).isPresent();
      }
      if (lastFrozen) {
        frozen++;
        if (request.codes().contains(FindingCode.SPENDING_FROZEN)
            || request.codes().contains(FindingCode.FREEZE_APPROVAL_REQUIRED)) {
          heldBack++;
        }
      }
      if (request.outcome() == Outcome.NEEDS_APPROVAL) {
        routed++;
      }
      if (request.amount().hasCurrency(currency)) {
        requested[amounts++] = request.amount().minorUnits();
      }
      Duration decision = request.timeToDecision().orElse(null);
      if (decision != null) {
        toDecision[decisions++] = nanos(decision, request);
      }
      Duration payment = request.timeToPayment().orElse(null);
      if (payment != null) {
        toPayment[payments++] = nanos(payment, request);
      }
      long[] team = byTeam.computeIfAbsent(request.teamId(), id -> new long[1]);
      long spend = request.spent().minorUnits();
      if (spend != 0) {
        total = Math.addExact(total, spend);
        byCategory[request.category().ordinal()] = Math.addExact(byCategory[request.category().ordinal()], spend);
        team[0] = Math.addExact(team[0], spend);
        byArm[request.arm().ordinal()] = Math.addExact(byArm[request.arm().ordinal()], spend);
        armSpent[request.arm().ordinal()] = true;
        family.spent = Math.addExact(family.spent, spend);
      }
    }
    int withRequests = 0;
    List<FamilyId> families = new ArrayList<>(eligible);
    for (FamilyTally family : fold.families.values()) {
      boolean isEligible = eligible.contains(family.familyId);
      withRequests += isEligible ? 1 : 0;
      if (!isEligible && family.spent > 0) {
        families.add(family.familyId);
      }
    }
    this.familiesWithRequests = withRequests;
    Map<RequestStatus, Integer> statusCounts = new EnumMap<>(RequestStatus.class);
    for (RequestStatus status : RequestStatus.values()) {
      statusCounts.put(status, counts[status.ordinal()]);
    }
    this.statusCounts = Collections.unmodifiableMap(statusCounts);
    this.neededApproval = routed;
    this.underFreeze = frozen;
    this.heldBackByFreeze = heldBack;
    this.spent = Money.ofMinor(currency, total);
    Map<SpendCategory, Money> categories = new EnumMap<>(SpendCategory.class);
    for (SpendCategory category : SpendCategory.values()) {
      categories.put(category, Money.ofMinor(currency, byCategory[category.ordinal()]));
    }
    this.spentByCategory = Collections.unmodifiableMap(categories);
    SortedMap<TeamId, Money> teams = new TreeMap<>();
    byTeam.forEach((team, sum) -> teams.put(team, Money.ofMinor(currency, sum[0])));
    this.spentByTeam = Collections.unmodifiableSortedMap(teams);
    Map<Arm, Money> arms = new EnumMap<>(Arm.class);
    for (Arm arm : Arm.values()) {
      if (armSpent[arm.ordinal()]) {
        arms.put(arm, Money.ofMinor(currency, byArm[arm.ordinal()]));
      }
    }
    this.spentByArm = isRandomised(fold.history) ? Collections.unmodifiableMap(arms) : Map.of();
    this.amounts = Distribution.ofKeys(requested, amounts, minor -> Money.ofMinor(currency, minor));
    this.timeToDecision = Distribution.ofKeys(toDecision, decisions, Duration::ofNanos);
    this.timeToPayment = Distribution.ofKeys(toPayment, payments, Duration::ofNanos);
    Money cap = familyAllowance(configuration).orElse(null);
    Collections.sort(families);
    List<FamilyUtilisation> rows = new ArrayList<>(families.size());
    for (FamilyId family : families) {
      FamilyTally tally = fold.families.get(family);
      rows.add(new FamilyUtilisation(family, fold.armOf(family),
          tally == null ? zero : Money.ofMinor(currency, tally.spent), cap));
    }
    this.utilisation = Collections.unmodifiableList(rows);
    int judged = 0;
    int onTime = 0;
    int overdue = 0;
    long[] days = new long[fold.evidence.size()];
    int evidenced = 0;
    for (List<EvidenceDue> due : fold.evidence.values()) {
      boolean received = true;
      boolean late = false;
      boolean isOverdue = false;
      long last = 0;
      for (EvidenceDue item : due) {
        if (item.isReceived()) {
          late |= !item.isOnTime();
          last = Math.max(last, item.daysToEvidence().orElseThrow());
        } else {
          received = false;
          isOverdue |= fold.judgedOn != null && item.isOverdueOn(fold.judgedOn);
        }
      }
      if (received) {
        days[evidenced++] = last;
      }
      judged += received || isOverdue ? 1 : 0;
      onTime += received && !late ? 1 : 0;
      overdue += isOverdue ? 1 : 0;
    }
    this.evidenceRequired = fold.evidence.size();
    this.evidenceOnTime = Share.of(onTime, judged);
    this.evidenceOverdue = overdue;
    this.daysToEvidence = Distribution.ofKeys(days, evidenced, Long::valueOf);
    List<RepaymentStatus> statuses = new ArrayList<>(fold.repayments.size());
    fold.repayments.forEach((id, sums) -> statuses.add(RepaymentStatus.of(fold.repayable.get(id),
        Money.ofMinor(currency, sums[0] - sums[1]), Money.ofMinor(currency, sums[2]))));
    this.repayments = Collections.unmodifiableList(statuses);
    this.judgedOn = fold.judgedOn;
  }

  private static long nanos(Duration duration, RequestSummary request) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("request " + request.requestId() + " took " + duration
          + " to decide or pay, longer than a report can measure (about 292 years)", e);
    }
  }

  /**
   * Computes the report for a scheme with one configuration, as of the latest time the events record.
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
   * Computes the report for a scheme whose configuration changed over time, as of the latest time the events
   * record (the largest {@code recordedAt}): what {@link #of(ConfigurationHistory, List, BudgetPeriod, Instant)}
   * gives with that instant. The names, the currency and the per-family allowance come from the version in force on
   * the range's last day (or the first version, if the range ends before it).
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
    requireNonNull(events, "events");
    Instant latest = Instant.MIN;
    for (LedgerEvent event : events) {
      Instant recordedAt = requireNonNull(event, "events contains null").recordedAt();
      if (recordedAt.isAfter(latest)) {
        latest = recordedAt;
      }
    }
    return of(history, events, range, latest);
  }

  /**
   * Computes the report for a scheme whose configuration changed over time, as of an instant: a hold still
   * awaiting approval in the events that had lapsed by {@code asOf} counts as expired. Pass the ledger clock's now
   * for a report of the scheme as it stands.
   *
   * @param history the scheme's versions, not null
   * @param events the ledger's events in sequence order, not null
   * @param range the days to report on, a half-open range in Europe/London, not null
   * @param asOf the instant lapsed holds are judged at, not null
   * @return the report, not null
   * @throws NullPointerException if an argument or an event is null
   * @throws IllegalArgumentException if the events are inconsistent: an event about a request that was never
   *     submitted, a request submitted twice, or an amount in another currency than the scheme's
   */
  public static EvaluationReport of(ConfigurationHistory history, List<? extends LedgerEvent> events,
      BudgetPeriod range, Instant asOf) {
    requireNonNull(history, "history");
    requireNonNull(events, "events");
    requireNonNull(range, "range");
    requireNonNull(asOf, "asOf");
    Fold fold = new Fold(history, range, events.size());
    for (LedgerEvent event : events) {
      fold.apply(requireNonNull(event, "events contains null"));
    }
    fold.finish(asOf);
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
   * Returns the requests decided under a configuration version that declared a spending freeze, of all requests.
   *
   * @return the share
   */
  public Share decidedUnderFreeze() {
    return Share.of(underFreeze, requests.size());
  }

  /**
   * Returns the requests a spending freeze declined or sent to its senior role (a {@code SPENDING_FROZEN} or
   * {@code FREEZE_APPROVAL_REQUIRED} finding), of those decided under a freeze.
   *
   * @return the share
   */
  public Share heldBackByFreeze() {
    return Share.of(heldBackByFreeze, underFreeze);
  }

  /**
   * Returns how many of the report's paid spends needed evidence under their scheme's evidence policy.
   *
   * @return the count, zero or more
   */
  public int evidenceRequired() {
    return evidenceRequired;
  }

  /**
   * Returns the spends whose evidence all arrived on time (each item by its due day, in London days), of those
   * whose evidence is settled: all of it arrived, or some is overdue as of the report's <em>as of</em> instant.
   * A spend whose evidence is not due yet is left out rather than counted late.
   *
   * @return the share
   */
  public Share evidenceOnTime() {
    return evidenceOnTime;
  }

  /**
   * Returns how many spends have evidence overdue as of the report's <em>as of</em> instant.
   *
   * @return the count, zero or more
   */
  public int evidenceOverdue() {
    return evidenceOverdue;
  }

  /**
   * Returns how many London days after payment a spend's evidence was complete (its last item arrived), over the
   * spends whose evidence all arrived: its median is the evaluator's "median days to evidence".
   *
   * @return the distribution of days, possibly empty, not null
   */
  public Distribution<Long> daysToEvidence() {
    return daysToEvidence;
  }

  /**
   * Returns the report's paid spends given subject to repayment, each with what is owed and repaid, in the order
   * they were paid.
   *
   * @return an immutable list, possibly empty, not null
   */
  public List<RepaymentStatus> repayments() {
    return repayments;
  }

  /**
   * Returns what families owe in all on the report's repayable spends.
   *
   * @return the amount in the scheme's currency, zero or more
   */
  public Money repaymentOwed() {
    return sum(RepaymentStatus::owed);
  }

  /**
   * Returns what families have repaid.
   *
   * @return the amount in the scheme's currency, zero or more
   */
  public Money repaid() {
    return sum(RepaymentStatus::repaid);
  }

  /**
   * Returns what is still to be repaid.
   *
   * @return the amount in the scheme's currency, zero or more
   */
  public Money repaymentOutstanding() {
    return sum(RepaymentStatus::outstanding);
  }

  /**
   * Returns what is overdue as of the report's <em>as of</em> instant: instalments due by the day before its London
   * day, less what was repaid.
   *
   * @return the amount in the scheme's currency, zero or more
   */
  public Money repaymentOverdue() {
    LocalDate day = judgedOn;
    return day == null ? Money.zero(configuration.currency()) : sum(status -> status.overdueOn(day));
  }

  private Money sum(java.util.function.Function<RepaymentStatus, Money> figure) {
    Money total = Money.zero(configuration.currency());
    for (RepaymentStatus status : repayments) {
      total = total.plus(figure.apply(status));
    }
    return total;
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

  /** What the report adds up for one family that made a request, looked up once per request. */
  private static final class FamilyTally {
    final FamilyId familyId;
    long spent;
    boolean eligibleByRequest;
    private boolean allocationLooked;
    private @Nullable AllocationRecord allocation;

    FamilyTally(FamilyId familyId) {
      this.familyId = familyId;
    }

    @Nullable AllocationRecord allocation(Map<FamilyId, AllocationRecord> allocations) {
      if (!allocationLooked) {
        allocation = allocations.get(familyId);
        allocationLooked = true;
      }
      return allocation;
    }
  }

  /** The single pass over the events. Not thread-safe. */
  private static final class Fold {
    final ConfigurationHistory history;
    final PilotConfiguration configuration;
    final BudgetPeriod range;
    final boolean allEligible;
    final Map<FamilyId, AllocationRecord> allocations = new HashMap<>();
    final Map<RequestId, RequestSummary.Builder> open;
    final List<RequestSummary.Builder> inOrder;
    /** The family of each request in {@link #inOrder}, and of the summaries, at the same index. */
    final List<FamilyTally> familyOf;
    final Map<FamilyId, FamilyTally> families = new HashMap<>();
    final Set<RequestId> outside = new HashSet<>();
    final Set<FamilyId> eligible = new HashSet<>();
    final List<RequestSummary> summaries;
    /** Whether any version asks for evidence; only then are requests kept for it. */
    final boolean evidenceTracked;
    final Map<RequestId, SpendRequest> spendOf = new HashMap<>();
    /** Requests made subject to repayment, and what each has paid, refunded and repaid: {paid, refunded, repaid}. */
    final Map<RequestId, long[]> repayments = new LinkedHashMap<>();
    final Map<RequestId, SpendRequest> repayable = new HashMap<>();
    /** Each paid spend's evidence items, in the order the spends were paid. */
    final Map<RequestId, List<EvidenceDue>> evidence = new LinkedHashMap<>();

    Fold(ConfigurationHistory history, BudgetPeriod range, int events) {
      int requests = Math.max(16, Math.min(events, 1 << 24) / 2); // a hint: about two events per request
      this.open = new HashMap<>(requests * 4 / 3 + 1);
      this.inOrder = new ArrayList<>(requests);
      this.familyOf = new ArrayList<>(requests);
      this.summaries = new ArrayList<>(requests);
      this.history = history;
      this.range = range;
      LocalDate last = range.end().minusDays(1);
      PilotConfiguration first = history.versions().get(0);
      this.configuration = last.isBefore(first.effectiveFrom()) ? first : history.inForceOn(last);
      this.allEligible = history.versions().stream()
          .anyMatch(version -> version.allocation().method() == AllocationMethod.ALL_ELIGIBLE);
      this.evidenceTracked = history.versions().stream().anyMatch(version -> version.evidencePolicy().isPresent());
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
        LedgerEvent.Reserved reserved = (LedgerEvent.Reserved) event;
        request.status = reserved.awaitsApproval() ? RequestStatus.AWAITING_APPROVAL : RequestStatus.APPROVED;
        request.expiresAt = reserved.expiresAt().orElse(null);
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
        if (repayable.containsKey(posted.requestId())) {
          repayments.put(posted.requestId(), new long[] {posted.amount().minorUnits(), 0, 0});
        }
        SpendRequest spend = evidenceTracked ? spendOf.get(posted.requestId()) : null;
        EvidencePolicy policy = spend == null ? null
            : history.inForceOn(spend.requestedOn()).evidencePolicy().orElse(null);
        if (policy != null) {
          List<EvidenceDue> due = EvidenceDue.forSpend(policy, spend, posted.amount(), posted.at());
          if (!due.isEmpty()) {
            evidence.put(posted.requestId(), due);
          }
        }
      } else if (event instanceof LedgerEvent.EvidenceReceived) {
        LedgerEvent.EvidenceReceived received = (LedgerEvent.EvidenceReceived) event;
        List<EvidenceDue> due = evidence.get(received.requestId());
        if (due != null) {
          List<EvidenceDue> after = new ArrayList<>(due.size());
          for (EvidenceDue item : due) {
            after.add(item.receive(received.kind(), received.at()));
          }
          evidence.put(received.requestId(), after);
        }
      } else if (event instanceof LedgerEvent.Repaid) {
        Money repaid = checked(((LedgerEvent.Repaid) event).amount(), event);
        long[] sums = repayments.get(requestEvent.requestId());
        if (sums == null) {
          throw new IllegalArgumentException("event " + event.sequence() + " repays request "
              + requestEvent.requestId() + ", which was not paid subject to repayment");
        }
        sums[2] = Math.addExact(sums[2], repaid.minorUnits());
      } else if (event instanceof LedgerEvent.Voided) {
        request.status = RequestStatus.VOIDED;
      } else if (event instanceof LedgerEvent.Expired) {
        request.status = RequestStatus.EXPIRED;
      } else {
        Money refund = checked(((LedgerEvent.Refunded) event).amount(), event);
        request.refunded = requireNonNull(request.refunded).plus(refund);
        long[] sums = repayments.get(requestEvent.requestId());
        if (sums != null) {
          sums[1] = Math.addExact(sums[1], refund.minorUnits());
        }
      }
    }

    private void submitted(LedgerEvent.Submitted event) {
      SpendRequest spend = event.request();
      RequestId id = spend.id();
      if (!range.contains(spend.requestedOn())) {
        if (open.containsKey(id) || !outside.add(id)) {
          throw submittedTwice(event, id);
        }
        return;
      }
      RequestSummary.Builder request = new RequestSummary.Builder();
      if (open.putIfAbsent(id, request) != null || outside.contains(id)) {
        throw submittedTwice(event, id);
      }
      request.requestId = id;
      if (spend.repayment().isPresent()) {
        repayable.put(id, spend);
      }
      if (evidenceTracked) {
        spendOf.put(id, spend);
      }
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
      inOrder.add(request);
      FamilyTally family = families.get(spend.familyId());
      if (family == null) {
        family = new FamilyTally(spend.familyId());
        families.put(spend.familyId(), family);
      }
      familyOf.add(family);
    }

    private static IllegalArgumentException submittedTwice(LedgerEvent event, RequestId id) {
      return new IllegalArgumentException("event " + event.sequence() + " submits request " + id + " a second time");
    }

    private Money checked(Money amount, LedgerEvent event) {
      if (!amount.hasCurrency(configuration.currency())) {
        throw new IllegalArgumentException("event " + event.sequence() + " has amount " + amount
            + ", not in the scheme's currency " + configuration.currency().getCurrencyCode());
      }
      return amount;
    }

    /** The London day evidence is judged overdue on: the report's as-of day; null if that is unsupported. */
    @Nullable LocalDate judgedOn;

    void finish(Instant asOf) {
      judgedOn = LondonTime.isSupported(asOf) ? LondonTime.dateOf("asOf", asOf) : null;
      for (AllocationRecord record : allocations.values()) {
        if (record.arm().hasBudget()) {
          eligible.add(record.familyId());
        }
      }
      for (int i = 0; i < inOrder.size(); i++) {
        RequestSummary.Builder request = inOrder.get(i);
        FamilyTally family = familyOf.get(i);
        AllocationRecord record = family.allocation(allocations);
        if (record != null) {
          request.arm = record.arm();
          request.stratum = record.stratum().orElse(null);
        }
        if (request.status == RequestStatus.AWAITING_APPROVAL && request.expiresAt != null
            && !asOf.isBefore(request.expiresAt)) {
          request.status = RequestStatus.EXPIRED; // lapsed, though the expiry is not recorded yet
        }
        if (allEligible && !family.eligibleByRequest && !request.codes.contains(FindingCode.TEAM_NOT_ELIGIBLE)) {
          family.eligibleByRequest = true;
          eligible.add(family.familyId);
        }
        summaries.add(request.build());
      }
    }
  }
}
