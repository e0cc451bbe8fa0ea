package org.devolvedbudgets.model.money;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Formats money for people exactly as the JDK's currency {@link NumberFormat} does, without building a
 * {@code NumberFormat} each time: that costs microseconds (it parses the locale's pattern and looks the currency
 * up with a regular expression), and the ledger formats an amount in the message of every operation.
 *
 * <p>For each locale, currency and number of decimal places, the symbols (prefixes and suffixes with the currency
 * sign, separators, grouping size, zero digit) are read once from a configured {@link DecimalFormat} and kept; an
 * amount is then laid out from its minor units directly. Why it stays right: when the symbols are first read,
 * the direct layout is checked against the {@code NumberFormat} itself on probe amounts (zero, a fraction, a
 * negative, a large one, both extremes), and a locale where they differ in any way keeps using
 * {@code NumberFormat} for every amount.
 *
 * <p>This class is immutable and thread-safe; the cache is concurrent and holds one entry per locale, currency
 * and decimal places asked for.
 */
final class MoneyFormat {

  private static final ConcurrentHashMap<Key, MoneyFormat> FORMATS = new ConcurrentHashMap<>();
  private static final long[] PROBES = {0, 5, -5, 1_234_567_891L, -987_654_321_012L, Long.MAX_VALUE, Long.MIN_VALUE};

  private final Key key;
  private final String positivePrefix;
  private final String positiveSuffix;
  private final String negativePrefix;
  private final String negativeSuffix;
  private final int groupingSize;
  private final char groupingSeparator;
  private final char decimalSeparator;
  private final char zeroDigit;
  private final boolean direct;

  /** A locale, a currency code and its decimal places. */
  private record Key(Locale locale, String currencyCode, int decimalPlaces) {}

  private MoneyFormat(Key key) {
    this.key = key;
    NumberFormat format = numberFormat(key);
    if (format instanceof DecimalFormat) {
      DecimalFormat decimal = (DecimalFormat) format;
      DecimalFormatSymbols symbols = decimal.getDecimalFormatSymbols();
      positivePrefix = decimal.getPositivePrefix();
      positiveSuffix = decimal.getPositiveSuffix();
      negativePrefix = decimal.getNegativePrefix();
      negativeSuffix = decimal.getNegativeSuffix();
      groupingSize = decimal.isGroupingUsed() ? decimal.getGroupingSize() : 0;
      groupingSeparator = symbols.getMonetaryGroupingSeparator();
      decimalSeparator = symbols.getMonetaryDecimalSeparator();
      zeroDigit = symbols.getZeroDigit();
      direct = agreesWithNumberFormat();
    } else {
      positivePrefix = "";
      positiveSuffix = "";
      negativePrefix = "";
      negativeSuffix = "";
      groupingSize = 0;
      groupingSeparator = ',';
      decimalSeparator = '.';
      zeroDigit = '0';
      direct = false;
    }
  }

  /**
   * Formats an amount.
   *
   * @param locale the locale, not null
   * @param currencyCode the ISO 4217 code
   * @param decimalPlaces the currency's decimal places, 0 or more
   * @param minorUnits the amount in minor units
   * @return the text {@link NumberFormat#getCurrencyInstance(Locale)} gives for it
   */
  static String format(Locale locale, String currencyCode, int decimalPlaces, long minorUnits) {
    MoneyFormat format = FORMATS.computeIfAbsent(new Key(locale, currencyCode, decimalPlaces), MoneyFormat::new);
    return format.direct ? format.layOut(minorUnits) : viaNumberFormat(format.key, minorUnits);
  }

  /** Whether amounts in this locale and currency are laid out directly rather than by a {@code NumberFormat}. */
  static boolean isDirect(Locale locale, String currencyCode, int decimalPlaces) {
    return FORMATS.computeIfAbsent(new Key(locale, currencyCode, decimalPlaces), MoneyFormat::new).direct;
  }

  private boolean agreesWithNumberFormat() {
    for (long probe : PROBES) {
      if (!layOut(probe).equals(viaNumberFormat(key, probe))) {
        return false;
      }
    }
    return true;
  }

  private String layOut(long minorUnits) {
    boolean negative = minorUnits < 0;
    String digits = Long.toUnsignedString(negative ? -minorUnits : minorUnits); // -MIN_VALUE read unsigned
    int places = key.decimalPlaces();
    int integerDigits = Math.max(digits.length() - places, 0);
    StringBuilder text = new StringBuilder(digits.length() + places + 16);
    text.append(negative ? negativePrefix : positivePrefix);
    if (integerDigits == 0) {
      text.append(zeroDigit);
    }
    for (int i = 0; i < integerDigits; i++) {
      if (i > 0 && groupingSize > 0 && (integerDigits - i) % groupingSize == 0) {
        text.append(groupingSeparator);
      }
      text.append(digit(digits.charAt(i)));
    }
    if (places > 0) {
      text.append(decimalSeparator);
      for (int i = digits.length() - places; i < digits.length(); i++) {
        text.append(i < 0 ? zeroDigit : digit(digits.charAt(i)));
      }
    }
    return text.append(negative ? negativeSuffix : positiveSuffix).toString();
  }

  private char digit(char asciiDigit) {
    return (char) (zeroDigit + (asciiDigit - '0'));
  }

  private static String viaNumberFormat(Key key, long minorUnits) {
    return numberFormat(key).format(BigDecimal.valueOf(minorUnits, key.decimalPlaces()));
  }

  private static NumberFormat numberFormat(Key key) {
    NumberFormat format = NumberFormat.getCurrencyInstance(key.locale());
    try {
      format.setCurrency(Currency.getInstance(key.currencyCode()));
    } catch (IllegalArgumentException unknownToTheJdk) {
      if (format instanceof DecimalFormat) {
        DecimalFormat decimalFormat = (DecimalFormat) format;
        DecimalFormatSymbols symbols = decimalFormat.getDecimalFormatSymbols();
        symbols.setCurrencySymbol(key.currencyCode());
        decimalFormat.setDecimalFormatSymbols(symbols);
      }
    }
    format.setMinimumFractionDigits(key.decimalPlaces());
    format.setMaximumFractionDigits(key.decimalPlaces());
    return format;
  }
}
