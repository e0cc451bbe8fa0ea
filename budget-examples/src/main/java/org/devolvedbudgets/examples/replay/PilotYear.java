package org.devolvedbudgets.examples.replay;

import static java.util.Objects.requireNonNull;

import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.function.DoubleConsumer;
import java.util.Random;
import java.util.SplittableRandom;
import org.devolvedbudgets.examples.pilots.PilotSite;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.scheme.AllocationMethod;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.PaymentMethod;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.model.spend.Subcategory;
import org.devolvedbudgets.rules.Approver;
import org.devolvedbudgets.rules.Decision;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.devolvedbudgets.rules.evaluation.EvaluationReport;
import org.devolvedbudgets.rules.ledger.BudgetLedger;
import org.devolvedbudgets.rules.ledger.InMemoryLedgerStore;
import org.devolvedbudgets.rules.ledger.LedgerStore;
import org.devolvedbudgets.rules.ledger.LedgerResult;
import org.devolvedbudgets.rules.ledger.Submission;

/**
 * Simulates one year of a pilot through the real {@link BudgetLedger}, with synthetic families, workers and
 * requests drawn from a seeded random source, and returns the ledger's journal, a decision log and the
 * evaluation report. The same site, seed and family count give the same result, event for event.
 *
 * <p><b>The shape of the synthetic data</b> (DOMAIN.md gives the facts; the rest are assumptions, chosen so the
 * figures look like the evaluation's):
 * <ul>
 *   <li>Eligible families: Hillingdon 100 (about 100 young people), Wigan 60 (assumed: 30 per team),
 *       Darlington 21; or the number given. Darlington's families are identified one by one from April to
 *       September and randomised (child aged 0 to 16) until that many are in the treatment arm; the control
 *       families are allocated too, and have no budget.</li>
 *   <li>Families who apply: Darlington one in three, rounded (7 of 21, as the evaluation found); Hillingdon 60%
 *       and Wigan 50% (assumed: "spending was lower than expected").</li>
 *   <li>Each applying family makes 1 to 6 requests on working days spread over the year, 09:00 to 17:00.</li>
 *   <li>Amounts, in whole pence, log-uniform within a category's range: relationship building (half of the
 *       requests) £9.40 to £200, practical (35%) £20 to £1,200, therapeutic (15%) £150 to £2,500; and one
 *       request in 30 is a large practical one, £1,000 to £4,500. So most spends are small, as observed
 *       (Hillingdon: median £113, largest £1,800).</li>
 *   <li>Payment: prepaid card 50%, purchase card 30%, supplier invoice 18%, cash 2% (declined where cash is not
 *       allowed).</li>
 *   <li>A manager answers a routed request after 1 to 5 days: approves 90%, rejects 5%, and lets 5% lapse
 *       (the hold expires after the ledger's 14 days). An approved request is paid after 0 to 3 days, one in
 *       ten for 90% of the amount; 2% are voided instead. One payment in 50 is partly refunded later.</li>
 * </ul>
 *
 * <p>This class is immutable and thread-safe; each {@link #run()} builds its own ledger.
 */
public final class PilotYear {

  /** The most eligible families a run accepts: 100,000, a county's worth and more, for trying the ledger at scale. */
  public static final int MAX_FAMILIES = 100_000;

  private static final LocalTime OPENING = LocalTime.of(9, 0);
  private static final int WORKING_MINUTES = 8 * 60;

  private final PilotSite site;
  private final long seed;
  private final int eligibleFamilies;

  private PilotYear(PilotSite site, long seed, int eligibleFamilies) {
    this.site = site;
    this.seed = seed;
    this.eligibleFamilies = eligibleFamilies;
  }

  /**
   * Returns a simulation of a site with its usual number of eligible families (Hillingdon 100, Wigan 60,
   * Darlington 21).
   *
   * @param site the pilot, not null
   * @param seed the random seed, any value
   * @return the simulation, not yet run
   * @throws NullPointerException if {@code site} is null
   */
  public static PilotYear of(PilotSite site, long seed) {
    requireNonNull(site, "site");
    return new PilotYear(site, seed, defaultFamilies(site));
  }

