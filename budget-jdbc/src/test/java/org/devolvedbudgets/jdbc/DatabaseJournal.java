package org.devolvedbudgets.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.rules.ledger.LedgerStore;

/**
 * One scheme's journal in a real database, opened by as many stores (each with its own pool, as on separate
 * servers) as a test wants, and cut short behind their backs when it asks: for the tests of several servers, of
 * outages and of a journal that went back. Close it after the test.
 */
final class DatabaseJournal implements AutoCloseable {

  private final Supplier<HikariDataSource> pools;
  private final SchemeId scheme;
  private final List<DataSource> open = new ArrayList<>();

  private DatabaseJournal(Supplier<HikariDataSource> pools, SchemeId scheme) {
    this.pools = pools;
    this.scheme = scheme;
  }

  /** A journal in a new SQLite file. */
  static DatabaseJournal sqlite(SchemeId scheme) {
    Path file;
    try {
      file = Files.createTempFile("journal-", ".sqlite");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DatabaseJournal(() -> Databases.sqlite(file), scheme);
  }

  /** A journal in a new PostgreSQL database; the calling test is skipped, loudly, where PostgreSQL is missing. */
  static DatabaseJournal postgres(SchemeId scheme) {
    HikariDataSource first = Databases.newPostgres();
    String url = first.getJdbcUrl();
    first.close();
    return new DatabaseJournal(() -> Databases.postgres(url, 4), scheme);
  }

  /** A new store over the journal, with a pool of its own. */
  LedgerStore store() {
    HikariDataSource pool = pools.get();
    open.add(pool);
    return JdbcLedgerStore.of(pool, scheme);
  }

  /** Deletes every event after {@code sequence}, as a restore from an older backup would lose them. */
  void cutAfter(long sequence) {
    HikariDataSource pool = pools.get();
    try (pool; Connection connection = pool.getConnection();
        PreparedStatement delete = connection.prepareStatement(
            "DELETE FROM budget_journal WHERE scheme_id = ? AND sequence > ?")) {
      delete.setString(1, scheme.value());
      delete.setLong(2, sequence);
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not cut the journal short", e);
    }
  }

  @Override
  public void close() {
    open.forEach(Databases::close);
  }
}
