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
 * order, each line's {@code previous} the digest of the line before. Reading checks what a journal must be: every
 * line one event of the same scheme, numbered 1, 2, 3 ... without gaps, and the chain unbroken; a problem names
 * the line number and the field.
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
   * Writes a journal's events from its first, one format 4 line each, each line ending in a line feed, chained from
   * {@link JournalFormat#GENESIS}.
   *
   * @param scheme the scheme the events belong to, not null
   * @param events the events, in sequence order from event 1, not null
   * @param out where to write, not null; not closed
   * @throws NullPointerException if an argument or an event is null
   * @throws IllegalArgumentException if the events do not run from event 1 without gaps
   * @throws UncheckedIOException if writing fails
   */
  public static void write(SchemeId scheme, List<LedgerEvent> events, Writer out) {
    requireNonNull(scheme, "scheme");
    requireNonNull(events, "events");
    requireNonNull(out, "out");
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).sequence() != i + 1) {
        throw new IllegalArgumentException("events must run from event 1 without gaps, but event "
            + events.get(i).sequence() + " is at position " + (i + 1));
      }
    }
    try {
      String previous = JournalFormat.GENESIS;
      for (LedgerEvent event : events) {
        String line = JournalFormat.write(scheme, event, previous);
        out.write(line);
        out.write('\n');
        previous = JournalFormat.digest(line);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the journal", e);
    }
  }

  /**
   * Writes lines as a store keeps them, each in its canonical form ({@link JournalFormat.Line#canonical()}), so
   * that an exported journal has the digests its store recorded.
   *
   * @param lines the lines, in sequence order, not null
   * @param out where to write, not null; not closed
   * @throws NullPointerException if an argument or a line is null
   * @throws UncheckedIOException if writing fails
   */
  public static void writeLines(List<JournalFormat.Line> lines, Writer out) {
    requireNonNull(lines, "lines");
    requireNonNull(out, "out");
    try {
      for (JournalFormat.Line line : lines) {
        out.write(line.canonical());
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
   * Reads a journal, checking that every line is an event of {@code scheme}, numbered from 1 without gaps, and that
   * each format 4 line's {@code previous} is the digest of the line before (or {@link JournalFormat#GENESIS} for
   * the first format 4 line).
   *
   * @param scheme the scheme the journal must belong to, not null
   * @param in the journal, not null; not closed
   * @return the events, in order, not null
   * @throws NullPointerException if an argument is null
   * @throws JournalFormatException if a line is not an event of a format this library reads, belongs to another
   *     scheme, is out of sequence, or does not follow the line before in the chain; the message starts with
   *     {@code line N: }
   * @throws UncheckedIOException if reading fails
   */
  public static List<LedgerEvent> read(SchemeId scheme, Reader in) {
    List<JournalFormat.Line> lines = readLines(scheme, in);
    List<LedgerEvent> events = new ArrayList<>(lines.size());
    for (JournalFormat.Line line : lines) {
      events.add(line.event());
    }
    return List.copyOf(events);
  }

  /**
   * Reads a journal's lines, checked as {@link #read(SchemeId, Reader)} checks them.
   *
   * @param scheme the scheme the journal must belong to, not null
   * @param in the journal, not null; not closed
   * @return the lines, in order, not null
   * @throws NullPointerException if an argument is null
   * @throws JournalFormatException as {@link #read(SchemeId, Reader)} does
   * @throws UncheckedIOException if reading fails
   */
  public static List<JournalFormat.Line> readLines(SchemeId scheme, Reader in) {
    requireNonNull(scheme, "scheme");
    BufferedReader lines = new BufferedReader(requireNonNull(in, "in"));
    List<JournalFormat.Line> read = new ArrayList<>();
    String expected = JournalFormat.GENESIS;
    try {
      int number = 0;
      for (String text = lines.readLine(); text != null; text = lines.readLine()) {
        number++;
        if (text.isBlank()) {
          continue;
        }
        JournalFormat.Line line;
        try {
          line = JournalFormat.read(text);
        } catch (JournalFormatException e) {
          throw new JournalFormatException(e.jsonPath(), "line " + number + ": " + e.getMessage()
              .substring(e.jsonPath().length() + 2), e);
        }
        if (!line.scheme().equals(scheme)) {
          throw new JournalFormatException("$.scheme", "line " + number + ": the event belongs to scheme '"
              + line.scheme() + "', not '" + scheme + "'", null);
        }
        long sequence = read.size() + 1L;
        if (line.event().sequence() != sequence) {
          throw new JournalFormatException("$.sequence", "line " + number + ": event " + line.event().sequence()
              + " where event " + sequence + " belongs", null);
        }
        if (line.isChained()) {
          if (!line.previous().orElseThrow().equals(expected)) {
            throw new JournalFormatException("$.previous", "line " + number + ": is not the digest of the line "
                + "before it: the journal was changed, reordered or cut there", null);
          }
          expected = JournalFormat.digest(line.canonical());
        } else if (!expected.equals(JournalFormat.GENESIS)) {
          throw new JournalFormatException("$.format", "line " + number + ": is of an older format than the "
              + "chained line before it", null);
        }
        read.add(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the journal", e);
    }
    return List.copyOf(read);
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