  /**
   * Returns a simulation of a site with a given number of eligible families.
   *
   * @param site the pilot, not null
   * @param seed the random seed, any value
   * @param eligibleFamilies how many families are eligible, 1 to {@value #MAX_FAMILIES}
   * @return the simulation, not yet run
   * @throws NullPointerException if {@code site} is null
   * @throws IllegalArgumentException if {@code eligibleFamilies} is out of range
   */
  public static PilotYear of(PilotSite site, long seed, int eligibleFamilies) {
    requireNonNull(site, "site");
    if (eligibleFamilies < 1 || eligibleFamilies > MAX_FAMILIES) {
      throw new IllegalArgumentException("eligibleFamilies must be 1 to " + MAX_FAMILIES + ", but was "
          + eligibleFamilies);
    }
    return new PilotYear(site, seed, eligibleFamilies);
  }

  /**
   * Returns how many families a site has by default.
   *
   * @param site the pilot, not null
   * @return Hillingdon 100, Wigan 60, Darlington 21; 50 for any other site
   */
  public static int defaultFamilies(PilotSite site) {
    switch (site.name()) {
      case "Hillingdon":
        return 100;
      case "Wigan":
        return 60;
      case "Darlington":
        return 21;
      default:
        return 50;
    }
  }

  /**
   * Runs the year: allocates the families, submits, approves, pays, voids, expires and refunds through a new
   * ledger with an in-memory store, and computes the evaluation report over the pilot's term.
   *
   * @return the journal, the decision log and the report
   */
  public Result run() {
    return run(new InMemoryLedgerStore());
  }

  /**
   * Runs the year as {@link #run()} does, keeping the journal in {@code store}, for example a database.
   *
   * @param store an empty store, not null
   * @return the journal, the decision log and the report
   * @throws IllegalArgumentException if the store already holds events
   */
  public Result run(LedgerStore store) {
    return run(store, done -> { });
  }

  /**
   * Runs the year as {@link #run(LedgerStore)} does, telling {@code progress} how far through the term it is.
   *
   * @param store an empty store, not null
   * @param progress told the share of the term simulated so far, from 0 to 1, at the start of each simulated
   *     day and once at the end with 1, on the calling thread; not null
   * @return the journal, the decision log and the report
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the store already holds events
   */
  public Result run(LedgerStore store, DoubleConsumer progress) {
    requireNonNull(store, "store");
    requireNonNull(progress, "progress");
    if (store.lastSequence() != 0) {
      throw new IllegalArgumentException("store must be empty, but its journal holds " + store.lastSequence()
          + " events");
    }
    return new Run(store, progress).execute();
  }

  /** What a run produced. Immutable. */
  public static final class Result {
    private final PilotSite site;
    private final LedgerStore store;
    private final List<LogLine> log;
    private final EvaluationReport report;

    Result(PilotSite site, LedgerStore store, List<LogLine> log, EvaluationReport report) {
      this.site = site;
      this.store = store;
      this.log = List.copyOf(log);
      this.report = report;
    }

    /**
     * Returns the site simulated.
     *
     * @return the site
     */
    public PilotSite site() {
      return site;
    }

    /**
     * Returns the store holding the ledger's journal.
     *
     * @return the store, complete
     */
    public LedgerStore store() {
      return store;
    }

    /**
     * Returns one line per submitted request, in submission order.
     *
     * @return the decision log, unmodifiable
     */
    public List<LogLine> log() {
      return log;
    }

    /**
     * Returns the evaluation report over the pilot's term.
     *
     * @return the report
     */
    public EvaluationReport report() {
      return report;
    }
  }

  /**
   * One decision, for the log: when, which request, how much, for what and what the rules said.
   *
   * @param at when the request was submitted
   * @param request the request
   * @param decision the rules' decision
   */
  public record LogLine(Instant at, SpendRequest request, Decision decision) {

    /**
     * Checks the components.
     *
     * @param at the at component
     * @param request the request component
     * @param decision the decision component
     * @throws NullPointerException if a component is null
     */
    public LogLine {
      requireNonNull(at, "at");
      requireNonNull(request, "request");
      requireNonNull(decision, "decision");
    }
  }

  /** A family in the simulation. */
  private record Family(FamilyId id, TeamId team, LocalDate from) {}

  /** Something that happens at a moment; ties keep the order they were scheduled in. */
  private record Action(Instant at, long order, Runnable step) implements Comparable<Action> {
    @Override
    public int compareTo(Action other) {
      int byTime = at.compareTo(other.at);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }

