package org.devolvedbudgets.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.devolvedbudgets.rules.TestPilots;
import org.devolvedbudgets.rules.ledger.BudgetLedger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each of eighteen edits made to a copy of a SQLite journal behind the library's back is found by
 * {@link JournalCheck} with its code: without a head when the rows alone betray it, with the head taken before when
 * only that can (rows removed from the end, a chain written again).
 */
class JournalTamperingTest {

  @TempDir
  static Path dir;

  private static Path original;
  private static JournalCheck.Head head;

  @BeforeAll
  static void writeTheJournal() {
    original = dir.resolve("journal.sqlite");
    try (HikariDataSource database = Databases.sqlite(original)) {
      Tamperings.write(database);
      head = JournalCheck.head(database, Tamperings.SCHEME).orElseThrow();
    }
  }

  static Stream<Tamperings.Tampering> tamperings() {
    return Tamperings.all().stream();
  }

  @Test
  void theUntouchedJournalIsSoundWithAndWithoutItsHead() {
    try (HikariDataSource database = Databases.sqlite(original)) {
      assertEquals(List.of(), JournalCheck.check(database, Tamperings.SCHEME, null));
      assertEquals(List.of(), JournalCheck.check(database, Tamperings.SCHEME, head));
      assertTrue(head.sequence() > 40, head.toString());
      assertEquals(head, JournalCheck.Head.parse(head.toString()));
      BudgetLedger.builder(TestPilots.wigan()).store(JdbcLedgerStore.of(database, Tamperings.SCHEME)).build()
          .verifyJournal();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tamperings")
  void everyTamperingIsFoundWithItsCode(Tamperings.Tampering tampering) throws Exception {
    Path copy = dir.resolve(tampering.name().replaceAll("[^a-z]+", "-") + ".sqlite");
    Files.copy(original, copy);
    try (HikariDataSource database = Databases.sqlite(copy)) {
      tampering.edit().apply(database);
      List<JournalCheck.Problem> withHead = JournalCheck.check(database, Tamperings.SCHEME, head);
      assertTrue(withHead.stream().anyMatch(problem -> problem.code() == tampering.code()),
          () -> tampering + ": " + withHead);
      List<JournalCheck.Problem> rowsAlone = JournalCheck.check(database, Tamperings.SCHEME, null);
      assertEquals(tampering.needsHead(), rowsAlone.isEmpty(), () -> tampering + " without the head: " + rowsAlone);
      for (JournalCheck.Problem problem : withHead) {
        assertFalse(problem.message().contains("W-0"), "no worker's id in " + problem);
        assertFalse(problem.message().contains("F-"), "no family's id in " + problem);
      }
    }
  }
}
