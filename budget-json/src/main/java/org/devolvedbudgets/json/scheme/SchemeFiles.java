package org.devolvedbudgets.json.scheme;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import org.devolvedbudgets.json.read.FileProblem;
import org.devolvedbudgets.json.read.FileProblemCode;
import org.devolvedbudgets.json.read.FileReadException;
import org.devolvedbudgets.json.read.JsonDocument;
import org.devolvedbudgets.json.read.JsonValue;
import org.devolvedbudgets.json.read.ProblemCollector;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes scheme files: a scheme's configuration versions, each with its effective date, as one JSON (or
 * YAML) document, so a council's finance or service manager can change a scheme without a software release.
 *
 * <pre>{@code
 * ConfigurationHistory wigan = SchemeFiles.read(Path.of("wigan.scheme.json"));
 * String canonical = SchemeFiles.write(wigan);   // read(write(h)) equals h
 * }</pre>
 *
 * <p>A file names the scheme's {@code schemeId}, {@code council} and {@code currency} once, at its top level,
 * with {@code "format": 1} and the {@code versions} in order; each version gives its {@code version} number,
 * {@code effectiveFrom}, display name ({@code scheme}), {@code term}, eligibility, allowances (each with its stable
 * {@code id}), approval policy and the rest. README's "Scheme files" has an example and the JSON Schema
 * ({@link #SCHEMA_RESOURCE}) describes every field, so editors can complete them.
 *
 * <p><b>Every problem at once.</b> Reading reports structural problems (unknown field, wrong type, missing field,
 * bad amount or date) and the model's own (a cap in another currency, versions out of order) in one
 * {@link FileReadException}, each with a stable code, a JSON path such as {@code $.versions[1].allowances[0].cap},
 * the line and column, and a plain message that never repeats free text from the file.
 *
 * <p>YAML needs {@code tools.jackson.dataformat:jackson-dataformat-yaml} on the class path (an optional dependency
 * of this module): a file whose name ends in {@code .yaml} or {@code .yml} is read as YAML.
 *
 * <p>Stateless and thread-safe.
 */
public final class SchemeFiles {

  /** The scheme file format this version of the library writes, and the newest it reads: 1. */
  public static final int FORMAT = 1;

  /** Where the JSON Schema (draft 2020-12) for scheme files is, as a class-path resource. */
  public static final String SCHEMA_RESOURCE = "/org/devolvedbudgets/json/scheme-file.schema.json";

  /** The identifier the schema declares as its {@code $id}, which a file may give as its {@code $schema}. */
  public static final String SCHEMA_ID = "https://devolvedbudgets.org/schema/scheme-file-1.json";

  private static final String[] FIELDS = {"$schema", "format", "schemeId", "council", "currency", "versions"};

  private SchemeFiles() {}

  /**
   * Reads a scheme file.
   *
   * @param file the file, JSON or (with the YAML module) YAML, not null
   * @return the scheme's versions, not null
   * @throws NullPointerException if {@code file} is null
   * @throws FileReadException with every problem, if the file cannot be read or does not describe a valid scheme
   */
  public static ConfigurationHistory read(Path file) {
    return read(JsonDocument.read(requireNonNull(file, "file")));
  }

  /**
   * Reads a scheme from a document already parsed.
   *
   * @param document the document, not null
   * @return the scheme's versions, not null
   * @throws NullPointerException if {@code document} is null
   * @throws FileReadException with every problem, if the document does not describe a valid scheme
   */
  public static ConfigurationHistory read(JsonDocument document) {
    requireNonNull(document, "document");
    ProblemCollector problems = new ProblemCollector(document);
    JsonValue root = document.root();
    if (problems.attempt(() -> root.checkFields(problems, FIELDS)) == null) {
      problems.throwIfAny(); // not an object
    }
    Long format = problems.attempt(() -> root.integer("format", Integer.MIN_VALUE, Integer.MAX_VALUE));
    if (format != null && format != FORMAT) {
      problems.add(FileProblem.of(FileProblemCode.UNSUPPORTED_FORMAT, root.pathOf("format"), "is " + format
          + ", but this version of the library reads scheme files of format " + FORMAT));
      problems.throwIfAny();
    }
    if (root.has("$schema")) {
      problems.attempt(() -> root.text("$schema"));
    }
    SchemeId schemeId = problems.attempt(() -> root.identifier("schemeId", "a scheme id", SchemeId::of));
    String council = problems.attempt(() -> root.title("council", 100));
    CurrencyUnit currency = problems.attempt(() -> root.parse("currency", FileProblemCode.BAD_VALUE,
        "an ISO 4217 code such as \"GBP\"", Monetary::getCurrency));
    List<JsonValue> versions = problems.attempt(() -> root.array("versions"));
    ConfigurationHistory history = null;
    if (versions != null && versions.isEmpty()) {
      problems.add(FileProblem.of(FileProblemCode.MISSING_FIELD, root.pathOf("versions"),
          "must hold at least one version"));
    } else if (versions != null) {
      history = ConfigurationReader.history(versions, root.pathOf("versions"),
          new ConfigurationReader.Shared(schemeId, council, currency), Map.of(), true, problems);
    }
    problems.throwIfAny();
    return requireNonNull(history);
  }

  /**
   * Reads one stand-alone configuration object, as scenario files hold one: it names its own {@code council},
   * {@code currency} and (optionally) {@code schemeId}, and may start from a named base ({@code "pilot": "wigan"})
   * and change any field. Allowances may omit their id (scenario files of formats 1 and 2 did): it is then the
   * name in lower case with each run of other characters a hyphen. Problems go to {@code problems}.
   *
   * @param json the configuration object, not null
   * @param bases the base configurations by name, not null
   * @param problems where problems go, not null
   * @return the configuration, or null if it had problems (all of them are in {@code problems})
   */
  public static @Nullable PilotConfiguration readConfiguration(JsonValue json,
      Map<String, PilotConfiguration> bases, ProblemCollector problems) {
    return ConfigurationReader.read(requireNonNull(json, "json"), null, requireNonNull(bases, "bases"), false,
        requireNonNull(problems, "problems"));
  }

  /**
   * Reads stand-alone configurations ({@link #readConfiguration}) as the versions of one history.
   *
   * @param versions the configuration objects, oldest first, not null
   * @param path the JSON path of the array holding them, for the history's own problems, not null
   * @param bases the base configurations by name, not null
   * @param problems where problems go, not null
   * @return the history, or null if it had problems (all of them are in {@code problems})
   */
  public static @Nullable ConfigurationHistory readConfigurations(List<JsonValue> versions, String path,
      Map<String, PilotConfiguration> bases, ProblemCollector problems) {
    return ConfigurationReader.history(requireNonNull(versions, "versions"), requireNonNull(path, "path"), null,
        requireNonNull(bases, "bases"), false, requireNonNull(problems, "problems"));
  }

  /**
   * Writes a scheme's canonical form: every field of every version written out, defaults too, in the order the
   * JSON Schema lists them, sets sorted, two-space indentation and a final newline. Reading it back gives an equal
   * history.
   *
   * @param history the scheme's versions, not null
   * @return the file's text, not null
   * @throws NullPointerException if {@code history} is null
   */
  public static String write(ConfigurationHistory history) {
    return SchemeWriter.write(requireNonNull(history, "history"));
  }

  /**
   * Writes a scheme's canonical form to a file, replacing it.
   *
   * @param history the scheme's versions, not null
   * @param file the file, not null
   * @throws NullPointerException if an argument is null
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(ConfigurationHistory history, Path file) {
    String text = write(history);
    try {
      Files.writeString(requireNonNull(file, "file"), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the scheme file", e);
    }
  }

  /**
   * Returns the JSON Schema for scheme files, as text.
   *
   * @return the schema, draft 2020-12, not null
   */
  public static String schema() {
    try (InputStream in = SchemeFiles.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      return new String(requireNonNull(in, SCHEMA_RESOURCE).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SCHEMA_RESOURCE, e);
    }
  }
}