  /** One run's mutable state. Confined to the thread calling {@link #run()}. */
  private final class Run {
    private final SplittableRandom random = new SplittableRandom(seed);
    private final PilotConfiguration configuration = site.configuration();
    private final BudgetPeriod term = configuration.term();
    private final SimulatedClock clock = new SimulatedClock(term.start().atStartOfDay(BudgetPeriod.ZONE).toInstant());
    private final LedgerStore store;
    private final DoubleConsumer progress;
    private final BudgetLedger ledger;
    private final PriorityQueue<Action> queue = new PriorityQueue<>();
    private final List<LogLine> log = new ArrayList<>();
    private final String prefix = site.name().substring(0, 3).toLowerCase(Locale.ROOT);
    private long order;
    private int requests;

    Run(LedgerStore store, DoubleConsumer progress) {
      this.store = store;
      this.progress = progress;
      this.ledger = BudgetLedger.builder(site.history()).store(store).clock(clock).build();
    }

    Result execute() {
      List<Family> families = allocate();
      List<Family> applying = new ArrayList<>(families);
      Collections.shuffle(applying, new Random(random.nextLong()));
      applying = applying.subList(0, applicants(families.size()));
      for (Family family : applying) {
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
          Instant at = workingMoment(family.from(), term.end());
          schedule(at, () -> submit(family, at));
        }
      }
      LocalDate lastDay = term.end();
      LocalDate day = term.start();
      while (!queue.isEmpty()) {
        Action next = queue.poll();
        LocalDate today = BudgetPeriod.toLocalDate(next.at());
        while (day.isBefore(today)) {
          day = day.plusDays(1);
          progress.accept(Math.min(1.0, (day.toEpochDay() - term.start().toEpochDay())
              / (double) (term.end().toEpochDay() - term.start().toEpochDay())));
          Instant midnight = day.atStartOfDay(BudgetPeriod.ZONE).toInstant();
          clock.advanceTo(midnight);
          ledger.expire(midnight);
        }
        clock.advanceTo(next.at());
        next.step().run();
        lastDay = today.isAfter(lastDay) ? today : lastDay;
      }
      Instant end = lastDay.plusDays(15).atStartOfDay(BudgetPeriod.ZONE).toInstant();
      clock.advanceTo(end);
      ledger.expire(end);
      EvaluationReport report = EvaluationReport.of(site.history(), store.readAll(), term);
      progress.accept(1.0);
      return new Result(site, store, log, report);
    }

    private List<Family> allocate() {
      List<Family> families = new ArrayList<>();
      boolean randomised = configuration.allocation().method() == AllocationMethod.RANDOMISED;
      int identified = 0;
      while (families.size() < eligibleFamilies) {
        identified++;
        TeamId team = site.teams().get(random.nextInt(site.teams().size()));
        FamilyId id = FamilyId.of(String.format(Locale.ROOT, "%s-fam-%04d", prefix, identified));
        LocalDate on = randomised ? term.start().plusDays(random.nextInt(183)) : term.start();
        WorkerId manager = site.teamManager(team).workerId();
        AllocationRecord record = ledger.allocate(id, random.nextInt(17), on, manager);
        if (record.arm().hasBudget()) {
          families.add(new Family(id, team, on));
        }
      }
      return families;
    }

    private int applicants(int eligible) {
      switch (site.name()) {
        case "Darlington":
          return (eligible + 1) / 3;
        case "Hillingdon":
          return (eligible * 6 + 5) / 10;
        default:
          return (eligible + 1) / 2;
      }
    }

    private Instant workingMoment(LocalDate from, LocalDate until) {
      long days = Math.max(1, until.toEpochDay() - from.toEpochDay());
      LocalDate day = from.plusDays(random.nextLong(days));
      while (day.getDayOfWeek().getValue() > 5) {
        day = day.minusDays(2);
      }
      if (day.isBefore(from)) {
        day = from;
      }
      return day.atTime(OPENING.plusMinutes(random.nextInt(WORKING_MINUTES))).atZone(BudgetPeriod.ZONE).toInstant();
    }

    private void schedule(Instant at, Runnable step) {
      queue.add(new Action(at, order++, step));
    }

    private Instant later(Instant from, int minDays, int maxDays) {
      return from.plus(Duration.ofDays(minDays + random.nextInt(maxDays - minDays + 1)))
          .plus(Duration.ofMinutes(random.nextInt(240)));
    }

