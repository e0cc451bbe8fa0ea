package org.devolvedbudgets.examples.scenario;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;

/**
 * A JSON object or value with its path in the file, for reading with messages that say where a problem is.
 * Immutable; thread-safe if its node is not changed.
 */
final class JsonNodes {

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

  ScenarioFileException problem(String problem) {
    return new ScenarioFileException(file, path, problem, null);
  }

  ScenarioFileException problem(String field, String problem, Throwable cause) {
    return new ScenarioFileException(file, path + "." + field, problem, cause);
  }

  JsonNodes requireObject() {
    if (!node.isObject()) {
      throw problem("must be an object, but was " + kind(node));
    }
    return this;
  }

  /** Rejects fields other than {@code known}, so a misspelt field is not silently ignored. */
  JsonNodes onlyFields(String... known) {
    requireObject();
    Set<String> allowed = Set.of(known);
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new ScenarioFileException(file, path + "." + name, "unknown field; expected one of "
            + Arrays.stream(known).sorted().toList(), null);
      }
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
      throw new ScenarioFileException(file, path + "." + field, "is required", null);
    }
    return new JsonNodes(file, path + "." + field, node.get(field));
  }

  Optional<JsonNodes> optional(String field) {
    return has(field) ? Optional.of(child(field)) : Optional.empty();
  }

  List<JsonNodes> array(String field) {
    JsonNodes array = child(field);
    if (!array.node.isArray()) {
      throw array.problem("must be an array, but was " + kind(array.node));
    }
    List<JsonNodes> items = new ArrayList<>();
    for (int i = 0; i < array.node.size(); i++) {
      items.add(new JsonNodes(file, array.path + "[" + i + "]", array.node.get(i)));
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

  boolean bool(String field) {
    JsonNodes value = child(field);
    if (!value.node.isBoolean()) {
      throw value.problem("must be true or false, but was " + kind(value.node));
    }
    return value.node.booleanValue();
  }

  long integer(String field, long min, long max) {
    JsonNodes value = child(field);
    if (!value.node.isIntegralNumber() || !value.node.canConvertToLong()) {
      throw value.problem("must be a whole number, but was " + kind(value.node));
    }
    long number = value.node.longValue();
    if (number < min || number > max) {
      throw value.problem("must be " + min + " to " + max + ", but was " + number);
    }
    return number;
  }

  /** Parses the string at {@code field}, turning the parser's exception into a problem at that path. */
  <T> T parse(String field, String expected, Function<String, T> parser) {
    return child(field).parse(expected, parser);
  }

  <T> T parse(String expected, Function<String, T> parser) {
    String text = text();
    try {
      return parser.apply(text);
    } catch (RuntimeException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new ScenarioFileException(file, path, "must be " + expected + ", but was '" + text + "' ("
          + reason + ")", e);
    }
  }

  Money money(String field) {
    return parse(field, "an amount such as \"GBP 12.50\"", Money::parse);
  }

  LocalDate date(String field) {
    return parse(field, "a date such as \"2019-04-01\"", LocalDate::parse);
  }

  Duration duration(String field) {
    return parse(field, "an ISO-8601 duration such as \"P14D\" or \"PT2H\"", Duration::parse);
  }

  /** A time in Europe/London ({@code 2019-06-03T10:00}) or with an offset ({@code 2019-06-03T09:00Z}). */
  Instant instant(String field) {
    return parse(field, "a date and time such as \"2019-06-03T10:00\" (Europe/London)", JsonNodes::toInstant);
  }

  static Instant toInstant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(text).atZone(BudgetPeriod.ZONE).toInstant();
    }
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
          + ", but was '" + text + "'", e);
    }
  }

  private static String kind(JsonNode node) {
    switch (node.getNodeType()) {
      case ARRAY:
        return "an array";
      case OBJECT:
        return "an object";
      case STRING:
        return "the string '" + node.textValue() + "'";
      case NUMBER:
        return "the number " + node.asText();
      case BOOLEAN:
        return node.asText();
      default:
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
  }
}
