package org.devolvedbudgets.json.journal;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.rules.ledger.LedgerEvent;

/**
 * Journal files: a scheme's events in the {@link JournalFormat}, one per line (JSON Lines, UTF-8), in sequence
 * order. Reading checks what a journal must be: every line one event of the same scheme, numbered 1, 2, 3 ...
 * without gaps; a problem names the line number and the field.
 *
 * <pre>{@code
 * JournalFiles.write(wigan.schemeId(), ledger.store().readAll(), Path.of("wigan.journal.jsonl"));
 * List<LedgerEvent> events = JournalFiles.read(wigan.schemeId(), Path.of("wigan.journal.jsonl"));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class JournalFiles {

  private JournalFiles() {}

  /**
   * Writes events, one line each, each line ending in a line feed.
   *
   * @param scheme the scheme the events belong to, not null
   * @param events the events, in sequence order, not null
   * @param out where to write, not null; not closed
   * @throws NullPointerException if an argument or an event is null
   * @throws IllegalArgumentException if the events are not numbered on from the first without gaps
   * @throws UncheckedIOException if writing fails
   */
  public static void write(SchemeId scheme, List<LedgerEvent> events, Writer out) {
    requireNonNull(scheme, "scheme");
    requireNonNull(events, "events");
    requireNonNull(out, "out");
    for (int i = 1; i < events.size(); i++) {
      if (events.get(i).sequence() != events.get(i - 1).sequence() + 1) {
        throw new IllegalArgumentException("events must be numbered without gaps, but event "
            + events.get(i).sequence() + " follows " + events.get(i - 1).sequence());
      }
    }
    try {
      for (LedgerEvent event : events) {
        out.write(JournalFormat.write(scheme, event));
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the journal", e);
    }
  }

  /**
   * Writes events to a file, replacing it.
   *
   * @param scheme the scheme the events belong to, not null
   * @param events the events, in sequence order, not null
   * @param file the file, not null
   * @throws NullPointerException if an argument is null
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(SchemeId scheme, List<LedgerEvent> events, Path file) {
    try (BufferedWriter out = Files.newBufferedWriter(requireNonNull(file, "file"), StandardCharsets.UTF_8)) {
      write(scheme, events, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the journal", e);
    }
  }

  /**
   * Reads a journal, checking that every line is an event of {@code scheme}, numbered from 1 without gaps.
   *
   * @param scheme the scheme the journal must belong to, not null
   * @param in the journal, not null; not closed
   * @return the events, in order, not null
   * @throws NullPointerException if an argument is null
   * @throws JournalFormatException if a line is not an event of a format this library reads, belongs to another
   *     scheme, or is out of sequence; the message starts with {@code line N: }
   * @throws UncheckedIOException if reading fails
   */
  public static List<LedgerEvent> read(SchemeId scheme, Reader in) {
    requireNonNull(scheme, "scheme");
    BufferedReader lines = new BufferedReader(requireNonNull(in, "in"));
    List<LedgerEvent> events = new ArrayList<>();
    try {
      int number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JournalFormat.Line read;
        try {
          read = JournalFormat.read(line);
        } catch (JournalFormatException e) {
          throw new JournalFormatException(e.jsonPath(), "line " + number + ": " + e.getMessage()
              .substring(e.jsonPath().length() + 2), e);
        }
        if (!read.scheme().equals(scheme)) {
          throw new JournalFormatException("$.scheme", "line " + number + ": the event belongs to scheme '"
              + read.scheme() + "', not '" + scheme + "'", null);
        }
        long expected = events.size() + 1L;
        if (read.event().sequence() != expected) {
          throw new JournalFormatException("$.sequence", "line " + number + ": event " + read.event().sequence()
              + " where event " + expected + " belongs", null);
        }
        events.add(read.event());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the journal", e);
    }
    return List.copyOf(events);
  }

  /**
   * Reads a journal file ({@link #read(SchemeId, Reader)}).
   *
   * @param scheme the scheme the journal must belong to, not null
   * @param file the file, not null
   * @return the events, in order, not null
   * @throws NullPointerException if an argument is null
   * @throws JournalFormatException if a line is not an event of {@code scheme} in sequence
   * @throws UncheckedIOException if the file cannot be read
   */
  public static List<LedgerEvent> read(SchemeId scheme, Path file) {
    try (Reader in = Files.newBufferedReader(requireNonNull(file, "file"), StandardCharsets.UTF_8)) {
      return read(scheme, in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the journal", e);
    }
  }
}
