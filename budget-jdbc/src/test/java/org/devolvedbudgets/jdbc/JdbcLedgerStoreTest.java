package org.devolvedbudgets.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.OperationId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.rules.TestPilots;
import org.devolvedbudgets.rules.ledger.BudgetLedger;
import org.devolvedbudgets.rules.ledger.FaultyStore;
import org.devolvedbudgets.rules.ledger.LedgerEvent;
import org.devolvedbudgets.rules.ledger.LedgerStoreException;
import org.devolvedbudgets.rules.ledger.LedgerResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the database store adds to the contract: its schema, its indexes, and faults on a real database. */
class JdbcLedgerStoreTest {

  private static final SchemeId WIGAN = TestPilots.wigan().schemeId();

  @Test
  void everyEventTypeFitsTheJournalsTypeColumn() {
    // The type column is VARCHAR(16) in schema version 1: a longer name would fail every append on PostgreSQL.
    List<Class<?>> types = new java.util.ArrayList<>();
    for (Class<?> type : LedgerEvent.class.getPermittedSubclasses()) {
      if (type.isInterface()) {
        types.addAll(List.of(type.getPermittedSubclasses()));
      } else {
        types.add(type);
      }
    }
    assertEquals(11, types.size(), types::toString);
    for (Class<?> type : types) {
      assertTrue(type.getSimpleName().length() <= 16, type::getSimpleName);
    }
  }

  @Test
  void theSchemaCanBeCreatedAgainAndTheScriptsAreFlywayNamed(@TempDir Path dir) {
    try (HikariDataSource sqlite = Databases.sqlite(dir.resolve("j.sqlite"))) {
      JournalSchema.createIfMissing(sqlite);
      JournalSchema.createIfMissing(sqlite);
      assertEquals(0, JdbcLedgerStore.of(sqlite, WIGAN).lastSequence());
    }
    assertTrue(JournalSchema.script(true, 1).contains("JSONB"));
    assertTrue(JournalSchema.script(false, 1).contains("WITHOUT ROWID"));
    assertEquals(6, JournalSchema.statements(JournalSchema.script(true, 1)).size());
    assertTrue(JournalSchema.script(true, 2).contains("BYTEA"));
    assertTrue(JournalSchema.script(false, 2).contains("BLOB"));
    assertEquals(2, JournalSchema.statements(JournalSchema.script(false, 2)).size());
    assertTrue(JournalSchema.script(true, 3).contains("ADD COLUMN IF NOT EXISTS digest"));
    assertTrue(JournalSchema.script(false, 3).contains("DROP INDEX IF EXISTS budget_journal_recorded"));
    assertThrows(IllegalArgumentException.class, () -> JournalSchema.script(true, 4));
    assertThrows(NullPointerException.class, () -> JdbcLedgerStore.of(null, WIGAN));
  }

  @Test
  void readingAFamilyUsesAnIndexOnSqlite(@TempDir Path dir) throws SQLException {
    try (HikariDataSource sqlite = Databases.sqlite(dir.resolve("j.sqlite"))) {
      spend(sqlite, 40);
      try (Connection connection = sqlite.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("ANALYZE");
      }
      String plan = plan(sqlite, "EXPLAIN QUERY PLAN SELECT event FROM budget_journal WHERE scheme_id = '"
          + WIGAN.value() + "' AND family_id = 'F-1' ORDER BY sequence");
      assertTrue(plan.contains("USING INDEX budget_journal_family"), plan);
    }
  }

