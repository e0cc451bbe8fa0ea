package org.devolvedbudgets.json.read;

import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.devolvedbudgets.model.id.Identifier;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.LondonTime;
import org.devolvedbudgets.model.text.SafeText;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A value in a {@link JsonDocument} with its JSON path, for reading with problems that say where they are and
 * never repeat an identifier or free text: a bad identifier is described by the library's own message (its length
 * and the position of its bad character), any other bad value by a short escaped excerpt
 * ({@link SafeText#excerpt}), and a string of the wrong kind only by its length. A field name the format does not
 * know appears in a path only if it is a plain word ({@code .name}); any other is described by its length.
 *
 * <p>Every reading method throws a {@link FileReadException} with one coded problem at this value's path (or its
 * field's). This class is immutable, and thread-safe if its document's tree is not changed.
 */
public final class JsonValue {

  /** A field name that reads safely in a path as {@code .name}; any other is written {@code [...]}. */
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");

  private final JsonDocument document;
  private final JsonNode node;
  /** Where this value is, built from its parent's the first time it is asked for (most never are). */
  private final @Nullable JsonValue parent;
  private final @Nullable String field;
  private final int index;
  private @Nullable String path; // a benign race: every thread computes the same string

  JsonValue(JsonDocument document, String path, JsonNode node) {
    this.document = document;
    this.path = path;
    this.node = node;
    this.parent = null;
    this.field = null;
    this.index = -1;
  }

  /** A field's value ({@code field} not null) or an array's item ({@code index}), its path made when needed. */
  private JsonValue(JsonValue parent, @Nullable String field, int index, JsonNode node) {
    this.document = parent.document;
    this.node = node;
    this.parent = parent;
    this.field = field;
    this.index = index;
  }

  /**
   * Returns the JSON path of this value, such as {@code $.versions[1].allowances[0]}.
   *
   * @return the path, not null
   */
  public String path() {
    String known = path;
    if (known == null) {
      JsonValue above = java.util.Objects.requireNonNull(parent);
      known = field != null ? above.pathOf(field) : above.path() + "[" + index + "]";
      path = known;
    }
    return known;
  }

  /**
   * Returns the document this value is in.
   *
   * @return the document, not null
   */
  public JsonDocument document() {
    return document;
  }

  /**
   * Returns the underlying Jackson node, for callers that need to look further.
   *
   * @return the node, not null
   */
  public JsonNode node() {
    return node;
  }

  /**
   * Returns a problem at this value, to throw.
   *
   * @param code what kind of problem, not {@code CONFIGURATION}, not null
   * @param message what is wrong, never quoting free text, not null
   * @return the exception, not null
   */
  public FileReadException problem(FileProblemCode code, String message) {
    return problem(code, message, null);
  }

  private FileReadException problem(FileProblemCode code, String message, @Nullable Throwable cause) {
    return new FileReadException(document.name(), List.of(FileProblem.of(code, path(), message)
        .at(document.locationOf(path()))), cause);
  }

  /**
   * Returns the path of a field of this object: {@code .name} for a plain word; any other name is described only
   * by its length, since a field the format does not know might be anything, a person's name included.
   *
   * @param field the field's name, not null
   * @return the path, not null
   */
  public String pathOf(String field) {
    return fieldPath(path(), field);
  }

  /**
   * Returns the path of a field whose name is organisational (an allowance's name), quoted as an escaped excerpt
   * when it is not a plain word.
   *
   * @param field the field's name, not null
   * @return the path, not null
   */
  public String namedPathOf(String field) {
    return path() + (PLAIN_NAME.matcher(field).matches() ? "." + field : "[" + SafeText.excerpt(field) + "]");
  }

  /**
   * Returns the path of a field under {@code parent}, as {@link #pathOf} writes it.
   *
   * @param parent the parent's path, not null
   * @param field the field's name, not null
   * @return the path, not null
   */
  public static String fieldPath(String parent, String field) {
    return parent + (PLAIN_NAME.matcher(field).matches() ? "." + field : "[a field name of " + field.length()
        + " characters]");
  }

  /**
   * Returns a field's name for a message: itself, quoted, if a plain word; otherwise only its length.
   *
   * @param field the field's name, not null
   * @return the description, not null
   */
  public static String fieldName(String field) {
    return PLAIN_NAME.matcher(field).matches() ? "'" + field + "'" : "a field name of " + field.length()
        + " characters";
  }

  /**
   * Checks that this value is an object.
   *
   * @return this value
   * @throws FileReadException ({@code WRONG_TYPE}) if it is not
   */
  public JsonValue requireObject() {
    if (!node.isObject()) {
      throw problem(FileProblemCode.WRONG_TYPE, "must be an object, but was " + kind(node));
    }
    return this;
  }

  /**
   * Checks that this object has no fields but {@code known}, reporting every other at once, so a misspelt field
   * is never ignored.
   *
   * @param known the fields the format knows, not null
   * @return this value
   * @throws FileReadException ({@code WRONG_TYPE}) if not an object, ({@code UNKNOWN_FIELD}) for each unknown field
   */
  public JsonValue onlyFields(String... known) {
    requireObject();
    List<FileProblem> unknown = new ArrayList<>(0);
    for (String name : node.propertyNames()) {
      if (!isOneOf(name, known)) {
        String at = pathOf(name);
        unknown.add(FileProblem.of(FileProblemCode.UNKNOWN_FIELD, at, "unknown field; expected one of "
            + Arrays.stream(known).sorted().toList()).at(document.locationOf(at)));
      }
    }
    if (!unknown.isEmpty()) {
      throw new FileReadException(document.name(), unknown, null);
    }
    return this;
  }

  /**
   * Checks that this object has no fields but {@code known}, keeping a problem for each other field in
   * {@code problems} and reading on: so the rest of the object is still checked, and every problem is reported at
   * once.
   *
   * @param problems where the unknown fields' problems go, not null
   * @param known the fields the format knows, not null
   * @return true if every field is known
   * @throws FileReadException ({@code WRONG_TYPE}) if this is not an object
   */
  public boolean checkFields(ProblemCollector problems, String... known) {
    requireNonNull(problems, "problems");
    try {
      onlyFields(known);
      return true;
    } catch (FileReadException e) {
      if (!node.isObject()) {
        throw e;
      }
      problems.add(e);
      return false;
    }
  }

  /**
   * Returns this object's field names, in the file's order.
   *
   * @return the names, not null
   * @throws FileReadException ({@code WRONG_TYPE}) if not an object
   */
  public List<String> fieldNames() {
    requireObject();
    return List.copyOf(node.propertyNames());
  }

  /**
   * Returns whether this object has a field that is not null.
   *
   * @param field the field's name, not null
   * @return true if present and not null
   */
  public boolean has(String field) {
    return node.has(field) && !node.get(field).isNull();
  }

  /**
   * Returns a required field.
   *
   * @param field the field's name, not null
   * @return the field's value, not null
   * @throws FileReadException ({@code MISSING_FIELD}) if it is missing or null
   */
  public JsonValue child(String field) {
    if (!has(field)) {
      String at = pathOf(field);
      throw new FileReadException(document.name(), List.of(FileProblem.of(FileProblemCode.MISSING_FIELD, at,
          "is required").at(document.locationOf(at))), null);
    }
    return new JsonValue(this, field, -1, node.get(field));
  }

  /** Whether a name is one of a few: a scan, which for the handful of fields an object has beats hashing them. */
  private static boolean isOneOf(String name, String[] known) {
    for (String candidate : known) {
      if (candidate.equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns a required field whose name is organisational, such as an allowance's name, with the path
   * {@link #namedPathOf} writes.
   *
   * @param field the field's name, not null
   * @return the field's value, not null
   * @throws FileReadException ({@code MISSING_FIELD}) if it is missing or null
   */
  public JsonValue namedChild(String field) {
    return new JsonValue(document, namedPathOf(field), child(field).node);
  }

  /**
   * Returns a field if present.
   *
   * @param field the field's name, not null
   * @return the field's value, or empty if missing or null; not null
   */
  public Optional<JsonValue> optional(String field) {
    return has(field) ? Optional.of(child(field)) : Optional.empty();
  }

  /**
   * Returns the elements of a required array field.
   *
   * @param field the field's name, not null
   * @return the elements, not null
   * @throws FileReadException if the field is missing or not an array
   */
  public List<JsonValue> array(String field) {
    return child(field).items();
  }

  /**
   * Returns the elements of this array.
   *
   * @return the elements, with their paths, not null
   * @throws FileReadException ({@code WRONG_TYPE}) if this is not an array
   */
  public List<JsonValue> items() {
    if (!node.isArray()) {
      throw problem(FileProblemCode.WRONG_TYPE, "must be an array, but was " + kind(node));
    }
    List<JsonValue> items = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      items.add(new JsonValue(this, null, i, node.get(i)));
    }
    return items;
  }

  /**
   * Returns the elements of an array field, or none if it is missing.
   *
   * @param field the field's name, not null
   * @return the elements, not null
   * @throws FileReadException if the field is present and not an array
   */
  public List<JsonValue> optionalArray(String field) {
    return has(field) ? array(field) : List.of();
  }

  /**
   * Returns this string.
   *
   * @return the text, not null
   * @throws FileReadException ({@code WRONG_TYPE}) if this is not a string
   */
  public String text() {
    if (!node.isString()) {
      throw problem(FileProblemCode.WRONG_TYPE, "must be a string, but was " + kind(node));
    }
    return node.stringValue();
  }

  /**
   * Returns a required string field.
   *
   * @param field the field's name, not null
   * @return the text, not null
   * @throws FileReadException if missing or not a string
   */
  public String text(String field) {
    return child(field).text();
  }

  /**
   * Returns free text for people, such as a name: 1 to {@code max} characters, not blank, none unsafe to print.
   *
   * @param field the field's name, not null
   * @param max the most characters allowed, 1 or more
   * @return the text, not null
   * @throws FileReadException if missing, not a string ({@code WRONG_TYPE}), or not such text ({@code BAD_VALUE})
   */
  public String title(String field, int max) {
    JsonValue value = child(field);
    String text = value.text();
    int unsafe = SafeText.indexOfUnsafe(text);
    if (text.isBlank() || text.length() > max || unsafe >= 0) {
      throw value.problem(FileProblemCode.BAD_VALUE, "must be 1 to " + max + " characters, not blank, without "
          + "control or bidirectional characters, but was " + text.length() + " characters"
          + (unsafe < 0 ? "" : String.format(" with U+%04X at index %d", (int) text.charAt(unsafe), unsafe)));
    }
    return text;
  }

  /**
   * Returns a required boolean field.
   *
   * @param field the field's name, not null
   * @return the value
   * @throws FileReadException if missing or not {@code true} or {@code false} ({@code WRONG_TYPE})
   */
  public boolean bool(String field) {
    JsonValue value = child(field);
    if (!value.node.isBoolean()) {
      throw value.problem(FileProblemCode.WRONG_TYPE, "must be true or false, but was " + kind(value.node));
    }
    return value.node.booleanValue();
  }

  /**
   * Returns a required whole-number field within a range.
   *
   * @param field the field's name, not null
   * @param min the least allowed
   * @param max the most allowed
   * @return the number
   * @throws FileReadException if missing, not a whole number ({@code WRONG_TYPE}) or out of range
   *     ({@code BAD_VALUE})
   */
  public long integer(String field, long min, long max) {
    return child(field).integer(min, max);
  }

  /**
   * Returns this whole number, within a range.
   *
   * @param min the least allowed
   * @param max the most allowed
   * @return the number
   * @throws FileReadException if not a whole number ({@code WRONG_TYPE}) or out of range ({@code BAD_VALUE})
   */
  public long integer(long min, long max) {
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw problem(FileProblemCode.WRONG_TYPE, "must be a whole number, but was " + kind(node));
    }
    long number = node.longValue();
    if (number < min || number > max) {
      throw problem(FileProblemCode.BAD_VALUE, "must be " + min + " to " + max + ", but was " + number);
    }
    return number;
  }

  /**
   * Parses a required string field, turning the parser's exception into a problem at that field.
   *
   * @param <T> what is parsed
   * @param field the field's name, not null
   * @param code the code of a value the parser rejects, not null
   * @param expected what the value should be, for the message, such as {@code "a date such as \"2019-04-01\""}
   * @param parser the parser, not null
   * @return the parsed value, not null
   * @throws FileReadException if missing, not a string, or rejected
   */
  public <T> T parse(String field, FileProblemCode code, String expected, Function<String, T> parser) {
    return child(field).parse(code, expected, parser);
  }

  /**
   * Parses this string. A rejected value is quoted as a short escaped excerpt, with the parser's reason unless
   * that reason might repeat the input (the JDK's date and time parsers quote their input whole).
   *
   * @param <T> what is parsed
   * @param code the code of a value the parser rejects, not null
   * @param expected what the value should be, for the message, not null
   * @param parser the parser, not null
   * @return the parsed value, not null
   * @throws FileReadException if not a string, or rejected
   */
  public <T> T parse(FileProblemCode code, String expected, Function<String, T> parser) {
    String text = text();
    try {
      return parser.apply(text);
    } catch (RuntimeException e) {
      String reason = e instanceof DateTimeException || e.getMessage() == null ? ""
          : " (" + SafeText.escapeUnsafe(e.getMessage()) + ")";
      throw problem(code, "must be " + expected + ", but was " + SafeText.excerpt(text)
          + reason, e);
    }
  }

  /**
   * Parses a required identifier field: the library's message says what is wrong without repeating the value.
   *
   * @param <T> the identifier type
   * @param field the field's name, not null
   * @param kind what the identifier is, for the message, such as {@code "a team id"}
   * @param factory the identifier's factory, such as {@code TeamId::of}
   * @return the identifier, not null
   * @throws FileReadException if missing, not a string, or not a valid identifier ({@code BAD_IDENTIFIER})
   */
  public <T extends Identifier<T>> T identifier(String field, String kind, Function<String, T> factory) {
    return child(field).identifier(kind, factory);
  }

  /**
   * Parses this identifier.
   *
   * @param <T> the identifier type
   * @param kind what the identifier is, for the message, not null
   * @param factory the identifier's factory, not null
   * @return the identifier, not null
   * @throws FileReadException if not a string, or not a valid identifier ({@code BAD_IDENTIFIER})
   */
  public <T extends Identifier<T>> T identifier(String kind, Function<String, T> factory) {
    String text = text();
    try {
      return factory.apply(text);
    } catch (IllegalArgumentException e) {
      throw problem(FileProblemCode.BAD_IDENTIFIER, "must be " + kind + " (1 to "
          + Identifier.MAX_LENGTH + " letters, digits and - _ . :): " + e.getMessage(), e);
    }
  }

  /**
   * Parses the name of one of this object's fields as an identifier, as a map keyed by ids (such as children's
   * shares) needs; a bad one is a problem at that field, described without repeating it.
   *
   * @param <T> the identifier type
   * @param field the field's name, not null
   * @param kind what the identifier is, for the message, not null
   * @param factory the identifier's factory, not null
   * @return the identifier, not null
   * @throws FileReadException ({@code BAD_IDENTIFIER}) if the name is not a valid identifier
   */
  public <T extends Identifier<T>> T fieldNameAsIdentifier(String field, String kind, Function<String, T> factory) {
    requireNonNull(field, "field");
    try {
      return factory.apply(field);
    } catch (IllegalArgumentException e) {
      String at = pathOf(field);
      FileReadException problem = new FileReadException(document.name(), List.of(FileProblem.of(
          FileProblemCode.BAD_IDENTIFIER, at, "must be " + kind + " (1 to " + Identifier.MAX_LENGTH
              + " letters, digits and - _ . :): " + e.getMessage()).at(document.locationOf(at))), e);
      throw problem;
    }
  }

  /**
   * Returns a required amount field, such as {@code "GBP 12.50"}.
   *
   * @param field the field's name, not null
   * @return the amount, not null
   * @throws FileReadException if missing, not a string, or not an amount ({@code BAD_AMOUNT})
   */
  public Money money(String field) {
    return child(field).money();
  }

  /**
   * Returns this amount, such as {@code "GBP 12.50"}.
   *
   * @return the amount, not null
   * @throws FileReadException if not a string, or not an amount ({@code BAD_AMOUNT})
   */
  public Money money() {
    return parse(FileProblemCode.BAD_AMOUNT, "an amount such as \"GBP 12.50\"", Money::parse);
  }

  /**
   * Returns a required date field, such as {@code "2019-04-01"}, within the dates the library supports.
   *
   * @param field the field's name, not null
   * @return the date, not null
   * @throws FileReadException if missing, not a string, or not such a date ({@code BAD_DATE})
   */
  public LocalDate date(String field) {
    return child(field).date();
  }

  /**
   * Returns this date, such as {@code "2019-04-01"}, within the dates the library supports.
   *
   * @return the date, not null
   * @throws FileReadException if not a string, or not such a date ({@code BAD_DATE})
   */
  public LocalDate date() {
    return parse(FileProblemCode.BAD_DATE, "a date such as \"2019-04-01\"",
        text -> LondonTime.checkDate("date", LocalDate.parse(text)));
  }

  /**
   * Returns a required ISO-8601 duration field, such as {@code "P15D"}.
   *
   * @param field the field's name, not null
   * @return the duration, not null
   * @throws FileReadException if missing, not a string, or not a duration ({@code BAD_VALUE})
   */
  public Duration duration(String field) {
    return parse(field, FileProblemCode.BAD_VALUE, "an ISO-8601 duration such as \"P15D\" or \"PT2H\"",
        Duration::parse);
  }

  /**
   * Returns a required time field: in Europe/London ({@code 2019-06-03T10:00}) or with an offset
   * ({@code 2019-06-03T09:00Z}), within the dates the library supports.
   *
   * @param field the field's name, not null
   * @return the instant, not null
   * @throws FileReadException if missing, not a string, or not such a time ({@code BAD_DATE})
   */
  public Instant instant(String field) {
    return parse(field, FileProblemCode.BAD_DATE, "a date and time such as \"2019-06-03T10:00\" (Europe/London)",
        JsonValue::toInstant);
  }

  /**
   * Parses a time in Europe/London ({@code 2019-06-03T10:00}) or with an offset ({@code 2019-06-03T09:00Z}).
   *
   * @param text the text, not null
   * @return the instant, not null
   * @throws DateTimeException if the text is neither, or outside the dates the library supports
   */
  public static Instant toInstant(String text) {
    Instant instant;
    try {
      instant = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      instant = LocalDateTime.parse(text).atZone(LondonTime.ZONE).toInstant();
    }
    try {
      return LondonTime.checkInstant("time", instant);
    } catch (IllegalArgumentException e) {
      throw new DateTimeException(e.getMessage(), e);
    }
  }

  /**
   * Returns a required enum field, its constant's name in any case, {@code -} for {@code _}.
   *
   * @param <E> the enum
   * @param field the field's name, not null
   * @param type the enum's class, not null
   * @return the constant, not null
   * @throws FileReadException if missing, not a string, or no constant ({@code BAD_VALUE})
   */
  public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
    return child(field).enumValue(type);
  }

  /**
   * Returns this enum constant, its name in any case, {@code -} for {@code _}.
   *
   * @param <E> the enum
   * @param type the enum's class, not null
   * @return the constant, not null
   * @throws FileReadException if not a string, or no constant ({@code BAD_VALUE})
   */
  public <E extends Enum<E>> E enumValue(Class<E> type) {
    requireNonNull(type, "type");
    String text = text();
    try {
      return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw problem(FileProblemCode.BAD_VALUE, "must be one of "
          + Arrays.toString(type.getEnumConstants()) + ", but was " + SafeText.excerpt(text), e);
    }
  }

  /**
   * Returns a required enum field, read leniently ({@link #enumValue(String, Class)}) or exactly: the constant's
   * name as written, as a format that is a contract (scheme files, which the JSON Schema describes) requires.
   *
   * @param <E> the enum
   * @param field the field's name, not null
   * @param type the enum's class, not null
   * @param exact whether only the constant's exact name is accepted
   * @return the constant, not null
   * @throws FileReadException if missing, not a string, or no constant ({@code BAD_VALUE})
   */
  public <E extends Enum<E>> E enumValue(String field, Class<E> type, boolean exact) {
    return child(field).enumValue(type, exact);
  }

  /**
   * Returns this enum constant, read leniently ({@link #enumValue(Class)}) or exactly.
   *
   * @param <E> the enum
   * @param type the enum's class, not null
   * @param exact whether only the constant's exact name is accepted
   * @return the constant, not null
   * @throws FileReadException if not a string, or no constant ({@code BAD_VALUE})
   */
  public <E extends Enum<E>> E enumValue(Class<E> type, boolean exact) {
    E value = enumValue(type);
    if (exact && !value.name().equals(node.stringValue())) {
      throw problem(FileProblemCode.BAD_VALUE, "must be written " + value.name() + " exactly, but was "
          + SafeText.excerpt(node.stringValue()));
    }
    return value;
  }

  /** What a value is, for a message: a string only by its length, since it might be a name. */
  private static String kind(JsonNode node) {
    switch (node.getNodeType()) {
      case ARRAY:
        return "an array";
      case OBJECT:
        return "an object";
      case STRING:
        return "a string of " + node.stringValue().length() + " characters";
      case NUMBER:
        return "the number " + SafeText.excerpt(node.asString());
      case BOOLEAN:
        return node.asString();
      default:
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
  }
}
