package org.devolvedbudgets.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.devolvedbudgets.rules.ledger.Journals;
import org.devolvedbudgets.rules.ledger.LedgerStore;
import org.devolvedbudgets.rules.ledger.LedgerStoreContractTest;
import org.junit.jupiter.api.Test;

/** The store contract on a real database, and that the events are rows any client of that database can read. */
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
}
