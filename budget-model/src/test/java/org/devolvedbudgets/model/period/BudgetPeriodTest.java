package org.devolvedbudgets.model.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetPeriodTest {

  private static final BudgetPeriod PILOT = BudgetPeriod.of(LocalDate.of(2019, 4, 1), LocalDate.of(2020, 4, 1));

  private static Instant london(int year, int month, int day, int hour, int minute) {
    return LocalDateTime.of(year, month, day, hour, minute).atZone(BudgetPeriod.ZONE).toInstant();
  }

  @Test
  void isHalfOpenStartIncludedEndExcluded() {
    assertTrue(PILOT.contains(LocalDate.of(2019, 4, 1)));
    assertTrue(PILOT.contains(LocalDate.of(2020, 3, 31)));
    assertFalse(PILOT.contains(LocalDate.of(2020, 4, 1)));
    assertFalse(PILOT.contains(LocalDate.of(2019, 3, 31)));
    assertEquals(366, PILOT.lengthInDays()); // 2020 is a leap year
    assertEquals(LocalDate.of(2020, 4, 1), PILOT.resetsOn());
    assertEquals("Period[2019-04-01, 2020-04-01)", PILOT.toString());
  }

  @Test
  void lastMinuteOf31MarchAndFirstMinuteOf1AprilAreInDifferentFinancialYears() {
    Instant lastMinute = london(2020, 3, 31, 23, 59);
    Instant firstMinute = london(2020, 4, 1, 0, 0);
    BudgetPeriod year2019 = PeriodPolicy.financialYear().periodContaining(BudgetPeriod.toLocalDate(lastMinute), PILOT);
    assertEquals("FinancialYear[2019-04-01, 2020-04-01)", year2019.toString());
    assertTrue(year2019.contains(lastMinute));
    assertFalse(year2019.contains(firstMinute));
    // 31 March 2020 is in British Summer Time: 00:00 on 1 April in London is 23:00 UTC on 31 March.
    assertEquals(Instant.parse("2020-03-31T23:00:00Z"), firstMinute);
    assertEquals(firstMinute, year2019.endInstant());
    assertFalse(year2019.contains(Instant.parse("2020-03-31T23:30:00Z")));
  }

  @Test
  void summerTimeChangesDoNotMoveBoundaries() {
    // Clocks went forward at 01:00 UTC on 31 March 2019 and back at 01:00 UTC on 27 October 2019.
    BudgetPeriod week = PeriodPolicy.rollingDays(7).periodContaining(LocalDate.of(2019, 4, 2), PILOT);
    assertEquals(LocalDate.of(2019, 3, 27), week.start());
    assertEquals(7, week.lengthInDays());
    assertEquals(Instant.parse("2019-03-27T00:00:00Z"), week.startInstant()); // GMT
    assertEquals(Instant.parse("2019-04-02T23:00:00Z"), week.endInstant()); // BST
    BudgetPeriod calendar2019 = PeriodPolicy.calendarYear().periodContaining(LocalDate.of(2019, 10, 27), PILOT);
    assertTrue(calendar2019.contains(Instant.parse("2019-10-27T00:59:59Z")));
    assertTrue(calendar2019.contains(Instant.parse("2019-10-27T01:00:00Z")));
    assertEquals(Instant.parse("2019-01-01T00:00:00Z"), calendar2019.startInstant());
  }

  @Test
  void rejectsAnEndThatIsNotAfterTheStart() {
    LocalDate day = LocalDate.of(2019, 4, 1);
    assertEquals("end 2019-04-01 must be after start 2019-04-01",
        assertThrows(IllegalArgumentException.class, () -> BudgetPeriod.of(day, day)).getMessage());
    assertEquals("end 2019-03-31 must be after start 2019-04-01",
        assertThrows(IllegalArgumentException.class, () -> BudgetPeriod.of(day, day.minusDays(1))).getMessage());
  }

  @Test
  void equalityIncludesTheKindOfPeriod() {
    BudgetPeriod financialYear = PeriodPolicy.financialYear().periodContaining(LocalDate.of(2019, 5, 1), PILOT);
    BudgetPeriod wholePilot = PeriodPolicy.wholePilot().periodContaining(LocalDate.of(2019, 5, 1), PILOT);
    assertEquals(PILOT.start(), financialYear.start());
    assertEquals(PILOT.end(), financialYear.end());
    new EqualsTester()
        .addEqualityGroup(PILOT, BudgetPeriod.of(LocalDate.of(2019, 4, 1), LocalDate.of(2020, 4, 1)))
        .addEqualityGroup(financialYear, PeriodPolicy.financialYear().periodContaining(LocalDate.of(2020, 1, 1), PILOT))
        .addEqualityGroup(wholePilot)
        .addEqualityGroup(BudgetPeriod.of(LocalDate.of(2019, 4, 1), LocalDate.of(2020, 4, 2)))
        .testEquals();
    assertNotEquals(financialYear, wholePilot);
  }

  @Test
  void everyPeriodShowsItsKindAndIsRebuiltEqualFromItsParts() {
    LocalDate day = LocalDate.of(2019, 5, 15);
    for (PeriodPolicy policy : List.of(PeriodPolicy.financialYear(), PeriodPolicy.calendarYear(),
        PeriodPolicy.rollingDays(30), PeriodPolicy.rollingDays(PeriodPolicy.MAX_ROLLING_DAYS),
        PeriodPolicy.wholePilot())) {
      BudgetPeriod drawn = policy.periodContaining(day, PILOT);
      assertEquals(policy.kind(), drawn.kind(), policy.toString());
      BudgetPeriod rebuilt = BudgetPeriod.of(drawn.kind(), drawn.start(), drawn.end());
      assertEquals(drawn, rebuilt);
      assertEquals(drawn.toString(), rebuilt.toString());
      assertEquals(drawn.resets(), rebuilt.resets());
    }
    assertEquals(PeriodKind.RANGE, PILOT.kind());
    assertEquals(PILOT, BudgetPeriod.of(PeriodKind.RANGE, PILOT.start(), PILOT.end()));
  }

  @Test
  void onlyYearsCloseTheBudget() {
    assertTrue(PeriodKind.FINANCIAL_YEAR.closesBudget());
    assertTrue(PeriodKind.CALENDAR_YEAR.closesBudget());
    assertFalse(PeriodKind.ROLLING_DAYS.closesBudget());
    assertFalse(PeriodKind.WHOLE_PILOT.closesBudget());
    assertFalse(PeriodKind.RANGE.closesBudget());
  }

  @Test
  void rejectsDaysThatDoNotFitTheKind() {
    assertEquals("a financial year runs from 1 April to the next 1 April, but start 2019-04-02 and end 2020-04-02 "
        + "do not", assertThrows(IllegalArgumentException.class, () -> BudgetPeriod.of(PeriodKind.FINANCIAL_YEAR,
            LocalDate.of(2019, 4, 2), LocalDate.of(2020, 4, 2))).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> BudgetPeriod.of(PeriodKind.CALENDAR_YEAR, LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31)));
    assertThrows(IllegalArgumentException.class,
        () -> BudgetPeriod.of(PeriodKind.ROLLING_DAYS, LocalDate.of(2000, 1, 1), LocalDate.of(2019, 1, 1)));
    assertEquals(LocalDate.of(2019, 1, 1),
        BudgetPeriod.of(PeriodKind.CALENDAR_YEAR, LocalDate.of(2019, 1, 1), LocalDate.of(2020, 1, 1)).start());
  }

  @Test
  void farFutureInstantsAreRejectedNamingTheParameter() {
    assertEquals("instant +1000000000-12-31T23:59:59.999999999Z is outside the dates the library supports, "
        + "1900-01-01 to 9999-12-31 in Europe/London",
        assertThrows(IllegalArgumentException.class, () -> BudgetPeriod.toLocalDate(Instant.MAX)).getMessage());
    assertFalse(PILOT.contains(Instant.MAX));
    assertFalse(PILOT.contains(Instant.MIN));
  }

  @Test
  void publicMethodsRejectNull() {
    NullPointerTester tester = new NullPointerTester()
        .setDefault(LocalDate.class, LocalDate.of(2019, 5, 1))
        .setDefault(BudgetPeriod.class, PILOT);
    tester.testAllPublicStaticMethods(BudgetPeriod.class);
    tester.testAllPublicStaticMethods(LondonTime.class);
    tester.testAllPublicInstanceMethods(PILOT);
    tester.testAllPublicInstanceMethods(PeriodPolicy.financialYear());
    tester.testAllPublicInstanceMethods(PeriodPolicy.wholePilot());
  }
}
