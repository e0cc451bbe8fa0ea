package org.devolvedbudgets.json.read;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON (or YAML) document read strictly, with the line and column of every value in it. Strict means: at most
 * {@value #MAX_BYTES} bytes of UTF-8, nested at most {@value #MAX_DEPTH} deep, numbers of at most
 * {@value #MAX_NUMBER_LENGTH} characters, strings of at most {@value #MAX_STRING_LENGTH}; no field twice in one
 * object and nothing after the document. Why so strict: these files are contracts (a scheme a council runs, a
 * scenario a vendor is tested by), and a file half-read (the last of two {@code "amount"}s, the first of two
 * documents) means something its author did not write. The limits bound the work any file can cause, so
 * {@code /dev/zero} or a document nested a million deep is a problem reported at once, not an exhausted heap.
 *
 * <p>YAML is read when the file name ends in {@code .yaml} or {@code .yml} and Jackson's YAML module
 * ({@code tools.jackson.dataformat:jackson-dataformat-yaml}) is on the class path; without it such a file is an
 * {@link FileProblemCode#UNREADABLE} problem saying what to add.
 *
 * <p>Every problem is a {@link FileReadException} that never repeats the file's content. This class is immutable
 * and thread-safe if its tree is not changed.
 */
public final class JsonDocument {

  /** The largest file read: 1 MiB. */
  public static final int MAX_BYTES = 1 << 20;

  /** The deepest nesting of arrays and objects: 32 levels. */
  public static final int MAX_DEPTH = 32;

  /** The longest number: 40 characters. */
  public static final int MAX_NUMBER_LENGTH = 40;

  /** The longest string or field name: 10,000 characters. */
  public static final int MAX_STRING_LENGTH = 10_000;

  private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
      .maxNestingDepth(MAX_DEPTH)
      .maxNumberLength(MAX_NUMBER_LENGTH)
      .maxStringLength(MAX_STRING_LENGTH)
      .maxNameLength(MAX_STRING_LENGTH)
      .build();

  private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(LIMITS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build())
      .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS) // checked here, to say so in plain words
      .build();

  private final String name;
  private final JsonNode root;
  private final Map<String, int[]> locations;

  private JsonDocument(String name, JsonNode root, Map<String, int[]> locations) {
    this.name = name;
    this.root = root;
    this.locations = locations;
  }

  /**
   * Reads a file's one document: JSON, or YAML for a name ending in {@code .yaml} or {@code .yml}.
   *
   * @param file the file, not null
   * @return the document, not null
   * @throws NullPointerException if {@code file} is null
   * @throws FileReadException if the file cannot be read or is not one well-formed document within the limits
   */
  public static JsonDocument read(Path file) {
    String name = requireNonNull(file, "file").toString();
    return parse(name, decode(name, bytes(name, file)), isYaml(name), true);
  }

  /**
   * Parses text as one JSON document.
   *
   * @param name what to call the text in problems, such as a file name, not null
   * @param text the text, not null
   * @return the document, not null
   * @throws NullPointerException if an argument is null
   * @throws FileReadException if the text is not one well-formed document within the limits
   */
  public static JsonDocument parseJson(String name, String text) {
    return parse(requireNonNull(name, "name"), requireNonNull(text, "text"), false, true);
  }

  /**
   * Parses one line of JSON Lines as one JSON document, strictly, without the second pass that finds each
   * value's line and column: the line is its own location, and a journal of a million lines is read fast.
   *
   * @param name what to call the text in problems, not null
   * @param text the line, not null
   * @return the document, whose problems carry no line or column, not null
   * @throws NullPointerException if an argument is null
   * @throws FileReadException if the text is not one well-formed document within the limits
   */
  public static JsonDocument parseJsonLine(String name, String text) {
    return parse(requireNonNull(name, "name"), requireNonNull(text, "text"), false, false);
  }

  /**
   * Parses text as one YAML document (needs Jackson's YAML module on the class path).
   *
   * @param name what to call the text in problems, not null
   * @param text the text, not null
   * @return the document, not null
   * @throws NullPointerException if an argument is null
   * @throws FileReadException if the YAML module is missing, or the text is not one well-formed document within
   *     the limits
   */
  public static JsonDocument parseYaml(String name, String text) {
    return parse(requireNonNull(name, "name"), requireNonNull(text, "text"), true, true);
  }

  private static boolean isYaml(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml");
  }

  /**
   * Returns the name the document was read under.
   *
   * @return the file name or the name given, not null
   */
  public String name() {
    return name;
  }

  /**
   * Returns the document's root value, at path {@code $}.
   *
   * @return the root, not null
   */
  public JsonValue root() {
    return new JsonValue(this, "$", root);
  }

  /**
   * Returns the line and column of the value at a path, or of its nearest enclosing value the document has.
   *
   * @param jsonPath a path as {@link JsonValue} writes them, not null
   * @return {@code {line, column}}, or null if not even the root's is known
   */
  int @Nullable [] locationOf(String jsonPath) {
    String path = jsonPath;
    while (true) {
      int[] location = locations.get(path);
      if (location != null || path.equals("$") || path.isEmpty()) {
        return location;
      }
      path = parentOf(path);
    }
  }

  private static String parentOf(String path) {
    if (path.endsWith("]")) {
      int open = path.lastIndexOf('[');
      return open > 0 ? path.substring(0, open) : "$";
    }
    int dot = path.lastIndexOf('.');
    return dot > 0 ? path.substring(0, dot) : "$";
  }

  private static byte[] bytes(String name, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new FileReadException(name, FileProblemCode.TOO_LARGE, "$", "is larger than " + MAX_BYTES
            + " bytes (1 MiB), the most a file may hold", null);
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw new FileReadException(name, FileProblemCode.UNREADABLE, "$", "no such file", e);
    } catch (AccessDeniedException e) {
      throw new FileReadException(name, FileProblemCode.UNREADABLE, "$", "cannot be read: permission denied", e);
    } catch (IOException e) {
      throw new FileReadException(name, FileProblemCode.UNREADABLE, "$", "cannot be read"
          + (Files.isDirectory(file) ? ": it is a directory" : ": " + e.getClass().getSimpleName()), e);
    }
  }

  private static String decode(String name, byte[] bytes) {
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      CharBuffer text = utf8.decode(in);
      return text.toString();
    } catch (CharacterCodingException e) {
      throw new FileReadException(name, FileProblemCode.NOT_UTF8, "$", "is not UTF-8 text (a bad byte near byte "
          + in.position() + ")", e);
    }
  }

  private static JsonDocument parse(String name, String text, boolean yaml, boolean locate) {
    if (text.length() > MAX_BYTES) {
      throw new FileReadException(name, FileProblemCode.TOO_LARGE, "$", "is longer than " + MAX_BYTES
          + " characters, the most a file may hold", null);
    }
    ObjectMapper mapper = yaml ? YamlSupport.mapper(name, LIMITS) : JSON;
    JsonNode root;
    try (JsonParser parser = mapper.createParser(text)) {
      try {
        root = parser.nextToken() == null ? null : mapper.readTree(parser);
      } catch (JacksonException e) {
        throw new FileReadException(name, List.of(problemOf(e)), e);
      }
      if (root == null || root.isMissingNode()) {
        throw new FileReadException(name, FileProblemCode.EMPTY, "$", "is empty: it must hold one document", null);
      }
      try {
        if (parser.nextToken() != null) {
          throw new FileReadException(name, List.of(FileProblem.of(FileProblemCode.TRAILING_CONTENT, "$",
              "has more after the end of its document; a file holds exactly one").at(lineAndColumn(
                  parser.currentTokenLocation()))), null);
        }
      } catch (JacksonException e) {
        throw new FileReadException(name, List.of(FileProblem.of(FileProblemCode.TRAILING_CONTENT, "$",
            "has more after the end of its document, and it is not well formed; a file holds exactly one")
            .at(lineAndColumn(e.getLocation()))), e);
      }
    }
    return new JsonDocument(name, root, locate ? locations(mapper, text) : Map.of());
  }

  /** Every value's path and where it starts, from a second, streaming pass over the text already parsed. */
  private static Map<String, int[]> locations(ObjectMapper mapper, String text) {
    Map<String, int[]> locations = new HashMap<>();
    try (JsonParser parser = mapper.createParser(text)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.PROPERTY_NAME || token == JsonToken.END_ARRAY || token == JsonToken.END_OBJECT) {
          continue;
        }
        TokenStreamContext context = parser.streamReadContext();
        if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
          context = context.getParent(); // the container's own context is the one it opens
        }
        int[] location = lineAndColumn(parser.currentTokenLocation());
        if (location != null) {
          locations.putIfAbsent(pathOf(context), location);
        }
      }
    } catch (JacksonException e) {
      // the document was parsed once already; trailing content ends this pass, which has what it needs
    }
    return locations;
  }

  private static String pathOf(@Nullable TokenStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
      } else if (c.currentName() != null) {
        parts.push(JsonValue.fieldPath("", c.currentName()));
      }
    }
    return "$" + String.join("", parts);
  }

  private static int @Nullable [] lineAndColumn(@Nullable TokenStreamLocation location) {
    return location == null || location.getLineNr() < 1 ? null
        : new int[] {location.getLineNr(), Math.max(1, location.getColumnNr())};
  }

  /** What went wrong while parsing, in words that never quote the file (Jackson's own messages quote tokens). */
  private static FileProblem problemOf(JacksonException e) {
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    String path = e.processor() instanceof JsonParser
        ? pathOf(((JsonParser) e.processor()).streamReadContext()) : "$";
    FileProblem problem;
    if (e instanceof StreamConstraintsException) {
      String what = original.contains("nesting depth") ? "nests arrays and objects deeper than " + MAX_DEPTH
          + " levels" : original.contains("Number value length") ? "has a number longer than " + MAX_NUMBER_LENGTH
          + " characters" : "has a string or field name longer than " + MAX_STRING_LENGTH + " characters";
      problem = FileProblem.of(FileProblemCode.TOO_COMPLEX, path, what);
    } else if (original.startsWith("Duplicate")) {
      int open = original.indexOf('"');
      int close = original.indexOf('"', open + 1);
      String field = open >= 0 && close > open ? original.substring(open + 1, close) : "";
      problem = FileProblem.of(FileProblemCode.DUPLICATE_FIELD, path, "has the field " + JsonValue.fieldName(field)
          + " twice in one object; give each field once");
    } else if (e instanceof UnexpectedEndOfInputException) {
      problem = FileProblem.of(FileProblemCode.SYNTAX, path, "ends in the middle of its document; is it cut short?");
    } else {
      problem = FileProblem.of(FileProblemCode.SYNTAX, path, "is not well-formed " + (e.processor() instanceof
          JsonParser && isYamlParser((JsonParser) e.processor()) ? "YAML" : "JSON"));
    }
    return problem.at(lineAndColumn(e.getLocation()));
  }

  private static boolean isYamlParser(JsonParser parser) {
    return parser.getClass().getName().contains("yaml");
  }

  /** The YAML mapper, made only when a YAML file is read, so the YAML module stays optional. */
  private static final class YamlSupport {
    private YamlSupport() {}

    static ObjectMapper mapper(String name, StreamReadConstraints limits) {
      try {
        Class.forName("tools.jackson.dataformat.yaml.YAMLFactory", false, JsonDocument.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new FileReadException(name, FileProblemCode.UNREADABLE, "$", "is YAML, and reading YAML needs "
            + "tools.jackson.dataformat:jackson-dataformat-yaml on the class path (or give the file as JSON)", e);
      }
      return YamlMappers.MAPPER;
    }
  }

  /** Holds the YAML mapper; loaded only after the YAML module was found. */
  private static final class YamlMappers {
    static final ObjectMapper MAPPER = tools.jackson.dataformat.yaml.YAMLMapper.builder(
        tools.jackson.dataformat.yaml.YAMLFactory.builder()
            .streamReadConstraints(LIMITS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build()).disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private YamlMappers() {}
  }
}
