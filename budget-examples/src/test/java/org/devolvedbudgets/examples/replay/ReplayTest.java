package org.devolvedbudgets.examples.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.devolvedbudgets.examples.pilots.PilotSite;
import org.devolvedbudgets.rules.evaluation.EvaluationReport;
import org.devolvedbudgets.rules.evaluation.PseudonymisedCsv;
import org.devolvedbudgets.rules.ledger.BudgetLedger;
import org.devolvedbudgets.rules.ledger.LedgerStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {

  @TempDir
  Path dir;

  private static String[] run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Replay.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8)};
  }

  @Test
  void theDefaultReplayPrintsThreeReportsWithDarlingtonsUptakeOfSevenInTwentyOne() {
    String[] result = run();

    assertEquals("0", result[0], result[2]);
    String out = result[1];
    for (String heading : List.of("Hillingdon: Vulnerable Adolescents Team devolved budget, 2019-04-01 to 2020-03-31",
        "Wigan: Reunification and edge of care devolved budget", "Darlington: Devolved budgets for families")) {
      assertTrue(out.contains(heading), heading);
    }
    assertTrue(out.contains("uptake                     7 of 21 (33.3%)"), out);
    assertTrue(out.contains("Spend by arm"), "Darlington is randomised");
    assertTrue(out.contains("APPROVAL_REQUIRED: Every spend in this scheme needs approval by a team manager."));
    assertTrue(!out.contains("Synthetic"), "descriptions are never printed");
  }

  @Test
  void theReadmesExcerptIsWhatTheReplayPrints() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int marker = readme.indexOf("<!-- replay-excerpt");
    assertTrue(marker >= 0, "the README shows the replay's output");
    int start = readme.indexOf("```text\n", marker) + "```text\n".length();
    String excerpt = readme.substring(start, readme.indexOf("```", start));
    String out = run()[1];

    for (String line : excerpt.lines().filter(line -> !line.isBlank()).toList()) {
      assertTrue(out.lines().anyMatch(line::equals), "the replay no longer prints: " + line);
    }
  }

  @Test
  void theSameSeedGivesTheSameOutputAndAnotherSeedAnother() {
    assertEquals(run("--seed", "7")[1], run("--seed", "7")[1]);
    assertNotEquals(run("--seed", "7")[1], run("--seed", "8")[1]);
  }

  @Test
  void familiesSetsTheEligibleFamiliesOfEveryPilot() {
    String out = run("--families", "30")[1];

    assertTrue(out.contains("uptake                     10 of 30 (33.3%)"), out);
    assertTrue(out.contains("uptake                     18 of 30 (60.0%)"), out);
    assertTrue(out.contains("uptake                     15 of 30 (50.0%)"), out);
  }

  @Test
  void outWritesAPseudonymisedCsvPerPilot() throws IOException {
    String[] result = run("--out", dir.toString());

    assertEquals("0", result[0], result[2]);
    for (String pilot : List.of("hillingdon", "wigan", "darlington")) {
      List<String> lines = Files.readAllLines(dir.resolve(pilot + "-requests.csv"));
      assertEquals(PseudonymisedCsv.HEADER, lines.get(0));
      assertTrue(lines.size() > 10, pilot);
      assertTrue(lines.stream().noneMatch(line -> line.contains(pilot.substring(0, 3) + "-")), "ids are hashed");
    }
  }

  @Test
  void anOutDirectoryThatCannotBeWrittenExitsWithTwo() throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-directory"), "x");

    String[] result = run("--out", file.toString());

    assertEquals("2", result[0]);
    assertTrue(result[2].startsWith("replay: cannot write: "), result[2]);
  }

  @Test
  void badArgumentsExitWithTwoAndSayWhy() {
    assertEquals(List.of("2", "", "replay: --families must be 1 to 5000, but was 0\nTry --help.\n"),
        List.of(run("--families", "0")));
    assertEquals("replay: --seed must be a whole number, but was 'x'", run("--seed", "x")[2].lines().findFirst()
        .orElseThrow());
    assertEquals("replay: unknown argument '--fast'", run("--fast")[2].lines().findFirst().orElseThrow());
    assertEquals("replay: --out needs a value", run("--out")[2].lines().findFirst().orElseThrow());
    String[] help = run("--help");
    assertEquals("0", help[0]);
    assertTrue(help[1].startsWith("Usage: replay [--seed N]"));
  }

  @Test
  void aSimulatedYearReplaysToTheSameBalancesAndReport() {
    PilotYear.Result result = PilotYear.of(PilotSite.wigan(), 11).run();
    LedgerStore store = result.store();

    BudgetLedger replayed = BudgetLedger.builder(PilotSite.wigan().history()).store(store).build();
    replayed.verifyJournal();

    EvaluationReport again = EvaluationReport.of(PilotSite.wigan().history(), store.readAll(), result.report().range());
    assertEquals(result.report().spent(), again.spent());
    assertEquals(result.report().uptake(), again.uptake());
    assertEquals(60, result.report().eligibleFamilies());
  }
}
