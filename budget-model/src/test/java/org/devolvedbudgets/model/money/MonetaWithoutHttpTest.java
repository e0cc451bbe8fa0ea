package org.devolvedbudgets.model.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Locale;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import javax.money.format.MonetaryFormats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * moneta-core is used with OkHttp, Okio and the Kotlin standard library excluded (see the parent POM).
 * This proves they are really absent from the class path, and that what the library uses of Moneta
 * (currency units, amounts, arithmetic and formatting) works without them.
 */
class MonetaWithoutHttpTest {

  @ParameterizedTest
  @ValueSource(strings = {"okhttp3.OkHttpClient", "okio.Okio", "kotlin.Unit"})
  void excludedNetworkingLibrariesAreNotOnTheClassPath(String className) {
    assertThrows(ClassNotFoundException.class, () -> Class.forName(className));
  }

  @Test
  void currenciesAmountsAndFormattingWorkWithoutThem() {
    CurrencyUnit gbp = Monetary.getCurrency("GBP");
    assertEquals(2, gbp.getDefaultFractionDigits());
    assertEquals(Monetary.getCurrency(Locale.UK), gbp);

    MonetaryAmount sum = org.javamoney.moneta.Money.of(new BigDecimal("3999.99"), gbp)
        .add(org.javamoney.moneta.Money.of(new BigDecimal("0.02"), gbp));
    assertEquals(0, new BigDecimal("4000.01").compareTo(sum.getNumber().numberValue(BigDecimal.class)));

    assertEquals("GBP4,000.01", MonetaryFormats.getAmountFormat(Locale.UK).format(sum));
    assertEquals("£4,000.01", Money.from(sum).format(Locale.UK));
  }
}
