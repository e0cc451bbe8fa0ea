package org.devolvedbudgets.model.money;

import static org.devolvedbudgets.model.money.MoneyTest.GBP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Laws of {@link Money}. QuickTheories prints the seed of any failure ("Seed was ..."); replay it with
 * {@code qt().withFixedSeed(seed)}.
 */
class MoneyPropertiesTest {

  /** Amounts small enough that adding three of them never overflows. */
  private static final Gen<Money> MODEST = longs().between(-(1L << 60), 1L << 60).map(m -> Money.ofMinor(GBP, m));

  /** Any amount at all, weighted by QuickTheories towards the extremes. */
  private static final Gen<Money> ANY = longs().all().map(m -> Money.ofMinor(GBP, m));

  private static final Gen<CurrencyUnit> CURRENCIES = Generate.pick(List.of(
      GBP, Monetary.getCurrency("JPY"), Monetary.getCurrency("BHD"), Monetary.getCurrency("EUR")));

  /** Every locale the JDK has, so fast formatting is checked against each one's conventions. */
  private static final Gen<Locale> LOCALES = Generate.pick(Arrays.asList(Locale.getAvailableLocales()));

  @Test
  void formatsExactlyAsTheJdksCurrencyFormat() {
    qt().withExamples(20_000).forAll(LOCALES, CURRENCIES, longs().all()).checkAssert((locale, currency, minor) -> {
      Money money = Money.ofMinor(currency, minor);
      NumberFormat expected = NumberFormat.getCurrencyInstance(locale);
      expected.setCurrency(Currency.getInstance(currency.getCurrencyCode()));
      int places = currency.getDefaultFractionDigits();
      expected.setMinimumFractionDigits(places);
      expected.setMaximumFractionDigits(places);
      assertEquals(expected.format(BigDecimal.valueOf(minor, places)), money.format(locale),
          () -> locale.toLanguageTag() + " " + money);
    });
  }

  @Test
  void laysOutCommonLocalesDirectlyWithoutANumberFormat() {
    long direct = Arrays.stream(Locale.getAvailableLocales())
        .filter(locale -> MoneyFormat.isDirect(locale, "GBP", 2)).count();
    for (Locale locale : List.of(Locale.UK, Locale.US, Locale.GERMANY, Locale.FRANCE, Locale.JAPAN)) {
      assertTrue(MoneyFormat.isDirect(locale, "GBP", 2), locale::toLanguageTag);
      assertTrue(MoneyFormat.isDirect(locale, "JPY", 0), locale::toLanguageTag);
    }
    assertTrue(direct > Locale.getAvailableLocales().length * 9L / 10,
        () -> direct + " of " + Locale.getAvailableLocales().length + " locales laid out directly");
  }

  @Test
  void plusIsCommutativeAndAssociative() {
    qt().forAll(MODEST, MODEST, MODEST).checkAssert((a, b, c) -> {
      assertEquals(a.plus(b), b.plus(a));
      assertEquals(a.plus(b).plus(c), a.plus(b.plus(c)));
    });
  }

  @Test
  void zeroIsTheIdentityAndMinusTheInverse() {
    Money zero = Money.zero(GBP);
    qt().forAll(MODEST, MODEST).checkAssert((a, b) -> {
      assertEquals(a, a.plus(zero));
      assertEquals(a, zero.plus(a));
      assertEquals(a, a.plus(b).minus(b));
      assertEquals(zero, a.minus(a));
      assertEquals(a.negated(), zero.minus(a));
    });
  }

  @Test
  void orderingIsConsistentWithMinorUnits() {
    qt().forAll(ANY, ANY).checkAssert((a, b) -> {
      int expected = Long.compare(a.minorUnits(), b.minorUnits());
      assertEquals(Integer.signum(expected), Integer.signum(a.compareTo(b)));
      assertEquals(expected > 0, a.isGreaterThan(b));
      assertEquals(expected < 0, a.isLessThan(b));
      assertEquals(expected == 0, a.equals(b));
    });
  }

