package org.devolvedbudgets.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileTableTest {

  private static Map<String, Measurement> results(Measurement... measurements) {
    Map<String, Measurement> byName = new LinkedHashMap<>();
    for (Measurement measurement : measurements) {
      byName.put(measurement.benchmark(), measurement);
    }
    return byName;
  }

  private static final Measurement[] ALL_MET = {
      new Measurement("MoneyBenchmark.rawLong", 0.5, "ns/op", 0),
      new Measurement("MoneyBenchmark.money", 1.5, "ns/op", 0),
      new Measurement("MoneyBenchmark.moneta", 85, "ns/op", 424),
      new Measurement("DecideBenchmark.approved", 10, "ns/op", 40),
      new Measurement("DecideBenchmark.naiveApproved", 240, "ns/op", 1144),
      new Measurement("DecideBenchmark.declined", 330, "ns/op", 1648),
      new Measurement("DecideBenchmark.naiveDeclined", 680, "ns/op", 2872),
      new Measurement("LedgerBenchmark.oneThread", 1.25, "ops/us", 900),
      new Measurement("LedgerBenchmark.twoThreadsDifferentFamilies", 2.0, "ops/us", 900),
      new Measurement("LedgerBenchmark.twoThreadsSameFamily", 1.1, "ops/us", 900),
      new Measurement("ReplayBenchmark.replay", 80, "ms/op", 2e8),
      new Measurement("ReportBenchmark.report", 400, "ms/op", 9e8)};

  private static String row(String table, String label) {
    return table.lines().filter(line -> line.startsWith("| " + label + " ")).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + label + " in\n" + table));
  }

  @Test
  void showsEachResultWithItsRatioAndTarget() {
    String table = ProfileTable.render(results(ALL_MET), "Machine: test");
    assertTrue(table.startsWith("Machine: test\n"), table);
    assertTrue(row(table, "Money plus-and-compare: Money").contains("<= 5 x long (3.0 x)"), table);
    assertTrue(row(table, "Money plus-and-compare: Moneta Money").contains("56.7 x"), table);
    assertTrue(row(table, "naive decide(): approved").contains("24.0 x"), table);
    assertTrue(row(table, "naive decide(): declined").contains("2.1 x"), table);
    assertTrue(row(table, "decide(): approved").contains("10.0 ns/op"), table);
    assertTrue(row(table, "decide(): approved").contains("40 B/op"), table);
    assertTrue(row(table, "ledger submit+post: 1 thread").contains("0.80 us/op (1.25 M ops/s)"), table);
    assertTrue(row(table, "ledger submit+post: 2 threads, own families").contains("(1.60 x)"), table);
    assertTrue(row(table, "replay 1,000,000 events into balances").contains("80 ms = 12.5 M events/s"), table);
    assertTrue(row(table, "evaluation report, 1,000,000 requests").contains("400 ms"), table);
    assertTrue(table.endsWith("7 of 7 targets met.\n"), table);
  }

  @Test
  void saysWhichTargetsAreMissed() {
    Map<String, Measurement> results = results(ALL_MET);
    results.put("DecideBenchmark.approved", new Measurement("DecideBenchmark.approved", 20, "ns/op", 72));
    results.put("ReportBenchmark.report", new Measurement("ReportBenchmark.report", 501, "ms/op", 9e8));
    String table = ProfileTable.render(results, "Machine: test");
    assertTrue(row(table, "decide(): approved").endsWith("| NO  |"), table);
    assertTrue(row(table, "naive decide(): approved").endsWith("| NO  |"), table);
    assertTrue(row(table, "evaluation report, 1,000,000 requests").endsWith("| NO  |"), table);
    assertTrue(row(table, "replay 1,000,000 events into balances").endsWith("| yes |"), table);
    assertTrue(table.endsWith("4 of 7 targets met.\n"), table);
  }

  @Test
  void marksBenchmarksThatDidNotRun() {
    String table = ProfileTable.render(results(), "Machine: test");
    assertTrue(row(table, "decide(): approved").contains("not run"), table);
    assertTrue(table.endsWith("0 of 7 targets met.\n"), table);
  }

  @Test
  void linesUpAsAMarkdownTable() {
    String table = ProfileTable.render(results(ALL_MET), "Machine: test");
    List<String> lines = table.lines().filter(line -> line.startsWith("|")).toList();
    assertEquals(14, lines.size(), table);
    assertTrue(lines.get(1).matches("\\|( -+ \\|)+"), lines.get(1));
    for (String line : lines) {
      assertEquals(lines.get(0).length(), line.length(), line);
    }
  }
}
