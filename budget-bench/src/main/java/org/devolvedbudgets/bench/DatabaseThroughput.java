package org.devolvedbudgets.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.devolvedbudgets.jdbc.JdbcLedgerStore;
import org.devolvedbudgets.jdbc.JournalSchema;
import org.devolvedbudgets.jdbc.PostgresCluster;
import org.devolvedbudgets.rules.ledger.BudgetLedger;
import org.devolvedbudgets.rules.ledger.LedgerResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Submit then post through a ledger whose journal is in a real database: PostgreSQL (a throwaway cluster started
 * from the machine's binaries, {@code fsync} and {@code synchronous_commit} on) or SQLite (a file in WAL mode
 * with {@code synchronous=FULL}), with 1, 4, 16 and 64 callers, each spending for families of its own in one
 * scheme. Sample time, so JMH reports the mean and the percentiles (p99) of one submit-and-post; throughput is
 * callers divided by the mean. Not in the quick profile (its name does not end in {@code Benchmark}): run it with
 * {@code java -jar budget-bench/target/benchmarks.jar DatabaseThroughput}.
 *
 * <p>Each operation is three events in two appends (submitted and reserved; posted). Appends of one ledger are
 * one at a time, so with many callers throughput comes from group commit: what queues while one transaction is
 * in the database goes in the next.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
public class DatabaseThroughput {

  /** Creates the benchmark; JMH calls this. */
  public DatabaseThroughput() {}

  /** The database and the ledger every caller shares, new for each trial. */
  @State(Scope.Benchmark)
  public static class Database {

    /** Which database keeps the journal. */
    @Param({"postgres", "sqlite"})
    public String database = "postgres";

    HikariDataSource pool = new HikariDataSource();
    BudgetLedger ledger = BudgetLedger.builder(Fixtures.WIGAN_AMPLE).build();

    /** Creates the state; JMH calls this. */
    public Database() {}

    /** Starts each trial on an empty journal. */
    @Setup(Level.Trial)
    public void open() {
      HikariConfig config = new HikariConfig();
      config.setMaximumPoolSize(8);
      if (database.equals("postgres")) {
        PostgresCluster cluster = PostgresCluster.shared().orElseThrow(() -> new IllegalStateException(
            "PostgreSQL's server binaries are not installed"));
        config.setJdbcUrl(cluster.newDatabase());
      } else {
        try {
          config.setDataSource(JdbcLedgerStore.sqlite(Files.createTempFile("bench-", ".sqlite")));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      pool = new HikariDataSource(config);
      JournalSchema.createIfMissing(pool);
      ledger = BudgetLedger.builder(Fixtures.WIGAN_AMPLE)
          .clock(Clock.fixed(Fixtures.MID_YEAR.plusSeconds(60), ZoneOffset.UTC))
          .store(JdbcLedgerStore.of(pool, Fixtures.WIGAN_AMPLE.schemeId())).build();
    }

    /** Closes the pool. */
    @TearDown(Level.Trial)
    public void close() {
      pool.close();
    }
  }

  /**
   * One caller.
   *
   * @param database the ledger
   * @param worker this caller
   * @return the post's result
   */
  @Benchmark
  @Threads(1)
  public LedgerResult oneCaller(Database database, LedgerBenchmark.Worker worker) {
    return LedgerBenchmark.submitAndPost(database.ledger, worker, worker.next(worker.ownFamily()));
  }

  /**
   * Four callers at once.
   *
   * @param database the ledger
   * @param worker this caller
   * @return the post's result
   */
  @Benchmark
  @Threads(4)
  public LedgerResult fourCallers(Database database, LedgerBenchmark.Worker worker) {
    return LedgerBenchmark.submitAndPost(database.ledger, worker, worker.next(worker.ownFamily()));
  }

  /**
   * Sixteen callers at once.
   *
   * @param database the ledger
   * @param worker this caller
   * @return the post's result
   */
  @Benchmark
  @Threads(16)
  public LedgerResult sixteenCallers(Database database, LedgerBenchmark.Worker worker) {
    return LedgerBenchmark.submitAndPost(database.ledger, worker, worker.next(worker.ownFamily()));
  }

  /**
   * Sixty-four callers at once.
   *
   * @param database the ledger
   * @param worker this caller
   * @return the post's result
   */
  @Benchmark
  @Threads(64)
  public LedgerResult sixtyFourCallers(Database database, LedgerBenchmark.Worker worker) {
    return LedgerBenchmark.submitAndPost(database.ledger, worker, worker.next(worker.ownFamily()));
  }
}