    private void submit(Family family, Instant at) {
      List<WorkerId> workers = site.socialWorkers(family.team());
      WorkerId worker = workers.get(random.nextInt(workers.size()));
      SpendCategory category = category();
      boolean large = random.nextInt(30) == 0;
      if (large) {
        category = SpendCategory.PRACTICAL;
      }
      Money amount = amount(category, large);
      SpendRequest request = SpendRequest.builder()
          .id(RequestId.of(String.format(Locale.ROOT, "%s-req-%05d", prefix, ++requests)))
          .familyId(family.id())
          .teamId(family.team())
          .requestedBy(worker)
          .amount(amount)
          .category(category)
          .subcategory(subcategory(category))
          .description("Synthetic " + category.displayName().toLowerCase(Locale.ROOT) + " spend")
          .paymentMethod(paymentMethod())
          .requestedAt(at)
          .build();
      Submission submission = ledger.submit(request);
      log.add(new LogLine(at, request, submission.decision()));
      if (submission.outcome() == Outcome.APPROVED) {
        schedulePayment(request, worker, at);
      } else if (submission.outcome() == Outcome.NEEDS_APPROVAL) {
        int answer = random.nextInt(100);
        if (answer < 95) {
          Approver approver = site.approverFor(submission.decision().requiredRole().orElseThrow(), family.team());
          Instant when = later(at, 1, 5);
          boolean approve = answer < 90;
          schedule(when, () -> answer(request, worker, approver, when, approve));
        }
      }
    }

    private void answer(SpendRequest request, WorkerId worker, Approver approver, Instant at, boolean approve) {
      if (approve) {
        LedgerResult result = ledger.approve(request.id(), approver, at);
        if (result.isApplied()) {
          schedulePayment(request, worker, at);
        }
      } else {
        ledger.reject(request.id(), approver, at);
      }
    }

    private void schedulePayment(SpendRequest request, WorkerId worker, Instant approvedAt) {
      Instant when = later(approvedAt, 0, 3);
      if (random.nextInt(50) == 0) {
        schedule(when, () -> ledger.voidReservation(request.id(), worker, when));
        return;
      }
      Money actual = random.nextInt(10) == 0
          ? request.amount().multipliedBy(9).dividedBy(10, RoundingMode.HALF_UP)
          : request.amount();
      schedule(when, () -> pay(request, worker, actual, when));
    }

    private void pay(SpendRequest request, WorkerId worker, Money actual, Instant at) {
      LedgerResult result = ledger.post(request.id(), actual, worker, at);
      if (result.isApplied() && random.nextInt(50) == 0) {
        Instant when = later(at, 7, 30);
        Money refund = actual.dividedBy(2, RoundingMode.DOWN);
        if (refund.isPositive()) {
          schedule(when, () -> ledger.refund(request.id(), refund, worker, when));
        }
      }
    }

    private SpendCategory category() {
      int roll = random.nextInt(100);
      return roll < 50 ? SpendCategory.RELATIONSHIP_BUILDING
          : roll < 85 ? SpendCategory.PRACTICAL : SpendCategory.THERAPEUTIC;
    }

    /** Draws whole pence, log-uniform in the range; the draw uses a double, the amount never does. */
    private Money amount(SpendCategory category, boolean large) {
      long low;
      long high;
      if (large) {
        low = 100_000;
        high = 450_000;
      } else if (category == SpendCategory.RELATIONSHIP_BUILDING) {
        low = 940;
        high = 20_000;
      } else if (category == SpendCategory.PRACTICAL) {
        low = 2_000;
        high = 120_000;
      } else {
        low = 15_000;
        high = 250_000;
      }
      double logLow = Math.log(low);
      double pence = Math.exp(logLow + random.nextDouble() * (Math.log(high) - logLow));
      return Money.ofMinor(configuration.currency(), Math.max(low, Math.min(high, Math.round(pence))));
    }

    private Subcategory subcategory(SpendCategory category) {
      List<Subcategory> choices = new ArrayList<>();
      for (Subcategory subcategory : Subcategory.standard()) {
        if (subcategory.category() == category) {
          choices.add(subcategory);
        }
      }
      return choices.get(random.nextInt(choices.size()));
    }

    private PaymentMethod paymentMethod() {
      int roll = random.nextInt(100);
      return roll < 50 ? PaymentMethod.PREPAID_CARD
          : roll < 80 ? PaymentMethod.PURCHASE_CARD
          : roll < 98 ? PaymentMethod.SUPPLIER_INVOICE : PaymentMethod.CASH;
    }
  }
}
