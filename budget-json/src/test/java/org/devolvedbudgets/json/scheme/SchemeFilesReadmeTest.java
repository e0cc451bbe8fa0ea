package org.devolvedbudgets.json.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.devolvedbudgets.json.read.JsonDocument;
import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.junit.jupiter.api.Test;

/** README's YAML scheme file reads, and says what the README says it does. */
class SchemeFilesReadmeTest {

  @Test
  void theReadmesYamlSchemeReads() throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    int marker = readme.indexOf("<!-- scheme-example:");
    assertTrue(marker >= 0, "README has its scheme example");
    int start = readme.indexOf("```yaml\n", marker) + "```yaml\n".length();
    String yaml = readme.substring(start, readme.indexOf("```", start));
    ConfigurationHistory history = SchemeFiles.read(JsonDocument.parseYaml("README.md", yaml));
    assertEquals(2, history.versions().size());
    assertEquals(AllowanceId.of("family-fy"), history.versions().get(0).allowances().get(0).id());
    assertEquals(AllowanceId.of("family-fy"), history.latest().allowances().get(0).id());
    assertEquals("Family budget", history.latest().allowances().get(0).name());
    assertEquals(Money.parse("GBP 4500.00"), history.latest().allowances().get(0).cap());
    assertEquals(SchemeFiles.read(JsonDocument.parseJson("wigan.scheme.json", SchemeFilesTest.WIGAN)), history,
        "the YAML is the test's JSON scheme");
  }
}
