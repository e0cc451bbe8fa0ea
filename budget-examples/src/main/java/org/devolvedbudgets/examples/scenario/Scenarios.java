package org.devolvedbudgets.examples.scenario;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.devolvedbudgets.examples.pilots.Pilots;
import org.devolvedbudgets.examples.replay.SimulatedClock;
import org.devolvedbudgets.json.read.FileProblem;
import org.devolvedbudgets.json.read.FileProblemCode;
import org.devolvedbudgets.json.read.FileReadException;
import org.devolvedbudgets.json.read.JsonDocument;
import org.devolvedbudgets.json.read.JsonValue;
import org.devolvedbudgets.json.read.ProblemCollector;
import org.devolvedbudgets.json.scheme.SchemeFiles;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.period.LondonTime;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.devolvedbudgets.rules.ledger.ApprovalHold;
import org.devolvedbudgets.rules.ledger.BudgetLedger;
import org.jspecify.annotations.Nullable;

/**
 * Reads and runs scenario files (the format is in the project's {@code SCENARIOS.md}). A scenario runs through
 * a new {@link BudgetLedger} with an in-memory store and a {@link SimulatedClock}; each step's result, and the
 * closing evaluation if the file has one, is compared with what it expected.
 *
 * <p>A file is read strictly ({@link #MAX_FILE_BYTES} bytes at most, one JSON document, no field twice) and whole
 * before any step runs: every problem in it (a bad amount, an unknown field, a configuration that breaks a rule)
 * is reported together in one {@link FileReadException}, each with its JSON path. A step that cannot be run is
 * one too, when it is reached: one naming a request no earlier step submitted, or one the library rejects as
 * impossible rather than refusing as a business outcome (posting more than was reserved, a refund of zero, an
 * approval dated before the request). No message repeats an identifier or free text from the file.
 *
 * <p>This class is stateless and thread-safe; each run has its own ledger.
 */
public final class Scenarios {

  /** The largest scenario or configuration file read: 1 MiB. */
  public static final int MAX_FILE_BYTES = JsonDocument.MAX_BYTES;

  /** The newest scenario format this runner reads; a file without {@code "format"} is format 1. */
  public static final int FORMAT = 3;

  private static final String[] FIELDS = {"format", "name", "description", "configuration", "configurations",
      "start", "approvalHold", "steps", "evaluation"};

  private Scenarios() {}

  /**
   * Reads a scenario file and runs it.
   *
   * @param file the file, not null
   * @return the report: each step's pass or fail
   * @throws NullPointerException if {@code file} is null
   * @throws FileReadException if the file is missing, unreadable or malformed, with every problem in it
   */
  public static ScenarioReport run(Path file) {
    requireNonNull(file, "file");
    return run(JsonDocument.read(file));
  }

  /**
   * Reads a configuration file: a scheme file ({@code "format": 1} with {@code "versions"}, see
   * {@link SchemeFiles}), or, as earlier versions of the runner read, one configuration object or an array of them
   * (the same form as a scenario's {@code "configuration"}).
   *
   * @param file the file, not null
   * @return the configuration history, not null
   * @throws NullPointerException if {@code file} is null
   * @throws FileReadException if the file is missing, unreadable or malformed, with every problem in it
   */
  public static ConfigurationHistory readConfiguration(Path file) {
    requireNonNull(file, "file");
    JsonDocument document = JsonDocument.read(file);
    JsonValue json = document.root();
    if (json.node().isObject() && json.has("versions")) {
      return SchemeFiles.read(document);
    }
    ProblemCollector problems = new ProblemCollector(document);
    ConfigurationHistory history;
    if (json.node().isArray()) {
      List<JsonValue> versions = json.items();
      if (versions.isEmpty()) {
        throw json.problem(FileProblemCode.MISSING_FIELD, "must hold at least one version");
      }
      history = SchemeFiles.readConfigurations(versions, "$", PILOTS, problems);
    } else {
      history = SchemeFiles.readConfigurations(List.of(json), "$", PILOTS, problems);
    }
    problems.throwIfAny();
    return requireNonNull(history);
  }

  /** The base configurations a scenario's configuration may name with {@code "pilot"}. */
  private static final Map<String, PilotConfiguration> PILOTS = Map.of("hillingdon", Pilots.hillingdon(),
      "wigan", Pilots.wigan(), "darlington", Pilots.darlington());

