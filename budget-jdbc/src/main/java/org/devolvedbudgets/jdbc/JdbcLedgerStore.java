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
import org.devolvedbudgets.model.id.OperationId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.rules.ledger.ConcurrentAppendException;
import org.devolvedbudgets.rules.ledger.LedgerEvent;
import org.devolvedbudgets.rules.ledger.LedgerStore;
import org.devolvedbudgets.rules.ledger.LedgerStoreException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.jspecify.annotations.Nullable;

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
    // The primary key read backwards: one index entry, however long the journal and whatever the planner's
    // statistics say (MAX(sequence) was planned through another index and read every row of the scheme).
    try (PreparedStatement statement = connection.prepareStatement(LAST_SEQUENCE)) {
      statement.setString(1, scheme.value());
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getLong(1) : 0;
      }
    }
  }

  @Override
  public void append(long expectedLastSequence, List<LedgerEvent> events) {
    append(expectedLastSequence, null, events);
  }

  /**
   * Appends events in one transaction: reads the row the journal must end at by its primary key (checking, when
   * {@code expectedLast} is given, that it holds that very event, by its digest), chains the new events to it,
   * and inserts them. The primary key refuses a second writer's rows; no query scans the journal.
   */
  @Override
  public void append(long expectedLastSequence, @Nullable LedgerEvent expectedLast, List<LedgerEvent> events) {
    LedgerStore.checkAppend(expectedLastSequence, events);
    LedgerStore.checkExpectedLast(expectedLastSequence, expectedLast);
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      try {
        if (dialect == Dialect.SQLITE) {
          // Take the write lock first, so the row read below cannot change before the insert.
          try (Statement begin = connection.createStatement()) {
            begin.execute("BEGIN IMMEDIATE");
          }
        } else {
          connection.setAutoCommit(false);
        }
        String previous = previous(connection, expectedLastSequence, expectedLast);
        if (previous == null) {
          rollback(connection);
          throw new ConcurrentAppendException(expectedLastSequence, lastSequenceAfterConflict(connection,
              expectedLastSequence));
        }
        String[] digests = new String[events.size()];
        String[] bodies = new String[events.size()];
        for (int i = 0; i < events.size(); i++) {
          JournalFormat.Row row = JournalFormat.row(scheme, events.get(i), previous);
          bodies[i] = row.body();
          digests[i] = row.digest();
          previous = row.digest();
        }
        if (dialect == Dialect.POSTGRESQL) {
          insertPostgres(connection, events, digests, bodies);
        } else {
          insertSqlite(connection, events, digests, bodies);
        }
        if (dialect == Dialect.SQLITE) {
          try (Statement commit = connection.createStatement()) {
            commit.execute("COMMIT");
          }
        } else {
          connection.commit();
        }
        LedgerEvent last = events.get(events.size() - 1);
        tip = new Tip(last.sequence(), digests[digests.length - 1], last);
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

  /** The last event this store appended and its digest: what the next append most often follows. */
  private record Tip(long sequence, String digest, LedgerEvent event) {}

  private volatile @Nullable Tip tip;

  /**
   * The digest the next event chains to: the row at {@code sequence}'s, or the chain's start. Null when the
   * journal does not end there as the writer expects: it has no such row, or (when {@code expected} is given) the
   * row holds another event. Reads one row by its primary key; decodes it only when this store did not append it.
   */
  private @Nullable String previous(Connection connection, long sequence, @Nullable LedgerEvent expected)
      throws SQLException {
    if (sequence == 0) {
      return JournalFormat.GENESIS;
    }
    try (PreparedStatement select = connection.prepareStatement("SELECT digest, " + ROW + " FROM budget_journal "
        + "WHERE scheme_id = ? AND sequence = ?")) {
      select.setString(1, scheme.value());
      select.setLong(2, sequence);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return null; // the journal ends before it: it went back, or the writer is wrong
        }
        String digest = rows.getString(1);
        if (expected != null) {
          Tip known = tip;
          boolean same = known != null && known.sequence() == sequence && digest != null
              && known.digest().equals(digest) && (known.event() == expected || known.event().equals(expected));
          if (!same && !expected.equals(line(rows, 2, scheme).event())) {
            return null; // another event is stored there: the journal was cut short and written again
          }
        }
        return digest != null ? digest : JournalFormat.GENESIS; // a row of an older format: the chain starts here
      }
    }
  }

  /**
   * One insert of a whole group in PostgreSQL: the rows as arrays, unnested. Its text never changes with the
   * group's size, so the server plans it once per connection.
   */
  private void insertPostgres(Connection connection, List<LedgerEvent> events, String[] digests, String[] bodies)
      throws SQLException {
    int n = events.size();
    Long[] sequences = new Long[n];
    String[] types = new String[n];
    String[] families = new String[n];
    String[] requests = new String[n];
    String[] operations = new String[n];
    String[] times = new String[n];
    for (int i = 0; i < n; i++) {
      LedgerEvent event = events.get(i);
      sequences[i] = event.sequence();
      types[i] = JournalFormat.typeOf(event);
      families[i] = event.familyId().value();
      requests[i] = event instanceof LedgerEvent.RequestEvent
          ? ((LedgerEvent.RequestEvent) event).requestId().value() : null;
      operations[i] = event.operationId().map(id -> id.value()).orElse(null);
      times[i] = event.recordedAt().toString();
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT_POSTGRES)) {
      insert.setString(1, scheme.value());
      insert.setInt(2, JournalFormat.FORMAT);
      insert.setArray(3, connection.createArrayOf("bigint", sequences));
      insert.setArray(4, connection.createArrayOf("text", types));
      insert.setArray(5, connection.createArrayOf("text", families));
      insert.setArray(6, connection.createArrayOf("text", requests));
      insert.setArray(7, connection.createArrayOf("text", operations));
      insert.setArray(8, connection.createArrayOf("text", times));
      insert.setArray(9, connection.createArrayOf("text", digests));
      insert.setArray(10, connection.createArrayOf("text", bodies));
      insert.executeUpdate();
    }
  }

  private void insertSqlite(Connection connection, List<LedgerEvent> events, String[] digests, String[] bodies)
      throws SQLException {
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
          insert.setString(column + 9, digests[from + i]);
          insert.setString(column + 10, bodies[from + i]);
        }
        insert.executeUpdate();
      }
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
    return query("SELECT " + ROW + " FROM budget_journal WHERE scheme_id = ? AND sequence > ? ORDER BY sequence "
        + "LIMIT ?",
        "read the journal after sequence " + afterSequence, statement -> {
          statement.setLong(2, afterSequence);
          statement.setInt(3, maxEvents);
        });
  }

  /**
   * Reads a page of the journal's lines as stored: each event with the digest of the line before it (for rows of
   * format 4), so that an export has the digests this journal recorded ({@code JournalFiles.writeLines}).
   *
   * @param afterSequence read lines numbered above this, 0 or more
   * @param maxLines the most lines to return, 1 or more
   * @return an immutable list in sequence order, empty when there are no more, not null
   * @throws IllegalArgumentException if {@code afterSequence} is negative or {@code maxLines} below 1
   * @throws LedgerStoreException if the database failed or a row does not read
   */
  public List<JournalFormat.Line> readLines(long afterSequence, int maxLines) {
    if (afterSequence < 0) {
      throw new IllegalArgumentException("afterSequence must not be negative, but was " + afterSequence);
    }
    if (maxLines < 1) {
      throw new IllegalArgumentException("maxLines must be at least 1, but was " + maxLines);
    }
    return lines("SELECT " + ROW + " FROM budget_journal WHERE scheme_id = ? AND sequence > ? ORDER BY sequence "
        + "LIMIT ?", "read the journal after sequence " + afterSequence, statement -> {
          statement.setLong(2, afterSequence);
          statement.setInt(3, maxLines);
        });
  }

  @Override
  public List<LedgerEvent> readFamily(FamilyId familyId) {
    requireNonNull(familyId, "familyId");
    return query("SELECT " + ROW + " FROM budget_journal WHERE scheme_id = ? AND family_id = ? ORDER BY sequence",
        "read a family's events", statement -> statement.setString(2, familyId.value()));
  }

  @FunctionalInterface
  private interface Parameters {
    void set(PreparedStatement statement) throws SQLException;
  }

  private List<LedgerEvent> query(String sql, String what, Parameters parameters) {
    List<JournalFormat.Line> lines = lines(sql, what, parameters);
    LedgerEvent[] events = new LedgerEvent[lines.size()];
    for (int i = 0; i < events.length; i++) {
      events[i] = lines.get(i).event();
    }
    return List.of(events);
  }

  private List<JournalFormat.Line> lines(String sql, String what, Parameters parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, scheme.value());
      parameters.set(statement);
      statement.setFetchSize(1000);
      List<JournalFormat.Line> lines = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          lines.add(line(rows, 1, scheme));
        }
      }
      return List.copyOf(lines);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  /** The columns {@link #line} reads, in its order. */
  static final String ROW = "format, type, sequence, family_id, request_id, operation_id, event";

  private static final String LAST_SEQUENCE = "SELECT sequence FROM budget_journal WHERE scheme_id = ? "
      + "ORDER BY sequence DESC LIMIT 1";

  private static final String INSERT_POSTGRES = "INSERT INTO budget_journal (scheme_id, format, sequence, type, "
      + "family_id, request_id, operation_id, recorded_at, digest, event) SELECT ?, ?, u.s, u.t, u.f, u.r, u.o, "
      + "CAST(u.a AS timestamptz), u.d, CAST(u.e AS jsonb) FROM unnest(CAST(? AS bigint[]), CAST(? AS text[]), "
      + "CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), "
      + "CAST(? AS text[])) AS u(s, t, f, r, o, a, d, e)";

  /**
   * Reads the line of the row {@code rows} is on, from the columns of {@link #ROW} starting at {@code first}: a
   * format 4 row's body with its columns, an older row's whole line.
   *
   * @throws LedgerStoreException if the row does not read as an event of {@code scheme}
   */
  static JournalFormat.Line line(ResultSet rows, int first, SchemeId scheme) throws SQLException {
    long sequence = rows.getLong(first + 2);
    try {
      String request = rows.getString(first + 4);
      String operation = rows.getString(first + 5);
      JournalFormat.Line line = JournalFormat.readRow(rows.getInt(first), rows.getString(first + 1), sequence,
          scheme, FamilyId.of(rows.getString(first + 3)), request == null ? null : RequestId.of(request),
          operation == null ? null : OperationId.of(operation), rows.getString(first + 6));
      if (!line.scheme().equals(scheme)) {
        throw new LedgerStoreException("a row of scheme '" + scheme + "' holds an event of another scheme", null);
      }
      if (line.event().sequence() != sequence) {
        throw new LedgerStoreException("row " + sequence + " holds event " + line.event().sequence(), null);
      }
      return line;
    } catch (IllegalArgumentException e) {
      throw new LedgerStoreException("row " + sequence + " of scheme '" + scheme + "' does not read as an event: "
          + e.getMessage(), e);
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
