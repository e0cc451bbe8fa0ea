package org.devolvedbudgets.examples.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
import org.jspecify.annotations.Nullable;

/**
 * Reads a scenario or configuration file strictly, as exactly one JSON document: at most {@value #MAX_BYTES} bytes
 * of UTF-8, nested at most {@value #MAX_DEPTH} deep, numbers of at most {@value #MAX_NUMBER_LENGTH} characters,
 * strings of at most {@value #MAX_STRING_LENGTH}; no field twice in one object and nothing after the document.
 * Why so strict: the runner is a conformance kit, and a file it half-reads (the last of two {@code "amount"}s, the
 * first of two documents) tests something its author did not write. The limits bound the work any file can cause,
 * so {@code /dev/zero} or a document nested a million deep is a problem reported at once, not an exhausted heap.
 *
 * <p>Every problem is a {@link ScenarioFileException} at path {@code $} (or the path the parser had reached) that
 * never repeats the file's content. Stateless and thread-safe.
 */
final class JsonFiles {

  /** The largest file read: 1 MiB, a hundred times the largest shipped scenario. */
  static final int MAX_BYTES = 1 << 20;

  /** The deepest nesting of arrays and objects: 32 levels. */
  static final int MAX_DEPTH = 32;

  /** The longest number: 40 characters. */
  static final int MAX_NUMBER_LENGTH = 40;

  /** The longest string: 10,000 characters. */
  static final int MAX_STRING_LENGTH = 10_000;

  private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(MAX_DEPTH)
              .maxNumberLength(MAX_NUMBER_LENGTH)
              .maxStringLength(MAX_STRING_LENGTH)
              .maxNameLength(MAX_STRING_LENGTH)
              .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build())
      .build();

  private JsonFiles() {}

  /** Reads the file's one JSON document. */
  static JsonNode read(Path file) {
    String name = file.toString();
    return parse(name, decode(name, bytes(name, file)));
  }

  private static byte[] bytes(String name, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new ScenarioFileException(name, "$", "is larger than " + MAX_BYTES + " bytes (1 MiB), the most a "
            + "scenario or configuration file may hold", null);
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw new ScenarioFileException(name, "$", "no such file", e);
    } catch (AccessDeniedException e) {
      throw new ScenarioFileException(name, "$", "cannot be read: permission denied", e);
    } catch (IOException e) {
      throw new ScenarioFileException(name, "$", "cannot be read" + (Files.isDirectory(file) ? ": it is a directory"
          : ": " + e.getClass().getSimpleName()), e);
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
      throw new ScenarioFileException(name, "$", "is not UTF-8 text (a bad byte near byte " + in.position() + ")",
          e);
    }
  }

  /** Parses the first document, then makes sure nothing but white space follows it. */
  private static JsonNode parse(String name, String text) {
    JsonNode root;
    try (JsonParser parser = JSON.createParser(text)) {
      try {
        root = parser.nextToken() == null ? null : JSON.readTree(parser);
      } catch (JsonProcessingException e) {
        throw new ScenarioFileException(name, pathAt(e), describe(e), e);
      }
      if (root == null || root.isMissingNode()) {
        throw new ScenarioFileException(name, "$", "is empty: it must hold one JSON document", null);
      }
      try {
        if (parser.nextToken() != null) {
          throw new ScenarioFileException(name, "$", "has more after the end of its JSON document"
              + where(parser.currentTokenLocation()) + "; a file holds exactly one document", null);
        }
      } catch (JsonProcessingException e) {
        throw new ScenarioFileException(name, "$", "has more after the end of its JSON document"
            + where(e.getLocation()) + ", and it is not JSON; a file holds exactly one document", e);
      }
    } catch (IOException e) {
      throw new ScenarioFileException(name, "$", "cannot be read: " + e.getClass().getSimpleName(), e);
    }
    return root;
  }

  /** What went wrong, in words that never quote the file (Jackson's own messages quote the bad token). */
  private static String describe(JsonProcessingException e) {
    String where = where(e.getLocation());
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (e instanceof StreamConstraintsException) {
      if (original.contains("nesting depth")) {
        return "nests arrays and objects deeper than " + MAX_DEPTH + " levels" + where;
      }
      if (original.contains("Number value length")) {
        return "has a number longer than " + MAX_NUMBER_LENGTH + " characters" + where;
      }
      return "has a string or field name longer than " + MAX_STRING_LENGTH + " characters" + where;
    }
    if (original.startsWith("Duplicate field")) {
      int open = original.indexOf('\'');
      int close = original.lastIndexOf('\'');
      String field = open >= 0 && close > open ? original.substring(open + 1, close) : "";
      return "has the field " + JsonNodes.fieldName(field) + " twice in one object" + where
          + "; give each field once";
    }
    if (e instanceof JsonEOFException) {
      return "ends in the middle of its JSON document" + where + "; is it cut short?";
    }
    return "is not valid JSON" + where;
  }

  private static String where(@Nullable JsonLocation location) {
    return location == null || location.getLineNr() < 1 ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /** The JSON path the parser had reached, as far as it can tell; {@code $} otherwise. */
  private static String pathAt(JsonProcessingException e) {
    if (!(e.getProcessor() instanceof JsonParser)) {
      return "$";
    }
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext context = ((JsonParser) e.getProcessor()).getParsingContext();
        context != null && !context.inRoot(); context = context.getParent()) {
      if (context.inArray()) {
        parts.push("[" + Math.max(0, context.getCurrentIndex()) + "]");
      } else if (context.getCurrentName() != null) {
        parts.push(JsonNodes.fieldPath("", context.getCurrentName()));
      }
    }
    return "$" + String.join("", parts);
  }
}
