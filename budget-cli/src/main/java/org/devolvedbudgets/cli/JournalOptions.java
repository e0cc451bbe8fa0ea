package org.devolvedbudgets.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.devolvedbudgets.json.journal.JournalFormat;
import org.devolvedbudgets.jdbc.JdbcLedgerStore;
import org.devolvedbudgets.json.scheme.SchemeFiles;
import org.devolvedbudgets.model.text.SafeText;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.devolvedbudgets.rules.ledger.LedgerEvent;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Which scheme's journal, and where it is kept: the scheme file, and a SQLite file or a PostgreSQL database
 * (exactly one). Shared by the commands that read a journal.
 */
final class JournalOptions {

  @Option(names = "--scheme", paramLabel = "FILE", required = true, description = "The scheme file (JSON or "
      + "YAML) whose journal this is.")
  Path scheme = Path.of("");

  /** The two places; picocli makes them exclusive. */
  static final class Where {
    @Option(names = "--journal", paramLabel = "FILE", required = true,
        description = "The journal's SQLite file, as the replay keeps it.")
    @Nullable Path sqlite;

    @Option(names = "--postgres", paramLabel = "URL", required = true,
        description = "The journal's PostgreSQL database: a JDBC URL such as "
            + "jdbc:postgresql://localhost/budgets?user=me")
    @Nullable String postgres;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Where where = new Where();

  /** Reads the scheme file. */
  ConfigurationHistory history() {
    return SchemeFiles.read(scheme);
  }

  /**
   * Reads the scheme's whole journal, warning on {@code err} when it holds none of the scheme's events (a scheme
   * file other than the one the journal was kept under, most likely).
   */
  List<LedgerEvent> events(ConfigurationHistory history, PrintWriter err) {
    List<LedgerEvent> events;
    try (HikariDataSource dataSource = open()) {
      events = JdbcLedgerStore.of(dataSource, history.schemeId()).readAll();
    }
    if (events.isEmpty()) {
      err.println("warning: " + describe() + " holds no events of scheme " + history.schemeId()
          + "; is that the scheme the journal was kept under?");
      err.flush();
    }
    return events;
  }

  /**
   * Reads the scheme's whole journal as stored, each line with its digest chain, warning as {@link #events} does.
   */
  List<JournalFormat.Line> lines(ConfigurationHistory history, PrintWriter err) {
    List<JournalFormat.Line> lines = new ArrayList<>();
    try (HikariDataSource dataSource = open()) {
      JdbcLedgerStore store = JdbcLedgerStore.of(dataSource, history.schemeId());
      for (List<JournalFormat.Line> page = store.readLines(0, 10_000); !page.isEmpty();
          page = store.readLines(page.get(page.size() - 1).event().sequence(), 10_000)) {
        lines.addAll(page);
      }
    }
    if (lines.isEmpty()) {
      err.println("warning: " + describe() + " holds no events of scheme " + history.schemeId()
          + "; is that the scheme the journal was kept under?");
      err.flush();
    }
    return lines;
  }

  /** Opens a small pool on the journal's database; a SQLite file must exist already. */
  HikariDataSource open() {
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(2);
    config.setPoolName("budget-journal");
    if (where.postgres != null) {
      config.setJdbcUrl(where.postgres);
    } else {
      Path file = where.sqlite;
      if (file == null || !Files.isRegularFile(file)) {
        throw new CliException("--journal: no such file: " + SafeText.escapeUnsafe(String.valueOf(file)));
      }
      config.setDataSource(JdbcLedgerStore.sqlite(file));
    }
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new CliException("cannot open the journal's database, " + describe() + sqlState(e));
    }
  }

  /** The SQL state of the first database error behind a failure, as " (SQL state 08001)", or nothing. */
  private static String sqlState(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.sql.SQLException && ((java.sql.SQLException) cause).getSQLState() != null) {
        return " (SQL state " + ((java.sql.SQLException) cause).getSQLState() + ")";
      }
    }
    return "";
  }

  /** Where the journal is, for messages: the file, or the URL without its query (which may hold a password). */
  String describe() {
    if (where.postgres != null) {
      int query = where.postgres.indexOf('?');
      return "PostgreSQL " + SafeText.escapeUnsafe(query < 0 ? where.postgres : where.postgres.substring(0, query));
    }
    return "SQLite file " + SafeText.escapeUnsafe(String.valueOf(where.sqlite));
  }
}
