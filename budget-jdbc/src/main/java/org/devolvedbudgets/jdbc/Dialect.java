package org.devolvedbudgets.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The two databases a journal is kept in, and what differs between them. */
enum Dialect {
  /** PostgreSQL: the event as jsonb, times as timestamptz. */
  POSTGRESQL("postgresql", "CAST(? AS jsonb)", "CAST(? AS timestamptz)"),
  /** SQLite: the event and times as text. */
  SQLITE("sqlite", "?", "?");

  private final String folder;
  private final String eventParameter;
  private final String timeParameter;

  Dialect(String folder, String eventParameter, String timeParameter) {
    this.folder = folder;
    this.eventParameter = eventParameter;
    this.timeParameter = timeParameter;
  }

  /** The folder of this dialect's migration scripts in the jar. */
  String migrations() {
    return "org/devolvedbudgets/jdbc/migration/" + folder + "/";
  }

  /** How a statement takes an ISO-8601 instant as a parameter. */
  String timeParameter() {
    return timeParameter;
  }

  /** The parameters of one row of {@link #insert}. */
  static final int COLUMNS = 10;

  /**
   * An insert of {@code rows} rows in one statement: one round trip and one parse for a whole group, where a
   * JDBC batch of single-row inserts cost the database a statement per event. SQLite's; PostgreSQL's is one
   * statement of arrays, whatever the group's size ({@code JdbcLedgerStore}).
   */
  String insert(int rows) {
    StringBuilder sql = new StringBuilder("INSERT INTO budget_journal (scheme_id, sequence, type, family_id, "
        + "request_id, operation_id, recorded_at, format, digest, event) VALUES ");
    String row = "(?, ?, ?, ?, ?, ?, " + timeParameter + ", ?, ?, " + eventParameter + ")";
    for (int i = 0; i < rows; i++) {
      sql.append(i == 0 ? "" : ", ").append(row);
    }
    return sql.toString();
  }

  /** Whether a failed statement broke a unique key: another writer stored that sequence first. */
  boolean isDuplicateKey(SQLException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException) {
        SQLException sql = (SQLException) cause;
        for (SQLException next = sql; next != null; next = next.getNextException()) {
          String state = next.getSQLState();
          if (this == POSTGRESQL && "23505".equals(state)) {
            return true;
          }
          String message = String.valueOf(next.getMessage());
          if (this == SQLITE && (message.contains("SQLITE_CONSTRAINT_PRIMARYKEY")
              || message.contains("UNIQUE constraint failed"))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The dialect of a connection's database. */
  static Dialect of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("postgres")) {
      return POSTGRESQL;
    }
    if (product.contains("sqlite")) {
      return SQLITE;
    }
    throw new IllegalArgumentException("dataSource must connect to PostgreSQL or SQLite, but connects to "
        + org.devolvedbudgets.model.text.SafeText.excerpt(product));
  }
}
