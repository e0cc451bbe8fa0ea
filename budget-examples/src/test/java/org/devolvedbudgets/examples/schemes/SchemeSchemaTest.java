package org.devolvedbudgets.examples.schemes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.devolvedbudgets.json.read.FileReadException;
import org.devolvedbudgets.json.read.JsonDocument;
import org.devolvedbudgets.json.scheme.SchemeFiles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Schema for scheme files, checked with a real validator (networknt, draft 2020-12): every shipped scheme
 * file and every shipped scenario's configuration is valid, and the schema and the reader agree that a set of bad
 * files is bad.
 */
class SchemeSchemaTest {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
      SpecificationVersion.DRAFT_2020_12, builder -> builder.schemas(Map.of(SchemeFiles.SCHEMA_ID,
          SchemeFiles.schema())));
  private static final Schema SCHEME_FILE = REGISTRY.getSchema(SchemaLocation.of(SchemeFiles.SCHEMA_ID));
  private static final Schema SCENARIO_CONFIGURATION = REGISTRY.getSchema(
      SchemaLocation.of(SchemeFiles.SCHEMA_ID + "#/$defs/scenarioConfiguration"));

  private static List<Error> errors(Schema schema, JsonNode json) {
    return schema.validate(json);
  }

  @Test
  void everyShippedSchemeFileIsValid() throws IOException {
    try (Stream<Path> files = Files.list(SchemeFilesRoundTripTest.SHIPPED)) {
      List<Path> schemes = files.filter(file -> file.toString().endsWith(".scheme.json")).sorted().toList();
      assertEquals(3, schemes.size());
      for (Path file : schemes) {
        assertEquals(List.of(), errors(SCHEME_FILE, JSON.readTree(file.toFile())), file::toString);
      }
    }
  }

  @Test
  void everyShippedScenarioConfigurationIsValid() throws IOException {
    int checked = 0;
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/scenarios"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode scenario = JSON.readTree(file.toFile());
        List<JsonNode> configurations = new ArrayList<>();
        if (scenario.has("configuration")) {
          configurations.add(scenario.get("configuration"));
        }
        if (scenario.has("configurations")) {
          scenario.get("configurations").forEach(configurations::add);
        }
        for (JsonNode configuration : configurations) {
          assertEquals(List.of(), errors(SCENARIO_CONFIGURATION, configuration), file::toString);
          checked++;
        }
      }
    }
    assertTrue(checked >= 22, "every shipped scenario has a configuration: " + checked);
  }

  /** Where a variant adds an evidence policy to Wigan's file: after its last field. */
  private static final String EVIDENCE_AT = "\"refundRestoresAllowance\": true";

  private static String evidence(String requirement) {
    return evidence(requirement, "");
  }

  private static String evidence(String requirement, String rest) {
    return "\"evidencePolicy\": { \"requirements\": [ { " + requirement + " } ]" + rest + " }";
  }

  @Test
  void theSchemaAndTheReaderAgreeOnGoodFilesThatLeaveOutWhatMayBeLeftOut() throws IOException {
    String good = Files.readString(SchemeFilesRoundTripTest.SHIPPED.resolve("wigan.scheme.json"));
    List<String[]> changes = List.of(
        new String[] {"  \"$schema\": \"" + SchemeFiles.SCHEMA_ID + "\",\n", ""},
        new String[] {",\n          \"enforcement\": \"HARD\"", ""},
        new String[] {",\n          \"period\": \"financial-year\"", ""},
        new String[] {"\"allocation\": {\n        \"method\": \"ALL_ELIGIBLE\"\n      },\n", ""},
        new String[] {"\"blockedSubcategories\": [],", "\"blockedSubcategories\": [\"PRACTICAL/rent-arrears\"],"},
        new String[] {"\"cashAllowed\": false,\n      \"refundRestoresAllowance\": true",
            "\"refundRestoresAllowance\": false"},
        new String[] {"\"enforcement\": \"HARD\"", "\"enforcement\": \"SOFT\", \"category\": \"PRACTICAL\""},
        new String[] {EVIDENCE_AT, EVIDENCE_AT + ", " + evidence("\"accepts\": [\"RECEIPT\"], \"dueWithinDays\": 0")},
        new String[] {EVIDENCE_AT, EVIDENCE_AT + ", " + evidence("\"accepts\": [\"RECEIPT\", \"CARD_TRANSACTION\"], "
            + "\"dueWithinDays\": 7, \"fromAmount\": \"GBP 25.00\", \"categories\": [\"PRACTICAL\"], "
            + "\"paymentMethods\": [\"PREPAID_CARD\"]", ", \"whenOverdue\": \"DECLINE\"")},
        new String[] {EVIDENCE_AT, EVIDENCE_AT + ", " + evidence("\"accepts\": [\"OTHER_FUNDING_TRIED\"], "
            + "\"dueWithinDays\": 366", ", \"whenOverdue\": \"ROUTE\", \"approvedBy\": \"TEAM_MANAGER\"")});
    for (String[] change : changes) {
      assertTrue(good.contains(change[0]), change[0]);
      String variant = good.replace(change[0], change[1]);
      assertEquals(List.of(), errors(SCHEME_FILE, JSON.readTree(variant)), change[0]);
      SchemeFiles.read(JsonDocument.parseJson("variant.json", variant));
    }
  }

  @Test
  void theSchemaAndTheReaderAgreeOnBadFiles() throws IOException {
    String good = Files.readString(SchemeFilesRoundTripTest.SHIPPED.resolve("wigan.scheme.json"));
    assertEquals(List.of(), errors(SCHEME_FILE, JSON.readTree(good)));
    SchemeFiles.read(JsonDocument.parseJson("good.json", good));
    List<String[]> changes = List.of(
        new String[] {"\"format\": 1", "\"format\": 2"},
        new String[] {"\"format\": 1,", ""},
        new String[] {"\"schemeId\": \"wigan-devolved-budgets\"", "\"schemeId\": \"wigan devolved\""},
        new String[] {"\"schemeId\": \"wigan-devolved-budgets\"", "\"schemeId\": \"..\""},
        new String[] {"\"council\": \"Wigan\"", "\"council\": \"  \""},
        new String[] {"\"council\": \"Wigan\"", "\"council\": \"Wigan\\u202e\""},
        new String[] {"\"currency\": \"GBP\",", "\"currency\": \"GBP\", \"colour\": \"red\","},
        new String[] {"\"cap\": \"GBP 4000.00\"", "\"cap\": 4000"},
        new String[] {"\"cap\": \"GBP 4000.00\"", "\"cap\": \"4000.00\""},
        new String[] {"\"id\": \"family-fy\",", ""},
        new String[] {"\"scope\": \"FAMILY\"", "\"scope\": \"HOUSEHOLD\""},
        new String[] {"\"period\": \"financial-year\"", "\"period\": \"fortnightly\""},
        new String[] {"\"effectiveFrom\": \"2019-04-01\"", "\"effectiveFrom\": \"2019-13-01\""},
        new String[] {"\"role\": \"TEAM_MANAGER\"", "\"role\": \"MANAGER\""},
        new String[] {"\"allTeamsEligible\": false,", "\"allTeamsEligible\": \"no\","},
        new String[] {"\"version\": 1,", "\"version\": 0,"},
        new String[] {"\"method\": \"ALL_ELIGIBLE\"", "\"method\": \"ALL_ELIGIBLE\", \"seed\": 7"},
        new String[] {"\"blockedSubcategories\": []", "\"blockedSubcategories\": [\"PRACTICAL/Rent Arrears\"]"},
        new String[] {"\"allowedCategories\": [", "\"allowedCategories\": [\"SWEETS\", "},
        new String[] {"\"scope\": \"FAMILY\"", "\"scope\": \"family\""},
        new String[] {"\"role\": \"TEAM_MANAGER\"", "\"role\": \"team-manager\""},
        new String[] {EVIDENCE_AT, EVIDENCE_AT + ", \"evidencePolicy\": { \"requirements\": [] }"},
        new String[] {EVIDENCE_AT, EVIDENCE_AT + ", " + evidence("\"accepts\": [], \"dueWithinDays\": 7")},
        new String[] {EVIDENCE_AT, EVIDENCE_AT + ", " + evidence("\"accepts\": [\"PHOTO\"], \"dueWithinDays\": 7")},
        new String[] {EVIDENCE_AT, EVIDENCE_AT + ", " + evidence("\"accepts\": [\"RECEIPT\"], \"dueWithinDays\": 367")},
        new String[] {EVIDENCE_AT, EVIDENCE_AT + ", " + evidence("\"accepts\": [\"RECEIPT\"]")},
        new String[] {EVIDENCE_AT, EVIDENCE_AT + ", " + evidence("\"accepts\": [\"RECEIPT\"], \"dueWithinDays\": 7, "
            + "\"fromAmount\": \"25.00\"")});
    for (String[] change : changes) {
      assertTrue(good.contains(change[0]), change[0]);
      String bad = good.replace(change[0], change[1]);
      assertFalse(errors(SCHEME_FILE, JSON.readTree(bad)).isEmpty(), () -> "the schema accepts " + change[1]);
      assertThrows(FileReadException.class, () -> SchemeFiles.read(JsonDocument.parseJson("bad.json", bad)),
          () -> "the reader accepts " + change[1]);
    }
  }
}
