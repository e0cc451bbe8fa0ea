package org.devolvedbudgets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.devolvedbudgets.rules.evaluation.DataDictionary;
import org.devolvedbudgets.rules.evaluation.PseudonymisedCsv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code budget report} and {@code budget journal} over the journal a replay keeps in SQLite. */
class ReportCommandTest {

  @TempDir
  static Path dir;

  static Path journal;

  private static final Path DARLINGTON = Shipped.SCHEMES.resolve("darlington.scheme.json");

  @BeforeAll
  static void replay() {
    journal = dir.resolve("journal.sqlite");
    Run replay = Run.budget("replay", "--journal", journal.toString(), "--html", dir.resolve("replay").toString());
    assertEquals(0, replay.code(), replay.err());
  }

  @Test
  void theTextReportIsTheReplaysAndTheFilesAreWrittenWhereAsked() throws IOException {
    Path html = dir.resolve("darlington.html");
    Path csv = dir.resolve("darlington.csv");
    Path allocations = dir.resolve("allocations.csv");
    Path consort = dir.resolve("consort.csv");

    Run result = Run.budget("report", "--scheme", DARLINGTON.toString(), "--journal", journal.toString(),
        "--html", html.toString(), "--csv", csv.toString(), "--allocations", allocations.toString(),
        "--consort", consort.toString());

    assertEquals(0, result.code(), result.err());
    assertTrue(result.out().contains("uptake                     7 of 21 (33.3%)"), result.out());
    assertTrue(result.out().contains("HTML report: " + html.toAbsolutePath()), result.out());
    assertTrue(Files.readString(html).contains("CONSORT-style flow"));
    List<String> rows = Files.readAllLines(csv);
    assertEquals(PseudonymisedCsv.HEADER, rows.get(0));
    assertEquals(31, rows.size(), "Darlington's 30 requests");
    assertTrue(Files.readString(dir.resolve("darlington-dictionary.md")).contains("| `minutes_to_payment` |"));
    assertEquals(DataDictionary.REQUESTS.columns().size() + 1,
        Files.readAllLines(dir.resolve("darlington-dictionary.csv")).size());
    List<String> log = Files.readAllLines(allocations);
    assertEquals(DataDictionary.ALLOCATIONS.header(), log.get(0));
    assertEquals(List.of(DataDictionary.CONSORT.header(), "TREATMENT,21,7,7,21", "CONTROL,18,0,0,18"),
        Files.readAllLines(consort));
    for (Path file : List.of(csv, allocations)) {
      assertFalse(Files.readString(file).contains("dar-"), "no identifier in the clear in " + file);
    }
  }

  @Test
  void aSchemeWhoseJournalIsNotThereIsReportedEmptyWithAWarning() throws IOException {
    Path other = Files.writeString(dir.resolve("other.scheme.json"), Files.readString(DARLINGTON)
        .replace("\"schemeId\": \"darlington-devolved-budgets\"", "\"schemeId\": \"another-scheme\""));
    Run empty = Run.budget("report", "--scheme", other.toString(), "--journal", journal.toString());
    assertEquals(0, empty.code(), empty.err());
    assertTrue(empty.err().startsWith("warning: SQLite file " + journal + " holds no events of scheme "
        + "another-scheme; is that the scheme the journal was kept under?"), empty.err());
  }

  @Test
  void aRangeOfOneQuarterCountsOnlyItsRequests() {
    Run whole = Run.budget("report", "--scheme", DARLINGTON.toString(), "--journal", journal.toString());
    Run quarter = Run.budget("report", "--scheme", DARLINGTON.toString(), "--journal", journal.toString(),
        "--from", "2019-04-01", "--to", "2019-07-01");
    assertEquals(0, quarter.code(), quarter.err());
    assertTrue(quarter.out().contains("2019-04-01 to 2019-06-30"), quarter.out());
    assertFalse(quarter.out().equals(whole.out()));
  }

