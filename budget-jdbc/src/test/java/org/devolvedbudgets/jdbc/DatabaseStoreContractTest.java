package org.devolvedbudgets.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.rules.TestPilots;
import org.devolvedbudgets.rules.ledger.BudgetLedger;
import org.devolvedbudgets.rules.ledger.Journals;
import org.devolvedbudgets.rules.ledger.LedgerEvent;
import org.devolvedbudgets.rules.ledger.LedgerStore;
import org.devolvedbudgets.rules.ledger.LedgerStoreContractTest;
import org.junit.jupiter.api.Test;

/**
 * The store contract on a real database; that the events are rows any client of that database can read; and that
 * a ledger starts from a snapshot only when it agrees with the journal.
 */
abstract class DatabaseStoreContractTest extends LedgerStoreContractTest {

  /**
   * Opens a connection with the database's own driver, bypassing the store and its pool, to the database the
   * last store {@link #newStore()} returned keeps its journal in.
   *
   * @return the connection, to close
   * @throws SQLException if it cannot be opened
   */
  protected abstract Connection plainConnection() throws SQLException;

  @Test
  void theEventsAreRowsInTheDatabaseThatAnyClientCanRead() throws SQLException {
    LedgerStore store = newStore();
    store.append(0, Journals.everyKindOfEvent().subList(0, 3));
    List<String> seen = new ArrayList<>();
    try (Connection connection = plainConnection();
        ResultSet rows = connection.createStatement().executeQuery(
            "SELECT sequence, type FROM budget_journal ORDER BY sequence")) {
      while (rows.next()) {
        seen.add(rows.getLong(1) + " " + rows.getString(2));
      }
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      expected.add((i + 1) + " " + Journals.everyKindOfEvent().get(i).getClass().getSimpleName());
    }
    assertEquals(expected, seen);
  }

  @Test
  void evidenceAndRepaymentsAreKeptInTheDatabaseAndALedgerStartedOverThemKnowsWhatIsDue() {
    JdbcLedgerStore store = (JdbcLedgerStore) newStore();
    List<LedgerEvent> journal = Journals.withEvidenceAndRepayment();
    store.append(0, journal.subList(0, journal.size() - 1));
    store.writeSnapshot();
    store.append(journal.size() - 1, journal.subList(journal.size() - 1, journal.size()));
    assertTrue(journal.equals(store.readAll()), "every event, evidence and overdue figures included");
    BudgetLedger started = BudgetLedger.builder(Journals.darlingtonWithEvidence()).store(store).build();
    started.verifyJournal();
    assertTrue(started.evidence(RequestId.of("R-1")).get(0).isReceived(), "R-1's receipt");
    assertEquals(List.of(RequestId.of("R-loan")), started.evidenceDue(Journals.treatedFamily(0)).stream()
        .map(org.devolvedbudgets.rules.ledger.EvidenceDue::requestId).toList(), "only the loan's receipt is due");
    assertEquals(org.devolvedbudgets.model.money.Money.parse("GBP 40.00"),
        started.repayment(RequestId.of("R-loan")).orElseThrow().outstanding(), "£120 lent, £80 repaid");
  }

