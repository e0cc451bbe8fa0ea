package org.devolvedbudgets.model.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.dates;
import static org.quicktheories.generators.SourceDSL.integers;

import com.google.common.testing.EqualsTester;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class PeriodPolicyTest {

  private static final BudgetPeriod PILOT = BudgetPeriod.of(LocalDate.of(2019, 4, 1), LocalDate.of(2020, 4, 1));

  /** Days from 1990 to about 2100. */
  private static final Gen<LocalDate> DAYS = integers().between(7305, 47482).map(LocalDate::ofEpochDay);

  @Test
  void drawsThePeriodsInTheTable() {
    LocalDate may15 = LocalDate.of(2019, 5, 15);
    assertEquals("FinancialYear[2019-04-01, 2020-04-01)",
        PeriodPolicy.financialYear().periodContaining(may15, PILOT).toString());
    assertEquals("CalendarYear[2019-01-01, 2020-01-01)",
        PeriodPolicy.calendarYear().periodContaining(may15, PILOT).toString());
    assertEquals("Rolling365Days[2018-05-16, 2019-05-16)",
        PeriodPolicy.rollingDays(365).periodContaining(may15, PILOT).toString());
    assertEquals("WholePilot[2019-04-01, 2020-04-01)",
        PeriodPolicy.wholePilot().periodContaining(may15, PILOT).toString());
    assertTrue(PeriodPolicy.financialYear().periodContaining(may15, PILOT).resets());
    assertTrue(PeriodPolicy.calendarYear().periodContaining(may15, PILOT).resets());
    assertTrue(PeriodPolicy.rollingDays(30).periodContaining(may15, PILOT).resets());
    assertFalse(PeriodPolicy.wholePilot().periodContaining(may15, PILOT).resets());
    assertFalse(PILOT.resets());
  }

  @Test
  void financialYearTurnsOnFirstApril() {
    assertEquals(LocalDate.of(2019, 4, 1),
        PeriodPolicy.financialYear().periodContaining(LocalDate.of(2020, 3, 31), PILOT).start());
    assertEquals(LocalDate.of(2020, 4, 1),
        PeriodPolicy.financialYear().periodContaining(LocalDate.of(2020, 4, 1), PILOT).start());
    assertEquals(LocalDate.of(2019, 4, 1),
        PeriodPolicy.financialYear().periodContaining(LocalDate.of(2019, 4, 1), PILOT).start());
  }

  @Test
  void everyPolicyDrawsAPeriodContainingTheDateAndTheNextPeriodStartsWhereItEnds() {
    Gen<PeriodPolicy> policies = integers().between(0, 3).zip(integers().between(1, PeriodPolicy.MAX_ROLLING_DAYS),
        (kind, days) -> kind == 0 ? PeriodPolicy.financialYear()
            : kind == 1 ? PeriodPolicy.calendarYear() : PeriodPolicy.rollingDays(days));
    qt().forAll(DAYS, policies).checkAssert((date, policy) -> {
      BudgetPeriod period = policy.periodContaining(date, PILOT);
      assertTrue(period.contains(date), period + " should contain " + date);
      assertTrue(period.contains(date.atStartOfDay(BudgetPeriod.ZONE).toInstant()));
      if (!policy.isRolling()) {
        BudgetPeriod next = policy.periodContaining(period.end(), PILOT);
        assertEquals(period.end(), next.start());
        assertFalse(next.contains(date));
        assertTrue(period.lengthInDays() == 365 || period.lengthInDays() == 366);
      } else {
        assertEquals(policy.rollingDays(), period.lengthInDays());
        assertEquals(date.plusDays(1), period.resetsOn());
      }
    });
  }

  @Test
  void financialYearsAlwaysRunFromFirstAprilToThirtyFirstMarch() {
    qt().forAll(DAYS).checkAssert(date -> {
      BudgetPeriod year = PeriodPolicy.financialYear().periodContaining(date, PILOT);
      assertEquals(Month.APRIL, year.start().getMonth());
      assertEquals(1, year.start().getDayOfMonth());
      assertEquals(year.start().plusYears(1), year.end());
    });
  }

  @Test
  void instantsAreJudgedByTheirLondonDate() {
    qt().forAll(DAYS, integers().between(0, 24 * 60 - 1)).checkAssert((date, minute) -> {
      java.time.Instant instant = date.atStartOfDay().plusMinutes(minute).toInstant(ZoneOffset.UTC);
      LocalDate londonDate = BudgetPeriod.toLocalDate(instant);
      BudgetPeriod year = PeriodPolicy.financialYear().periodContaining(londonDate, PILOT);
      assertTrue(year.contains(instant));
      assertFalse(year.startInstant().isAfter(instant));
      assertTrue(year.endInstant().isAfter(instant));
    });
  }

  @Test
  void farFutureDatesAreRejectedNamingTheParameter() {
    for (PeriodPolicy policy : List.of(PeriodPolicy.financialYear(), PeriodPolicy.calendarYear(),
        PeriodPolicy.rollingDays(30))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> policy.periodContaining(LocalDate.MAX, PILOT));
      assertEquals("date +999999999-12-31 is outside the dates the library supports, 1900-01-01 to 9999-12-31",
          e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> policy.periodContaining(LocalDate.MIN, PILOT));
      LocalDate lastDay = LocalDate.of(9999, 12, 31);
      assertTrue(policy.periodContaining(lastDay, PILOT).contains(lastDay), policy.toString());
    }
  }

  @Test
  void wholePilotRejectsADateOutsideTheTerm() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PeriodPolicy.wholePilot().periodContaining(LocalDate.of(2020, 4, 1), PILOT));
    assertEquals("date 2020-04-01 is outside the pilot term Period[2019-04-01, 2020-04-01)", e.getMessage());
  }

  @Test
  void rollingWindowMustBeOneToTenYearsOfDays() {
    assertEquals("days must be 1 to 3660, but was 0",
        assertThrows(IllegalArgumentException.class, () -> PeriodPolicy.rollingDays(0)).getMessage());
    assertEquals("days must be 1 to 3660, but was 3661",
        assertThrows(IllegalArgumentException.class, () -> PeriodPolicy.rollingDays(3661)).getMessage());
    assertEquals(1, PeriodPolicy.rollingDays(1).periodContaining(LocalDate.of(2019, 5, 1), PILOT).lengthInDays());
  }

  @Test
  void policiesAreValues() {
    new EqualsTester()
        .addEqualityGroup(PeriodPolicy.financialYear(), PeriodPolicy.financialYear())
        .addEqualityGroup(PeriodPolicy.calendarYear())
        .addEqualityGroup(PeriodPolicy.wholePilot())
        .addEqualityGroup(PeriodPolicy.rollingDays(30), PeriodPolicy.rollingDays(30))
        .addEqualityGroup(PeriodPolicy.rollingDays(31))
        .testEquals();
    assertEquals("Rolling30Days", PeriodPolicy.rollingDays(30).toString());
    assertEquals(0, PeriodPolicy.financialYear().rollingDays());
  }
}
