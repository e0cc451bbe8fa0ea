package org.devolvedbudgets.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.devolvedbudgets.rules.TestPilots;
import org.devolvedbudgets.rules.ledger.LedgerStore;
import org.junit.jupiter.api.AfterEach;

/** The store contract on a real SQLite file. */
class SqliteLedgerStoreContractTest extends DatabaseStoreContractTest {

  private final List<DataSource> open = new ArrayList<>();
  private Path file;

  @Override
  protected LedgerStore newStore() {
    try {
      file = Files.createTempFile("journal-", ".sqlite");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return storeOn(file);
  }

  private LedgerStore storeOn(Path path) {
    DataSource pool = Databases.sqlite(path);
    open.add(pool);
    return JdbcLedgerStore.of(pool, TestPilots.darlington().schemeId());
  }

  @Override
  protected LedgerStore sameJournal(LedgerStore store) {
    return storeOn(file);
  }

  @Override
  protected java.sql.Connection plainConnection() throws java.sql.SQLException {
    return java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
  }

  @AfterEach
  void close() {
    open.forEach(Databases::close);
  }
}
