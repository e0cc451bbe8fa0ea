package org.devolvedbudgets.bench;

import java.util.concurrent.TimeUnit;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.devolvedbudgets.model.money.Money;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The arithmetic at the heart of every allowance check: add an amount to what is used and compare the total with
 * a cap. The same sum three ways: raw {@code long} pence (the floor), this library's {@link Money}, and Moneta's
 * {@code org.javamoney.moneta.Money} (the obvious {@code javax.money} alternative).
 *
 * <p>The operands are fields of a {@link State} object, so the JIT cannot fold them into constants; each method
 * returns its result, so it cannot be eliminated.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MoneyBenchmark {

  private static final CurrencyUnit GBP = Monetary.getCurrency("GBP");

  long usedPence = 123_456;
  long amountPence = 12_050;
  long capPence = 400_000;

  Money used = Money.ofMinor(GBP, usedPence);
  Money amount = Money.ofMinor(GBP, amountPence);
  Money cap = Money.ofMinor(GBP, capPence);

  MonetaryAmount usedMoneta = org.javamoney.moneta.Money.of(used.toBigDecimal(), GBP);
  MonetaryAmount amountMoneta = org.javamoney.moneta.Money.of(amount.toBigDecimal(), GBP);
  MonetaryAmount capMoneta = org.javamoney.moneta.Money.of(cap.toBigDecimal(), GBP);

  /** Creates the benchmark's state; JMH calls this. */
  public MoneyBenchmark() {}

  /**
   * Raw {@code long} pence, with the overflow check the library makes.
   *
   * @return whether the total is within the cap
   */
  @Benchmark
  public boolean rawLong() {
    return Math.addExact(usedPence, amountPence) <= capPence;
  }

  /**
   * This library's {@link Money}: currency checked, overflow checked.
   *
   * @return whether the total is within the cap
   */
  @Benchmark
  public boolean money() {
    return !used.plus(amount).isGreaterThan(cap);
  }

  /**
   * Moneta's {@code Money}, backed by {@code BigDecimal}.
   *
   * @return whether the total is within the cap
   */
  @Benchmark
  public boolean moneta() {
    return usedMoneta.add(amountMoneta).isLessThanOrEqualTo(capMoneta);
  }
}
