package org.devolvedbudgets.examples.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.devolvedbudgets.model.id.Identifier;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.LondonTime;
import org.devolvedbudgets.model.text.SafeText;

/**
 * A JSON object or value with its path in the file, for reading with messages that say where a problem is and
 * never repeat an identifier or free text: a bad identifier is described by the library's own message (its length
 * and the position of its bad character), any other bad value by a short escaped excerpt, and a string of the
 * wrong kind only by its length. Immutable; thread-safe if its node is not changed.
 */
final class JsonNodes {

  /** A field name that reads safely in a path as {@code .name}; any other is written {@code ['...']}. */
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");

  private final String file;
  private final String path;
  private final JsonNode node;

  JsonNodes(String file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  String path() {
    return path;
  }

  String file() {
    return file;
  }

  JsonNode node() {
    return node;
  }

  ScenarioFileException problem(String problem) {
    return new ScenarioFileException(file, path, problem, null);
  }

  ScenarioFileException problem(String field, String problem, Throwable cause) {
    return new ScenarioFileException(file, pathOf(field), problem, cause);
  }

  /**
   * The path of a field of this object: {@code .name} for a plain word; any other name is described only by its
   * length, since a field the format does not know might be anything, a person's name included.
   */
  String pathOf(String field) {
    return fieldPath(path, field);
  }

  /** The path of a field whose name is an allowance's name: organisational, so quoted as an escaped excerpt. */
  String namedPathOf(String field) {
    return path + (PLAIN_NAME.matcher(field).matches() ? "." + field : "[" + SafeText.excerpt(field) + "]");
  }

  /** The path of a field under {@code parent}, as {@link #pathOf} writes it. */
  static String fieldPath(String parent, String field) {
    return parent + (PLAIN_NAME.matcher(field).matches() ? "." + field : "[a field name of " + field.length()
        + " characters]");
  }

  /** A field's name for a message: itself if a plain word, otherwise only its length. */
  static String fieldName(String field) {
    return PLAIN_NAME.matcher(field).matches() ? "'" + field + "'" : "a field name of " + field.length()
        + " characters";
  }

  JsonNodes requireObject() {
    if (!node.isObject()) {
      throw problem("must be an object, but was " + kind(node));
    }
    return this;
  }

  /** Rejects fields other than {@code known}, every one at once, so a misspelt field is never ignored. */
  JsonNodes onlyFields(String... known) {
    requireObject();
    Set<String> allowed = Set.of(known);
    List<ScenarioFileException.Problem> unknown = new ArrayList<>();
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        unknown.add(new ScenarioFileException.Problem(pathOf(name), "unknown field; expected one of "
            + Arrays.stream(known).sorted().toList()));
      }
    }
    if (!unknown.isEmpty()) {
      throw new ScenarioFileException(file, unknown, null);
    }
    return this;
  }

  List<String> fieldNames() {
    requireObject();
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  boolean has(String field) {
    return node.has(field) && !node.get(field).isNull();
  }

  JsonNodes child(String field) {
    if (!has(field)) {
      throw new ScenarioFileException(file, pathOf(field), "is required", null);
    }
    return new JsonNodes(file, pathOf(field), node.get(field));
  }

  Optional<JsonNodes> optional(String field) {
    return has(field) ? Optional.of(child(field)) : Optional.empty();
  }

  List<JsonNodes> array(String field) {
    return child(field).items();
  }

  /** The elements of this array. */
  List<JsonNodes> items() {
    if (!node.isArray()) {
      throw problem("must be an array, but was " + kind(node));
    }
    List<JsonNodes> items = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      items.add(new JsonNodes(file, path + "[" + i + "]", node.get(i)));
    }
    return items;
  }

  List<JsonNodes> optionalArray(String field) {
    return has(field) ? array(field) : List.of();
  }

  String text() {
    if (!node.isTextual()) {
      throw problem("must be a string, but was " + kind(node));
    }
    return node.textValue();
  }

  String text(String field) {
    return child(field).text();
  }

  /** Free text for people, such as a title: 1 to {@code max} characters, none of them unsafe to print. */
  String title(String field, int max) {
    JsonNodes value = child(field);
    String text = value.text();
    int unsafe = SafeText.indexOfUnsafe(text);
    if (text.isBlank() || text.length() > max || unsafe >= 0) {
      throw value.problem("must be 1 to " + max + " characters, not blank, without control or bidirectional "
          + "characters, but was " + text.length() + " characters"
          + (unsafe < 0 ? "" : String.format(" with U+%04X at index %d", (int) text.charAt(unsafe), unsafe)));
    }
    return text;
  }

  boolean bool(String field) {
    JsonNodes value = child(field);
    if (!value.node.isBoolean()) {
      throw value.problem("must be true or false, but was " + kind(value.node));
    }
    return value.node.booleanValue();
  }

  long integer(String field, long min, long max) {
    return child(field).integer(min, max);
  }

  long integer(long min, long max) {
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw problem("must be a whole number, but was " + kind(node));
    }
    long number = node.longValue();
    if (number < min || number > max) {
      throw problem("must be " + min + " to " + max + ", but was " + number);
    }
    return number;
  }

  /** Parses the string at {@code field}, turning the parser's exception into a problem at that path. */
  <T> T parse(String field, String expected, Function<String, T> parser) {
    return child(field).parse(expected, parser);
  }

  /**
   * Parses this string. A rejected value is quoted as a short escaped excerpt, with the parser's reason unless
   * that reason might repeat the input (the JDK's date and time parsers quote their input whole).
   */
  <T> T parse(String expected, Function<String, T> parser) {
    String text = text();
    try {
      return parser.apply(text);
    } catch (RuntimeException e) {
      String reason = e instanceof DateTimeException || e.getMessage() == null ? ""
          : " (" + SafeText.escapeUnsafe(e.getMessage()) + ")";
      throw new ScenarioFileException(file, path, "must be " + expected + ", but was " + SafeText.excerpt(text)
          + reason, e);
    }
  }

  /** Parses an identifier: the library's message says what is wrong without repeating the value. */
  <T extends Identifier<T>> T identifier(String field, String kind, Function<String, T> factory) {
    return child(field).identifier(kind, factory);
  }

  <T extends Identifier<T>> T identifier(String kind, Function<String, T> factory) {
    String text = text();
    try {
      return factory.apply(text);
    } catch (IllegalArgumentException e) {
      throw new ScenarioFileException(file, path, "must be " + kind + " (1 to " + Identifier.MAX_LENGTH
          + " letters, digits and - _ . :): " + e.getMessage(), e);
    }
  }

  Money money(String field) {
    return parse(field, "an amount such as \"GBP 12.50\"", Money::parse);
  }

  Money money() {
    return parse("an amount such as \"GBP 12.50\"", Money::parse);
  }

  LocalDate date(String field) {
    return parse(field, "a date such as \"2019-04-01\"",
        text -> LondonTime.checkDate("date", LocalDate.parse(text)));
  }

  Duration duration(String field) {
    return parse(field, "an ISO-8601 duration such as \"P15D\" or \"PT2H\"", Duration::parse);
  }

  /** A time in Europe/London ({@code 2019-06-03T10:00}) or with an offset ({@code 2019-06-03T09:00Z}). */
  Instant instant(String field) {
    return parse(field, "a date and time such as \"2019-06-03T10:00\" (Europe/London)", JsonNodes::toInstant);
  }

  static Instant toInstant(String text) {
    Instant instant;
    try {
      instant = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      instant = LocalDateTime.parse(text).atZone(LondonTime.ZONE).toInstant();
    }
    return LondonTime.checkInstant("time", instant);
  }

  <E extends Enum<E>> E enumValue(String field, Class<E> type) {
    return child(field).enumValue(type);
  }

  <E extends Enum<E>> E enumValue(Class<E> type) {
    String text = text();
    try {
      return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new ScenarioFileException(file, path, "must be one of " + Arrays.toString(type.getEnumConstants())
          + ", but was " + SafeText.excerpt(text), e);
    }
  }

  /** What a value is, for a message: a string only by its length, since it might be a name. */
  private static String kind(JsonNode node) {
    switch (node.getNodeType()) {
      case ARRAY:
        return "an array";
      case OBJECT:
        return "an object";
      case STRING:
        return "a string of " + node.textValue().length() + " characters";
      case NUMBER:
        return "the number " + SafeText.excerpt(node.asText());
      case BOOLEAN:
        return node.asText();
      default:
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
  }
}