  /** Reads {@code "configuration": {...}} or {@code "configurations": [{...}, ...]} from a scenario. */
  private static @Nullable ConfigurationHistory history(JsonValue scenario, ProblemCollector problems) {
    if (scenario.has("configuration") == scenario.has("configurations")) {
      problems.add(FileProblem.of(FileProblemCode.MISSING_FIELD, scenario.path(), "needs exactly one of "
          + "\"configuration\" (one version) or \"configurations\" (versions in order of effectiveFrom)"));
      return null;
    }
    if (scenario.has("configuration")) {
      return SchemeFiles.readConfigurations(List.of(scenario.child("configuration")),
          scenario.pathOf("configuration"), PILOTS, problems);
    }
    List<JsonValue> versions = problems.attempt(() -> scenario.array("configurations"));
    if (versions != null && versions.isEmpty()) {
      problems.add(FileProblem.of(FileProblemCode.MISSING_FIELD, scenario.pathOf("configurations"),
          "must hold at least one version"));
      return null;
    }
    return versions == null ? null : SchemeFiles.readConfigurations(versions, scenario.pathOf("configurations"),
        PILOTS, problems);
  }

  private static ScenarioReport run(JsonDocument document) {
    String file = document.name();
    JsonValue scenario = document.root().onlyFields(FIELDS);
    ProblemCollector problems = new ProblemCollector(document);
    Long format = scenario.has("format") ? problems.attempt(() -> scenario.integer("format", 1, FORMAT)) : 1L;
    int version = format == null ? FORMAT : format.intValue();
    String name = problems.attempt(() -> scenario.title("name", 200));
    if (scenario.has("description")) {
      problems.attempt(() -> scenario.text("description"));
    }
    ConfigurationHistory history = history(scenario, problems);
    Instant start = scenario.has("start") ? problems.attempt(() -> scenario.instant("start")) : null;
    ApprovalHold hold = scenario.has("approvalHold") ? problems.attempt(() -> scenario.parse("approvalHold",
        FileProblemCode.BAD_VALUE, "a hold such as \"P14D\" (office days) or \"PT48H\" (exact hours)",
            ApprovalHold::parse)) : null;
    List<Step> steps = new ArrayList<>();
    List<JsonValue> items = problems.attempt(() -> scenario.array("steps"));
    if (items != null && items.isEmpty()) {
      problems.add(FileProblem.of(FileProblemCode.BAD_VALUE, scenario.pathOf("steps"), "must hold at least one step"));
    }
    for (int i = 0; items != null && i < items.size(); i++) {
      JsonValue item = items.get(i);
      int number = i + 1;
      Step step = problems.attempt(() -> Step.read(number, item, version));
      if (step != null) {
        steps.add(step);
      }
    }
    EvaluationCheck evaluation = null;
    if (scenario.has("evaluation")) {
      if (version < 2) {
        problems.add(FileProblem.of(FileProblemCode.UNSUPPORTED_FORMAT, scenario.pathOf("evaluation"),
            "is part of scenario format 2: add \"format\": 2 to the file"));
      } else {
        evaluation = problems.attempt(() -> EvaluationCheck.read(scenario.child("evaluation")));
      }
    }
    problems.throwIfAny();
    return run(file, requireNonNull(name), requireNonNull(history), start, hold, steps, evaluation);
  }

  private static ScenarioReport run(String file, String name, ConfigurationHistory history, @Nullable Instant start,
      @Nullable ApprovalHold hold, List<Step> steps, @Nullable EvaluationCheck evaluation) {
    Instant first = start != null ? start
        : history.versions().get(0).term().start().atTime(9, 0).atZone(LondonTime.ZONE).toInstant();
    SimulatedClock clock = new SimulatedClock(first);
    BudgetLedger.Builder ledger = BudgetLedger.builder(history).clock(clock);
    if (hold != null) {
      ledger.approvalHold(hold);
    }
    ScenarioRun run = new ScenarioRun(file, history, clock, ledger.build());
    List<StepResult> results = new ArrayList<>();
    for (Step step : steps) {
      try {
        results.add(step.run(run));
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new FileReadException(file, FileProblemCode.BAD_VALUE, "$.steps[" + (step.number - 1) + "]",
            "the library rejects this step as impossible: " + e.getMessage(), e);
      }
    }
    if (evaluation != null) {
      results.add(evaluation.run(run, steps.size() + 1));
    }
    return new ScenarioReport(file, name, results);
  }
}
