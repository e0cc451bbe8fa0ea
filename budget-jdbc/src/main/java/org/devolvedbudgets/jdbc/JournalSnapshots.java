package org.devolvedbudgets.jdbc;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.CRC32C;
import org.devolvedbudgets.json.journal.JournalFormat;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.rules.ledger.LedgerEvent;
import org.devolvedbudgets.rules.ledger.LedgerStoreException;
import org.jspecify.annotations.Nullable;

/**
 * Writing and reading snapshots of one scheme's journal: its first events, in chunks of {@link #EVENTS_PER_CHUNK}
 * in the compact {@link SnapshotFormat}, in the tables of schema version 2.
 *
 * <p><b>Checked before use.</b> The newest snapshot is used only if all of these hold; otherwise it is ignored,
 * with a warning on the {@link System.Logger} named after {@link JdbcLedgerStore} that says which check failed,
 * and the journal is read instead:
 * <ul>
 *   <li>it is in the format this library reads, and its chunks run from sequence 1 without gap or overlap to the
 *       snapshot's last sequence;
 *   <li>each chunk's bytes have the CRC-32C recorded beside them, and decode to the number of events recorded;
 *   <li>the last event of every chunk equals, field for field, the journal's own row of that sequence decoded
 *       from JSON: so a snapshot of another journal, of a journal restored from an older backup, or written by a
 *       faulty encoder, is refused.
 * </ul>
 * A snapshot is always written from the journal's rows, never from an older snapshot, so a fault cannot be
 * copied forward.
 *
 * <p>Stateless; thread-safe.
 */
final class JournalSnapshots {

  /** The most events a chunk holds: a chunk decodes in a few milliseconds and takes about a megabyte. */
  static final int EVENTS_PER_CHUNK = 10_000;

  private static final System.Logger LOG = System.getLogger(JdbcLedgerStore.class.getName());

  private JournalSnapshots() {}

  /** One chunk as stored. */
  record Chunk(int number, long firstSequence, int events, long crc32c, byte[] body) {}

  /** The CRC-32C of a chunk's bytes. */
  static long crc(byte[] body) {
    CRC32C crc = new CRC32C();
    crc.update(body);
    return crc.getValue();
  }

  /** Encodes a page of the journal as a chunk. */
  static Chunk chunk(int number, List<LedgerEvent> events) {
    byte[] body = SnapshotFormat.encode(events);
    return new Chunk(number, events.get(0).sequence(), events.size(), crc(body), body);
  }

