package org.devolvedbudgets.json.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.devolvedbudgets.json.read.FileProblem;
import org.devolvedbudgets.json.read.FileProblemCode;
import org.devolvedbudgets.json.read.FileReadException;
import org.devolvedbudgets.json.read.JsonDocument;
import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.scheme.ProblemCode;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Scheme files read with every problem at once, each with a code, a path and a place; and written back. */
class SchemeFilesTest {

  /** A small, valid scheme: Wigan's family allowance, with a rename in a second version. */
  static final String WIGAN = String.join("\n",
      "{",
      "  \"format\": 1,",
      "  \"schemeId\": \"wigan-devolved-budgets\",",
      "  \"council\": \"Wigan\",",
      "  \"currency\": \"GBP\",",
      "  \"versions\": [",
      "    {",
      "      \"version\": 1,",
      "      \"effectiveFrom\": \"2019-04-01\",",
      "      \"scheme\": \"Reunification and edge of care devolved budget\",",
      "      \"term\": { \"start\": \"2019-04-01\", \"end\": \"2021-04-01\" },",
      "      \"eligibleTeams\": [\"wigan-reunification\", \"wigan-edge-of-care\"],",
      "      \"allowances\": [",
      "        { \"id\": \"family-fy\", \"name\": \"Per family per financial year\", \"cap\": \"GBP 4000.00\",",
      "          \"scope\": \"FAMILY\", \"period\": \"financial-year\" }",
      "      ],",
      "      \"approvalPolicy\": { \"tiers\": [ { \"role\": \"SOCIAL_WORKER\", \"upTo\": \"GBP 500.00\" },",
      "        { \"role\": \"TEAM_MANAGER\" } ] }",
      "    },",
      "    {",
      "      \"version\": 2,",
      "      \"effectiveFrom\": \"2020-04-01\",",
      "      \"scheme\": \"Family support budget\",",
      "      \"term\": { \"start\": \"2019-04-01\", \"end\": \"2021-04-01\" },",
      "      \"allTeamsEligible\": true,",
      "      \"allowances\": [",
      "        { \"id\": \"family-fy\", \"name\": \"Family budget\", \"cap\": \"GBP 4500.00\", \"scope\": \"FAMILY\",",
      "          \"period\": \"financial-year\" }",
      "      ],",
      "      \"approvalPolicy\": { \"tiers\": [ { \"role\": \"SOCIAL_WORKER\", \"upTo\": \"GBP 500.00\" },",
      "        { \"role\": \"TEAM_MANAGER\" } ] }",
      "    }",
      "  ]",
      "}",
      "");

  @TempDir
  Path dir;

  private static ConfigurationHistory read(String text) {
    return SchemeFiles.read(JsonDocument.parseJson("wigan.scheme.json", text));
  }

  private static List<FileProblem> problems(String text) {
    return assertThrows(FileReadException.class, () -> read(text)).problems();
  }

  @Test
  void aSchemeFileReadsIntoAHistoryAndWritesBackToItsCanonicalForm() {
    ConfigurationHistory history = read(WIGAN);
    assertEquals(SchemeId.of("wigan-devolved-budgets"), history.schemeId());
    assertEquals(2, history.versions().size());
    assertEquals("Family budget", history.latest().allowances().get(0).name());
    assertEquals(AllowanceId.of("family-fy"), history.latest().allowances().get(0).id());
    assertEquals(Money.parse("GBP 4500.00"), history.latest().allowances().get(0).cap());
    String canonical = SchemeFiles.write(history);
    assertEquals(history, read(canonical));
    assertEquals(canonical, SchemeFiles.write(read(canonical)), "the canonical form is a fixed point");
    assertTrue(canonical.startsWith("{\n  \"$schema\": \"" + SchemeFiles.SCHEMA_ID + "\",\n  \"format\": 1,\n"),
        canonical);
  }

