package org.devolvedbudgets.json.journal;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.OperationId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.rules.ledger.LedgerEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The journal format: every {@link LedgerEvent} as one JSON object on one line, so a journal file is JSON Lines,
 * each line bound to the one before it by a digest. {@code JOURNAL.md} in the repository documents every field of
 * every type, and the chain.
 *
 * <p><b>The chain.</b> Each format 4 line carries {@code previous}: the SHA-256, in lowercase hexadecimal, of the
 * previous line's canonical form ({@link #digest}); the first line's is {@link #GENESIS}. The canonical form of a
 * line is exactly what {@link #write} returns: UTF-8, no white space, fields in a fixed order (the fields a
 * database store keeps in columns, then the rest, {@code previous} last), empty and default values left out. So a journal cannot be edited, reordered or cut in the middle without every later line's
 * {@code previous} failing to match, and someone holding the last line's digest (its <em>head</em>) can tell when
 * lines were removed from the end. The chain starts at the first format 4 line: a journal begun in an earlier format
 * has {@link #GENESIS} as the {@code previous} of its first format 4 line.
 *
 * <p>The format is a contract: other people's systems read it, and a journal kept for audit outlives any release.
 * A journal written by any released version is read by every later one (golden files in the tests prove it); a
 * change that would alter what a line means is a new format version. Reading is strict: an unknown field, a
 * missing one, a wrong type or a value the model refuses is a {@link JournalFormatException} naming the field,
 * never quoting free text (the journal holds none: a request is recorded without its description).
 *
 * <p>{@link #write} and {@link #read} are exact inverses. Stateless and thread-safe.
 */
public final class JournalFormat {

  /**
   * The journal format version this library writes, and the newest it reads: 4. Format 2 added the caller's
   * {@code operationId} to the events of approvals, rejections, payments, voids, refunds and allocations, and the
   * approver's {@code team} to {@code Approved}; format 3 added the {@code EvidenceReceived} and {@code Repaid}
   * events, a request's {@code repayment} and a finding's {@code overdueEvidence}; format 4 added the chain
   * ({@code previous}) and stopped writing what the line already says or what is empty. Lines of formats 1 to 3
   * are still read.
   */
  public static final int FORMAT = 4;

  /** The {@code previous} of a chain's first line: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  /** The longest line read: 64 KiB, far above any event's. */
  public static final int MAX_LINE_LENGTH = 64 * 1024;

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final HexFormat HEX = HexFormat.of();

  private JournalFormat() {}

  /**
   * One line of a journal read back: the scheme it belongs to, the event, and (from format 4) the digest of the line
   * before it.
   *
   * @param scheme the scheme the event was recorded in, not null
   * @param event the event, not null
   * @param previous the line's {@code previous}; empty for a line of format 1, 2 or 3, not null
   */
  public record Line(SchemeId scheme, LedgerEvent event, Optional<String> previous) {

    /**
     * Checks the components.
     *
     * @param scheme the scheme component
     * @param event the event component
     * @param previous the previous component
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code previous} is not a digest
     */
    public Line {
      requireNonNull(scheme, "scheme");
      requireNonNull(event, "event");
      requireNonNull(previous, "previous");
      previous.ifPresent(digest -> EventReader.digest("$.previous", digest));
    }

    /**
     * Returns whether the line is of format 4 or later, and so part of the chain.
     *
     * @return true if it carries a {@code previous}
     */
    public boolean isChained() {
      return previous.isPresent();
    }

    /**
     * Returns the line's canonical form: for a chained line, what {@link JournalFormat#write} gives, which its
     * digest is taken over; for an older line, the line in format 3.
     *
     * @return the line, without a line break, not null
     */
    public String canonical() {
      return previous.isPresent() ? write(scheme, event, previous.get()) : LegacyWriter.line(scheme, event);
    }
  }

  /**
   * Writes an event as one line of format 4, its canonical form, without a line break.
   *
   * @param scheme the scheme the event belongs to, not null
   * @param event the event, not null
   * @param previous the digest of the previous line's canonical form, or {@link #GENESIS} for the first, not null
   * @return the line, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a {@code Submitted} event names another scheme, or {@code previous} is not
   *     64 lowercase hexadecimal digits
   */
  public static String write(SchemeId scheme, LedgerEvent event, String previous) {
    requireNonNull(scheme, "scheme");
    requireNonNull(event, "event");
    checkDigest("previous", previous);
    return EventWriter.line(scheme, event, previous);
  }

  /**
   * Writes the body of a database row: the line of {@link #write} without the fields a store keeps in columns
   * beside it ({@code type}, {@code format}, {@code sequence}, {@code scheme}, {@code familyId},
   * {@code requestId}, {@code operationId}). {@link #readRow} puts them back.
   *
   * @param scheme the scheme the event belongs to, not null
   * @param event the event, not null
   * @param previous the digest of the previous line's canonical form, not null
   * @return the body, one JSON object, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #write} does
   */
  public static String body(SchemeId scheme, LedgerEvent event, String previous) {
    requireNonNull(scheme, "scheme");
    requireNonNull(event, "event");
    checkDigest("previous", previous);
    return EventWriter.body(scheme, event, previous);
  }

  /**
   * What a database store writes for an event: its row's body ({@link #body}) and the digest of its line, which the
   * next event's {@code previous} is and the row's own digest column holds.
   *
   * @param body the row's body, one JSON object, not null
   * @param digest the digest of the event's canonical line, not null
   */
  public record Row(String body, String digest) {

    /**
     * Checks the components.
     *
     * @param body the body component
     * @param digest the digest component
     * @throws NullPointerException if a component is null
     */
    public Row {
      requireNonNull(body, "body");
      requireNonNull(digest, "digest");
    }
  }

  /**
   * Encodes an event for a database row: its body and its line's digest, writing the event once.
   *
   * @param scheme the scheme the event belongs to, not null
   * @param event the event, not null
   * @param previous the digest of the previous line's canonical form, not null
   * @return the row's body and the line's digest, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #write} does
   */
  public static Row row(SchemeId scheme, LedgerEvent event, String previous) {
    String body = body(scheme, event, previous);
    return new Row(body, digest(EventWriter.withColumns(scheme, event, body)));
  }

  /**
   * Returns the digest of a line: the SHA-256 of its UTF-8 bytes, as 64 lowercase hexadecimal digits. For a line
   * {@link #write} made, this is what the next line's {@code previous} holds.
   *
   * @param line the line, without its line break, not null
   * @return the digest, not null
   * @throws NullPointerException if {@code line} is null
   */
  public static String digest(String line) {
    requireNonNull(line, "line");
    return HEX.formatHex(SHA_256.get().digest(line.getBytes(StandardCharsets.UTF_8)));
  }

  /** One digest a thread, made once: {@code MessageDigest.getInstance} looks the algorithm up each time. */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  });

  /**
   * Returns whether a text is a digest as the chain writes them: 64 lowercase hexadecimal digits.
   *
   * @param text the text, not null
   * @return true if it is one
   * @throws NullPointerException if {@code text} is null
   */
  public static boolean isDigest(String text) {
    requireNonNull(text, "text");
    if (text.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  private static void checkDigest(String name, String digest) {
    requireNonNull(digest, name);
    if (!isDigest(digest)) {
      throw new IllegalArgumentException(name + " must be 64 lowercase hexadecimal digits, but has "
          + digest.length() + " characters");
    }
  }

  /**
   * Returns the name an event's type has in the journal: its record's simple name, such as {@code "Posted"}.
   *
   * @param event the event, not null
   * @return the type's name, not null
   */
  public static String typeOf(LedgerEvent event) {
    return requireNonNull(event, "event").getClass().getSimpleName();
  }

  /**
   * Reads one line of a journal, of any format this library reads.
   *
   * @param line one JSON object, not null
   * @return the scheme, the event and, for format 4, the previous line's digest; not null
   * @throws NullPointerException if {@code line} is null
   * @throws JournalFormatException if the line is not one well-formed event of a format this library reads
   */
  public static Line read(String line) {
    requireNonNull(line, "line");
    if (line.length() > MAX_LINE_LENGTH) {
      throw new JournalFormatException("$", "a line is longer than " + MAX_LINE_LENGTH + " characters", null);
    }
    return formatOf(line) == FORMAT ? EventReader.line(line) : LegacyReader.read(line);
  }

  /**
   * Reads a database row: its body ({@link #body}) with the columns stored beside it, or, for a row written in
   * format 1, 2 or 3, the whole line it holds.
   *
   * @param format the row's format column, 1 to {@link #FORMAT}
   * @param type the row's type column, not null
   * @param sequence its sequence column, 1 or more
   * @param scheme its scheme column, not null
   * @param familyId its family column, not null
   * @param requestId its request column, null for an allocation
   * @param operationId its operation column, or null
   * @param body the row's JSON, not null
   * @return the line, not null
   * @throws NullPointerException if a required argument is null
   * @throws JournalFormatException if the body is not a well-formed event of its format
   */
  public static Line readRow(int format, String type, long sequence, SchemeId scheme, FamilyId familyId,
      @Nullable RequestId requestId, @Nullable OperationId operationId, String body) {
    requireNonNull(body, "body");
    if (format < FORMAT) {
      return read(body);
    }
    if (format > FORMAT) {
      throw new JournalFormatException("$.format", "is " + format + ", but this version of the library reads "
          + "journal format " + FORMAT + " (and older); read it with the library that wrote it", null);
    }
    if (body.length() > MAX_LINE_LENGTH) {
      throw new JournalFormatException("$", "a line is longer than " + MAX_LINE_LENGTH + " characters", null);
    }
    return EventReader.body(new EventReader.Columns(requireNonNull(type, "type"), sequence,
        requireNonNull(scheme, "scheme"), requireNonNull(familyId, "familyId"), requestId, operationId), body);
  }

  /**
   * The line's {@code format}, found without reading the rest: its first level's fields are skipped over until it
   * comes (it is the second in a canonical line). A line that is not a well-formed object, or has no whole-number
   * format, is handed to the older formats' reader, which says what is wrong in the words it always has.
   */
  private static int formatOf(String line) {
    try (JsonParser parser = JSON.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return 0;
      }
      for (String name = parser.nextName(); name != null; name = parser.nextName()) {
        JsonToken value = parser.nextToken();
        if (name.equals("format")) {
          return value == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : 0;
        }
        parser.skipChildren();
      }
      return 0;
    } catch (JacksonException e) {
      return 0;
    }
  }
}