  @Test
  void aLedgerStartsFromACheckedSnapshotAndThenTheJournalsNewerRows() throws SQLException {
    JdbcLedgerStore store = (JdbcLedgerStore) newStore();
    assertEquals(0, store.writeSnapshot(), "an empty journal has nothing to snapshot");
    List<LedgerEvent> journal = Journals.manyFamilies(2_400);
    int snapshotted = 2 * JournalSnapshots.EVENTS_PER_CHUNK + 123;
    store.append(0, journal.subList(0, snapshotted));
    assertEquals(snapshotted, store.writeSnapshot());
    store.append(snapshotted, journal.subList(snapshotted, journal.size()));

    try (Connection connection = plainConnection()) {
      List<List<LedgerEvent>> pages = JournalSnapshots.readChecked(connection, dialect(connection), store.scheme());
      assertEquals(3, pages.size(), "three chunks");
      assertTrue(journal.subList(0, snapshotted).equals(pages.stream().flatMap(List::stream).collect(
          java.util.stream.Collectors.toList())), "the snapshot's events are the journal's");
    }
    List<LedgerEvent> started = new ArrayList<>();
    store.readForStart(started::addAll);
    assertTrue(journal.equals(started), "the snapshot, then the rows after it");
    BudgetLedger fromSnapshot = BudgetLedger.builder(TestPilots.darlington()).store(store).build();
    fromSnapshot.verifyJournal();
    BudgetLedger fromJournal = BudgetLedger.builder(TestPilots.darlington()).store(store.withoutSnapshots()).build();
    assertEquals(journal.size(), fromSnapshot.lastSequence());
    java.time.LocalDate day = java.time.LocalDate.of(2019, 6, 10);
    for (String family : List.of("F-0", "F-1", "F-1000", "F-2399")) {
      FamilyId familyId = FamilyId.of(family);
      assertEquals(fromJournal.remainingBudget(familyId, day).toString(),
          fromSnapshot.remainingBudget(familyId, day).toString());
      RequestId request = RequestId.of("R-" + family.substring(2) + "-4");
      assertEquals(fromJournal.reservation(request), fromSnapshot.reservation(request));
    }

    assertEquals(journal.size(), store.writeSnapshot(), "a newer snapshot replaces the older");
    try (Connection connection = plainConnection();
        ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM budget_snapshot")) {
      rows.next();
      assertEquals(1, rows.getInt(1));
    }
  }

  @Test
  void aSnapshotThatDoesNotAgreeWithTheJournalIsIgnoredAndTheJournalRead() throws SQLException {
    JdbcLedgerStore store = (JdbcLedgerStore) newStore();
    List<LedgerEvent> journal = Journals.manyFamilies(1_800);
    store.append(0, journal);
    List<String> damage = List.of(
        "UPDATE budget_snapshot SET format = 99",
        "UPDATE budget_snapshot_chunk SET crc32c = crc32c + 1 WHERE chunk = 1",
        "UPDATE budget_snapshot_chunk SET events = events - 1 WHERE chunk = 1",
        "DELETE FROM budget_snapshot_chunk WHERE chunk = 0",
        "UPDATE budget_snapshot SET chunks = chunks + 1",
        // a journal restored from a backup older than its snapshot
        "DELETE FROM budget_journal WHERE sequence > " + (journal.size() - 5));
    for (String sql : damage) {
      store.writeSnapshot(); // replaces the damaged one
      try (Connection connection = plainConnection()) {
        assertTrue(JournalSnapshots.readChecked(connection, dialect(connection), store.scheme()) != null,
            "used before: " + sql);
        connection.createStatement().executeUpdate(sql);
        assertTrue(JournalSnapshots.readChecked(connection, dialect(connection), store.scheme()) == null,
            "ignored after: " + sql);
      }
      List<LedgerEvent> started = new ArrayList<>();
      store.readForStart(started::addAll);
      assertTrue(store.withoutSnapshots().readAll().equals(started), "the journal's events: " + sql);
    }
  }

  @Test
  void theSnapshotOfAnotherJournalIsIgnored() throws SQLException {
    JdbcLedgerStore store = (JdbcLedgerStore) newStore();
    List<LedgerEvent> journal = Journals.manyFamilies(1_800);
    store.append(0, journal);
    store.writeSnapshot();
    // The same scheme's journal replaced by one that agrees with it for two chunks, then differs.
    List<LedgerEvent> another = Journals.manyFamilies(1_801).subList(0, journal.size());
    try (Connection connection = plainConnection()) {
      connection.createStatement().executeUpdate("DELETE FROM budget_journal");
    }
    store.append(0, another);
    try (Connection connection = plainConnection()) {
      assertTrue(JournalSnapshots.readChecked(connection, dialect(connection), store.scheme()) == null);
    }
    List<LedgerEvent> started = new ArrayList<>();
    store.readForStart(started::addAll);
    assertTrue(another.equals(started), "the journal's events");
  }

  /** The dialect of a plain connection. */
  private static Dialect dialect(Connection connection) throws SQLException {
    return Dialect.of(connection);
  }
}
