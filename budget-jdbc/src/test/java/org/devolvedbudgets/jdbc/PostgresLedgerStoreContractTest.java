package org.devolvedbudgets.jdbc;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.devolvedbudgets.rules.TestPilots;
import org.devolvedbudgets.rules.ledger.LedgerStore;
import org.devolvedbudgets.rules.ledger.LedgerStoreContractTest;
import org.junit.jupiter.api.AfterEach;

/** The store contract on a real PostgreSQL database (skipped, loudly, where PostgreSQL is not installed). */
class PostgresLedgerStoreContractTest extends LedgerStoreContractTest {

  private final List<DataSource> open = new ArrayList<>();
  private String url;

  @Override
  protected LedgerStore newStore() {
    com.zaxxer.hikari.HikariDataSource pool = Databases.newPostgres();
    url = pool.getJdbcUrl();
    open.add(pool);
    return JdbcLedgerStore.of(pool, TestPilots.darlington().schemeId());
  }

  @Override
  protected LedgerStore sameJournal(LedgerStore store) {
    DataSource second = Databases.postgres(url, 4);
    open.add(second);
    return JdbcLedgerStore.of(second, TestPilots.darlington().schemeId());
  }

  @org.junit.jupiter.api.Test
  void theEventsAreRowsInTheDatabaseThatAnyClientCanRead() throws java.sql.SQLException {
    LedgerStore store = newStore();
    store.append(0, org.devolvedbudgets.rules.ledger.Journals.everyKindOfEvent().subList(0, 3));
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url);
        java.sql.ResultSet rows = connection.createStatement().executeQuery(
            "SELECT sequence, type, family_id FROM budget_journal ORDER BY sequence")) {
      java.util.List<String> seen = new ArrayList<>();
      while (rows.next()) {
        seen.add(rows.getLong(1) + " " + rows.getString(2));
      }
      org.junit.jupiter.api.Assertions.assertEquals(3, seen.size(), seen::toString);
      org.junit.jupiter.api.Assertions.assertTrue(seen.get(0).startsWith("1 "), seen::toString);
    }
  }

  @AfterEach
  void close() {
    open.forEach(Databases::close);
  }
}