  /**
   * Stores a snapshot of the chunks, in one transaction, in place of the scheme's snapshots of as many events or
   * fewer. Returns false if another writer stored a snapshot ending at the same sequence meanwhile (as good).
   */
  static boolean write(Connection connection, Dialect dialect, SchemeId scheme, List<Chunk> chunks)
      throws SQLException {
    Chunk last = chunks.get(chunks.size() - 1);
    long lastSequence = last.firstSequence() + last.events() - 1;
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      // Older snapshots, and one of the same length (perhaps damaged), make way.
      for (String table : new String[] {"budget_snapshot_chunk", "budget_snapshot"}) {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
            + " WHERE scheme_id = ? AND last_sequence <= ?")) {
          delete.setString(1, scheme.value());
          delete.setLong(2, lastSequence);
          delete.executeUpdate();
        }
      }
      try (PreparedStatement header = connection.prepareStatement("INSERT INTO budget_snapshot (scheme_id, "
          + "last_sequence, format, chunks, written_at, last_digest) VALUES (?, ?, ?, ?, " + dialect.timeParameter()
          + ", ?)")) {
        header.setString(1, scheme.value());
        header.setLong(2, lastSequence);
        header.setInt(3, SnapshotFormat.FORMAT);
        header.setInt(4, chunks.size());
        header.setString(5, Instant.now().toString());
        header.setString(6, digestOf(connection, scheme, lastSequence));
        header.executeUpdate();
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO budget_snapshot_chunk (scheme_id, "
          + "last_sequence, chunk, first_sequence, events, crc32c, body) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        for (Chunk chunk : chunks) {
          insert.setString(1, scheme.value());
          insert.setLong(2, lastSequence);
          insert.setInt(3, chunk.number());
          insert.setLong(4, chunk.firstSequence());
          insert.setInt(5, chunk.events());
          insert.setLong(6, chunk.crc32c());
          insert.setBytes(7, chunk.body());
          insert.executeUpdate();
        }
      }
      connection.commit();
      return true;
    } catch (SQLException e) {
      connection.rollback();
      if (dialect.isDuplicateKey(e)) {
        return false;
      }
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /**
   * Reads the scheme's newest snapshot and checks it against the journal: its events in pages of a chunk each, or
   * null if there is none or it fails a check.
   */
  static @Nullable List<List<LedgerEvent>> readChecked(Connection connection, Dialect dialect, SchemeId scheme)
      throws SQLException {
    long lastSequence;
    int format;
    int chunkCount;
    String lastDigest;
    try (PreparedStatement header = connection.prepareStatement("SELECT last_sequence, format, chunks, last_digest "
        + "FROM budget_snapshot WHERE scheme_id = ? ORDER BY last_sequence DESC LIMIT 1")) {
      header.setString(1, scheme.value());
      try (ResultSet rows = header.executeQuery()) {
        if (!rows.next()) {
          return null;
        }
        lastSequence = rows.getLong(1);
        format = rows.getInt(2);
        chunkCount = rows.getInt(3);
        lastDigest = rows.getString(4);
      }
    }
    if (lastDigest != null && !lastDigest.equals(digestOf(connection, scheme, lastSequence))) {
      return ignored(lastSequence, "the journal's event " + lastSequence + " does not have the digest it had when "
          + "the snapshot was written: the journal was rewritten since");
    }
    if (format != SnapshotFormat.FORMAT) {
      return ignored(lastSequence, "it is in snapshot format " + format + ", and this library reads format "
          + SnapshotFormat.FORMAT);
    }
    List<Chunk> chunks = new ArrayList<>(chunkCount);
    boolean autoCommit = connection.getAutoCommit();
    if (dialect == Dialect.POSTGRESQL) {
      connection.setAutoCommit(false); // so that the driver fetches the chunks a few at a time
    }
    try (PreparedStatement select = connection.prepareStatement("SELECT chunk, first_sequence, events, crc32c, "
        + "body FROM budget_snapshot_chunk WHERE scheme_id = ? AND last_sequence = ? ORDER BY chunk")) {
      select.setString(1, scheme.value());
      select.setLong(2, lastSequence);
      select.setFetchSize(4);
      try (ResultSet rows = select.executeQuery()) {
        long next = 1;
        while (rows.next()) {
          Chunk chunk = new Chunk(rows.getInt(1), rows.getLong(2), rows.getInt(3), rows.getLong(4),
              rows.getBytes(5));
          if (chunk.number() != chunks.size() || chunk.firstSequence() != next) {
            return ignored(lastSequence, "chunk " + chunk.number() + " starts at event " + chunk.firstSequence()
                + ", where chunk " + chunks.size() + " starting at event " + next + " was expected");
          }
          if (crc(chunk.body()) != chunk.crc32c()) {
            return ignored(lastSequence, "chunk " + chunk.number() + " does not have the CRC-32C recorded for it");
          }
          chunks.add(chunk);
          next += chunk.events();
        }
        if (chunks.size() != chunkCount || next != lastSequence + 1) {
          return ignored(lastSequence, "its chunks hold events 1 to " + (next - 1) + " in " + chunks.size()
              + " chunk(s), not 1 to " + lastSequence + " in " + chunkCount);
        }
      }
    } finally {
      if (dialect == Dialect.POSTGRESQL) {
        connection.commit();
        connection.setAutoCommit(autoCommit);
      }
    }
    // Chunks decode independently: on as many cores as the common pool lends, as the caller waits anyway.
    List<Decoded> decoded = chunks.parallelStream().map(chunk -> decode(chunk, scheme))
        .collect(Collectors.toList());
    List<List<LedgerEvent>> pages = new ArrayList<>(chunks.size());
    for (Decoded page : decoded) {
      if (page.fault() != null) {
        return ignored(lastSequence, page.fault());
      }
      pages.add(page.events());
    }
    String disagreement = disagreement(connection, scheme, pages);
    return disagreement == null ? pages : ignored(lastSequence, disagreement);
  }

  /** A chunk's events, or what is wrong with it (then the events are empty). */
  private record Decoded(List<LedgerEvent> events, @Nullable String fault) {}

  private static Decoded decode(Chunk chunk, SchemeId scheme) {
    try {
      List<LedgerEvent> events = SnapshotFormat.decode(chunk.body(), scheme);
      return events.size() == chunk.events() ? new Decoded(List.copyOf(events), null) : new Decoded(List.of(),
          "chunk " + chunk.number() + " holds " + events.size() + " events, not " + chunk.events());
    } catch (SnapshotFormat.BadChunkException e) {
      return new Decoded(List.of(), "chunk " + chunk.number() + ": " + e.getMessage());
    }
  }

  /** Compares each page's last event with the journal's row of that sequence; the first difference, or null. */
  private static @Nullable String disagreement(Connection connection, SchemeId scheme,
      List<List<LedgerEvent>> pages) throws SQLException {
    Map<Long, LedgerEvent> ends = new HashMap<>();
    for (List<LedgerEvent> page : pages) {
      LedgerEvent end = page.get(page.size() - 1);
      ends.put(end.sequence(), end);
    }
    List<Long> sequences = new ArrayList<>(ends.keySet());
    int found = 0;
    for (int from = 0; from < sequences.size(); from += JdbcLedgerStore.ROWS_PER_INSERT) {
      List<Long> batch = sequences.subList(from, Math.min(sequences.size(), from + JdbcLedgerStore.ROWS_PER_INSERT));
      String in = "?" + ", ?".repeat(batch.size() - 1);
      try (PreparedStatement select = connection.prepareStatement("SELECT " + JdbcLedgerStore.ROW
          + " FROM budget_journal WHERE scheme_id = ? AND sequence IN (" + in + ")")) {
        select.setString(1, scheme.value());
        for (int i = 0; i < batch.size(); i++) {
          select.setLong(i + 2, batch.get(i));
        }
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            long sequence = rows.getLong(3);
            JournalFormat.Line line;
            try {
              line = JdbcLedgerStore.line(rows, 1, scheme);
            } catch (LedgerStoreException e) {
              return "the journal's event " + sequence + " does not read: " + e.getMessage();
            }
            if (!line.scheme().equals(scheme) || !line.event().equals(ends.get(sequence))) {
              return "its event " + sequence + " differs from the journal's";
            }
            found++;
          }
        }
      }
    }
    return found == sequences.size() ? null : "the journal lacks " + (sequences.size() - found) + " of the "
        + "events its chunks end at: it is shorter than the snapshot, or another journal";
  }

  /** The digest column of the journal's row at {@code sequence}, or null (no such row, or a row of format 1 to 3). */
  static @Nullable String digestOf(Connection connection, SchemeId scheme, long sequence) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT digest FROM budget_journal WHERE "
        + "scheme_id = ? AND sequence = ?")) {
      select.setString(1, scheme.value());
      select.setLong(2, sequence);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  private static @Nullable List<List<LedgerEvent>> ignored(long lastSequence, String why) {
    LOG.log(Level.WARNING, "The journal's snapshot up to event " + lastSequence + " is not used, and the journal is "
        + "read instead: " + why);
    return null;
  }
}
