package org.devolvedbudgets.bench;

import java.util.concurrent.TimeUnit;
import javax.money.MonetaryAmount;
import org.devolvedbudgets.bench.naive.NaiveDecision;
import org.devolvedbudgets.bench.naive.NaivePosition;
import org.devolvedbudgets.bench.naive.NaiveScheme;
import org.devolvedbudgets.bench.naive.NaiveSpendRules;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.Decision;
import org.devolvedbudgets.rules.SpendRules;
import org.devolvedbudgets.rules.position.BudgetPosition;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * {@link SpendRules#decide} on the two {@link Fixtures} requests, approved at once and declined with three
 * findings (each with its message), and the {@link NaiveSpendRules} baseline on the same two. The baseline's
 * scheme, positions and amounts are converted to {@code javax.money} once, here, not in the measurement.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DecideBenchmark {

  PilotConfiguration configuration = Fixtures.WIGAN;
  SpendRequest approved = Fixtures.approvedRequest();
  BudgetPosition approvedPosition = Fixtures.approvedPosition();
  SpendRequest declined = Fixtures.declinedRequest();
  BudgetPosition declinedPosition = Fixtures.declinedPosition();

  NaiveScheme naiveScheme = NaiveScheme.from(configuration);
  MonetaryAmount approvedAmount = approved.amount().toMonetaryAmount();
  NaivePosition naiveApprovedPosition = NaivePosition.from(configuration, approvedPosition);
  MonetaryAmount declinedAmount = declined.amount().toMonetaryAmount();
  NaivePosition naiveDeclinedPosition = NaivePosition.from(configuration, declinedPosition);

  /** Creates the benchmark's state; JMH calls this. */
  public DecideBenchmark() {}

  /**
   * Decides the request a worker approves at once.
   *
   * @return the decision
   */
  @Benchmark
  public Decision approved() {
    return SpendRules.decide(configuration, approved, approvedPosition);
  }

  /**
   * Decides the request declined with three findings.
   *
   * @return the decision
   */
  @Benchmark
  public Decision declined() {
    return SpendRules.decide(configuration, declined, declinedPosition);
  }

  /**
   * The naive baseline on the request approved at once.
   *
   * @return the decision
   */
  @Benchmark
  public NaiveDecision naiveApproved() {
    return NaiveSpendRules.decide(naiveScheme, approved, approvedAmount, naiveApprovedPosition);
  }

  /**
   * The naive baseline on the request declined with three findings.
   *
   * @return the decision
   */
  @Benchmark
  public NaiveDecision naiveDeclined() {
    return NaiveSpendRules.decide(naiveScheme, declined, declinedAmount, naiveDeclinedPosition);
  }
}
