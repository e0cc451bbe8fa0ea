package org.devolvedbudgets.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/** Pooled data sources over real databases, for the tests: a SQLite file, or a new PostgreSQL database. */
public final class Databases {

  private Databases() {}

  /**
   * A pool over a SQLite file with the store's settings, its schema created.
   *
   * @param file the database file
   * @return the data source
   */
  public static HikariDataSource sqlite(Path file) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(JdbcLedgerStore.sqlite(file));
    config.setMaximumPoolSize(4);
    HikariDataSource pool = new HikariDataSource(config);
    JournalSchema.createIfMissing(pool);
    return pool;
  }

  /**
   * A pool over a PostgreSQL database.
   *
   * @param url the database's JDBC URL
   * @param size the most connections
   * @return the data source
   */
  public static HikariDataSource postgres(String url, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(size);
    return new HikariDataSource(config);
  }

  /**
   * A pool over a new PostgreSQL database with the schema created, or the calling test skipped (loudly) when
   * PostgreSQL is not installed.
   *
   * @return the data source
   */
  public static HikariDataSource newPostgres() {
    PostgresCluster cluster = PostgresCluster.shared().orElse(null);
    Assumptions.assumeTrue(cluster != null, "PostgreSQL's server binaries are not installed: SKIPPED, not passed");
    HikariDataSource pool = postgres(cluster.newDatabase(), 8);
    JournalSchema.createIfMissing(pool);
    return pool;
  }

  /** Closes a pool, if it is one. */
  static void close(DataSource dataSource) {
    if (dataSource instanceof HikariDataSource) {
      ((HikariDataSource) dataSource).close();
    }
  }
}
