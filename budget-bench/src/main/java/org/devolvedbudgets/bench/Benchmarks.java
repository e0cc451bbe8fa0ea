package org.devolvedbudgets.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The main class of {@code benchmarks.jar}. With no arguments it runs the quick profile: every benchmark once,
 * in one fork each, two warm-up and three measured iterations of one second, with JMH's allocation profiler
 * ({@code -prof gc}), then prints {@link ProfileTable}'s table of results against the targets. About two minutes
 * on two cores. With arguments it is JMH's own command line ({@code -h} lists the options), for full runs:
 *
 * <pre>
 * java -jar budget-bench/target/benchmarks.jar                         # the quick profile and its table
 * java -jar budget-bench/target/benchmarks.jar -prof gc DecideBenchmark  # JMH's defaults, one class
 * </pre>
 */
public final class Benchmarks {

  private Benchmarks() {}

  /**
   * Runs the quick profile, or JMH with the given arguments.
   *
   * @param args none for the quick profile, otherwise JMH's arguments
   * @throws Exception if JMH fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0) {
      org.openjdk.jmh.Main.main(args);
      return;
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    String table = ProfileTable.render(quickProfile(), machine());
    out.println();
    out.println("Quick profile (1 fork, 2 x 1 s warm-up, 3 x 1 s measured, -prof gc):");
    out.println();
    out.print(table);
  }

  /**
   * Runs every benchmark briefly and collects the results.
   *
   * @return the results by {@code Class.method}, in the order run
   * @throws RunnerException if JMH fails
   */
  static Map<String, Measurement> quickProfile() throws RunnerException {
    Options options = new OptionsBuilder()
        .include("org\\.devolvedbudgets\\.bench\\.[A-Za-z]+Benchmark\\.")
        .forks(1)
        .warmupIterations(2)
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(3)
        .measurementTime(TimeValue.seconds(1))
        .timeout(TimeValue.minutes(2))
        .addProfiler(GCProfiler.class)
        .build();
    return measurements(new Runner(options).run());
  }

  static Map<String, Measurement> measurements(Collection<RunResult> results) {
    Map<String, Measurement> byName = new LinkedHashMap<>();
    for (RunResult result : results) {
      String benchmark = result.getParams().getBenchmark();
      String name = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
      Result<?> primary = result.getPrimaryResult();
      double bytes = Double.NaN;
      for (String key : result.getSecondaryResults().keySet()) {
        if (key.endsWith("gc.alloc.rate.norm")) {
          bytes = result.getSecondaryResults().get(key).getScore();
        }
      }
      byName.put(name, new Measurement(name, primary.getScore(), primary.getScoreUnit(), bytes));
    }
    return byName;
  }

  private static String machine() {
    Runtime runtime = Runtime.getRuntime();
    return String.format("Machine: %d cores, %s %s (%s), %s %s, max heap %,d MB", runtime.availableProcessors(),
        System.getProperty("java.vm.name"), System.getProperty("java.version"), System.getProperty("java.vendor"),
        System.getProperty("os.name"), System.getProperty("os.arch"),
        runtime.maxMemory() / (1024 * 1024));
  }
}
