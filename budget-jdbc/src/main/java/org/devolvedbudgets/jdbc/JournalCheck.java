package org.devolvedbudgets.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.devolvedbudgets.json.journal.JournalFormat;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.model.text.SafeText;
import org.devolvedbudgets.rules.ledger.LedgerEvent;
import org.devolvedbudgets.rules.ledger.LedgerStoreException;
import org.jspecify.annotations.Nullable;

/**
 * Proves a journal kept in a database is the one the library wrote: every row read from the table itself (never
 * a snapshot), its line rebuilt in canonical form, and checked against the chain ({@code JOURNAL.md}, "The
 * chain"), its own {@code digest} column and the columns it is looked up by; and, given a head kept elsewhere, that
 * nothing up to it was changed or removed since.
 *
 * <pre>{@code
 * JournalCheck.Head head = JournalCheck.head(dataSource, schemeId).orElseThrow();   // keep it somewhere safe
 * List<JournalCheck.Problem> problems = JournalCheck.check(dataSource, schemeId, head);
 * }</pre>
 *
 * <p>What it finds is a list of {@link Problem}s, each with a stable {@link Code}, the sequence and a message that
 * names columns and sequences, never a value of the journal. It does not fold the events into balances; a ledger's
 * {@code verifyJournal()} does that, and {@code budget journal verify} runs both.
 *
 * <p>Stateless and thread-safe.
 */
public final class JournalCheck {

  /** Rows read at a time. */
  private static final int PAGE = 10_000;

  private JournalCheck() {}

  /** What is wrong with a journal. Stable codes: never renamed or reused. */
  public enum Code {
    /** A row does not read as an event of the scheme in its format. */
    UNREADABLE,
    /** A sequence is missing: the journal jumps from one event to a later one. */
    SEQUENCE_GAP,
    /** A row's {@code previous} is not the digest of the row before it: a row was changed, copied or removed. */
    CHAIN_BROKEN,
    /** A row's {@code digest} column is not the digest of its own line: it, or its line, was changed. */
    DIGEST_MISMATCH,
    /** A column a row is looked up by ({@code type}, {@code family_id}, ...) says other than its line does. */
    COLUMN_MISMATCH,
    /** A row of an earlier format follows a chained one: rows of format 4 and later are never followed by older. */
    FORMAT_WENT_BACK,
    /** The journal ends before the head's sequence: events were removed from its end. */
    HEAD_NOT_FOUND,
    /** The row at the head's sequence has another digest: it, or a row before it, was changed. */
    HEAD_MISMATCH
  }

  /**
   * One thing wrong with a journal.
   *
   * @param code what is wrong, not null
   * @param sequence the row it was found at, 1 or more
   * @param message the details: columns and sequences, never a value, not null
   */
  public record Problem(Code code, long sequence, String message) {

    /**
     * Checks the components.
     *
     * @param code the code component
     * @param sequence the sequence component
     * @param message the message component
     * @throws NullPointerException if a component is null
     */
    public Problem {
      requireNonNull(code, "code");
      requireNonNull(message, "message");
    }

    /**
     * Returns a line to print: {@code [CODE] event N: message}.
     *
     * @return the text form, not null
     */
    @Override
    public String toString() {
      return "[" + code + "] event " + sequence + ": " + message;
    }
  }

  /**
   * A journal's head: its last event's sequence and digest, printed as {@code SEQUENCE:DIGEST}. Kept somewhere the
   * database's administrators cannot change, it proves later that nothing up to it was changed or removed.
   *
   * @param sequence the last event's sequence, 1 or more
   * @param digest its line's digest, 64 lowercase hexadecimal digits
   */
  public record Head(long sequence, String digest) {

    /**
     * Checks the components.
     *
     * @param sequence the sequence component
     * @param digest the digest component
     * @throws NullPointerException if {@code digest} is null
     * @throws IllegalArgumentException if {@code sequence} is below 1 or {@code digest} is not a digest
     */
    public Head {
      if (sequence < 1) {
        throw new IllegalArgumentException("sequence must be at least 1, but was " + sequence);
      }
      requireNonNull(digest, "digest");
      if (!JournalFormat.isDigest(digest)) {
        throw new IllegalArgumentException("digest must be 64 lowercase hexadecimal digits, but has "
            + digest.length() + " characters");
      }
    }

