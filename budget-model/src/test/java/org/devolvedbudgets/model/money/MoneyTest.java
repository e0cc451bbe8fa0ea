package org.devolvedbudgets.model.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import org.junit.jupiter.api.Test;

class MoneyTest {

  static final CurrencyUnit GBP = Monetary.getCurrency("GBP");
  static final CurrencyUnit EUR = Monetary.getCurrency("EUR");
  static final CurrencyUnit JPY = Monetary.getCurrency("JPY");

  private static Money gbp(String amount) {
    return Money.of(GBP, new BigDecimal(amount));
  }

  @Test
  void createsFromMinorUnitsDecimalAndText() {
    assertEquals(1250, Money.ofMinor(GBP, 1250).minorUnits());
    assertEquals(Money.ofMinor(GBP, 1250), gbp("12.5"));
    assertEquals(Money.ofMinor(GBP, 1250), gbp("12.500"));
    assertEquals(Money.ofMinor(GBP, 1250), Money.parse("GBP 12.50"));
    assertEquals(Money.ofMinor(GBP, 1200), Money.parse("GBP 12"));
    assertEquals(Money.ofMinor(GBP, -1), Money.parse("GBP -0.01"));
    assertEquals(Money.ofMinor(JPY, 1000), Money.parse("JPY 1000"));
    assertEquals(Money.ofMinor(GBP, 0), Money.zero(GBP));
    assertEquals(GBP, Money.zero(GBP).currency());
  }

