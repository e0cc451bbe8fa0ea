package org.devolvedbudgets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.devolvedbudgets.rules.evaluation.PseudonymisedCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {

  @TempDir
  Path dir;

  private Run replay(String... args) {
    String[] all = new String[args.length + 5];
    all[0] = "replay";
    all[1] = "--journal";
    all[2] = dir.resolve("journal-" + System.nanoTime() + ".sqlite").toString();
    all[3] = "--html";
    all[4] = dir.resolve("html").toString();
    System.arraycopy(args, 0, all, 5, args.length);
    return Run.budget(all);
  }

  @Test
  void theDefaultReplayPrintsThreeReportsWithDarlingtonsUptakeOfSevenInTwentyOneAndSaysWhereItsFilesAre() {
    Run result = Run.budget();

    assertEquals(0, result.code(), result.err());
    String out = result.out();
    for (String heading : List.of("Hillingdon: Vulnerable Adolescents Team devolved budget, 2019-04-01 to 2020-03-31",
        "Wigan: Reunification and edge of care devolved budget", "Darlington: Devolved budgets for families")) {
      assertTrue(out.contains(heading), heading);
    }
    assertTrue(out.contains("uptake                     7 of 21 (33.3%)"), out);
    assertTrue(out.contains("Spend by arm"), "Darlington is randomised");
    assertTrue(out.contains("APPROVAL_REQUIRED: Every spend in this scheme needs approval by a team manager."));
    assertTrue(!out.contains("Synthetic"), "descriptions are never printed");
    assertTrue(out.startsWith("Journal: SQLite file " + Path.of("target", "replay-journal.sqlite").toAbsolutePath()),
        out.lines().findFirst().orElseThrow());
    for (String pilot : List.of("hillingdon", "wigan", "darlington")) {
      Path page = Path.of("target", "replay-reports", pilot + ".html").toAbsolutePath();
      assertTrue(out.contains("  HTML report: " + page + "\n"), pilot);
      assertTrue(Files.isRegularFile(page), pilot);
    }
    assertEquals("", result.err(), "no progress when not on a terminal");
  }

  @Test
  void theReadmesExcerptIsWhatTheReplayPrints() throws IOException {
    String excerpt = Readme.textBlockAfter("<!-- replay-excerpt");
    String out = replay().out();

    for (String line : excerpt.lines().filter(line -> !line.isBlank()).toList()) {
      assertTrue(out.lines().anyMatch(line::equals), "the replay no longer prints: " + line);
    }
  }

  @Test
  void theSameSeedGivesTheSameOutputAndAnotherSeedAnother() {
    assertEquals(withoutPaths(replay("--seed", "7").out()), withoutPaths(replay("--seed", "7").out()));
    assertNotEquals(withoutPaths(replay("--seed", "7").out()), withoutPaths(replay("--seed", "8").out()));
  }

  private static String withoutPaths(String out) {
    return out.replaceAll("(?m)^(Journal|  HTML report|HTML reports): .*$", "");
  }

  @Test
  void familiesSetsTheEligibleFamiliesOfEveryPilot() {
    String out = replay("--families", "30").out();

    assertTrue(out.contains("uptake                     10 of 30 (33.3%)"), out);
    assertTrue(out.contains("uptake                     18 of 30 (60.0%)"), out);
    assertTrue(out.contains("uptake                     15 of 30 (50.0%)"), out);
  }

  @Test
  void outWritesAPseudonymisedCsvPerPilot() throws IOException {
    Run result = replay("--out", dir.toString());

    assertEquals(0, result.code(), result.err());
    for (String pilot : List.of("hillingdon", "wigan", "darlington")) {
      List<String> lines = Files.readAllLines(dir.resolve(pilot + "-requests.csv"));
      assertEquals(PseudonymisedCsv.HEADER, lines.get(0));
      assertTrue(lines.size() > 10, pilot);
      assertTrue(lines.stream().noneMatch(line -> line.contains(pilot.substring(0, 3) + "-")), "ids are hashed");
    }
  }

  @Test
  void anOutDirectoryThatCannotBeWrittenExitsWithTwoWithoutAStackTrace() throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-directory"), "x");

    Run result = replay("--out", file.toString());

    assertEquals(2, result.code());
    assertTrue(result.err().startsWith("budget replay: cannot read or write a file: "), result.err());
    assertTrue(!result.err().contains("\tat "), result.err());
    assertTrue(replay("--out", file.toString(), "--debug").err().contains("\tat "), "a stack trace with --debug");
  }

  @Test
  void aJournalThatAlreadyHoldsThePilotsIsRefused() {
    Path journal = dir.resolve("twice.sqlite");
    assertEquals(0, Run.budget("replay", "--journal", journal.toString(), "--html", dir.toString()).code());
    Run again = Run.budget("replay", "--journal", journal.toString(), "--html", dir.toString());
    assertEquals(2, again.code());
    assertTrue(again.err().contains("already holds"), again.err());
  }

  @Test
  void badArgumentsExitWithTwoAndSayWhy() {
    Run zero = replay("--families", "0");
    assertEquals(2, zero.code());
    assertTrue(zero.err().startsWith("--families must be from 1 to 100000, but was 0"), zero.err());
    Run seed = replay("--seed", "x");
    assertEquals(2, seed.code());
    assertTrue(seed.err().contains("'--seed'") && seed.err().contains("'x'"), seed.err());
    Run unknown = replay("--fast");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().startsWith("Unknown option: '--fast'"), unknown.err());
    Run both = Run.budget("replay", "--journal", "a.sqlite", "--postgres", "jdbc:postgresql://x/y");
    assertEquals(2, both.code());
    assertTrue(both.err().contains("mutually exclusive"), both.err());
    Run help = Run.budget("replay", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("Usage: budget replay "), help.out());
  }
}
