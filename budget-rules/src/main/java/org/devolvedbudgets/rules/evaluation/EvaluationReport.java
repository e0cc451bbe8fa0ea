package org.devolvedbudgets.rules.evaluation;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.devolvedbudgets.rules.allocation.Arm;
import org.devolvedbudgets.rules.ledger.RepaymentStatus;
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
  private final ReportFigures figures;

  private EvaluationReport(ReportFold fold) {
    this.configuration = fold.configuration;
    this.range = fold.range;
    this.requests = Collections.unmodifiableList(fold.summaries);
    this.eligible = Collections.unmodifiableSet(fold.eligible);
    this.figures = new ReportFigures(fold);
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
    ReportFold fold = new ReportFold(history, range, events.size());
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
    return figures.familiesWithRequests;
  }

  /**
   * Returns the uptake: eligible families with at least one request, of all eligible families.
   *
   * @return the share, such as {@code 7 of 21 (33.3%)}
   */
  public Share uptake() {
    return Share.of(figures.familiesWithRequests, eligible.size());
  }

  /**
   * Returns how many requests ended in a status.
   *
   * @param status the status, not null
   * @return the count, 0 or more
   * @throws NullPointerException if {@code status} is null
   */
  public int count(RequestStatus status) {
    return figures.statusCounts.get(requireNonNull(status, "status"));
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
    return Share.of(figures.neededApproval, requests.size());
  }

  /**
   * Returns the requests decided under a configuration version that declared a spending freeze, of all requests.
   *
   * @return the share
   */
  public Share decidedUnderFreeze() {
    return Share.of(figures.underFreeze, requests.size());
  }

  /**
   * Returns the requests a spending freeze declined or sent to its senior role (a {@code SPENDING_FROZEN} or
   * {@code FREEZE_APPROVAL_REQUIRED} finding), of those decided under a freeze.
   *
   * @return the share
   */
  public Share heldBackByFreeze() {
    return Share.of(figures.heldBackByFreeze, figures.underFreeze);
  }

  /**
   * Returns how many of the report's paid spends needed evidence under their scheme's evidence policy.
   *
   * @return the count, zero or more
   */
  public int evidenceRequired() {
    return figures.evidenceRequired;
  }

  /**
   * Returns the spends whose evidence all arrived on time (each item by its due day, in London days), of those
   * whose evidence is settled: all of it arrived, or some is overdue as of the report's <em>as of</em> instant.
   * A spend whose evidence is not due yet is left out rather than counted late.
   *
   * @return the share
   */
  public Share evidenceOnTime() {
    return figures.evidenceOnTime;
  }

  /**
   * Returns how many spends have evidence overdue as of the report's <em>as of</em> instant.
   *
   * @return the count, zero or more
   */
  public int evidenceOverdue() {
    return figures.evidenceOverdue;
  }

  /**
   * Returns how many London days after payment a spend's evidence was complete (its last item arrived), over the
   * spends whose evidence all arrived: its median is the evaluator's "median days to evidence".
   *
   * @return the distribution of days, possibly empty, not null
   */
  public Distribution<Long> daysToEvidence() {
    return figures.daysToEvidence;
  }

  /**
   * Returns the report's paid spends given subject to repayment, each with what is owed and repaid, in the order
   * they were paid.
   *
   * @return an immutable list, possibly empty, not null
   */
  public List<RepaymentStatus> repayments() {
    return figures.repayments;
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
    LocalDate day = figures.judgedOn;
    return day == null ? Money.zero(configuration.currency()) : sum(status -> status.overdueOn(day));
  }

  private Money sum(java.util.function.Function<RepaymentStatus, Money> figure) {
    Money total = Money.zero(configuration.currency());
    for (RepaymentStatus status : figures.repayments) {
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
    return figures.spent;
  }

  /**
   * Returns the spend in each category.
   *
   * @return every category, in the enum's order, with zero where nothing was spent; unmodifiable
   */
  public Map<SpendCategory, Money> spentByCategory() {
    return figures.spentByCategory;
  }

  /**
   * Returns the spend by the requesting worker's team.
   *
   * @return every team that made a request, sorted by id, with zero where nothing was spent; unmodifiable
   */
  public SortedMap<TeamId, Money> spentByTeam() {
    return figures.spentByTeam;
  }

  /**
   * Returns the spend in each arm of a randomised scheme.
   *
   * @return the arms with any spend, in the enum's order; empty unless a version of the scheme is randomised;
   *     unmodifiable
   */
  public Map<Arm, Money> spentByArm() {
    return figures.spentByArm;
  }

  /**
   * Returns the distribution of the amounts requested.
   *
   * @return the distribution over every request in the range whose amount is in the scheme's currency (a request
   *     in another currency was declined with {@code CURRENCY_MISMATCH}; it counts as a request, but its amount
   *     cannot be ranked with the others)
   */
  public Distribution<Money> amounts() {
    return figures.amounts;
  }

  /**
   * Returns the distribution of times from request to decision, over the requests decided.
   *
   * @return the distribution
   */
  public Distribution<Duration> timeToDecision() {
    return figures.timeToDecision;
  }

  /**
   * Returns the distribution of times from request to payment, over the requests paid.
   *
   * @return the distribution
   */
  public Distribution<Duration> timeToPayment() {
    return figures.timeToPayment;
  }

  /**
   * Returns the per-family allowance utilisation is measured against.
   *
   * @return the cap, empty if the scheme has no per-family allowance
   */
  public Optional<Money> familyAllowance() {
    return ReportFigures.familyAllowance(configuration);
  }

  /**
   * Returns each family's budget utilisation: every eligible family, and every other family with spend.
   *
   * @return the rows, sorted by family id; unmodifiable
   */
  public List<FamilyUtilisation> utilisation() {
    return figures.utilisation;
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
        + requests.size() + ", spent=" + figures.spent + "]";
  }


}
