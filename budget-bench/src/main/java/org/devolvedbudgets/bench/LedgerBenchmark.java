package org.devolvedbudgets.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.devolvedbudgets.examples.pilots.Pilots;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.spend.PaymentMethod;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.ledger.BudgetLedger;
import org.devolvedbudgets.rules.ledger.LedgerResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * A spend end to end through the {@link BudgetLedger}: {@code submit} (decide and reserve) then {@code post}
 * (pay), under {@link Fixtures#WIGAN_AMPLE}. Throughput in operations per microsecond, summed over threads, so
 * two threads that scale perfectly score twice one thread.
 *
 * <p>Each operation builds its request (a new id each time, as a case system would), so the figure includes
 * that. Every iteration starts from an empty in-memory ledger, which then grows by three events per operation;
 * keeping all of them is most of the garbage collector's work, so the heap is fixed at 4 GB.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class LedgerBenchmark {

  /** Creates the benchmark; JMH calls this. */
  public LedgerBenchmark() {}

  /** The ledger all threads share, new for every iteration. */
  @State(Scope.Benchmark)
  public static class Shared {

    BudgetLedger ledger = newLedger();

    /** Creates the state; JMH calls this. */
    public Shared() {}

    /** Starts each iteration with an empty ledger. */
    @Setup(Level.Iteration)
    public void emptyLedger() {
      ledger = newLedger();
    }

    private static BudgetLedger newLedger() {
      return BudgetLedger.builder(Fixtures.WIGAN_AMPLE)
          .clock(Clock.fixed(Fixtures.MID_YEAR.plusSeconds(60), ZoneOffset.UTC))
          .build();
    }
  }

  /** One thread's worker and families; the requests it numbers are its own. */
  @State(Scope.Thread)
  public static class Worker {

    private static final Money AMOUNT = Money.parse("GBP 1.00");
    private static final int FAMILIES = 1_000;

    String prefix = "";
    FamilyId[] ownFamilies = new FamilyId[0];
    WorkerId worker = WorkerId.of("wig-reu-sw1");
    Instant paidAt = Fixtures.MID_YEAR.plusSeconds(3_600);
    long count;

    /** Creates the state; JMH calls this. */
    public Worker() {}

    /**
     * Gives the thread its id prefix and its own families.
     *
     * @param thread JMH's description of this thread
     */
    @Setup(Level.Trial)
    public void setUp(ThreadParams thread) {
      setUp(thread.getThreadIndex());
    }

    void setUp(int index) {
      prefix = "t" + index + "-";
      worker = WorkerId.of("wig-reu-sw" + (index + 1));
      ownFamilies = new FamilyId[FAMILIES];
      for (int i = 0; i < FAMILIES; i++) {
        ownFamilies[i] = FamilyId.of("bench-t" + index + "-f" + i);
      }
    }

    SpendRequest next(FamilyId family) {
      count++;
      return SpendRequest.builder()
          .id(RequestId.of(prefix + count))
          .familyId(family)
          .teamId(Pilots.WIGAN_REUNIFICATION)
          .requestedBy(worker)
          .amount(AMOUNT)
          .category(SpendCategory.PRACTICAL)
          .requestedAt(Fixtures.MID_YEAR)
          .paymentMethod(PaymentMethod.PREPAID_CARD)
          .build();
    }

    FamilyId ownFamily() {
      return ownFamilies[(int) (count % FAMILIES)];
    }
  }

  /** The one family both threads spend for in {@link #twoThreadsSameFamily}. */
  static final FamilyId SHARED_FAMILY = FamilyId.of("bench-shared");

  /**
   * Submits and posts a request on one thread.
   *
   * @param shared the ledger
   * @param worker this thread's worker
   * @return the post's result
   */
  @Benchmark
  @Threads(1)
  public LedgerResult oneThread(Shared shared, Worker worker) {
    return submitAndPost(shared.ledger, worker, worker.next(worker.ownFamily()));
  }

  /**
   * Submits and posts on two threads at once, each for its own families.
   *
   * @param shared the ledger
   * @param worker this thread's worker
   * @return the post's result
   */
  @Benchmark
  @Threads(2)
  public LedgerResult twoThreadsDifferentFamilies(Shared shared, Worker worker) {
    return submitAndPost(shared.ledger, worker, worker.next(worker.ownFamily()));
  }

  /**
   * Submits and posts on two threads at once, both for the same family, so they take turns with it.
   *
   * @param shared the ledger
   * @param worker this thread's worker
   * @return the post's result
   */
  @Benchmark
  @Threads(2)
  public LedgerResult twoThreadsSameFamily(Shared shared, Worker worker) {
    return submitAndPost(shared.ledger, worker, worker.next(SHARED_FAMILY));
  }

  static LedgerResult submitAndPost(BudgetLedger ledger, Worker worker, SpendRequest request) {
    ledger.submit(request);
    return ledger.post(request.id(), request.amount(), worker.worker, worker.paidAt);
  }
}
