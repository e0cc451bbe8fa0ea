package org.devolvedbudgets.jdbc;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.devolvedbudgets.rules.ledger.LedgerStoreException;

/**
 * The journal's table, as versioned SQL migration scripts shipped in this jar, and a call that runs them.
 *
 * <p>The scripts are named as Flyway expects ({@code V1__budget_journal.sql}) under one folder per database:
 * <ul>
 *   <li>PostgreSQL: {@code classpath:org/devolvedbudgets/jdbc/migration/postgresql}
 *   <li>SQLite: {@code classpath:org/devolvedbudgets/jdbc/migration/sqlite}
 * </ul>
 * A council that manages its schema with Flyway adds the folder to {@code flyway.locations}; with Liquibase, a
 * {@code sqlFile} change set per script with {@code path} the script's and {@code relativeToChangelogFile="false"}.
 * Every statement is {@code IF NOT EXISTS}, so {@link #createIfMissing} may run on every start, which is what the
 * embedded default does (it runs nothing once the schema is at the newest version). Each later version of the
 * schema is a new script ({@code V2__budget_snapshot.sql} is the second, {@code V3__budget_journal_chain.sql} the
 * third); scripts are never edited once released.
 *
 * <p>Stateless and thread-safe.
 */
public final class JournalSchema {

  /**
   * The schema version the scripts in this jar bring a database to: {@value}. Version 1 is the journal's table;
   * version 2 adds the tables of its snapshots ({@code budget_snapshot}, {@code budget_snapshot_chunk}), a cache
   * that may be emptied at any time; version 3 adds each row's {@code digest} (journal format 4's chain) and a
   * snapshot's {@code last_digest}, and drops the four indexes no query of the store's used.
   */
  public static final int VERSION = 3;

  private static final List<String> SCRIPTS = List.of("V1__budget_journal.sql", "V2__budget_snapshot.sql",
      "V3__budget_journal_chain.sql");

  private JournalSchema() {}

  /**
   * Creates the journal's table, its indexes and the snapshot tables where they are missing, by running this jar's migration scripts for
   * the database {@code dataSource} connects to. Running it again changes nothing.
   *
   * @param dataSource connects to PostgreSQL or SQLite, with the right to create tables, not null
   * @throws NullPointerException if {@code dataSource} is null
   * @throws IllegalArgumentException if the database is neither PostgreSQL nor SQLite
   * @throws LedgerStoreException if the database cannot be reached or refuses a statement
   */
  public static void createIfMissing(DataSource dataSource) {
    requireNonNull(dataSource, "dataSource");
    try (Connection connection = dataSource.getConnection()) {
      Dialect dialect = Dialect.of(connection);
      if (hasColumn(connection, "budget_journal", "digest")) {
        return; // version 3 already: nothing to create, and nothing dropped again
      }
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        for (String script : SCRIPTS) {
          for (String sql : statements(script(dialect, script))) {
            statement.execute(sql);
          }
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        if (hasColumn(connection, "budget_journal", "digest")) {
          return; // another process brought the schema up to date meanwhile
        }
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new LedgerStoreException("could not create the journal's schema (SQL state " + e.getSQLState() + ")",
          e);
    }
  }

  /**
   * Returns the text of one of this jar's migration scripts.
   *
   * @param postgresql true for PostgreSQL's script, false for SQLite's
   * @param version the schema version, 1 to {@link #VERSION}
   * @return the script, not null
   * @throws IllegalArgumentException if {@code version} is out of range
   */
  public static String script(boolean postgresql, int version) {
    if (version < 1 || version > VERSION) {
      throw new IllegalArgumentException("version must be from 1 to " + VERSION + ", but was " + version);
    }
    return script(postgresql ? Dialect.POSTGRESQL : Dialect.SQLITE, SCRIPTS.get(version - 1));
  }

  private static String script(Dialect dialect, String name) {
    String resource = dialect.migrations() + name;
    try (InputStream in = JournalSchema.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }

  /** Whether a table has a column, by the driver's metadata (no statement that could fail a transaction). */
  private static boolean hasColumn(Connection connection, String table, String column) throws SQLException {
    try (ResultSet columns = connection.getMetaData().getColumns(null, null, table, column)) {
      return columns.next();
    }
  }

  /** A script's statements: its text without comment lines, split at semicolons (the scripts hold no others). */
  static List<String> statements(String script) {
    StringBuilder text = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      if (!line.strip().startsWith("--")) {
        text.append(line).append('\n');
      }
    }
    List<String> statements = new ArrayList<>();
    for (String statement : text.toString().split(";")) {
      if (!statement.isBlank()) {
        statements.add(statement.strip());
      }
    }
    return statements;
  }
}