  @Test
  void overflowIsAlwaysDetectedAndNeverWrapped() {
    qt().forAll(ANY, ANY).checkAssert((a, b) -> {
      BigInteger x = BigInteger.valueOf(a.minorUnits());
      BigInteger y = BigInteger.valueOf(b.minorUnits());
      assertExactOrThrows(x.add(y), () -> a.plus(b));
      assertExactOrThrows(x.subtract(y), () -> a.minus(b));
      assertExactOrThrows(x.multiply(y), () -> a.multipliedBy(b.minorUnits()));
      assertExactOrThrows(x.negate(), a::negated);
    });
  }

  private static void assertExactOrThrows(BigInteger exact, java.util.function.Supplier<Money> operation) {
    boolean fits = exact.bitLength() < Long.SIZE;
    if (fits) {
      assertEquals(exact.longValueExact(), operation.get().minorUnits());
    } else {
      assertThrows(ArithmeticException.class, operation::get);
    }
  }

  @Test
  void divisionAgreesWithBigDecimalForEveryRoundingMode() {
    Gen<RoundingMode> modes = Generate.enumValues(RoundingMode.class)
        .assuming(mode -> mode != RoundingMode.UNNECESSARY);
    Gen<Long> divisors = longs().between(-1000, 1000).assuming(d -> d != 0);
    qt().forAll(ANY, divisors, modes).checkAssert((a, divisor, mode) -> {
      BigDecimal expected = new BigDecimal(a.minorUnits()).divide(new BigDecimal(divisor), 0, mode);
      if (expected.toBigIntegerExact().bitLength() < Long.SIZE) {
        assertEquals(expected.longValueExact(), a.dividedBy(divisor, mode).minorUnits());
      } else {
        assertThrows(ArithmeticException.class, () -> a.dividedBy(divisor, mode));
      }
    });
  }

  @Test
  void allocatedPartsSumToTheWholeAndEachIsWithinOneMinorUnitOfItsShare() {
    Gen<List<Integer>> ratioLists = lists().of(integers().between(0, 1000)).ofSizeBetween(1, 12)
        .assuming(ratios -> ratios.stream().anyMatch(r -> r > 0));
    qt().forAll(ANY, ratioLists).checkAssert((money, ratios) -> {
      int[] weights = ratios.stream().mapToInt(Integer::intValue).toArray();
      List<Money> parts = money.allocate(weights);
      assertEquals(weights.length, parts.size());
      BigInteger total = BigInteger.valueOf(ratios.stream().mapToLong(Integer::longValue).sum());
      BigInteger whole = BigInteger.valueOf(money.minorUnits());
      BigInteger sum = BigInteger.ZERO;
      for (int i = 0; i < weights.length; i++) {
        Money part = parts.get(i);
        sum = sum.add(BigInteger.valueOf(part.minorUnits()));
        // |part - whole * ratio / total| < 1, i.e. |part * total - whole * ratio| < total
        BigInteger error = BigInteger.valueOf(part.minorUnits()).multiply(total)
            .subtract(whole.multiply(BigInteger.valueOf(weights[i]))).abs();
        assertTrue(error.compareTo(total) < 0, () -> "part " + part + " is a minor unit or more from its share");
        assertTrue(part.isZero() || Long.signum(part.minorUnits()) == Long.signum(money.minorUnits()));
      }
      assertEquals(whole, sum);
    });
  }

  @Test
  void textAndJsr354FormsRoundTrip() {
    qt().forAll(longs().all(), CURRENCIES).checkAssert((minorUnits, currency) -> {
      Money money = Money.ofMinor(currency, minorUnits);
      assertEquals(money, Money.parse(money.toString()));
      assertEquals(money, Money.from(money.toMonetaryAmount()));
      assertEquals(money, Money.of(currency, money.toBigDecimal()));
    });
  }
}