  @Test
  void readingAFamilyUsesAnIndexOnPostgres() throws SQLException {
    try (HikariDataSource postgres = Databases.newPostgres()) {
      spend(postgres, 40);
      try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("ANALYZE budget_journal");
        statement.execute("SET enable_seqscan = off"); // a tiny table: ask whether an index can serve at all
      }
      String plan = plan(postgres, "EXPLAIN SELECT event FROM budget_journal WHERE scheme_id = '"
          + WIGAN.value() + "' AND family_id = 'F-1' ORDER BY sequence");
      assertTrue(plan.contains("budget_journal_family"), plan);
    }
  }

  private static void spend(DataSource dataSource, int requests) {
    BudgetLedger ledger = BudgetLedger.builder(TestPilots.wigan()).store(JdbcLedgerStore.of(dataSource, WIGAN))
        .build();
    for (int i = 0; i < requests; i++) {
      ledger.submit(TestPilots.request(TestPilots.REUNIFICATION, "10.00").id(RequestId.of("R-" + i))
          .familyId(FamilyId.of("F-" + (i % 7))).build());
    }
  }

  private static String plan(DataSource dataSource, String explain) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(explain)) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        plan.append(rows.getString(columns)).append('\n');
      }
    }
    return plan.toString();
  }

  @Test
  void schemesSharingATableNeverSeeEachOthersEvents(@TempDir Path dir) {
    try (HikariDataSource sqlite = Databases.sqlite(dir.resolve("j.sqlite"))) {
      spend(sqlite, 3);
      JdbcLedgerStore other = JdbcLedgerStore.of(sqlite, SchemeId.of("another-scheme"));
      assertEquals(0, other.lastSequence());
      assertEquals(List.of(), other.readFamily(FamilyId.of("F-1")));
      assertEquals(6, JdbcLedgerStore.of(sqlite, WIGAN).lastSequence());
      assertFalse(JdbcLedgerStore.of(sqlite, WIGAN).toString().contains("F-"));
    }
  }

  @Test
  void aRefundWhoseCommitAnswerIsLostIsAppliedOnceOnPostgres() {
    try (HikariDataSource postgres = Databases.newPostgres()) {
      refundOnce(postgres);
    }
  }

  @Test
  void aRefundWhoseCommitAnswerIsLostIsAppliedOnceOnSqlite(@TempDir Path dir) {
    try (HikariDataSource sqlite = Databases.sqlite(dir.resolve("j.sqlite"))) {
      refundOnce(sqlite);
    }
  }

  private static void refundOnce(DataSource dataSource) {
    FaultyStore store = new FaultyStore(JdbcLedgerStore.of(dataSource, WIGAN));
    BudgetLedger ledger = BudgetLedger.builder(TestPilots.wigan()).store(store).build();
    RequestId id = RequestId.of("R-1");
    ledger.submit(TestPilots.request(TestPilots.REUNIFICATION, "300.00").id(id).build());
    store.failBeforeWriting(2);
    assertTrue(ledger.post(id, TestPilots.gbp("300.00"), TestPilots.WORKER, TestPilots.on(2019, 6, 4))
        .isApplied(), "retried after two failures before writing");
    store.failAfterWriting(1);
    LedgerResult refunded = ledger.refund(OperationId.of("op-r"), id, TestPilots.gbp("40.00"), TestPilots.WORKER,
        TestPilots.on(2019, 6, 5));
    assertTrue(refunded.isApplied());
    LedgerResult again = ledger.refund(OperationId.of("op-r"), id, TestPilots.gbp("40.00"), TestPilots.WORKER,
        TestPilots.on(2019, 6, 5));
    assertEquals(refunded.message(), again.message());
    BudgetLedger restarted = BudgetLedger.builder(TestPilots.wigan()).store(JdbcLedgerStore.of(dataSource, WIGAN))
        .build();
    restarted.verifyJournal();
    assertEquals(TestPilots.gbp("40.00"), restarted.reservation(id).orElseThrow().refunded(), "refunded once");
    assertEquals(Optional.of(OperationId.of("op-r")), restarted.store().read(3, 1).get(0).operationId());
    assertTrue(restarted.store().read(3, 1).get(0) instanceof LedgerEvent.Refunded);
  }

  @Test
  void anUnreachableDatabaseIsAStoreExceptionNamingTheOperation(@TempDir Path dir) {
    HikariDataSource sqlite = Databases.sqlite(dir.resolve("j.sqlite"));
    JdbcLedgerStore store = JdbcLedgerStore.of(sqlite, WIGAN);
    sqlite.close();
    LedgerStoreException down = assertThrows(LedgerStoreException.class, store::lastSequence);
    assertTrue(down.getMessage().startsWith("could not read the journal's end"), down.getMessage());
  }

  /**
   * The queries an append makes read one index entry, on a table of a million rows the planner has no statistics
   * for: the journal's end and the row an append follows, both by the primary key. (Reading the end with
   * MAX(sequence) was planned through another index and read every row of the scheme on each append.)
   */
  @Test
  void anAppendReadsByThePrimaryKeyOnAMillionRowsWithoutStatistics() throws SQLException {
    try (HikariDataSource postgres = Databases.newPostgres()) {
      try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("INSERT INTO budget_journal (scheme_id, sequence, type, family_id, request_id, "
            + "recorded_at, format, digest, event) SELECT '" + WIGAN.value() + "', g, 'Posted', 'F-' || (g % 1000), "
            + "'R-' || g, now() - (1000000 - g) * interval '1 second', 4, repeat('0', 64), '{}'::jsonb "
            + "FROM generate_series(1, 1000000) AS g");
      }
      for (String query : List.of("SELECT sequence FROM budget_journal WHERE scheme_id = '" + WIGAN.value()
          + "' ORDER BY sequence DESC LIMIT 1", "SELECT digest, " + JdbcLedgerStore.ROW + " FROM budget_journal "
          + "WHERE scheme_id = '" + WIGAN.value() + "' AND sequence = 1000000")) {
        String plan = plan(postgres, "EXPLAIN (ANALYZE, BUFFERS) " + query);
        assertTrue(plan.contains("budget_journal_pkey"), plan);
        assertFalse(plan.contains("Seq Scan"), plan);
        assertTrue(plan.contains("rows=1 loops=1"), plan);
      }
      assertEquals(1_000_000, JdbcLedgerStore.of(postgres, WIGAN).lastSequence());
    }
  }

  @Test
  void anAppendReadsByThePrimaryKeyOnSqlite(@TempDir Path dir) throws SQLException {
    try (HikariDataSource sqlite = Databases.sqlite(dir.resolve("j.sqlite"))) {
      spend(sqlite, 20);
      for (String query : List.of("SELECT sequence FROM budget_journal WHERE scheme_id = '" + WIGAN.value()
          + "' ORDER BY sequence DESC LIMIT 1", "SELECT digest FROM budget_journal WHERE scheme_id = '"
          + WIGAN.value() + "' AND sequence = 10")) {
        String plan = plan(sqlite, "EXPLAIN QUERY PLAN " + query);
        assertTrue(plan.contains("USING PRIMARY KEY"), plan);
      }
    }
  }
}