  @Test
  void rejectsMoreDecimalPlacesThanTheCurrencyHasQuotingTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gbp("12.505"));
    assertEquals("amount '12.505' has more decimal places than GBP allows (2)", e.getMessage());
    IllegalArgumentException parsed = assertThrows(IllegalArgumentException.class, () -> Money.parse("GBP 12.505"));
    assertTrue(parsed.getMessage().startsWith("text 'GBP 12.505' is not valid money: amount '12.505'"), parsed.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Money.of(JPY, new BigDecimal("1.5")));
  }

  @Test
  void answersHugeOrTinyDecimalsAtOnceWithAShortMessage() {
    for (String huge : List.of("1E+9999999", "1E+999999999", "-1E+2147483647", "123456789012345678901234567890")) {
      ArithmeticException e = assertThrows(ArithmeticException.class, () -> gbp(huge), huge);
      assertTrue(e.getMessage().length() < 120, e.getMessage());
      assertTrue(e.getMessage().endsWith("GBP is outside the range of Money (a long number of minor units)"),
          e.getMessage());
    }
    for (String tiny : List.of("1E-9999999", "1E-2147483647", "0.0000000000000000000000000000000000001")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gbp(tiny), tiny);
      assertTrue(e.getMessage().length() < 120, e.getMessage());
      assertTrue(e.getMessage().endsWith("has more decimal places than GBP allows (2)"), e.getMessage());
    }
    BigDecimal manyDigits = new BigDecimal(new java.math.BigInteger("7".repeat(100_000)), 99_998);
    IllegalArgumentException digits = assertThrows(IllegalArgumentException.class,
        () -> Money.of(GBP, manyDigits));
    assertEquals("amount has more than 40 significant digits, more than Money can hold", digits.getMessage());
    assertEquals(Money.parse("GBP 0.00"), gbp("0E+9999999"));
    assertEquals(Money.parse("GBP 0.00"), gbp("0E-9999999"));
    assertEquals(Money.parse("GBP 12.50"), gbp("12.50000000000000000000000000000000000"));
    assertEquals(Money.ofMinor(GBP, Long.MAX_VALUE), gbp("92233720368547758.07"));
    assertThrows(ArithmeticException.class, () -> gbp("92233720368547758.08"));
  }

  @Test
  void quotesBadTextAsAShortEscapedExcerpt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Money.parse("GBP 1\n2"));
    assertEquals("text 'GBP 1\\u000a2' is not money in the form 'GBP 12.50'", e.getMessage());
  }

  @Test
  void rejectsTextThatIsNotMoney() {
    for (String text : List.of("", "GBP", "12.50", "gbp 12.50", "GBP  12.50", "GBP 12.", "GBP 1e3", "GBP 1,000.00",
        "£12.50", "GBP +12.50", " GBP 12.50")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Money.parse(text), text);
      assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Money.parse("ZZZ 1.00"));
    assertTrue(unknown.getMessage().contains("unknown currency ZZZ"), unknown.getMessage());
    IllegalArgumentException tooLong =
        assertThrows(IllegalArgumentException.class, () -> Money.parse("GBP " + "1".repeat(100)));
    assertEquals("text of 104 characters is too long to be money (at most 48)", tooLong.getMessage());
  }

  @Test
  void rejectsCurrenciesWithoutAMinorUnit() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Money.zero(Monetary.getCurrency("XAU")));
    assertEquals("currency XAU has no minor unit", e.getMessage());
  }

  @Test
  void rejectsAmountsBeyondTheRangeOfLongMinorUnits() {
    ArithmeticException e = assertThrows(ArithmeticException.class, () -> gbp("92233720368547758.08"));
    assertTrue(e.getMessage().contains("92233720368547758.08"), e.getMessage());
    assertEquals(Long.MAX_VALUE, gbp("92233720368547758.07").minorUnits());
    assertEquals(Long.MIN_VALUE, gbp("-92233720368547758.08").minorUnits());
  }

  @Test
  void addsAndSubtractsExactly() {
    assertEquals(gbp("4000.00"), gbp("3999.99").plus(gbp("0.01")));
    assertEquals(gbp("4000.01"), gbp("3999.99").plus(gbp("0.02")));
    assertEquals(gbp("-0.01"), gbp("0.00").minus(gbp("0.01")));
  }

  @Test
  void overflowThrowsInsteadOfWrapping() {
    Money max = Money.ofMinor(GBP, Long.MAX_VALUE);
    Money min = Money.ofMinor(GBP, Long.MIN_VALUE);
    ArithmeticException plus = assertThrows(ArithmeticException.class, () -> max.plus(gbp("0.01")));
    assertEquals("GBP 92233720368547758.07 plus GBP 0.01 overflows the range of Money (a long number of minor units)",
        plus.getMessage());
    assertThrows(ArithmeticException.class, () -> min.minus(gbp("0.01")));
    assertThrows(ArithmeticException.class, () -> max.multipliedBy(2));
    assertThrows(ArithmeticException.class, min::negated);
    assertThrows(ArithmeticException.class, min::abs);
    assertThrows(ArithmeticException.class, () -> min.dividedBy(-1, RoundingMode.DOWN));
  }

  @Test
  void mixingCurrenciesThrowsCurrencyMismatch() {
    Money pounds = gbp("12.50");
    Money euros = Money.parse("EUR 5.00");
    CurrencyMismatchException e = assertThrows(CurrencyMismatchException.class, () -> pounds.plus(euros));
    assertEquals("other EUR 5.00 must be in GBP, the currency of GBP 12.50", e.getMessage());
    assertEquals("GBP", e.firstCurrency());
    assertEquals("EUR", e.secondCurrency());
    assertThrows(CurrencyMismatchException.class, () -> pounds.minus(euros));
    assertThrows(CurrencyMismatchException.class, () -> pounds.compareTo(euros));
    assertThrows(CurrencyMismatchException.class, () -> pounds.isGreaterThan(euros));
    assertThrows(CurrencyMismatchException.class, () -> pounds.isLessThan(euros));
    assertFalse(pounds.equals(Money.parse("EUR 12.50")));
    assertTrue(pounds.hasCurrency(GBP));
    assertTrue(pounds.hasCurrency(Monetary.getCurrency(Locale.UK)));
    assertFalse(pounds.hasCurrency(EUR));
  }

  @Test
  void multipliesAndDividesWithExplicitRounding() {
    assertEquals(gbp("37.50"), gbp("12.50").multipliedBy(3));
    assertEquals(gbp("3.33"), gbp("10.00").dividedBy(3, RoundingMode.DOWN));
    assertEquals(gbp("3.34"), gbp("10.00").dividedBy(3, RoundingMode.UP));
    assertEquals(gbp("0.02"), gbp("0.05").dividedBy(2, RoundingMode.HALF_EVEN));
    assertEquals(gbp("0.03"), gbp("0.05").dividedBy(2, RoundingMode.HALF_UP));
    assertEquals(gbp("-2.50"), gbp("5.00").dividedBy(-2, RoundingMode.UNNECESSARY));
    ArithmeticException inexact =
        assertThrows(ArithmeticException.class, () -> gbp("10.00").dividedBy(3, RoundingMode.UNNECESSARY));
    assertEquals("GBP 10.00 divided by 3 is not exact in minor units, and roundingMode is UNNECESSARY",
        inexact.getMessage());
    IllegalArgumentException zero =
        assertThrows(IllegalArgumentException.class, () -> gbp("10.00").dividedBy(0, RoundingMode.DOWN));
    assertEquals("divisor must not be zero", zero.getMessage());
  }

  @Test
  void allocatesByLargestRemainderSoPartsAddUpExactly() {
    assertEquals(List.of(gbp("33.34"), gbp("33.33"), gbp("33.33")), gbp("100.00").allocate(1, 1, 1));
    assertEquals(List.of(gbp("-0.04"), gbp("-0.03"), gbp("-0.03")), gbp("-0.10").allocate(1, 1, 1));
    assertEquals(List.of(gbp("0.00"), gbp("0.05"), gbp("0.00")), gbp("0.05").allocate(0, 7, 0));
    // 0.05 by 3:7 is 0.015 and 0.035: equal remainders, so the earlier part takes the extra penny.
    assertEquals(List.of(gbp("0.02"), gbp("0.03")), gbp("0.05").allocate(3, 7));
    // The remainder goes to the largest remainder, not the first part: 1.00 by 1:2:2 = 0.2, 0.4, 0.4.
    assertEquals(List.of(gbp("0.20"), gbp("0.40"), gbp("0.40")), gbp("1.00").allocate(1, 2, 2));
    assertEquals(List.of(gbp("0.33"), gbp("0.67")), gbp("1.00").allocate(1, 2));
  }

  @Test
  void allocateRejectsBadRatiosNamingThem() {
    Money money = gbp("1.00");
    assertEquals("ratios must not be empty",
        assertThrows(IllegalArgumentException.class, money::allocate).getMessage());
    assertEquals("ratios[1] must not be negative, but was -1",
        assertThrows(IllegalArgumentException.class, () -> money.allocate(1, -1)).getMessage());
    assertEquals("ratios must not all be zero",
        assertThrows(IllegalArgumentException.class, () -> money.allocate(0, 0)).getMessage());
  }

  @Test
  void answersQuestionsAboutSignAndOrder() {
    assertTrue(gbp("0.00").isZero());
    assertTrue(gbp("0.01").isPositive());
    assertTrue(gbp("-0.01").isNegative());
    assertFalse(gbp("0.00").isPositive());
    assertFalse(gbp("0.00").isNegative());
    assertTrue(gbp("1000.01").isGreaterThan(gbp("1000.00")));
    assertFalse(gbp("1000.00").isGreaterThan(gbp("1000.00")));
    assertTrue(gbp("999.99").isLessThan(gbp("1000.00")));
    assertEquals(gbp("0.01"), gbp("-0.01").abs());
    Money positive = gbp("0.01");
    assertSame(positive, positive.abs());
  }

  @Test
  void convertsToDecimalAndText() {
    assertEquals(new BigDecimal("12.50"), gbp("12.5").toBigDecimal());
    assertEquals("GBP 12.50", gbp("12.5").toString());
    assertEquals("GBP -0.01", gbp("-0.01").toString());
    assertEquals("JPY 1000", Money.ofMinor(JPY, 1000).toString());
    assertEquals("EUR 3.50", Money.parse("EUR 3.5").toString());
  }

  @Test
  void formatsForPeopleInTheLocalesConventions() {
    assertEquals("£12.50", gbp("12.50").format(Locale.UK));
    assertEquals("£1,000.00", gbp("1000").format(Locale.UK));
    assertEquals("-£1,250.00", gbp("-1250").format(Locale.UK));
    assertEquals("1.000,00 £", gbp("1000").format(Locale.GERMANY).replace('\u00a0', ' '));
    assertEquals("JP¥1,000", Money.ofMinor(JPY, 1000).format(Locale.UK));
  }

  @Test
  void convertsToAndFromJsr354Amounts() {
    Money money = gbp("12.50");
    assertEquals(new BigDecimal("12.50"),
        money.toMonetaryAmount().getNumber().numberValueExact(BigDecimal.class).setScale(2));
    assertEquals("GBP", money.toMonetaryAmount().getCurrency().getCurrencyCode());
    assertEquals(money, Money.from(money.toMonetaryAmount()));
    assertEquals(money, Money.from(org.javamoney.moneta.FastMoney.of(new BigDecimal("12.5"), "GBP")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Money.from(org.javamoney.moneta.Money.of(new BigDecimal("12.505"), "GBP")));
    assertEquals("amount '12.505' has more decimal places than GBP allows (2)", e.getMessage());
  }

  @Test
  void equalsAndHashCodeFollowCurrencyAndMinorUnits() {
    new EqualsTester()
        .addEqualityGroup(gbp("12.50"), Money.parse("GBP 12.5"), Money.ofMinor(GBP, 1250))
        .addEqualityGroup(gbp("12.51"))
        .addEqualityGroup(Money.ofMinor(EUR, 1250))
        .addEqualityGroup(Money.ofMinor(JPY, 1250))
        .testEquals();
  }

  @Test
  void everyPublicMethodRejectsNullNamingTheParameter() {
    NullPointerTester tester = new NullPointerTester()
        .setDefault(CurrencyUnit.class, GBP)
        .setDefault(Money.class, gbp("1.00"))
        .setDefault(RoundingMode.class, RoundingMode.DOWN);
    tester.testAllPublicStaticMethods(Money.class);
    tester.testAllPublicInstanceMethods(gbp("1.00"));
    NullPointerException e = assertThrows(NullPointerException.class, () -> gbp("1.00").plus(null));
    assertEquals("other", e.getMessage());
    assertEquals("currency", assertThrows(NullPointerException.class, () -> Money.zero(null)).getMessage());
  }
}
