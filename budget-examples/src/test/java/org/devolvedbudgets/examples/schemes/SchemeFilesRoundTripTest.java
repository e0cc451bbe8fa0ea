package org.devolvedbudgets.examples.schemes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.devolvedbudgets.examples.generators.DomainGenerators;
import org.devolvedbudgets.examples.pilots.Pilots;
import org.devolvedbudgets.json.read.JsonDocument;
import org.devolvedbudgets.json.scheme.SchemeFiles;
import org.devolvedbudgets.json.scheme.SchemeLint;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.junit.jupiter.api.Test;

/**
 * Scheme files round-trip: {@code read(write(h))} equals {@code h} for the three pilots and for generated
 * configurations, and the scheme files shipped for the pilots read as the pilots and are in canonical form.
 */
class SchemeFilesRoundTripTest {

  /** The shipped scheme files, in the repository and the jar. */
  static final Path SHIPPED = Path.of("src/main/resources/schemes");

  private static final Map<String, ConfigurationHistory> PILOTS = Map.of(
      "hillingdon.scheme.json", ConfigurationHistory.of(Pilots.hillingdon()),
      "wigan.scheme.json", ConfigurationHistory.of(Pilots.wigan()),
      "darlington.scheme.json", Pilots.darlingtonWithRandomisationSuspended(LocalDate.of(2019, 10, 1)));

  private static ConfigurationHistory reread(ConfigurationHistory history) {
    return SchemeFiles.read(JsonDocument.parseJson("written.json", SchemeFiles.write(history)));
  }

  @Test
  void thePilotsHaveNoLintWarnings() {
    PILOTS.forEach((file, history) -> assertEquals(java.util.List.of(), SchemeLint.check(history), file));
  }

  @Test
  void thePilotsRoundTrip() {
    PILOTS.values().forEach(history -> assertEquals(history, reread(history)));
  }

  @Test
  void generatedConfigurationsRoundTrip() {
    qt().withExamples(300).forAll(DomainGenerators.configurations()).checkAssert(configuration -> {
      ConfigurationHistory history = ConfigurationHistory.of(configuration);
      assertEquals(history, reread(history), () -> SchemeFiles.write(history));
    });
  }

  @Test
  void generatedConfigurationsWithASpendingFreezeRoundTrip() {
    qt().withExamples(200).forAll(DomainGenerators.frozenConfigurations()).checkAssert(configuration -> {
      ConfigurationHistory history = ConfigurationHistory.of(configuration);
      assertEquals(history, reread(history), () -> SchemeFiles.write(history));
    });
  }

  @Test
  void generatedConfigurationsWithAnEvidencePolicyRoundTrip() {
    qt().withExamples(200).forAll(DomainGenerators.evidenceConfigurations()).checkAssert(configuration -> {
      ConfigurationHistory history = ConfigurationHistory.of(configuration);
      assertEquals(history, reread(history), () -> SchemeFiles.write(history));
    });
  }

  @Test
  void theShippedSchemeFilesAreThePilotsInCanonicalForm() throws IOException {
    for (Map.Entry<String, ConfigurationHistory> pilot : PILOTS.entrySet()) {
      Path file = SHIPPED.resolve(pilot.getKey());
      assertEquals(pilot.getValue(), SchemeFiles.read(file), file::toString);
      assertEquals(Files.readString(file), SchemeFiles.write(SchemeFiles.read(file)), file::toString);
    }
  }
}
