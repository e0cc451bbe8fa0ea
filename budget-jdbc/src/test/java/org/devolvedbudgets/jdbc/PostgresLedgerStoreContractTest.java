package org.devolvedbudgets.jdbc;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.devolvedbudgets.rules.TestPilots;
import org.devolvedbudgets.rules.ledger.LedgerStore;
import org.junit.jupiter.api.AfterEach;

/** The store contract on a real PostgreSQL database (skipped, loudly, where PostgreSQL is not installed). */
class PostgresLedgerStoreContractTest extends DatabaseStoreContractTest {

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

  @Override
  protected java.sql.Connection plainConnection() throws java.sql.SQLException {
    return java.sql.DriverManager.getConnection(url);
  }

  @AfterEach
  void close() {
    open.forEach(Databases::close);
  }
}
