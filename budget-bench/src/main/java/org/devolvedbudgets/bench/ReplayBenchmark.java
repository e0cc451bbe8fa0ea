package org.devolvedbudgets.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.devolvedbudgets.examples.pilots.Pilots;
import org.devolvedbudgets.rules.ledger.BudgetLedger;
import org.devolvedbudgets.rules.ledger.InMemoryLedgerStore;
import org.devolvedbudgets.rules.ledger.LedgerEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Replaying a journal of {@value #EVENTS} events into balances: building a {@link BudgetLedger} on a store that
 * holds them, which reads the journal, checks its order and folds every event, as a service does when it starts.
 * Milliseconds per replay; events per second is {@value #EVENTS} divided by that.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class ReplayBenchmark {

  /** The journal's length. */
  public static final int EVENTS = 1_000_000;

  InMemoryLedgerStore store = new InMemoryLedgerStore();

  /** Creates the benchmark's state; JMH calls this. */
  public ReplayBenchmark() {}

  /** Writes the journal once per fork, through a real ledger. */
  @Setup(Level.Trial)
  public void writeJournal() {
    List<LedgerEvent> journal = Journals.wiganEvents(EVENTS);
    store = new InMemoryLedgerStore();
    store.append(0, journal);
  }

  /**
   * Builds a ledger from the stored journal.
   *
   * @return the ledger
   */
  @Benchmark
  public BudgetLedger replay() {
    return BudgetLedger.builder(Pilots.wigan()).store(store).build();
  }
}
