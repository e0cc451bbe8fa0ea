package org.devolvedbudgets.jdbc;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.devolvedbudgets.json.journal.JournalFormat;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.rules.ledger.ConcurrentAppendException;
import org.devolvedbudgets.rules.ledger.LedgerEvent;
import org.devolvedbudgets.rules.ledger.LedgerStore;
import org.devolvedbudgets.rules.ledger.LedgerStoreException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A {@link LedgerStore} that keeps one scheme's journal in a database table ({@code budget_journal}, see
 * {@link JournalSchema}): PostgreSQL in production, SQLite as the embedded default. Each event is one row in the
 * journal format of {@code budget-json} ({@code JOURNAL.md}; {@code jsonb} in PostgreSQL), with the columns the
 * store looks things up by beside it: scheme, sequence, family, request, operation id, type and time.
 *
 * <pre>{@code
 * DataSource dataSource = ...;                       // the application's pool, e.g. HikariCP
 * JournalSchema.createIfMissing(dataSource);         // or run the migration scripts with Flyway
 * LedgerStore store = JdbcLedgerStore.of(dataSource, configuration.schemeId());
 * BudgetLedger ledger = BudgetLedger.builder(configuration).store(store).build();
 * }</pre>
 *
 * <p><b>Appends</b> are one transaction: the journal's end is read, compared with what the writer expected, and
 * the events inserted. The primary key on scheme and sequence makes two writers' appends conflict rather than
 * interleave: whichever commits second fails on the key and is told {@link ConcurrentAppendException}, with
 * nothing written. Any other failure is a {@link LedgerStoreException}; after one the events may or may not have
 * been committed (the connection may have dropped during the commit), which the ledger settles by reading back.
 *
 * <p><b>Snapshots</b> make a long journal quick to start from. {@link #writeSnapshot} stores the journal's events
 * so far beside it in a compact binary form ({@code budget_snapshot}); a ledger starting over this store then
 * reads the snapshot and only the journal's rows after it, instead of decoding every row's JSON (about 9 µs a
 * row: 9 s for a million events). The snapshot is checked against the journal before it is used, and ignored
 * with a logged warning when it does not agree (see {@link #writeSnapshot}); the journal remains the record, and
 * {@code BudgetLedger.verifyJournal} always reads the journal itself. Why a snapshot of the events and not of the
 * balances: folding a million events takes about half a second, and events need no second format for the
 * ledger's inner state, which can change between releases without making old snapshots wrong.
 *
 * <p><b>Connections</b> come from the {@link DataSource} for each call and are closed after it; give the store a
 * pooled one (HikariCP, or the application server's), since opening a PostgreSQL connection costs milliseconds.
 * For SQLite, {@link #sqlite(Path)} makes a data source with the settings the store expects.
 *
 * <p>This class is thread-safe: it holds no connection and no mutable state.
 */
public final class JdbcLedgerStore implements LedgerStore {

  /** The most rows one insert statement carries: well within both databases' limits on parameters. */
  static final int ROWS_PER_INSERT = 500;

  private final DataSource dataSource;
  private final SchemeId scheme;
  private final Dialect dialect;
  private final boolean snapshots;

  private JdbcLedgerStore(DataSource dataSource, SchemeId scheme, Dialect dialect, boolean snapshots) {
    this.dataSource = dataSource;
    this.scheme = scheme;
    this.dialect = dialect;
    this.snapshots = snapshots;
  }

  /**
   * Returns a store of one scheme's journal in the database {@code dataSource} connects to. The table must exist
   * ({@link JournalSchema#createIfMissing} or the migration scripts). Several stores, in one process or on
   * several servers, may share a scheme's journal; every {@code BudgetLedger} over them catches up with the
   * others.
   *
   * @param dataSource connects to PostgreSQL or SQLite, preferably pooled, not null
   * @param scheme the scheme whose journal this is (rows of other schemes in the table are never read), not null
   * @return the store, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the database is neither PostgreSQL nor SQLite
   * @throws LedgerStoreException if the database cannot be reached
   */
  public static JdbcLedgerStore of(DataSource dataSource, SchemeId scheme) {
    requireNonNull(dataSource, "dataSource");
    requireNonNull(scheme, "scheme");
    try (Connection connection = dataSource.getConnection()) {
      return new JdbcLedgerStore(dataSource, scheme, Dialect.of(connection), true);
    } catch (SQLException e) {
      throw failure("connect", e);
    }
  }

  /**
   * Returns a data source for a journal kept in a SQLite file, created if missing, with the settings the store
   * expects: write-ahead logging (readers never wait for the writer), {@code synchronous=FULL} (a committed append
   * survives a power cut, not only a crash), and a 10 s wait for another writer's lock. Each connection opens the
   * file; wrap it in a pool for many small calls.
   *
   * @param file the database file, not null
   * @return the data source, not null
   * @throws NullPointerException if {@code file} is null
   */
  public static DataSource sqlite(Path file) {
    requireNonNull(file, "file");
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(10_000);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return dataSource;
  }

  /**
   * Returns a store of the same journal that never reads snapshots: a ledger over it starts by decoding every
   * row, as an auditor may prefer. It can still {@linkplain #writeSnapshot write} them.
   *
   * @return the store, not null
   */
  public JdbcLedgerStore withoutSnapshots() {
    return new JdbcLedgerStore(dataSource, scheme, dialect, false);
  }

  /**
   * Stores a snapshot of the journal as it is now, for ledgers to start from quickly, in place of this scheme's
   * older snapshots (and of one of the same length). It reads every row of the journal (never an older snapshot, so a fault cannot be copied
   * forward), so it takes as long as a start without one: run it from a scheduled job, say nightly or every
   * hundred thousand events, not on a request's path. Any number of servers may run it at once.
   *
   * <p>A ledger starting over this store uses the newest snapshot only if its format is one this library reads,
   * its chunks of up to 10,000 events run from event 1 without gaps, each chunk's bytes have the CRC-32C recorded
   * beside them, and the last event of every chunk equals the journal's own row of that sequence, field for field;
   * otherwise it logs a warning (on the {@link System.Logger} named after this class) and reads the journal.
   * Events appended after the snapshot are read from the journal as usual.
   *
   * @return the sequence number of the last event the snapshot holds; 0 if the journal is empty and nothing was
   *     stored
   * @throws LedgerStoreException if the database failed; no snapshot was stored
   */
  public long writeSnapshot() {
    List<JournalSnapshots.Chunk> chunks = new ArrayList<>();
    long after = 0;
    for (List<LedgerEvent> page = read(after, JournalSnapshots.EVENTS_PER_CHUNK); !page.isEmpty();
        page = read(after, JournalSnapshots.EVENTS_PER_CHUNK)) {
      chunks.add(JournalSnapshots.chunk(chunks.size(), page));
      after = page.get(page.size() - 1).sequence();
    }
    if (chunks.isEmpty()) {
      return 0;
    }
    try (Connection connection = dataSource.getConnection()) {
      JournalSnapshots.write(connection, dialect, scheme, chunks);
      return after;
    } catch (SQLException e) {
      throw failure("store a snapshot of the journal up to sequence " + after, e);
    }
  }

  /**
   * Hands over the journal for a ledger that is starting: the newest snapshot's events when it passes the checks
   * {@link #writeSnapshot} describes, then the journal's rows after it; every row when there is no snapshot, it
   * fails a check, or this store was made {@link #withoutSnapshots}.
   *
   * @param pages receives each page in sequence order, not null
   * @throws NullPointerException if {@code pages} is null
   * @throws LedgerStoreException if the database failed
   */
  @Override
  public void readForStart(Consumer<List<LedgerEvent>> pages) {
    requireNonNull(pages, "pages");
    List<List<LedgerEvent>> snapshot = null;
    if (snapshots) {
      try (Connection connection = dataSource.getConnection()) {
        snapshot = JournalSnapshots.readChecked(connection, dialect, scheme);
      } catch (SQLException e) {
        throw failure("read the journal's snapshot", e);
      }
    }
    long after = 0;
    if (snapshot != null) {
      for (List<LedgerEvent> page : snapshot) {
        pages.accept(page);
      }
      List<LedgerEvent> last = snapshot.get(snapshot.size() - 1);
      after = last.get(last.size() - 1).sequence();
    }
    for (List<LedgerEvent> page = read(after, JournalSnapshots.EVENTS_PER_CHUNK); !page.isEmpty();
        page = read(after, JournalSnapshots.EVENTS_PER_CHUNK)) {
      pages.accept(page);
      after = page.get(page.size() - 1).sequence();
    }
  }

  /**
   * Returns the scheme whose journal this store keeps.
   *
   * @return the scheme id, not null
   */
  public SchemeId scheme() {
    return scheme;
  }

  @Override
  public long lastSequence() {
    try (Connection connection = dataSource.getConnection()) {
      return lastSequence(connection);
    } catch (SQLException e) {
      throw failure("read the journal's end", e);
    }
  }

  private long lastSequence(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT COALESCE(MAX(sequence), 0) FROM budget_journal WHERE scheme_id = ?")) {
      statement.setString(1, scheme.value());
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  @Override
  public void append(long expectedLastSequence, List<LedgerEvent> events) {
    LedgerStore.checkAppend(expectedLastSequence, events);
    List<String> lines = new ArrayList<>(events.size());
    for (LedgerEvent event : events) {
      lines.add(JournalFormat.write(scheme, event));
    }
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      try {
        if (dialect == Dialect.SQLITE) {
          // Take the write lock first, so the end read below cannot change before the insert.
          try (Statement begin = connection.createStatement()) {
            begin.execute("BEGIN IMMEDIATE");
          }
        } else {
          connection.setAutoCommit(false);
        }
        long actual = lastSequence(connection);
        if (actual != expectedLastSequence) {
          rollback(connection);
          throw new ConcurrentAppendException(expectedLastSequence, actual);
        }
        for (int from = 0; from < events.size(); from += ROWS_PER_INSERT) {
          int rows = Math.min(ROWS_PER_INSERT, events.size() - from);
          try (PreparedStatement insert = connection.prepareStatement(dialect.insert(rows))) {
            for (int i = 0; i < rows; i++) {
              LedgerEvent event = events.get(from + i);
              int column = i * Dialect.COLUMNS;
              insert.setString(column + 1, scheme.value());
              insert.setLong(column + 2, event.sequence());
              insert.setString(column + 3, JournalFormat.typeOf(event));
              insert.setString(column + 4, event.familyId().value());
              insert.setString(column + 5, event instanceof LedgerEvent.RequestEvent
                  ? ((LedgerEvent.RequestEvent) event).requestId().value() : null);
              insert.setString(column + 6, event.operationId().map(id -> id.value()).orElse(null));
              insert.setString(column + 7, event.recordedAt().toString());
              insert.setInt(column + 8, JournalFormat.FORMAT);
              insert.setString(column + 9, lines.get(from + i));
            }
            insert.executeUpdate();
          }
        }
        if (dialect == Dialect.SQLITE) {
          try (Statement commit = connection.createStatement()) {
            commit.execute("COMMIT");
          }
        } else {
          connection.commit();
        }
      } catch (SQLException e) {
        rollback(connection);
        if (dialect.isDuplicateKey(e)) {
          throw new ConcurrentAppendException(expectedLastSequence,
              lastSequenceAfterConflict(connection, expectedLastSequence));
        }
        throw e;
      } finally {
        if (dialect == Dialect.POSTGRESQL) {
          restore(connection, autoCommit);
        }
      }
    } catch (SQLException e) {
      throw failure("append " + events.size() + " event(s) after sequence " + expectedLastSequence, e);
    }
  }

  /**
   * The journal's end after a lost race, for the exception's message, read on the same connection (a second one
   * could wait on a pool of one); the expected end plus one if it cannot be read.
   */
  private long lastSequenceAfterConflict(Connection connection, long expected) {
    try {
      long actual = lastSequence(connection);
      rollback(connection);
      return actual;
    } catch (SQLException e) {
      return expected + 1;
    }
  }

  private void rollback(Connection connection) {
    try {
      if (dialect == Dialect.SQLITE) {
        try (Statement rollback = connection.createStatement()) {
          rollback.execute("ROLLBACK");
        }
      } else {
        connection.rollback();
      }
    } catch (SQLException ignored) {
      // nothing was begun, or the connection is gone: either way nothing is committed
    }
  }

  private static void restore(Connection connection, boolean autoCommit) {
    try {
      connection.setAutoCommit(autoCommit);
    } catch (SQLException ignored) {
      // the connection is broken; the pool will discard it
    }
  }

  @Override
  public List<LedgerEvent> read(long afterSequence, int maxEvents) {
    if (afterSequence < 0) {
      throw new IllegalArgumentException("afterSequence must not be negative, but was " + afterSequence);
    }
    if (maxEvents < 1) {
      throw new IllegalArgumentException("maxEvents must be at least 1, but was " + maxEvents);
    }
    return query("SELECT event FROM budget_journal WHERE scheme_id = ? AND sequence > ? ORDER BY sequence LIMIT ?",
        "read the journal after sequence " + afterSequence, statement -> {
          statement.setLong(2, afterSequence);
          statement.setInt(3, maxEvents);
        });
  }

  @Override
  public List<LedgerEvent> readFamily(FamilyId familyId) {
    requireNonNull(familyId, "familyId");
    return query("SELECT event FROM budget_journal WHERE scheme_id = ? AND family_id = ? ORDER BY sequence",
        "read a family's events", statement -> statement.setString(2, familyId.value()));
  }

  @FunctionalInterface
  private interface Parameters {
    void set(PreparedStatement statement) throws SQLException;
  }

  private List<LedgerEvent> query(String sql, String what, Parameters parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, scheme.value());
      parameters.set(statement);
      statement.setFetchSize(1000);
      List<LedgerEvent> events = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          JournalFormat.Line line = JournalFormat.read(rows.getString(1));
          if (!line.scheme().equals(scheme)) {
            throw new LedgerStoreException("a row of scheme '" + scheme + "' holds an event of another scheme", null);
          }
          events.add(line.event());
        }
      }
      return List.copyOf(events);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private static LedgerStoreException failure(String what, SQLException e) {
    return new LedgerStoreException("could not " + what + " (SQL state " + e.getSQLState() + ", error code "
        + e.getErrorCode() + ")", e);
  }

  /**
   * Returns a developer's form: the database kind and the scheme.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return "JdbcLedgerStore[" + dialect.name().toLowerCase(java.util.Locale.ROOT) + ", scheme " + scheme + "]";
  }
}