  @Test
  void badInputIsOneLineNamingTheOptionAndExitsTwo() throws IOException {
    Run reversed = Run.budget("report", "--scheme", DARLINGTON.toString(), "--journal", journal.toString(),
        "--from", "2020-01-01", "--to", "2019-01-01");
    assertEquals(2, reversed.code());
    assertTrue(reversed.err().startsWith("--from must be before --to"), reversed.err());
    Run missing = Run.budget("report", "--scheme", DARLINGTON.toString(), "--journal",
        dir.resolve("none.sqlite").toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().startsWith("budget report: --journal: no such file: "), missing.err());
    Run neither = Run.budget("report", "--scheme", DARLINGTON.toString());
    assertEquals(2, neither.code());
    assertTrue(neither.err().contains("--journal=FILE | --postgres=URL"), neither.err());
    Run date = Run.budget("report", "--scheme", DARLINGTON.toString(), "--journal", journal.toString(),
        "--from", "1st April");
    assertEquals(2, date.code());
    assertTrue(date.err().contains("--from"), date.err());
    Path shortKey = Files.write(dir.resolve("short.key"), new byte[8]);
    Run key = Run.budget("report", "--scheme", DARLINGTON.toString(), "--journal", journal.toString(),
        "--csv", dir.resolve("k.csv").toString(), "--key-file", shortKey.toString());
    assertEquals(2, key.code());
    assertTrue(key.err().contains("--key-file: the key must be at least 32 bytes"), key.err());
    assertFalse(Files.exists(dir.resolve("k.csv")), "nothing written before the key is found wanting");
    Path weakKey = Files.write(dir.resolve("weak.key"), new byte[40]);
    Run weak = Run.budget("report", "--scheme", DARLINGTON.toString(), "--journal", journal.toString(),
        "--html", dir.resolve("weak.html").toString(), "--key-file", weakKey.toString());
    assertEquals(2, weak.code());
    assertTrue(weak.err().startsWith("budget report: --key-file: key must hold at least 16 distinct byte values"),
        weak.err());
    assertFalse(Files.exists(dir.resolve("weak.html")), "nothing written");
    for (Run run : List.of(reversed, missing, neither, date, key)) {
      assertFalse(run.err().contains("\tat "), run.err());
    }
  }

  @Test
  void theJournalVerifiesAndExportsAsJsonLines() throws IOException {
    Run verify = Run.budget("journal", "verify", "--scheme", DARLINGTON.toString(), "--journal", journal.toString());
    assertEquals(0, verify.code(), verify.err());
    assertTrue(verify.out().matches("Journal of scheme darlington-devolved-budgets in SQLite file .*: [0-9]+ events, "
        + "verified\\n"), verify.out());

    Run stdout = Run.budget("journal", "export", "--scheme", DARLINGTON.toString(), "--journal", journal.toString());
    assertEquals(0, stdout.code(), stdout.err());
    List<String> lines = stdout.out().lines().toList();
    assertTrue(lines.get(0).startsWith("{\"type\":\"Allocated\",\"format\":"
        + org.devolvedbudgets.json.journal.JournalFormat.FORMAT + ",\"sequence\":1,"), lines.get(0));
    Path file = dir.resolve("export.jsonl");
    Run toFile = Run.budget("journal", "export", "--scheme", DARLINGTON.toString(), "--journal", journal.toString(),
        "-o", file.toString());
    assertEquals(0, toFile.code(), toFile.err());
    assertEquals(lines, Files.readAllLines(file));
    assertTrue(toFile.err().startsWith("Wrote " + lines.size() + " events to "), toFile.err());

    Run otherScheme = Run.budget("journal", "verify", "--scheme", Shipped.SCHEMES.resolve("wigan.scheme.json")
        .toString(), "--journal", journal.toString());
    assertEquals(0, otherScheme.code(), "each scheme's journal is its own");
    assertEquals(2, Run.budget("journal").code(), "a subcommand is needed");
    Run missingScheme = Run.budget("journal", "export", "--scheme", dir.resolve("none.json").toString(),
        "--journal", journal.toString());
    assertEquals(2, missingScheme.code());
    assertTrue(missingScheme.err().startsWith("budget journal export: " + dir.resolve("none.json")
        + ": $: no such file [UNREADABLE]"), missingScheme.err());
  }

  @Test
  void aJournalWithAnEventMissingDoesNotVerifyAndExitsOne() throws Exception {
    Path copy = Files.copy(journal, dir.resolve("damaged.sqlite"));
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + copy)) {
      connection.createStatement().executeUpdate("DELETE FROM budget_journal WHERE scheme_id = "
          + "'darlington-devolved-budgets' AND sequence = 5");
    }

    Run verify = Run.budget("journal", "verify", "--scheme", DARLINGTON.toString(), "--journal", copy.toString());

    assertEquals(1, verify.code(), verify.out() + verify.err());
    assertTrue(verify.out().contains(": does not verify: 2 problems"), verify.out());
    assertTrue(verify.out().contains("[SEQUENCE_GAP] event 6: event 6 follows event 4: event 5 is missing"),
        verify.out());
  }
}
