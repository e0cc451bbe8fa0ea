package org.devolvedbudgets.bench;

import static java.util.Objects.requireNonNull;

/**
 * One benchmark's result as the quick profile reads it from JMH.
 *
 * @param benchmark the benchmark's class and method, such as {@code DecideBenchmark.approved}
 * @param score the primary score, in {@code unit}
 * @param unit JMH's unit, such as {@code ns/op}, {@code ops/us} or {@code ms/op}
 * @param bytesPerOp bytes allocated per operation ({@code gc.alloc.rate.norm}), or NaN if not measured
 */
public record Measurement(String benchmark, double score, String unit, double bytesPerOp) {

  /**
   * Checks the parts.
   *
   * @param benchmark the benchmark's class and method, not null
   * @param score the primary score
   * @param unit JMH's unit, not null
   * @param bytesPerOp bytes allocated per operation, or NaN
   */
  public Measurement {
    requireNonNull(benchmark, "benchmark");
    requireNonNull(unit, "unit");
  }
}
