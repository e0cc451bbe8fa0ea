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
  void publicMethodsRejectNull() {
    NullPointerTester tester = new NullPointerTester()
        .setDefault(LocalDate.class, LocalDate.of(2019, 5, 1))
        .setDefault(BudgetPeriod.class, PILOT);
    tester.testAllPublicStaticMethods(BudgetPeriod.class);
    tester.testAllPublicInstanceMethods(PILOT);
    tester.testAllPublicInstanceMethods(PeriodPolicy.financialYear());
    tester.testAllPublicInstanceMethods(PeriodPolicy.wholePilot());
  }
}
