package org.devolvedbudgets.examples.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.devolvedbudgets.examples.replay.Replay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the runner says about a wrong expectation and about malformed files. */
class ScenarioFilesTest {

  @TempDir
  Path dir;

  private int written;

  private record Outcome(int code, String out, String err) {}

  private Outcome replay(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Replay.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private Path shippedWith(String name, String from, String to) throws IOException {
    String text = Files.readString(ShippedScenariosTest.SHIPPED.resolve(name));
    assertTrue(text.contains(from), from);
    return write(++written + "-" + name, text.replace(from, to));
  }

  @Test
  void aWrongExpectationFailsTheStepShowingExpectedAndActual() throws IOException {
    Path file = shippedWith("04-wigan-family-allowance-edge.json",
        "\"outcome\": \"DECLINED\", \"findings\": [\"EXCEEDS_FAMILY_ALLOWANCE\"]",
        "\"outcome\": \"APPROVED\", \"findings\": []");

    Outcome result = replay("--scenario", file.toString());

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

    Outcome result = replay("--scenario", file.toString());

    assertEquals(1, result.code());
    assertTrue(result.out().contains("refusal: expected ALREADY_RESOLVED, actual NOT_POSTED"), result.out());
  }

  @Test
  void notJsonNamesTheFileAndTheLine() throws IOException {
    Path file = write("broken.json", "{\n  \"name\": \"x\",\n  \"steps\": [\n}");

    Outcome result = replay("--scenario", file.toString());

    assertEquals(2, result.code());
    assertTrue(result.err().startsWith("replay: " + file + ": $: is not valid JSON at line 4"), result.err());
    assertFalse(result.err().contains("\tat "), "no stack trace without --debug");
    assertTrue(replay("--scenario", file.toString(), "--debug").err().contains("\tat "), "a stack trace with it");
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

    assertEquals(misspelt + ": $.steps[0].amout: unknown field; expected one of [amount, at, category, children, "
        + "expect, family, id, payment, step, subcategory, team, vatRecoverable, worker]", replay("--scenario",
            misspelt.toString()).err().lines().findFirst().orElseThrow().substring("replay: ".length()));
    assertTrue(replay("--scenario", scale.toString()).err().contains(scale + ": $.steps[0].amount: must be an "
        + "amount such as \"GBP 12.50\", but was 'GBP 113.001'"));
    Outcome badCap = replay("--scenario", cap.toString());
    assertEquals(2, badCap.code());
    assertTrue(badCap.err().contains(cap + ": $.configuration.allowances[1].cap: "), badCap.err());
    assertTrue(badCap.err().contains("[CURRENCY_MISMATCH]"), badCap.err());
    assertTrue(replay("--scenario", pilot.toString()).err().contains(
        "$.configuration.pilot: must be hillingdon, wigan or darlington, but was 'leeds'"));
    assertEquals("replay: " + missing + ": $: no such file", replay("--scenario", missing.toString()).err()
        .lines().findFirst().orElseThrow());
  }

  @Test
  void aStepNamingAnUnknownRequestIsAFileProblem() throws IOException {
    Path file = shippedWith("06-wigan-refund-and-void.json", "{ \"step\": \"void\", \"request\": \"wig-r21\"",
        "{ \"step\": \"void\", \"request\": \"wig-r99\"");

    Outcome result = replay("--scenario", file.toString());

    assertEquals(2, result.code());
    assertTrue(result.err().contains("$.steps[5].request: names request wig-r99, which no earlier step submitted"),
        result.err());
  }

  @Test
  void aStepTheLibraryRejectsAsImpossibleIsAFileProblem() throws IOException {
    Path file = shippedWith("06-wigan-refund-and-void.json", "\"amount\": \"GBP 350.00\"",
        "\"amount\": \"GBP 400.01\"");

    Outcome result = replay("--scenario", file.toString());

    assertEquals(2, result.code());
    assertTrue(result.err().startsWith("replay: " + file + ": $.steps[1]: the library rejects this step as "
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
    assertEquals(bad + ": $: must hold at least one version",
        org.junit.jupiter.api.Assertions.assertThrows(ScenarioFileException.class,
            () -> Scenarios.readConfiguration(bad)).getMessage());
  }
}
