package org.devolvedbudgets.examples.scenario;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.devolvedbudgets.examples.replay.SimulatedClock;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.devolvedbudgets.rules.ledger.ApprovalHold;
import org.devolvedbudgets.rules.ledger.BudgetLedger;

/**
 * Reads and runs scenario files (the format is in the project's {@code SCENARIOS.md}). A scenario runs through
 * a new {@link BudgetLedger} with an in-memory store and a {@link SimulatedClock}; each step's result is
 * compared with what the step expected.
 *
 * <p>A file that cannot be read, is not JSON or does not describe a scenario gets a
 * {@link ScenarioFileException} naming the file, the JSON path and the problem, before any step runs. So does a
 * step that cannot be run, when it is reached: one naming a request no earlier step submitted, or one the
 * library rejects as impossible rather than refusing as a business outcome (posting more than was reserved, a
 * refund of zero, an approval dated before the request).
 *
 * <p>This class is stateless and thread-safe; each run has its own ledger.
 */
public final class Scenarios {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Scenarios() {}

  /**
   * Reads a scenario file and runs it.
   *
   * @param file the file, not null
   * @return the report: each step's pass or fail
   * @throws NullPointerException if {@code file} is null
   * @throws ScenarioFileException if the file is missing, unreadable or malformed
   */
  public static ScenarioReport run(Path file) {
    requireNonNull(file, "file");
    return run(file.toString(), read(file));
  }

  /**
   * Reads a configuration file: one configuration object, or an array of versions (the same format as a
   * scenario's {@code "configuration"}).
   *
   * @param file the file, not null
   * @return the configuration history, not null
   * @throws NullPointerException if {@code file} is null
   * @throws ScenarioFileException if the file is missing, unreadable or malformed
   */
  public static ConfigurationHistory readConfiguration(Path file) {
    requireNonNull(file, "file");
    JsonNode root = read(file);
    String name = file.toString();
    if (root.isArray()) {
      List<PilotConfiguration> versions = new ArrayList<>();
      for (int i = 0; i < root.size(); i++) {
        versions.add(ConfigurationJson.read(new JsonNodes(name, "$[" + i + "]", root.get(i))));
      }
      if (versions.isEmpty()) {
        throw new ScenarioFileException(name, "$", "must hold at least one version", null);
      }
      try {
        return ConfigurationHistory.of(versions);
      } catch (IllegalArgumentException e) {
        throw new ScenarioFileException(name, "$", e.getMessage(), e);
      }
    }
    return ConfigurationHistory.of(ConfigurationJson.read(new JsonNodes(name, "$", root)));
  }

  private static JsonNode read(Path file) {
    String name = file.toString();
    try {
      return JSON.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new ScenarioFileException(name, "$", "no such file", e);
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      String location = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
      throw new ScenarioFileException(name, "$", "is not valid JSON" + location + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ScenarioFileException(name, "$", "cannot be read: " + e, e);
    }
  }

  private static ScenarioReport run(String file, JsonNode root) {
    JsonNodes scenario = new JsonNodes(file, "$", root).onlyFields("name", "description", "configuration",
        "configurations", "start", "approvalHold", "steps");
    String name = scenario.text("name");
    if (scenario.has("description")) {
      scenario.text("description");
    }
    ConfigurationHistory history = ConfigurationJson.history(scenario);
    Instant start = scenario.has("start") ? scenario.instant("start")
        : history.versions().get(0).term().start().atTime(9, 0).atZone(BudgetPeriod.ZONE).toInstant();
    BudgetLedger.Builder ledger = BudgetLedger.builder(history);
    if (scenario.has("approvalHold")) {
      ledger.approvalHold(scenario.parse("approvalHold", "a hold such as \"P14D\" (office days) or \"PT48H\"",
          ApprovalHold::parse));
    }
    List<Step> steps = new ArrayList<>();
    List<JsonNodes> items = scenario.array("steps");
    if (items.isEmpty()) {
      throw scenario.child("steps").problem("must hold at least one step");
    }
    for (int i = 0; i < items.size(); i++) {
      steps.add(Step.read(i + 1, items.get(i)));
    }
    SimulatedClock clock = new SimulatedClock(start);
    ScenarioRun run = new ScenarioRun(file, clock, ledger.clock(clock).build());
    List<StepResult> results = new ArrayList<>();
    for (Step step : steps) {
      try {
        results.add(step.run(run));
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new ScenarioFileException(file, "$.steps[" + (step.number - 1) + "]",
            "the library rejects this step as impossible: " + e.getMessage(), e);
      }
    }
    return new ScenarioReport(file, name, results);
  }
}
