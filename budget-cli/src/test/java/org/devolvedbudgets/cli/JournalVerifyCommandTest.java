package org.devolvedbudgets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.devolvedbudgets.jdbc.Databases;
import org.devolvedbudgets.jdbc.Tamperings;
import org.devolvedbudgets.json.scheme.SchemeFiles;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code budget journal verify}, {@code head} and {@code export} on a SQLite journal: each of eighteen tamperings is
 * refused with exit 1 and its code (with {@code --head} where only the head taken before can tell), and the export
 * carries the chain a reader checks with nothing but SHA-256.
 */
class JournalVerifyCommandTest {

  @TempDir
  static Path dir;

  private static Path journal;
  private static Path scheme;
  private static String head;

  @BeforeAll
  static void writeTheJournal() {
    scheme = dir.resolve("wigan.scheme.json");
    SchemeFiles.write(ConfigurationHistory.of(Tamperings.configuration()), scheme);
    journal = dir.resolve("journal.sqlite");
    try (HikariDataSource database = Databases.sqlite(journal)) {
      Tamperings.write(database);
    }
    Run printed = Run.budget("journal", "head", "--scheme", scheme.toString(), "--journal", journal.toString());
    assertEquals(0, printed.code(), printed.err());
    head = printed.out().strip();
  }

  static Stream<Tamperings.Tampering> tamperings() {
    return Tamperings.all().stream();
  }

  @Test
  void theUntouchedJournalVerifiesUpToItsHead() {
    assertTrue(head.matches("[0-9]+:[0-9a-f]{64}"), head);
    Run verified = Run.budget("journal", "verify", "--scheme", scheme.toString(), "--journal", journal.toString(),
        "--head", head);
    assertEquals(0, verified.code(), verified.out() + verified.err());
    assertTrue(verified.out().contains("verified, up to the head " + head), verified.out());
    Run bad = Run.budget("journal", "verify", "--scheme", scheme.toString(), "--journal", journal.toString(),
        "--head", "12:not-a-digest");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("--head: a head must be SEQUENCE:DIGEST"), bad.err());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tamperings")
  void everyTamperingFailsVerificationWithItsCode(Tamperings.Tampering tampering) throws Exception {
    Path copy = dir.resolve("cli-" + tampering.name().replaceAll("[^a-z]+", "-") + ".sqlite");
    Files.copy(journal, copy);
    try (HikariDataSource database = Databases.sqlite(copy)) {
      tampering.edit().apply(database);
    }
    Run verify = tampering.needsHead()
        ? Run.budget("journal", "verify", "--scheme", scheme.toString(), "--journal", copy.toString(), "--head", head)
        : Run.budget("journal", "verify", "--scheme", scheme.toString(), "--journal", copy.toString());
    assertEquals(1, verify.code(), () -> tampering + ": " + verify.out() + verify.err());
    assertTrue(verify.out().contains("[" + tampering.code() + "]"), () -> tampering + ": " + verify.out());
  }

  /** The export's chain, checked as JOURNAL.md tells a reader to: SHA-256 over each line's bytes. */
  @Test
  void theExportCarriesTheChainTheDatabaseRecorded() throws Exception {
    Path exported = dir.resolve("wigan.jsonl");
    Run export = Run.budget("journal", "export", "--scheme", scheme.toString(), "--journal", journal.toString(),
        "-o", exported.toString());
    assertEquals(0, export.code(), export.err());
    List<String> lines = Files.readAllLines(exported, StandardCharsets.UTF_8);
    String previous = "0".repeat(64);
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    for (String line : lines) {
      assertTrue(line.endsWith(",\"previous\":\"" + previous + "\"}"), line);
      previous = HexFormat.of().formatHex(sha256.digest(line.getBytes(StandardCharsets.UTF_8)));
    }
    assertEquals(head, lines.size() + ":" + previous, "the export ends at the database's head");
  }
}
