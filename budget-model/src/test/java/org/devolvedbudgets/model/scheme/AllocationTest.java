package org.devolvedbudgets.model.scheme;

import static org.devolvedbudgets.model.scheme.Fixtures.codesAndPaths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.EqualsTester;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationTest {

  @Test
  void darlingtonsRandomisationIsExpressible() {
    Randomisation darlington = Randomisation.builder()
        .seed(2019L)
        .addStrata(AgeBand.of(0, 4), AgeBand.of(5, 9), AgeBand.of(10, 16))
        .suspendedFrom(LocalDate.of(2019, 10, 1))
        .build();
    AllocationPolicy policy = AllocationPolicy.randomised(darlington);
    assertEquals(AllocationMethod.RANDOMISED, policy.method());
    assertEquals(1, darlington.treatmentWeight());
    assertEquals(1, darlington.controlWeight());
    assertEquals("[0-4, 5-9, 10-16]", darlington.strata().toString());
    assertEquals(AllocationMethod.ALL_ELIGIBLE, AllocationPolicy.allEligible().method());
    assertTrue(AllocationPolicy.discretionary().randomisation().isEmpty());
  }

  @Test
  void reportsBadRatiosAndOverlappingStrataTogether() {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> Randomisation.builder()
        .seed(1L).treatmentWeight(0).controlWeight(-1)
        .addStrata(AgeBand.of(0, 4), AgeBand.of(4, 9), AgeBand.of(2, 3))
        .build());
    assertEquals(List.of(
            "RATIO_INVALID allocation.randomisation.treatmentWeight",
            "RATIO_INVALID allocation.randomisation.controlWeight",
            "STRATA_INVALID allocation.randomisation.strata[1]",
            "STRATA_INVALID allocation.randomisation.strata[2]"),
        codesAndPaths(e));
    assertEquals("age band 4-9 must start above the band before it, 0-4", e.problems().get(2).message());
  }

  @Test
  void methodAndRandomisationSettingsMustAgree() {
    Randomisation settings = Randomisation.builder().seed(1L).build();
    ConfigurationException withSettings = assertThrows(ConfigurationException.class, () ->
        new AllocationPolicy.Builder().method(AllocationMethod.ALL_ELIGIBLE).randomisation(settings).build());
    assertEquals("randomisation settings were given, but the method is ALL_ELIGIBLE",
        withSettings.problems().get(0).message());
    ConfigurationException without = assertThrows(ConfigurationException.class, () ->
        new AllocationPolicy.Builder().method(AllocationMethod.RANDOMISED).build());
    assertEquals(ProblemCode.ALLOCATION_INCONSISTENT, without.problems().get(0).code());
  }

  @Test
  void ageBandsAreValidatedAndCompared() {
    assertEquals("youngest must be 0 to 25, but was -1",
        assertThrows(IllegalArgumentException.class, () -> AgeBand.of(-1, 4)).getMessage());
    assertEquals("oldest must be 5 (youngest) to 25, but was 4",
        assertThrows(IllegalArgumentException.class, () -> AgeBand.of(5, 4)).getMessage());
    assertEquals("oldest must be 10 (youngest) to 25, but was 26",
        assertThrows(IllegalArgumentException.class, () -> AgeBand.of(10, 26)).getMessage());
    AgeBand band = AgeBand.of(5, 9);
    assertTrue(band.contains(5) && band.contains(9));
    assertFalse(band.contains(4) || band.contains(10));
    new EqualsTester()
        .addEqualityGroup(band, AgeBand.of(5, 9))
        .addEqualityGroup(AgeBand.of(5, 10))
        .addEqualityGroup(AgeBand.of(4, 9))
        .testEquals();
  }

  @Test
  void anAgeBandParsesFromTheFormFilesWrite() {
    assertEquals(AgeBand.of(5, 9), AgeBand.parse("5-9"));
    assertEquals(AgeBand.of(10, 16), AgeBand.parse("10-16"));
    for (String bad : List.of("", "5", "-9", "5-", "5--9", "a-9", "5-9-1", "123-4", "9-5", "5 - 9")) {
      assertThrows(IllegalArgumentException.class, () -> AgeBand.parse(bad), bad);
    }
  }
}
