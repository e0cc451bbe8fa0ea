package org.devolvedbudgets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

  @TempDir
  Path dir;

  private static final Path WIGAN = Shipped.SCHEMES.resolve("wigan.scheme.json");

  private Path edited(String from, String to) throws IOException {
    String text = Files.readString(WIGAN);
    assertTrue(text.contains(from), from);
    return Files.writeString(dir.resolve("edited-" + System.nanoTime() + ".json"), text.replace(from, to));
  }

  @Test
  void theShippedSchemesAreCleanAndExitZero() {
    Run result = Run.budget("check", WIGAN.toString(), Shipped.SCHEMES.resolve("hillingdon.scheme.json").toString(),
        Shipped.SCHEMES.resolve("darlington.scheme.json").toString());

    assertEquals(0, result.code(), result.out() + result.err());
    assertTrue(result.out().startsWith("ok " + WIGAN + ": scheme wigan-devolved-budgets, 1 version(s), no problems, "
        + "no warnings\n"), result.out());
    assertEquals(3, result.out().lines().count(), result.out());
  }

  @Test
  void aLintWarningIsPrintedWithItsPathAndCodeAndExitsOne() throws IOException {
    Path file = edited("\"upTo\": \"GBP 500.00\"", "\"upTo\": \"GBP 5000.00\"");

    Run result = Run.budget("check", file.toString());

    assertEquals(1, result.code(), result.out() + result.err());
    assertTrue(result.out().startsWith("warning " + file + ": $.versions[0]."), result.out());
    assertTrue(result.out().contains("[TIER_"), result.out());
  }

  @Test
  void everyProblemIsPrintedWithItsLineAndPathAndTheWorstCodeWins() throws IOException {
    Path bad = edited("\"cap\": \"GBP 4000.00\"", "\"cap\": \"GBP 4000.001\"");
    Path broken = Files.writeString(dir.resolve("broken.json"), "{ \"schemeId\": ");

    Run result = Run.budget("check", bad.toString(), WIGAN.toString(), broken.toString());

    assertEquals(2, result.code(), result.out() + result.err());
    assertTrue(result.out().contains("problem " + bad + ":"), result.out());
    assertTrue(result.out().contains("$.versions[0].allowances[0].cap: "), result.out());
    assertTrue(result.out().contains("ok " + WIGAN + ":"), "the good file between is still checked");
    assertTrue(result.out().contains("problem " + broken + ":1:"), result.out());
    assertFalse(result.out().contains("\tat "), "no stack trace");
  }

  @Test
  void noFileOrAMissingFileIsBadInput() {
    assertEquals(2, Run.budget("check").code());
    Run missing = Run.budget("check", dir.resolve("missing.json").toString());
    assertEquals(2, missing.code());
    assertTrue(missing.out().contains("no such file [UNREADABLE]"), missing.out());
  }
}
