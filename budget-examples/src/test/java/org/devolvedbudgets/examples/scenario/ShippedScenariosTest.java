package org.devolvedbudgets.examples.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.devolvedbudgets.rules.FindingCode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Runs every shipped scenario: the conformance kit must pass against the library itself. */
class ShippedScenariosTest {

  static final Path SHIPPED = Path.of("src/main/resources/scenarios");

  static List<Path> shipped() throws IOException {
    try (Stream<Path> files = Files.list(SHIPPED)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyShippedScenarioPasses() throws IOException {
    return shipped().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      ScenarioReport report = Scenarios.run(file);
      assertTrue(report.passed(), report.render());
      assertTrue(report.steps().size() >= 4, "a scenario worth shipping has a few steps");
    }));
  }

  @Test
  void theShippedScenariosExpectEveryFindingCodeAndCoverTheThreePilots() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Set<FindingCode> expected = EnumSet.noneOf(FindingCode.class);
    Set<String> pilots = new TreeSet<>();
    List<Path> files = shipped();
    for (Path file : files) {
      JsonNode root = json.readTree(file.toFile());
      root.findValues("pilot").forEach(pilot -> pilots.add(pilot.asString()));
      for (JsonNode findings : root.findValues("findings")) {
        findings.forEach(code -> expected.add(FindingCode.valueOf(code.asString())));
      }
    }
    assertTrue(files.size() >= 12, "at least 12 scenarios, but found " + files.size());
    assertEquals(EnumSet.allOf(FindingCode.class), expected);
    assertEquals(Set.of("darlington", "hillingdon", "wigan"), pilots);
  }
}
