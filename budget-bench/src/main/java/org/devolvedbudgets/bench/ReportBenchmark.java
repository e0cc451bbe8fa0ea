package org.devolvedbudgets.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.devolvedbudgets.examples.pilots.Pilots;
import org.devolvedbudgets.rules.evaluation.EvaluationReport;
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
 * An {@link EvaluationReport} over a year of {@value #REQUESTS} requests (about three million events):
 * uptake, outcomes, spend by category, team and arm, the spread of amounts and times, and every family's
 * utilisation. Milliseconds per report.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class ReportBenchmark {

  /** The number of requests in the journal. */
  public static final int REQUESTS = 1_000_000;

  List<LedgerEvent> journal = List.of();

  /** Creates the benchmark's state; JMH calls this. */
  public ReportBenchmark() {}

  /** Writes the journal once per fork, through a real ledger. */
  @Setup(Level.Trial)
  public void writeJournal() {
    journal = Journals.wiganYear(REQUESTS);
  }

  /**
   * Computes the report for the pilot year.
   *
   * @return the report
   */
  @Benchmark
  public EvaluationReport report() {
    return EvaluationReport.of(Pilots.wigan(), journal, Pilots.TERM);
  }
}
