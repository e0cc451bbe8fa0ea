package org.devolvedbudgets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.devolvedbudgets.examples.scenario.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the runner says about a wrong expectation and about malformed files. */
class ScenarioCommandTest {

  @TempDir
  Path dir;

  private int written;

  private record Outcome(int code, String out, String err) {}

  /** The arguments after {@code budget scenario}; {@code --debug} may come anywhere. */
  private static String[] withScenario(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "scenario";
    System.arraycopy(args, 0, all, 1, args.length);
    return all;
  }

  private Outcome replay(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Budget.run(withScenario(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private Path shippedWith(String name, String from, String to) throws IOException {
    String text = Files.readString(Shipped.SCENARIOS.resolve(name));
    assertTrue(text.contains(from), from);
    return write(++written + "-" + name, text.replace(from, to));
  }

  @Test
  void aWrongExpectationFailsTheStepShowingExpectedAndActual() throws IOException {
    Path file = shippedWith("04-wigan-family-allowance-edge.json",
        "\"outcome\": \"DECLINED\", \"findings\": [\"EXCEEDS_FAMILY_ALLOWANCE\"]",
        "\"outcome\": \"APPROVED\", \"findings\": []");

    Outcome result = replay(file.toString());

    assertEquals(1, result.code());
    assertTrue(result.out().contains("FAIL  step 4  submit wig-r2 GBP 0.02 RELATIONSHIP_BUILDING"), result.out());
    assertTrue(result.out().contains("outcome: expected APPROVED, actual DECLINED"), result.out());
    assertTrue(result.out().contains("findings: expected [], actual [EXCEEDS_FAMILY_ALLOWANCE]"), result.out());
    assertTrue(result.out().contains("5 of 6 steps passed: FAILED"), result.out());
  }

  @Test
  void aWrongRemainingBudgetOrRefusalIsReported() throws IOException {
    Path file = shippedWith("06-wigan-refund-and-void.json", "\"refusal\": \"NOT_POSTED\"",
        "\"refusal\": \"ALREADY_RESOLVED\"");

    Outcome result = replay(file.toString());

    assertEquals(1, result.code());
    assertTrue(result.out().contains("refusal: expected ALREADY_RESOLVED, actual NOT_POSTED"), result.out());
  }

  @Test
  void notJsonNamesTheFileAndTheLine() throws IOException {
    Path file = write("broken.json", "{\n  \"name\": \"x\",\n  \"steps\": [\n}");

    Outcome result = replay(file.toString());

    assertEquals(2, result.code());
    assertTrue(result.err().startsWith("budget scenario: " + file + ":4:1: $.steps[0]: is not well-formed JSON [SYNTAX]"),
        result.err());
    assertFalse(result.err().contains("\tat "), "no stack trace without --debug");
    assertTrue(replay(file.toString(), "--debug").err().contains("\tat "), "a stack trace with it");
  }

  @Test
  void aMisspeltFieldAWrongAmountAndABadConfigurationNameTheirJsonPath() throws IOException {
    Path misspelt = shippedWith("01-hillingdon-within-authority.json", "\"amount\": \"GBP 113.00\"",
        "\"amout\": \"GBP 113.00\"");
    Path scale = shippedWith("01-hillingdon-within-authority.json", "\"GBP 113.00\"", "\"GBP 113.001\"");
    Path cap = shippedWith("03-hillingdon-grant-exhausted.json", "\"cap\": \"GBP 1000.00\", \"scope\": \"PILOT\"",
        "\"cap\": \"EUR 1000.00\", \"scope\": \"PILOT\"");
    Path pilot = shippedWith("04-wigan-family-allowance-edge.json", "\"pilot\": \"wigan\"", "\"pilot\": \"leeds\"");
    Path missing = dir.resolve("missing.json");

    assertEquals(misspelt + ":8:16: $.steps[0].amout: unknown field; expected one of [amount, at, category, "
        + "children, description, expect, family, id, payment, repayment, requestedAt, shares, step, subcategory, "
        + "team, vatRecoverable, worker] [UNKNOWN_FIELD]", replay(
            misspelt.toString()).err().lines().findFirst().orElseThrow().substring("budget scenario: ".length()));
    assertTrue(replay(scale.toString()).err().contains(": $.steps[0].amount: must be an "
        + "amount such as \"GBP 12.50\", but was 'GBP 113.001'"));
    Outcome badCap = replay(cap.toString());
    assertEquals(2, badCap.code());
    assertTrue(badCap.err().contains(cap + ":"), badCap.err());
    assertTrue(badCap.err().contains(": $.configuration.allowances[1].cap: "), badCap.err());
    assertTrue(badCap.err().contains("[CURRENCY_MISMATCH]"), badCap.err());
    assertTrue(replay(pilot.toString()).err().contains(
        "$.configuration.pilot: must be one of [darlington, hillingdon, wigan], but was 'leeds' [BAD_VALUE]"));
    assertEquals("budget scenario: " + missing + ": $: no such file [UNREADABLE]", replay(missing.toString()).err()
        .lines().findFirst().orElseThrow());
  }

  @Test
  void aStepNamingAnUnknownRequestIsAFileProblem() throws IOException {
    Path file = shippedWith("06-wigan-refund-and-void.json", "{ \"step\": \"void\", \"request\": \"wig-r21\"",
        "{ \"step\": \"void\", \"request\": \"wig-r99\"");

    Outcome result = replay(file.toString());

    assertEquals(2, result.code());
    assertTrue(result.err().contains("$.steps[5].request: names request wig-r99, which no earlier step submitted"),
        result.err());
  }

  @Test
  void aStepTheLibraryRejectsAsImpossibleIsAFileProblem() throws IOException {
    Path file = shippedWith("06-wigan-refund-and-void.json", "\"amount\": \"GBP 350.00\"",
        "\"amount\": \"GBP 400.01\"");

    Outcome result = replay(file.toString());

    assertEquals(2, result.code());
    assertTrue(result.err().startsWith("budget scenario: " + file + ": $.steps[1]: the library rejects this step as "
        + "impossible: "), result.err());
    assertFalse(result.err().contains("\tat "), result.err());
  }

  @Test
  void aConfigurationFileReadsOnItsOwn() throws IOException {
    Path file = write("wigan-calendar.json", "{ \"pilot\": \"wigan\", \"allowances\": [ { \"name\": \"Per family\","
        + " \"cap\": \"GBP 4000.00\", \"scope\": \"FAMILY\", \"period\": \"calendar-year\" } ] }");

    var history = Scenarios.readConfiguration(file);

    assertEquals("CalendarYear", history.latest().allowances().get(0).period().toString());
    Path bad = write("bad.json", "[]");
    assertEquals(bad + ":1:1: $: must hold at least one version [MISSING_FIELD]",
        org.junit.jupiter.api.Assertions.assertThrows(org.devolvedbudgets.json.read.FileReadException.class,
            () -> Scenarios.readConfiguration(bad)).getMessage());
  }

  @Test
  void everyNewExpectationFailsWhenTheLibraryDoesOtherwise() throws IOException {
    List<String[]> cases = List.of(
        new String[] {"22-wigan-retries-and-conflicts.json", "\"conflict\": [\"amount\", \"description\"]",
            "\"conflict\": [\"amount\"]", "conflict: expected [amount], actual [amount, description]"},
        new String[] {"22-wigan-retries-and-conflicts.json", "\"retry\": false, \"version\": 1",
            "\"retry\": true, \"version\": 2", "version: expected 2, actual 1"},
        new String[] {"22-wigan-retries-and-conflicts.json", "\"retry\": false, \"version\": 1",
            "\"retry\": true", "retry: expected true, actual false"},
        new String[] {"20-wigan-approver-of-another-team.json", "\"approvalRefusals\": [\"OTHER_TEAM\"]",
            "\"approvalRefusals\": [\"ROLE_NOT_SENIOR_ENOUGH\"]",
            "approvalRefusals: expected [ROLE_NOT_SENIOR_ENOUGH], actual [OTHER_TEAM]"},
        new String[] {"21-siblings-share-a-purchase.json", "\"exa-c10\": \"GBP 49.99\"", "\"exa-c10\": \"GBP 50.00\"",
            "remaining[\"Per child\"][exa-c10]: expected GBP 50.00, actual GBP 49.99"},
        new String[] {"16-darlington-pilot-ends-with-holds-open.json", "\"Per family\": \"GBP 9750.00\"",
            "\"Per family\": \"GBP 9150.00\"", "remaining[\"Per family\"]: expected GBP 9150.00, actual GBP 9750.00"},
        new String[] {"16-darlington-pilot-ends-with-holds-open.json", "\"expired\": 1", "\"expired\": 0",
            "expired: expected 0, actual 1"},
        new String[] {"22-wigan-retries-and-conflicts.json", "\"conflict\": [\"familyId\", \"requestedAt\"]",
            "\"outcome\": \"APPROVED\"", "conflict: expected none, actual a conflict with the earlier request "
                + "wig-r110 on [familyId, requestedAt]"});
    for (String[] change : cases) {
      Outcome result = replay(shippedWith(change[0], change[1], change[2]).toString());
      assertEquals(1, result.code(), () -> change[3] + ": " + result.out() + result.err());
      assertTrue(result.out().contains(change[3]), () -> change[3] + " in " + result.out());
    }
  }

  @Test
  void aFormatOneFileCannotUseTheFeaturesOfFormatTwo() throws IOException {
    Path file = shippedWith("22-wigan-retries-and-conflicts.json", "\"format\": 2,", "");
    Outcome result = replay(file.toString());
    assertEquals(2, result.code());
    assertTrue(result.err().contains("$.steps[0].description: is a field of scenario format 2: add \"format\": 2 "
        + "to the file"), result.err());
    assertTrue(result.err().contains("$.evaluation: is part of scenario format 2"), result.err());
    assertEquals(2, replay(shippedWith("01-hillingdon-within-authority.json", "\"name\"",
        "\"format\": 4, \"name\"").toString()).code(), "a format this runner does not know");
  }

  @Test
  void aFormatTwoFileCannotCheckTheApprovalQueue() throws IOException {
    Path file = shippedWith("26-wigan-approval-queue.json", "\"format\": 3,", "\"format\": 2,");
    Outcome result = replay(file.toString());
    assertEquals(2, result.code());
    assertTrue(result.err().contains("$.steps[4].expect.approvalQueue: is an expectation of scenario format 3: add "
        + "\"format\": 3 to the file"), result.err());
  }

  @Test
  void aWrongApprovalQueueListsBothInOrder() throws IOException {
    Path file = shippedWith("26-wigan-approval-queue.json", "\"approvalQueue\": [\"wig-q1\", \"wig-q3\"]",
        "\"approvalQueue\": [\"wig-q3\", \"wig-q1\"]");
    Outcome result = replay(file.toString());
    assertEquals(1, result.code(), result.err());
    assertTrue(result.out().contains("approvalQueue: expected [wig-q3, wig-q1], actual [wig-q1, wig-q3]"),
        result.out());
  }

  @Test
  void everyConfigurationProblemIsReportedAtOnceAcrossNestedObjects() throws IOException {
    Path file = shippedWith("01-hillingdon-within-authority.json", "\"configuration\": { \"pilot\": \"hillingdon\" }",
        "\"configuration\": { \"pilot\": \"hillingdon\", \"council\": \"Hillingdon\\u202e\", "
            + "\"allowances\": [ { \"name\": \"Per request\", \"cap\": \"EUR 1000.00\", \"scope\": \"REQUEST\" }, "
            + "{ \"name\": \"Grant\", \"cap\": \"GBP 0.00\", \"scope\": \"PILOT\", \"period\": \"fortnightly\" } ], "
            + "\"approvalPolicy\": { \"tiers\": [ { \"role\": \"TEAM_MANAGER\", \"upTo\": \"GBP 500.00\" }, "
            + "{ \"role\": \"SOCIAL_WORKER\", \"upTo\": \"GBP -1.00\" } ] } }");
    Outcome result = replay(file.toString());
    assertEquals(2, result.code());
    List<String> lines = result.err().lines().map(line -> line.substring(line.indexOf(": $") + 2)).toList();
    assertEquals(List.of(
        "$.configuration.council: must be 1 to 100 characters, not blank, without control or bidirectional "
            + "characters, but was 11 characters with U+202E at index 10 [BAD_VALUE]",
        "$.configuration.allowances[1].period: must be financial-year, calendar-year, whole-pilot or rolling-N-days, "
            + "but was 'fortnightly' (unknown period) [BAD_VALUE]",
        "$.configuration.allowances[1].cap: cap must be positive, but was GBP 0.00 [CAP_NOT_POSITIVE]",
        "$.configuration.approvalPolicy.tiers[1].upTo: upTo must be positive, but was GBP -1.00 [TIER_LIMIT_NOT_POSITIVE]",
        "$.configuration.allowances[0].cap: allowances[0].cap EUR 1000.00 must be in GBP, the scheme's currency "
            + "[CURRENCY_MISMATCH]"), lines);
  }

  @Test
  void aBadTierAndAForeignCapAreBothReported() throws IOException {
    Path file = shippedWith("01-hillingdon-within-authority.json", "\"configuration\": { \"pilot\": \"hillingdon\" }",
        "\"configuration\": { \"pilot\": \"hillingdon\", "
            + "\"allowances\": [ { \"name\": \"Per request\", \"cap\": \"EUR 1000.00\", \"scope\": \"REQUEST\" } ], "
            + "\"approvalPolicy\": { \"tiers\": [ { \"role\": \"TEAM_MANAGER\", \"upTo\": \"GBP 500.00\" }, "
            + "{ \"role\": \"SOCIAL_WORKER\", \"upTo\": \"GBP 100.00\" } ] } }");
    List<String> lines = replay(file.toString()).err().lines()
        .map(line -> line.substring(line.indexOf(": $") + 2)).toList();
    assertEquals(List.of(
        "$.configuration.approvalPolicy.tiers[1].role: role SOCIAL_WORKER must be more senior than the role below "
            + "it, TEAM_MANAGER [TIER_ROLES_NOT_ASCENDING]",
        "$.configuration.approvalPolicy.tiers[1].upTo: upTo GBP 100.00 must be above the tier below it, GBP 500.00 "
            + "[TIER_LIMITS_NOT_ASCENDING]",
        "$.configuration.allowances[0].cap: allowances[0].cap EUR 1000.00 must be in GBP, the scheme's currency "
            + "[CURRENCY_MISMATCH]"), lines);
  }

  @Test
  void everyStepProblemInAFileIsReportedAtOnce() throws IOException {
    Path file = shippedWith("01-hillingdon-within-authority.json", "\"amount\": \"GBP 113.00\"",
        "\"amout\": \"GBP 113.00\"");
    Path twice = write("twice.json", Files.readString(file).replace("\"amount\": \"GBP 9.40\"",
        "\"amount\": \"GBP 9.401\"").replace("\"family\": \"hil-vat-f2\"", "\"family\": \"Jo Bloggs\""));
    Outcome result = replay(twice.toString());
    assertEquals(2, result.code());
    assertEquals(3, result.err().lines().count(), result.err());
    assertTrue(result.err().contains("$.steps[0].amout: unknown field"), result.err());
    assertTrue(result.err().contains("$.steps[3].family: must be a family id"), result.err());
    assertTrue(result.err().contains("$.steps[4].amount: must be an amount"), result.err());
    assertFalse(result.err().contains("Bloggs"), result.err());
  }

  @Test
  void aRunOfSeveralFilesGoesOnPastABadOneAndExitsWithTheWorstCode() throws IOException {
    Path bad = write("bad.json", "{ \"name\": \"x\" } trailing");
    Path failing = shippedWith("04-wigan-family-allowance-edge.json",
        "\"outcome\": \"DECLINED\", \"findings\": [\"EXCEEDS_FAMILY_ALLOWANCE\"]", "\"outcome\": \"APPROVED\"");
    Path good = Shipped.SCENARIOS.resolve("01-hillingdon-within-authority.json");
    Outcome result = replay(bad.toString(), failing.toString(), good.toString());
    assertEquals(2, result.code());
    assertTrue(result.err().startsWith("budget scenario: " + bad + ":1:17: $: has more after the end of its document"),
        result.err());
    assertTrue(result.out().contains("FAILED"), result.out());
    assertTrue(result.out().contains("Scenario " + good + ": "), "the file after the bad one still runs");
    assertEquals(1, replay(failing.toString(), good.toString()).code());
  }

  @Test
  void anIdenticalRetryNeedsNoRepeatedTimeAndNoDescription() throws IOException {
    Path file = write("retry.json", "{ \"format\": 2, \"name\": \"retry\", \"configuration\": { \"pilot\": \"wigan\" },"
        + " \"start\": \"2019-05-13T10:00\", \"steps\": ["
        + " { \"step\": \"submit\", \"id\": \"r1\", \"family\": \"f1\", \"team\": \"wigan-reunification\","
        + " \"worker\": \"w1\", \"amount\": \"GBP 700.00\", \"category\": \"PRACTICAL\" },"
        + " { \"step\": \"advance\", \"by\": \"PT1H\" },"
        + " { \"step\": \"submit\", \"id\": \"r1\", \"family\": \"f1\", \"team\": \"wigan-reunification\","
        + " \"worker\": \"w1\", \"amount\": \"GBP 700.00\", \"category\": \"PRACTICAL\","
        + " \"expect\": { \"retry\": true, \"outcome\": \"NEEDS_APPROVAL\" } } ] }");
    Outcome result = replay(file.toString());
    assertEquals(0, result.code(), result.out() + result.err());
  }
}
