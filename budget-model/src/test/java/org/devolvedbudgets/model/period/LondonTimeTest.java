package org.devolvedbudgets.model.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LondonTimeTest {

  @Test
  void writesTimesInLondonWithTheZoneShown() {
    assertEquals("12 June 2025, 12:00 BST", LondonTime.format(Instant.parse("2025-06-12T11:00:00Z")));
    assertEquals("3 March 2020, 09:30 GMT", LondonTime.format(Instant.parse("2020-03-03T09:30:00Z")));
    assertEquals("1 April 2020, 00:00 BST", LondonTime.format(Instant.parse("2020-03-31T23:00:00Z")));
    assertEquals("12 June 2025", LondonTime.format(LocalDate.of(2025, 6, 12)));
  }

  @Test
  void showsAnUnsupportedInstantRawRatherThanFailing() {
    assertEquals(Instant.MAX.toString(), LondonTime.format(Instant.MAX));
  }

  @Test
  void acceptsTheSupportedDatesAndNamesTheParameterOutsideThem() {
    assertSame(LondonTime.MIN_DATE, LondonTime.checkDate("date", LondonTime.MIN_DATE));
    assertSame(LondonTime.MAX_DATE, LondonTime.checkDate("date", LondonTime.MAX_DATE));
    assertEquals("allocatedOn +10000-01-01 is outside the dates the library supports, 1900-01-01 to 9999-12-31",
        assertThrows(IllegalArgumentException.class,
            () -> LondonTime.checkDate("allocatedOn", LocalDate.of(10000, 1, 1))).getMessage());
    assertThrows(IllegalArgumentException.class, () -> LondonTime.checkDate("date", LocalDate.of(1899, 12, 31)));
    assertEquals("at", assertThrows(NullPointerException.class, () -> LondonTime.checkInstant("at", null))
        .getMessage());
    // The last supported instant is 23:59:59.999999999 on 31 December 9999 in London (GMT then).
    Instant last = Instant.parse("9999-12-31T23:59:59.999999999Z");
    assertSame(last, LondonTime.checkInstant("at", last));
    assertThrows(IllegalArgumentException.class, () -> LondonTime.checkInstant("at", last.plusNanos(1)));
    assertEquals(LocalDate.of(2020, 4, 1), LondonTime.dateOf("at", Instant.parse("2020-03-31T23:00:00Z")));
  }
}
