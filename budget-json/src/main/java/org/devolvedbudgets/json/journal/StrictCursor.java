package org.devolvedbudgets.json.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;
import org.devolvedbudgets.json.read.JsonDocument;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.text.SafeText;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A strict walk over one JSON object with Jackson's streaming parser, token by token, as the journal's format 4
 * reader needs it: every value of the kind expected, no field twice, nothing after the object, and the same limits
 * as every other file the library reads. A problem is a {@link JournalFormatException} naming the JSON path;
 * values are never quoted whole. Why not the tree reader that scheme and scenario files use: a journal is read a
 * million lines at a time when a ledger starts, and building a tree for each line cost about four times the parse.
 *
 * <p>Not thread-safe: one cursor reads one line.
 */
final class StrictCursor implements AutoCloseable {

  private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(JsonDocument.MAX_DEPTH)
              .maxNumberLength(JsonDocument.MAX_NUMBER_LENGTH)
              .maxStringLength(JsonDocument.MAX_STRING_LENGTH)
              .maxNameLength(JsonDocument.MAX_STRING_LENGTH)
              .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build())
      .build();

  private final JsonParser parser;

  StrictCursor(String text) {
    try {
      this.parser = JSON.createParser(text);
    } catch (JacksonException e) {
      throw malformed("$", e);
    }
  }

  /** Moves into the object that must come next at {@code path}. */
  void startObject(String path) {
    if (next(path) != JsonToken.START_OBJECT) {
      throw new JournalFormatException(path, "must be an object", null);
    }
  }

  /** The next field's name in the current object, or null when the object ends. */
  @Nullable String nextName(String path) {
    JsonToken token = next(path);
    if (token == JsonToken.END_OBJECT) {
      return null;
    }
    if (token != JsonToken.PROPERTY_NAME) {
      throw new JournalFormatException(path, "is not well-formed JSON", null);
    }
    return parser.currentName();
  }

  /** Moves into the array that must come next at {@code path}. */
  void startArray(String path) {
    if (next(path) != JsonToken.START_ARRAY) {
      throw new JournalFormatException(path, "must be an array", null);
    }
  }

  /**
   * Moves to the next element of the current array: true if there is one (its first token is current, to be read
   * with the {@code current...} methods or {@link #objectHere}), false at the array's end.
   */
  boolean nextElement(String path) {
    return next(path) != JsonToken.END_ARRAY;
  }

  /** Checks that the current token, an array's element, starts an object. */
  void objectHere(String path) {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw new JournalFormatException(path, "must be an object", null);
    }
  }

  /** The string that must come next. */
  String string(String path) {
    next(path);
    return currentString(path);
  }

  /** The current token, which must be a string. */
  String currentString(String path) {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw new JournalFormatException(path, "must be a string", null);
    }
    return parser.getString();
  }

  /** The whole number that must come next, from {@code min} to {@code max}. */
  long integer(String path, long min, long max) {
    if (next(path) != JsonToken.VALUE_NUMBER_INT) {
      throw new JournalFormatException(path, "must be a whole number", null);
    }
    long value;
    try {
      value = parser.getLongValue();
    } catch (JacksonException e) {
      throw new JournalFormatException(path, "must be a whole number from " + min + " to " + max, null);
    }
    if (value < min || value > max) {
      throw new JournalFormatException(path, "must be a whole number from " + min + " to " + max + ", but was "
          + value, null);
    }
    return value;
  }

  /** The boolean that must come next. */
  boolean bool(String path) {
    JsonToken token = next(path);
    if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
      throw new JournalFormatException(path, "must be true or false", null);
    }
    return token == JsonToken.VALUE_TRUE;
  }

  /** Checks that nothing follows the object just read. */
  void end() {
    JsonToken after;
    try {
      after = parser.nextToken();
    } catch (JacksonException e) {
      throw malformed("$", e);
    }
    if (after != null) {
      throw new JournalFormatException("$", "holds more than one JSON value", null);
    }
  }

  @Override
  public void close() {
    parser.close();
  }

  private @Nullable JsonToken next(String path) {
    try {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw new JournalFormatException(path, "is missing: the line ends first", null);
      }
      return token;
    } catch (JacksonException e) {
      throw malformed(path, e);
    }
  }

  private static JournalFormatException malformed(String path, JacksonException e) {
    String message = String.valueOf(e.getOriginalMessage());
    if (e instanceof StreamReadException && message.startsWith("Duplicate Object property")) {
      // Named in the path when it is a plain word, as every field of the format is; never quoted otherwise.
      int open = message.indexOf('"');
      int close = message.indexOf('"', open + 1);
      String name = open >= 0 && close > open ? message.substring(open + 1, close) : "";
      boolean word = !name.isEmpty() && name.length() <= 40 && name.chars().allMatch(Character::isLetterOrDigit);
      return new JournalFormatException(word ? path + "." + name : path, "is given twice", e);
    }
    if (message.contains("exceeds the maximum")) {
      return new JournalFormatException(path, "is longer or deeper than a journal line may be", e);
    }
    return new JournalFormatException(path, "is not well-formed JSON", e);
  }

  // ------------------------------------------------------------------------------------------------- values

  static Money money(String path, String text) {
    try {
      return Money.parse(text);
    } catch (IllegalArgumentException e) {
      throw new JournalFormatException(path, "must be an amount such as \"GBP 12.50\", but was "
          + SafeText.excerpt(text), null);
    }
  }

  static Instant instant(String path, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new JournalFormatException(path, "must be an ISO-8601 instant such as \"2019-06-03T09:15:00Z\", but was "
          + SafeText.excerpt(text), null);
    }
  }

  static LocalDate date(String path, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new JournalFormatException(path, "must be a date such as \"2019-06-03\", but was "
          + SafeText.excerpt(text), null);
    }
  }

  /** An identifier, made by {@code of}; a bad one is described by the model's message, which never repeats it. */
  static <T> T identifier(String path, String what, String text, Function<String, T> of) {
    try {
      return of.apply(text);
    } catch (IllegalArgumentException e) {
      throw new JournalFormatException(path, "must be " + what + ": " + SafeText.escapeUnsafe(
          String.valueOf(e.getMessage())), null);
    }
  }

  /** An enum constant, by its exact name. */
  static <E extends Enum<E>> E constant(String path, String text, Class<E> type) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(text)) {
        return constant;
      }
    }
    throw new JournalFormatException(path, "must be one of " + Arrays.toString(type.getEnumConstants())
        + ", but was " + SafeText.excerpt(text), null);
  }

  /** Something else parsed from text, with what it must look like when it does not parse. */
  static <T> T parsed(String path, String what, String text, Function<String, T> parse) {
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      throw new JournalFormatException(path, "must be " + what + ", but was " + SafeText.excerpt(text), null);
    }
  }
}
