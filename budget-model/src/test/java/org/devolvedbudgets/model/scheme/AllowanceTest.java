package org.devolvedbudgets.model.scheme;

import static org.devolvedbudgets.model.scheme.Fixtures.gbp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.EqualsTester;
import java.util.List;
import java.util.Optional;
import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.period.PeriodPolicy;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.junit.jupiter.api.Test;

class AllowanceTest {

  private static Allowance.Builder perFamily() {
    return Allowance.builder().id(AllowanceId.of("per-family-per-financial-year"))
        .name("Per family per financial year").cap(gbp("4000.00"))
        .scope(AllowanceScope.FAMILY).period(PeriodPolicy.financialYear());
  }

  @Test
  void defaultsToAHardCapOverTheWholePilotForEveryCategory() {
    Allowance allowance = Allowance.builder().id(AllowanceId.of("per-request")).name("Per request").cap(gbp("1000.00"))
        .scope(AllowanceScope.REQUEST).build();
    assertEquals(PeriodPolicy.wholePilot(), allowance.period());
    assertEquals(Enforcement.HARD, allowance.enforcement());
    assertEquals(Optional.empty(), allowance.category());
  }

  @Test
  void reportsEveryProblemWithCodeAndPath() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> perFamily().name(" ").cap(gbp("0.00")).build());
    assertEquals(List.of(
            new ConfigurationProblem(ProblemCode.TEXT_INVALID, "allowance.name", "allowance.name must be 1 to 100 "
                + "characters, not blank, without control or bidirectional formatting characters, but was 1 characters"),
            new ConfigurationProblem(ProblemCode.CAP_NOT_POSITIVE, "allowance.cap",
                "cap must be positive, but was GBP 0.00")),
        e.problems());
    assertTrue(e.getMessage().startsWith("Allowance has 2 problems: [TEXT_INVALID] allowance.name: "),
        e.getMessage());
    assertThrows(ConfigurationException.class, () -> perFamily().cap(gbp("-0.01")).build());
  }

  @Test
  void namesMissingAndNullAttributes() {
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> Allowance.builder().id(AllowanceId.of("x")).name("x").build());
    assertTrue(missing.getMessage().contains("cap") && missing.getMessage().contains("scope"),
        missing.getMessage());
    assertEquals("cap", assertThrows(NullPointerException.class, () -> perFamily().cap(null)).getMessage());
  }

  @Test
  void copiesWithAChangeThroughTheBuilder() {
    Allowance wigan = perFamily().build();
    Allowance soft = Allowance.builder().from(wigan).enforcement(Enforcement.SOFT).build();
    assertEquals(Enforcement.SOFT, soft.enforcement());
    assertEquals(wigan.cap(), soft.cap());
    assertThrows(ConfigurationException.class, () -> Allowance.builder().from(wigan).cap(gbp("0.00")).build());
  }

  @Test
  void equalityCoversEveryAttribute() {
    new EqualsTester()
        .addEqualityGroup(perFamily().build(), perFamily().build())
        .addEqualityGroup(perFamily().cap(gbp("4000.01")).build())
        .addEqualityGroup(perFamily().enforcement(Enforcement.SOFT).build())
        .addEqualityGroup(perFamily().category(SpendCategory.THERAPEUTIC).build())
        .addEqualityGroup(perFamily().period(PeriodPolicy.calendarYear()).build())
        .testEquals();
  }

  @Test
  void anAllowanceWithoutACategoryAppliesToEverySpendAndOneWithACategoryOnlyToItsOwn() {
    for (SpendCategory category : SpendCategory.values()) {
      assertTrue(perFamily().build().appliesTo(category));
      assertEquals(category == SpendCategory.THERAPEUTIC,
          perFamily().category(SpendCategory.THERAPEUTIC).build().appliesTo(category));
    }
    assertEquals("spendCategory",
        assertThrows(NullPointerException.class, () -> perFamily().build().appliesTo(null)).getMessage());
  }
}
