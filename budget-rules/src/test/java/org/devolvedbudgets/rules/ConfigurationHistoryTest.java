package org.devolvedbudgets.rules;

import static org.devolvedbudgets.rules.TestPilots.darlington;
import static org.devolvedbudgets.rules.TestPilots.darlingtonSuspended;
import static org.devolvedbudgets.rules.TestPilots.hillingdon;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.devolvedbudgets.model.scheme.ConfigurationException;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.junit.jupiter.api.Test;

class ConfigurationHistoryTest {

  private static final ConfigurationHistory DARLINGTON = ConfigurationHistory.of(List.of(darlington(),
      darlingtonSuspended()));

  @Test
  void aRequestIsDecidedUnderTheVersionInForceOnItsDate() {
    assertEquals(1, DARLINGTON.inForceOn(LocalDate.of(2019, 4, 1)).version());
    assertEquals(1, DARLINGTON.inForceOn(LocalDate.of(2019, 9, 30)).version());
    assertEquals(2, DARLINGTON.inForceOn(LocalDate.of(2019, 10, 1)).version());
    assertEquals(2, DARLINGTON.inForceOn(LocalDate.of(2030, 1, 1)).version());
    assertEquals(2, DARLINGTON.latest().version());
    assertEquals(2, DARLINGTON.versions().size());
  }

  @Test
  void aDateBeforeTheFirstVersionIsAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DARLINGTON.inForceOn(LocalDate.of(2019, 3, 31)));
    assertEquals("date 2019-03-31 is before the first configuration version of Darlington 'Devolved budgets for "
        + "families at risk of care proceedings', effective from 2019-04-01", e.getMessage());
  }

  @Test
  void versionsMustRiseAndBelongToOneScheme() {
    PilotConfiguration sameDate = PilotConfiguration.builder().from(darlington()).version(2).build();
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> ConfigurationHistory.of(List.of(darlington(), sameDate, hillingdon())));
    assertEquals(List.of("VERSIONS_NOT_ASCENDING versions[1]", "VERSIONS_NOT_ASCENDING versions[2]",
            "SCHEME_CHANGED versions[2]"),
        e.problems().stream().map(p -> p.code() + " " + p.path()).collect(Collectors.toList()));
    assertEquals("version 2 effective from 2019-04-01 must come after version 1 effective from 2019-04-01",
        e.problems().get(0).message());
    assertEquals("[NO_VERSIONS] versions: a configuration history needs at least one version",
        assertThrows(ConfigurationException.class, () -> ConfigurationHistory.of(List.of())).problems().get(0)
            .toString());
  }
}
