package org.devolvedbudgets.rules.position;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.NullPointerTester;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.money.CurrencyMismatchException;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.junit.jupiter.api.Test;

class BudgetPositionTest {

  private static final BudgetPeriod YEAR = BudgetPeriod.of(LocalDate.of(2019, 4, 1), LocalDate.of(2020, 4, 1));
  private static final FamilyId FAMILY = FamilyId.of("F-1");
  private static final AllowanceId PER_FAMILY = AllowanceId.of("per-family");
  private static final AllowanceId PILOT_GRANT = AllowanceId.of("pilot-grant");

  private static Money gbp(String amount) {
    return Money.parse("GBP " + amount);
  }

  @Test
  void holdsUsagesByAllowanceAndHolder() {
    Usage usage = Usage.of(YEAR, gbp("100.00"), gbp("20.00"));
    BudgetPosition position = BudgetPosition.builder()
        .usage(PER_FAMILY, FAMILY, usage)
        .pilotUsage(PILOT_GRANT, Usage.of(YEAR, gbp("5000.00"), gbp("0.00")))
        .build();
    assertEquals(Optional.of(usage), position.usage(PER_FAMILY, "F-1"));
    assertEquals(Optional.empty(), position.usage(PER_FAMILY, "F-2"));
    assertEquals(gbp("5000.00"), position.usage(PILOT_GRANT, BudgetPosition.PILOT).orElseThrow().posted());
    assertEquals(Map.of("F-1", usage), position.usagesOf(PER_FAMILY));
    assertEquals(Map.of(), position.usagesOf(AllowanceId.of("unknown")));
    assertTrue(BudgetPosition.empty().allocation().isEmpty());
  }

  @Test
  void rejectsASecondUsageForTheSameAllowanceAndHolder() {
    Usage usage = Usage.of(YEAR, gbp("1.00"), gbp("0.00"));
    BudgetPosition.Builder builder = BudgetPosition.builder().usage(PER_FAMILY, FAMILY, usage);
    assertEquals("usage of 'per-family' for F-1 was already added", assertThrows(IllegalArgumentException.class,
        () -> builder.usage(PER_FAMILY, FAMILY, usage)).getMessage());
    BudgetPosition.Builder pilot = BudgetPosition.builder().pilotUsage(PILOT_GRANT, usage);
    assertEquals("usage of 'pilot-grant' for the pilot was already added",
        assertThrows(IllegalArgumentException.class, () -> pilot.pilotUsage(PILOT_GRANT, usage)).getMessage());
  }

  @Test
  void aUsageForAKeyMustBeCountedInTheKeysPeriod() {
    UsageKey key = new UsageKey(PER_FAMILY, AllowanceScope.FAMILY, "F-1", YEAR);
    BudgetPeriod other = BudgetPeriod.of(LocalDate.of(2020, 4, 1), LocalDate.of(2021, 4, 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BudgetPosition.builder().usage(key, Usage.of(other, gbp("1.00"), gbp("0.00"))));
    assertEquals("usage period Period[2020-04-01, 2021-04-01) is not the key's period Period[2019-04-01, "
        + "2020-04-01)", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new UsageKey(AllowanceId.of("per-request"), AllowanceScope.REQUEST, "F-1", YEAR));
  }

  @Test
  void usageAmountsAreNonNegativeAndInOneCurrency() {
    assertEquals("posted must not be negative, but was GBP -0.01", assertThrows(IllegalArgumentException.class,
        () -> Usage.of(YEAR, gbp("-0.01"), gbp("0.00"))).getMessage());
    assertEquals("reserved must not be negative, but was GBP -0.01", assertThrows(IllegalArgumentException.class,
        () -> Usage.of(YEAR, gbp("0.00"), gbp("-0.01"))).getMessage());
    assertThrows(CurrencyMismatchException.class, () -> Usage.of(YEAR, gbp("1.00"), Money.parse("EUR 1.00")));
  }

  @Test
  void remainingIsNeverNegative() {
    RemainingBudget overCommitted = RemainingBudget.of(allowance("per-family", AllowanceScope.FAMILY, "100.00"),
        "F-1", Usage.of(YEAR, gbp("90.00"), gbp("20.00")));
    assertEquals(PER_FAMILY, overCommitted.allowanceId());
    assertEquals("Allowance per-family", overCommitted.allowanceName());
    assertEquals(gbp("0.00"), overCommitted.remaining());
    RemainingBudget perRequest = RemainingBudget.perRequest(allowance("per-request", AllowanceScope.REQUEST,
        "1000.00"));
    assertEquals(gbp("1000.00"), perRequest.remaining());
    assertEquals(Optional.empty(), perRequest.resetsOn());
    assertEquals("Allowance per-request: £1,000.00 limit, £0.00 spent, £0.00 reserved, £1,000.00 remaining",
        perRequest.toString());
    assertEquals(Optional.empty(), RemainingBudget.of(allowance("whole", AllowanceScope.PILOT, "1.00"), "",
        Usage.of(YEAR, gbp("0.00"), gbp("0.00"))).resetsOn());
    assertThrows(IllegalArgumentException.class, () -> RemainingBudget.of(allowance("per-request",
        AllowanceScope.REQUEST, "1.00"), "", Usage.of(YEAR, gbp("0.00"), gbp("0.00"))));
    assertThrows(IllegalArgumentException.class, () -> RemainingBudget.perRequest(allowance("whole",
        AllowanceScope.PILOT, "1.00")));
  }

  private static Allowance allowance(String id, AllowanceScope scope, String cap) {
    return Allowance.builder().id(AllowanceId.of(id)).name("Allowance " + id).scope(scope).cap(gbp(cap)).build();
  }

  @Test
  void publicMethodsRejectNull() {
    NullPointerTester tester = new NullPointerTester()
        .setDefault(BudgetPeriod.class, YEAR)
        .setDefault(Money.class, gbp("1.00"))
        .setDefault(Usage.class, Usage.of(YEAR, gbp("1.00"), gbp("0.00")))
        .setDefault(Allowance.class, allowance("per-family", AllowanceScope.FAMILY, "1.00"))
        .setDefault(AllowanceId.class, PER_FAMILY)
        .setDefault(UsageKey.class, new UsageKey(PER_FAMILY, AllowanceScope.FAMILY, "F-1", YEAR))
        .setDefault(org.devolvedbudgets.model.id.Identifier.class, FAMILY);
    tester.testAllPublicStaticMethods(Usage.class);
    tester.testAllPublicStaticMethods(RemainingBudget.class);
    tester.testAllPublicConstructors(UsageKey.class);
    tester.testAllPublicInstanceMethods(BudgetPosition.builder());
  }
}
