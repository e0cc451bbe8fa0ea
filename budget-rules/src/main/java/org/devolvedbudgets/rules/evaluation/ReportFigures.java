package org.devolvedbudgets.rules.evaluation;


import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.money.CurrencyUnit;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.scheme.AllocationMethod;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.devolvedbudgets.rules.FindingCode;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.allocation.Arm;
import org.devolvedbudgets.rules.ledger.EvidenceDue;
import org.devolvedbudgets.rules.ledger.RepaymentStatus;
import org.jspecify.annotations.Nullable;

/**
 * The figures of an {@link EvaluationReport}, added up once from its fold: counts by status, spend by category,
 * team and arm, the distributions of amounts and times, each family's utilisation, evidence and repayments. Sums
 * are kept in minor units and figures as sorted longs, since a report may fold a million requests.
 *
 * <p>Immutable once made, and so thread-safe.
 */
final class ReportFigures {

  final int familiesWithRequests;
  final Map<RequestStatus, Integer> statusCounts;
  final int neededApproval;
  final int underFreeze;
  final int heldBackByFreeze;
  final Money spent;
  final Map<SpendCategory, Money> spentByCategory;
  final SortedMap<TeamId, Money> spentByTeam;
  final Map<Arm, Money> spentByArm;
  final Distribution<Money> amounts;
  final Distribution<Duration> timeToDecision;
  final Distribution<Duration> timeToPayment;
  final List<FamilyUtilisation> utilisation;
  final int evidenceRequired;
  final Share evidenceOnTime;
  final int evidenceOverdue;
  final Distribution<Long> daysToEvidence;
  final List<RepaymentStatus> repayments;
  final @Nullable LocalDate judgedOn;

  ReportFigures(ReportFold fold) {
    PilotConfiguration configuration = fold.configuration;
    List<RequestSummary> requests = fold.summaries;
    Set<FamilyId> eligible = fold.eligible;
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
      ReportFold.FamilyTally family = fold.familyOf.get(i);
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
    for (ReportFold.FamilyTally family : fold.families.values()) {
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
      ReportFold.FamilyTally tally = fold.families.get(family);
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

  static Optional<Money> familyAllowance(PilotConfiguration configuration) {
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
}