  @Test
  void aFileWithSeveralMistakesGetsThemAllInOneRunEachWithPathLineAndColumn() {
    String broken = WIGAN
        .replace("\"cap\": \"GBP 4000.00\"", "\"cap\": \"EUR 4000.00\"")
        .replace("\"upTo\": \"GBP 500.00\" },\n        { \"role\": \"TEAM_MANAGER\" } ] }\n    },",
            "\"upTo\": \"GBP 500.001\" },\n        { \"role\": \"TEAM_MANAGER\" } ] }\n    },")
        .replace("\"effectiveFrom\": \"2020-04-01\"", "\"effectiveFrom\": \"2020-02-30\"")
        .replace("\"allTeamsEligible\": true,", "\"allTeamsEligble\": true,")
        .replace("\"scope\": \"FAMILY\",\n          \"period\"", "\"scope\": 3,\n          \"period\"");
    List<FileProblem> problems = problems(broken);
    List<String> found = problems.stream().map(p -> p.codeName() + " " + p.jsonPath() + " " + p.line() + ":"
        + p.column()).toList();
    assertEquals(List.of(
        "BAD_AMOUNT $.versions[0].approvalPolicy.tiers[0].upTo 17:73",
        "CURRENCY_MISMATCH $.versions[0].allowances[0].cap 14:78",
        "UNKNOWN_FIELD $.versions[1].allTeamsEligble 25:26",
        "BAD_DATE $.versions[1].effectiveFrom 22:24",
        "WRONG_TYPE $.versions[1].allowances[0].scope 27:86"), found);
    FileReadException e = assertThrows(FileReadException.class, () -> read(broken));
    assertEquals(5, e.getMessage().lines().count(), e.getMessage());
    // README's "Scheme files" quotes these two lines.
    assertTrue(e.getMessage().contains("wigan.scheme.json:14:78: $.versions[0].allowances[0].cap: allowances[0].cap "
        + "EUR 4000.00 must be in GBP, the scheme's currency [CURRENCY_MISMATCH]\n"), e.getMessage());
    assertTrue(e.getMessage().contains("wigan.scheme.json:25:26: $.versions[1].allTeamsEligble: unknown field; "
        + "expected one of [allTeamsEligible, allocation, allowances, allowedCategories, approvalPolicy, "
        + "blockedSubcategories, cashAllowed, effectiveFrom, eligibleTeams, evidencePolicy, refundRestoresAllowance, "
        + "repaymentRestoresAllowance, scheme, spendingFreeze, term, version] [UNKNOWN_FIELD]\n"), e.getMessage());
    assertTrue(e.getMessage().startsWith("wigan.scheme.json:17:73: $.versions[0].approvalPolicy.tiers[0].upTo: "
        + "must be an amount such as \"GBP 12.50\", but was 'GBP 500.001'"), e.getMessage());
  }

  @Test
  void theModelsOwnProblemsAcrossVersionsAreReportedWithTheirCodes() {
    String outOfOrder = WIGAN.replace("\"version\": 2,", "\"version\": 1,");
    List<FileProblem> problems = problems(outOfOrder);
    assertEquals(1, problems.size(), problems::toString);
    assertEquals(FileProblemCode.CONFIGURATION, problems.get(0).code());
    assertEquals(ProblemCode.VERSIONS_NOT_ASCENDING, problems.get(0).configurationCode().orElseThrow());
    assertEquals("$.versions[1]", problems.get(0).jsonPath());
    assertEquals(20, problems.get(0).line());

    String noId = WIGAN.replace("{ \"id\": \"family-fy\", \"name\": \"Family budget\"",
        "{ \"name\": \"Family budget\"");
    assertEquals(List.of("MISSING_FIELD $.versions[1].allowances[0].id"), problems(noId).stream()
        .map(p -> p.codeName() + " " + p.jsonPath()).toList(), "a scheme file names every allowance's id");
  }