    /**
     * Reads a head as {@link #toString()} writes it: {@code SEQUENCE:DIGEST}.
     *
     * @param text the head, not null
     * @return the head, not null
     * @throws NullPointerException if {@code text} is null
     * @throws IllegalArgumentException if it is not a sequence, a colon and a digest (quoted as an escaped
     *     excerpt)
     */
    public static Head parse(String text) {
      requireNonNull(text, "text");
      int colon = text.indexOf(':');
      try {
        return new Head(Long.parseLong(text.substring(0, Math.max(0, colon))), text.substring(colon + 1));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("a head must be SEQUENCE:DIGEST, such as 1042:3f9a... (64 hexadecimal "
            + "digits), but was " + SafeText.excerpt(text), e);
      }
    }

    /**
     * Returns {@code SEQUENCE:DIGEST}.
     *
     * @return the text form, not null
     */
    @Override
    public String toString() {
      return sequence + ":" + digest;
    }
  }

  /**
   * Returns the journal's head: its last row's sequence and digest.
   *
   * @param dataSource connects to the journal's database, not null
   * @param scheme the scheme, not null
   * @return the head; empty if the journal is empty or its last row is of a format before the chain, not null
   * @throws NullPointerException if an argument is null
   * @throws LedgerStoreException if the database failed
   */
  public static Optional<Head> head(DataSource dataSource, SchemeId scheme) {
    requireNonNull(dataSource, "dataSource");
    requireNonNull(scheme, "scheme");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT sequence, digest FROM budget_journal "
            + "WHERE scheme_id = ? ORDER BY sequence DESC LIMIT 1")) {
      select.setString(1, scheme.value());
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next() || rows.getString(2) == null) {
          return Optional.empty();
        }
        return Optional.of(new Head(rows.getLong(1), rows.getString(2)));
      }
    } catch (SQLException e) {
      throw new LedgerStoreException("could not read the journal's head (SQL state " + e.getSQLState() + ")", e);
    }
  }

  /**
   * Checks a journal, row by row, and (when given) against a head kept elsewhere.
   *
   * @param dataSource connects to the journal's database, not null
   * @param scheme the scheme, not null
   * @param head the head to prove, or null
   * @return every problem found, in sequence order; empty when the journal is sound, not null
   * @throws NullPointerException if {@code dataSource} or {@code scheme} is null
   * @throws LedgerStoreException if the database failed
   */
  public static List<Problem> check(DataSource dataSource, SchemeId scheme, @Nullable Head head) {
    requireNonNull(dataSource, "dataSource");
    requireNonNull(scheme, "scheme");
    Walk walk = new Walk(scheme, head);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT digest, recorded_at, " + JdbcLedgerStore.ROW
            + " FROM budget_journal WHERE scheme_id = ? AND sequence > ? ORDER BY sequence LIMIT " + PAGE)) {
      select.setString(1, scheme.value());
      for (long after = 0; ; ) {
        select.setLong(2, after);
        int read = 0;
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            after = walk.row(rows);
            read++;
          }
        }
        if (read < PAGE) {
          break;
        }
      }
    } catch (SQLException e) {
      throw new LedgerStoreException("could not read the journal (SQL state " + e.getSQLState() + ")", e);
    }
    walk.finish();
    return List.copyOf(walk.problems);
  }

  /** The walk along the rows: what the next row must chain to, and what was found. Not thread-safe. */
  private static final class Walk {
    final SchemeId scheme;
    final @Nullable Head head;
    final List<Problem> problems = new ArrayList<>();
    long last;
    String expected = JournalFormat.GENESIS;
    boolean chained;
    boolean headSeen;

    Walk(SchemeId scheme, @Nullable Head head) {
      this.scheme = scheme;
      this.head = head;
    }

    /** Checks one row (columns: digest, recorded_at, then {@link JdbcLedgerStore#ROW}); returns its sequence. */
    long row(ResultSet rows) throws SQLException {
      String digest = rows.getString(1);
      long sequence = rows.getLong(5);
      if (sequence != last + 1) {
        problems.add(new Problem(Code.SEQUENCE_GAP, sequence, "event " + sequence + " follows event " + last
            + (sequence == last + 2 ? ": event " + (last + 1) + " is missing" : sequence > last + 2 ? ": events "
                + (last + 1) + " to " + (sequence - 1) + " are missing" : "")));
        chained = chained || digest != null;
      }
      last = sequence;
      JournalFormat.Line line;
      try {
        line = JdbcLedgerStore.line(rows, 3, scheme);
      } catch (LedgerStoreException e) {
        problems.add(new Problem(Code.UNREADABLE, sequence, String.valueOf(e.getMessage())));
        expected = digest != null ? digest : expected; // go on from what the row says it was
        return sequence;
      }
      columns(rows, line.event(), sequence);
      String actual = line.isChained() ? JournalFormat.digest(line.canonical()) : null;
      if (line.isChained()) {
        if (!line.previous().orElseThrow().equals(expected)) {
          problems.add(new Problem(Code.CHAIN_BROKEN, sequence, "its previous is not the digest of event "
              + (sequence - 1) + (sequence == 1 ? " (the chain's start)" : "") + ": a row before it, or this one, "
              + "was changed, copied or removed"));
        }
        if (!Objects.equals(actual, digest)) {
          problems.add(new Problem(Code.DIGEST_MISMATCH, sequence, "its digest column is not the digest of its "
              + "line: the row was changed"));
        }
        chained = true;
        expected = Objects.requireNonNull(actual);
      } else if (chained) {
        problems.add(new Problem(Code.FORMAT_WENT_BACK, sequence, "it is of format " + rows.getInt(3)
            + ", after a row of format " + JournalFormat.FORMAT));
      }
      if (head != null && sequence == head.sequence()) {
        headSeen = true;
        if (!head.digest().equals(actual)) {
          problems.add(new Problem(Code.HEAD_MISMATCH, sequence, "its digest is not the head's: it, or a row "
              + "before it, was changed since the head was taken"));
        }
      }
      return sequence;
    }

    /** Checks the columns a row is looked up by against its line. */
    private void columns(ResultSet rows, LedgerEvent event, long sequence) throws SQLException {
      List<String> differ = new ArrayList<>(2);
      if (!JournalFormat.typeOf(event).equals(rows.getString(4))) {
        differ.add("type");
      }
      if (!event.familyId().value().equals(rows.getString(6))) {
        differ.add("family_id");
      }
      String request = event instanceof LedgerEvent.RequestEvent
          ? ((LedgerEvent.RequestEvent) event).requestId().value() : null;
      if (!Objects.equals(request, rows.getString(7))) {
        differ.add("request_id");
      }
      if (!Objects.equals(event.operationId().map(id -> id.value()).orElse(null), rows.getString(8))) {
        differ.add("operation_id");
      }
      if (!event.recordedAt().truncatedTo(ChronoUnit.MICROS).equals(recordedAt(rows).truncatedTo(
          ChronoUnit.MICROS))) {
        differ.add("recorded_at");
      }
      if (!differ.isEmpty()) {
        problems.add(new Problem(Code.COLUMN_MISMATCH, sequence, "its " + String.join(", ", differ)
            + (differ.size() == 1 ? " column says" : " columns say") + " other than its line"));
      }
    }

    /** The recorded_at column: ISO-8601 text in SQLite, a timestamp with time zone in PostgreSQL. */
    private static Instant recordedAt(ResultSet rows) throws SQLException {
      Object value = rows.getObject(2);
      if (value instanceof String) {
        try {
          return Instant.parse((String) value);
        } catch (java.time.format.DateTimeParseException e) {
          return Instant.EPOCH;
        }
      }
      OffsetDateTime time = rows.getObject(2, OffsetDateTime.class);
      return time == null ? Instant.EPOCH : time.toInstant();
    }

    void finish() {
      if (head != null && !headSeen) {
        problems.add(new Problem(Code.HEAD_NOT_FOUND, head.sequence(), "the journal ends at event " + last
            + ", before the head's event " + head.sequence() + ": events were removed from its end"));
      }
    }
  }
}
