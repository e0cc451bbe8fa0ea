package org.devolvedbudgets.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.devolvedbudgets.examples.pilots.Pilots;
import org.devolvedbudgets.jdbc.JdbcLedgerStore;
import org.devolvedbudgets.jdbc.JournalSchema;
import org.devolvedbudgets.jdbc.PostgresCluster;
import org.devolvedbudgets.rules.ledger.BudgetLedger;
import org.devolvedbudgets.rules.ledger.LedgerEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long a new ledger takes to be ready over a journal of 1,000,000 events in PostgreSQL: from the journal's
 * snapshot ({@link JdbcLedgerStore#writeSnapshot}, checked against the journal, then folded), and from the rows
 * alone (each decoded from the journal format and folded). The journal is written once per
 * fork, through a real ledger ({@link Journals#wiganEvents}). Not in the quick profile; run it with
 * {@code java -jar budget-bench/target/benchmarks.jar DatabaseStart}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class DatabaseStart {

  /** The journal's length. */
  public static final int EVENTS = 1_000_000;

  HikariDataSource pool = new HikariDataSource();
  JdbcLedgerStore store = null;

  /** Creates the benchmark's state; JMH calls this. */
  public DatabaseStart() {}

  /** Writes the journal into a new PostgreSQL database, ten thousand events to a transaction. */
  @Setup(Level.Trial)
  public void writeJournal() {
    PostgresCluster cluster = PostgresCluster.shared().orElseThrow(() -> new IllegalStateException(
        "PostgreSQL's server binaries are not installed"));
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(cluster.newDatabase());
    config.setMaximumPoolSize(2);
    pool = new HikariDataSource(config);
    JournalSchema.createIfMissing(pool);
    store = JdbcLedgerStore.of(pool, Pilots.wigan().schemeId());
    List<LedgerEvent> journal = Journals.wiganEvents(EVENTS);
    for (int from = 0; from < journal.size(); from += 10_000) {
      store.append(from, journal.subList(from, Math.min(journal.size(), from + 10_000)));
    }
    store.writeSnapshot();
  }

  /** Closes the pool. */
  @TearDown(Level.Trial)
  public void close() {
    pool.close();
  }

  /**
   * Builds a ledger from the journal's snapshot.
   *
   * @return the ledger
   */
  @Benchmark
  public BudgetLedger start() {
    return BudgetLedger.builder(Pilots.wigan()).store(store).build();
  }

  /**
   * Builds a ledger from the journal's rows, ignoring the snapshot.
   *
   * @return the ledger
   */
  @Benchmark
  public BudgetLedger startFromJournal() {
    return BudgetLedger.builder(Pilots.wigan()).store(store.withoutSnapshots()).build();
  }
}