  @Test
  void theTopLevelIsCheckedTooAndNothingIsEchoed() {
    String top = WIGAN.replace("\"schemeId\": \"wigan-devolved-budgets\"", "\"schemeId\": \"Jo Bloggs\"")
        .replace("\"currency\": \"GBP\"", "\"currency\": \"XYZ\"")
        .replace("\"council\": \"Wigan\",", "\"council\": \"Wigan\", \"Jo Bloggs lives at 1 High Street\": 1,");
    FileReadException e = assertThrows(FileReadException.class, () -> read(top));
    assertEquals(List.of("UNKNOWN_FIELD", "BAD_IDENTIFIER", "BAD_VALUE"), e.problems().stream()
        .map(FileProblem::codeName).toList(), e::getMessage);
    assertFalse(e.getMessage().contains("Bloggs"), e.getMessage());
    assertFalse(e.getMessage().contains("High Street"), e.getMessage());
    assertEquals("$[a field name of 32 characters]", e.problems().get(0).jsonPath());

    assertEquals(FileProblemCode.UNSUPPORTED_FORMAT, problems(WIGAN.replace("\"format\": 1", "\"format\": 2"))
        .get(0).code());
    assertEquals(FileProblemCode.MISSING_FIELD, problems(WIGAN.replace("\"format\": 1,", "")).get(0).code());
    assertEquals(FileProblemCode.DUPLICATE_FIELD, problems(WIGAN.replace("\"format\": 1,",
        "\"format\": 1, \"format\": 1,")).get(0).code());
    assertEquals(FileProblemCode.TRAILING_CONTENT, problems(WIGAN + "{}").get(0).code());
    assertEquals(FileProblemCode.SYNTAX, problems(WIGAN.substring(0, 200)).get(0).code());
  }

  @Test
  void aFileOnDiskIsReadAndAMissingOneIsAProblem() throws Exception {
    Path file = dir.resolve("wigan.scheme.json");
    Files.writeString(file, WIGAN);
    assertEquals(read(WIGAN), SchemeFiles.read(file));
    Path written = dir.resolve("written.scheme.json");
    SchemeFiles.write(read(WIGAN), written);
    assertEquals(read(WIGAN), SchemeFiles.read(written));
    FileReadException missing = assertThrows(FileReadException.class,
        () -> SchemeFiles.read(dir.resolve("missing.json")));
    assertEquals(FileProblemCode.UNREADABLE, missing.problems().get(0).code());
  }

  @Test
  void aYamlSchemeReadsTheSame() throws Exception {
    String yaml = String.join("\n",
        "format: 1",
        "schemeId: wigan-devolved-budgets",
        "council: Wigan",
        "currency: GBP",
        "versions:",
        "  - version: 1",
        "    effectiveFrom: 2019-04-01",
        "    scheme: Reunification and edge of care devolved budget",
        "    term: {start: 2019-04-01, end: 2021-04-01}",
        "    eligibleTeams: [wigan-reunification, wigan-edge-of-care]",
        "    allowances:",
        "      - {id: family-fy, name: Per family per financial year, cap: GBP 4000.00, scope: FAMILY,",
        "         period: financial-year}",
        "    approvalPolicy:",
        "      tiers:",
        "        - {role: SOCIAL_WORKER, upTo: GBP 500.00}",
        "        - {role: TEAM_MANAGER}",
        "");
    Path file = dir.resolve("wigan.scheme.yaml");
    Files.writeString(file, yaml);
    assertEquals(ConfigurationHistory.of(read(WIGAN).versions().get(0)), SchemeFiles.read(file));
    FileReadException bad = assertThrows(FileReadException.class, () -> SchemeFiles.read(JsonDocument.parseYaml(
        "bad.yaml", yaml.replace("cap: GBP 4000.00", "cap: GBP 4000.001"))));
    assertEquals("$.versions[0].allowances[0].cap", bad.problems().get(0).jsonPath());
    assertTrue(bad.problems().get(0).hasLocation());
  }

  @Test
  void theSchemaIsInTheJarAndNamesItself() {
    String schema = SchemeFiles.schema();
    var json = JsonMapper.builder().build().readTree(schema);
    assertEquals(SchemeFiles.SCHEMA_ID, json.get("$id").asString());
    assertEquals("https://json-schema.org/draft/2020-12/schema", json.get("$schema").asString());
  }
}
