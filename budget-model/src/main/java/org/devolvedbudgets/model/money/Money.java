package org.devolvedbudgets.model.money;

import static java.util.Objects.requireNonNull;

import com.google.common.math.LongMath;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import javax.money.MonetaryException;
import org.devolvedbudgets.model.text.SafeText;

/**
 * An exact amount of money: a currency and a whole number of its minor units (pence for GBP).
 *
 * <p>{@code Money} never rounds silently and never uses floating point. An amount with more decimal places
 * than its currency has ({@code GBP 12.505}) is rejected; division takes an explicit {@link RoundingMode};
 * {@link #allocate(int...) allocation} splits an amount so the parts add up exactly; overflow of the
 * {@code long} range throws {@link ArithmeticException} instead of wrapping; combining two currencies throws
 * {@link CurrencyMismatchException}.
 *
 * <table class="striped">
 *   <caption>Creating and reading money</caption>
 *   <thead><tr><th>call</th><th>result</th></tr></thead>
 *   <tbody>
 *     <tr><td>{@code Money.parse("GBP 12.50")}</td><td>{@code GBP 12.50}, 1,250 minor units</td></tr>
 *     <tr><td>{@code Money.ofMinor(gbp, 1250)}</td><td>{@code GBP 12.50}</td></tr>
 *     <tr><td>{@code Money.of(gbp, new BigDecimal("12.5"))}</td><td>{@code GBP 12.50}</td></tr>
 *     <tr><td>{@code Money.of(gbp, new BigDecimal("12.505"))}</td><td>{@link IllegalArgumentException}</td></tr>
 *     <tr><td>{@code Money.parse("GBP 1000").format(Locale.UK)}</td><td>{@code £1,000.00}</td></tr>
 *   </tbody>
 * </table>
 *
 * <p>Why hand-written rather than Moneta's {@code Money}: this class is on the hot path of every decision
 * and ledger change, where a {@code long} add-and-compare costs a fraction of a nanosecond and a
 * {@code BigDecimal} one costs tens. JSR 354 ({@link MonetaryAmount}) remains the interchange type at the
 * edges: see {@link #from(MonetaryAmount)} and {@link #toMonetaryAmount()}.
 *
 * <p>Only currencies with a minor unit are accepted (GBP, EUR, JPY; not the precious-metal codes such as
 * XAU, whose {@link CurrencyUnit#getDefaultFractionDigits()} is negative). The amount ranges over
 * {@code Long.MIN_VALUE .. Long.MAX_VALUE} minor units.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Money implements Comparable<Money> {

  /**
   * The currencies {@link #parse} has met, by code: Moneta's lookup walks its providers each time, which was a
   * tenth of reading a journal. Unknown codes are not kept (the lookup throws).
   */
  private static final java.util.concurrent.ConcurrentHashMap<String, CurrencyUnit> PARSED_CURRENCIES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** {@code GBP 12.50}, {@code GBP -0.01}, {@code JPY 1000}: a code, one space, a plain decimal. */
  private static final Pattern TEXT = Pattern.compile("([A-Z]{3}) (-?[0-9]{1,20}(?:\\.[0-9]{1,20})?)");

  /** Longest text {@link #parse} reads: longer input is rejected without being quoted. */
  private static final int MAX_TEXT_LENGTH = 48;

  /**
   * The most significant digits {@link #of(CurrencyUnit, BigDecimal)} examines: a {@code long} has 19, so 40 leave
   * room for trailing zeros ({@code 12.50000}) while bounding the work any input can cause.
   */
  private static final int MAX_SIGNIFICANT_DIGITS = 40;

  /** 40 decimal digits need at most 133 bits; an unscaled value longer than this has more digits. */
  private static final int MAX_UNSCALED_BITS = 133;

  /** Digits before the decimal point beyond which no currency's amount fits a {@code long} of minor units. */
  private static final int MAX_INTEGER_DIGITS = 19;

  private final CurrencyUnit currency;
  private final String currencyCode;
  private final int decimalPlaces;
  private final long minorUnits;

  private Money(CurrencyUnit currency, int decimalPlaces, long minorUnits) {
    this.currency = currency;
    this.currencyCode = currency.getCurrencyCode();
    this.decimalPlaces = decimalPlaces;
    this.minorUnits = minorUnits;
  }

  // ---------------------------------------------------------------------------------------------- create

  /**
   * Returns money from a whole number of minor units, for example {@code ofMinor(gbp, 1250)} is
   * {@code GBP 12.50}.
   *
   * @param currency the currency, not null, with a minor unit
   * @param minorUnits the amount in minor units, any {@code long} (negative amounts are allowed)
   * @return the money, not null
   * @throws NullPointerException if {@code currency} is null
   * @throws IllegalArgumentException if {@code currency} has no minor unit
   */
  public static Money ofMinor(CurrencyUnit currency, long minorUnits) {
    return new Money(currency, decimalPlacesOf(currency), minorUnits);
  }

  /**
   * Returns money from a decimal amount in major units, for example {@code of(gbp, new BigDecimal("12.5"))}
   * is {@code GBP 12.50}. Trailing zeros beyond the currency's decimal places are accepted ({@code 12.500});
   * a non-zero digit beyond them is an error, never rounded away.
   *
   * @param currency the currency, not null, with a minor unit
   * <p>Any {@code BigDecimal} is answered in microseconds: its size is checked before it is converted, and a
   * message quotes at most a short excerpt of it.
   *
   * @param amount the amount in major units, not null, with at most the currency's decimal places and at most
   *     {@value #MAX_SIGNIFICANT_DIGITS} significant digits (trailing zeros included)
   * @return the money, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code amount} has more decimal places than the currency, or more than
   *     {@value #MAX_SIGNIFICANT_DIGITS} significant digits
   * @throws ArithmeticException if {@code amount} does not fit in a {@code long} number of minor units
   */
  public static Money of(CurrencyUnit currency, BigDecimal amount) {
    int decimalPlaces = decimalPlacesOf(currency);
    requireNonNull(amount, "amount");
    // Sizes first, from the scale and the unscaled value's bit length (both constant time), so that no input
    // such as 1E+9999999 is ever expanded into millions of digits for a check or a message.
    if (amount.unscaledValue().bitLength() > MAX_UNSCALED_BITS) {
      throw new IllegalArgumentException("amount has more than " + MAX_SIGNIFICANT_DIGITS
          + " significant digits, more than Money can hold");
    }
    if (amount.signum() != 0 && (long) amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
      throw new ArithmeticException("amount " + SafeText.excerpt(amount.toString()) + " "
          + currency.getCurrencyCode() + " is outside the range of Money (a long number of minor units)");
    }
    if (amount.scale() > decimalPlaces && amount.stripTrailingZeros().scale() > decimalPlaces) {
      throw new IllegalArgumentException("amount " + SafeText.excerpt(amount.toString())
          + " has more decimal places than " + currency.getCurrencyCode() + " allows (" + decimalPlaces + ")");
    }
    long minorUnits;
    try {
      minorUnits = amount.movePointRight(decimalPlaces).longValueExact();
    } catch (ArithmeticException e) {
      throw new ArithmeticException("amount " + SafeText.excerpt(amount.toPlainString()) + " "
          + currency.getCurrencyCode() + " is outside the range of Money (a long number of minor units)");
    }
    return new Money(currency, decimalPlaces, minorUnits);
  }

  /**
   * Returns zero in the given currency.
   *
   * @param currency the currency, not null, with a minor unit
   * @return zero, not null
   * @throws NullPointerException if {@code currency} is null
   * @throws IllegalArgumentException if {@code currency} has no minor unit
   */
  public static Money zero(CurrencyUnit currency) {
    return ofMinor(currency, 0);
  }

  /**
   * Parses the form {@link #toString()} writes: an ISO 4217 code, one space and a plain decimal, for
   * example {@code "GBP 12.50"}, {@code "GBP -3"} or {@code "JPY 1000"}. No grouping separators, symbols
   * or exponents. {@code parse(m.toString())} equals {@code m} for every money {@code m}.
   *
   * @param text the text to parse, not null, at most 48 characters
   * @return the money, not null
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if the text is not in that form, names an unknown currency, or has
   *     more decimal places than the currency
   * @throws ArithmeticException if the amount does not fit in a {@code long} number of minor units
   */
  public static Money parse(String text) {
    requireNonNull(text, "text");
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException(
          "text of " + text.length() + " characters is too long to be money (at most " + MAX_TEXT_LENGTH + ")");
    }
    Matcher matcher = TEXT.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("text " + SafeText.excerpt(text) + " is not money in the form 'GBP 12.50'");
    }
    CurrencyUnit currency;
    try {
      currency = PARSED_CURRENCIES.computeIfAbsent(matcher.group(1), Monetary::getCurrency);
    } catch (MonetaryException e) {
      throw new IllegalArgumentException("text " + SafeText.excerpt(text) + " names an unknown currency "
          + matcher.group(1), e);
    }
    try {
      return of(currency, new BigDecimal(matcher.group(2)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("text " + SafeText.excerpt(text) + " is not valid money: " + e.getMessage(),
          e);
    }
  }

  /**
   * Converts a JSR 354 amount, for example a Moneta {@code Money} or {@code FastMoney}, exactly.
   *
   * @param amount the amount, not null, with at most its currency's decimal places
   * @return the equal money, not null
   * @throws NullPointerException if {@code amount} is null
   * @throws IllegalArgumentException if the amount has more decimal places than its currency, or its
   *     currency has no minor unit
   * @throws ArithmeticException if the amount does not fit in a {@code long} number of minor units
   */
  public static Money from(MonetaryAmount amount) {
    requireNonNull(amount, "amount");
    BigDecimal number = amount.getNumber().numberValueExact(BigDecimal.class);
    return of(amount.getCurrency(), number);
  }

  // ------------------------------------------------------------------------------------------ arithmetic

  /**
   * Returns this plus {@code other}.
   *
   * @param other the money to add, not null, in the same currency
   * @return the sum, not null
   * @throws NullPointerException if {@code other} is null
   * @throws CurrencyMismatchException if the currencies differ
   * @throws ArithmeticException if the sum overflows a {@code long} number of minor units
   */
  public Money plus(Money other) {
    checkSameCurrency(other);
    try {
      return withMinorUnits(Math.addExact(minorUnits, other.minorUnits));
    } catch (ArithmeticException e) {
      throw overflow(this + " plus " + other);
    }
  }

  /**
   * Returns this minus {@code other}.
   *
   * @param other the money to subtract, not null, in the same currency
   * @return the difference, not null
   * @throws NullPointerException if {@code other} is null
   * @throws CurrencyMismatchException if the currencies differ
   * @throws ArithmeticException if the difference overflows a {@code long} number of minor units
   */
  public Money minus(Money other) {
    checkSameCurrency(other);
    try {
      return withMinorUnits(Math.subtractExact(minorUnits, other.minorUnits));
    } catch (ArithmeticException e) {
      throw overflow(this + " minus " + other);
    }
  }

  /**
   * Returns this multiplied by a whole number.
   *
   * @param multiplier any {@code long}
   * @return the product, not null
   * @throws ArithmeticException if the product overflows a {@code long} number of minor units
   */
  public Money multipliedBy(long multiplier) {
    try {
      return withMinorUnits(Math.multiplyExact(minorUnits, multiplier));
    } catch (ArithmeticException e) {
      throw overflow(this + " multiplied by " + multiplier);
    }
  }

  /**
   * Returns this divided by a whole number, rounded to a minor unit with the given mode. To split an amount
   * into parts that add up exactly, use {@link #allocate(int...)} instead.
   *
   * @param divisor the divisor, not zero
   * @param roundingMode how to round an inexact quotient, not null; {@link RoundingMode#UNNECESSARY} throws
   *     if the quotient is inexact
   * @return the quotient, not null
   * @throws NullPointerException if {@code roundingMode} is null
   * @throws IllegalArgumentException if {@code divisor} is zero
   * @throws ArithmeticException if rounding is needed and the mode is {@code UNNECESSARY}, or the quotient
   *     overflows (only {@code Long.MIN_VALUE} minor units divided by -1)
   */
  public Money dividedBy(long divisor, RoundingMode roundingMode) {
    requireNonNull(roundingMode, "roundingMode");
    if (divisor == 0) {
      throw new IllegalArgumentException("divisor must not be zero");
    }
    if (divisor == -1) {
      return negated();
    }
    try {
      return withMinorUnits(LongMath.divide(minorUnits, divisor, roundingMode));
    } catch (ArithmeticException e) {
      throw new ArithmeticException(this + " divided by " + divisor + " is not exact in minor units, "
          + "and roundingMode is " + roundingMode);
    }
  }

  /**
   * Splits this amount into parts in proportion to {@code ratios}, so that the parts add up exactly to this
   * amount. Each part is the exact share rounded towards zero; the minor units left over go one each to the
   * parts with the largest remainders (the earlier part wins a tie). So every part differs from its exact
   * share by less than one minor unit, and a part with ratio zero is always zero.
   *
   * <p>Example: {@code GBP 100.00} allocated {@code (1, 1, 1)} gives {@code GBP 33.34, GBP 33.33, GBP 33.33}.
   * A negative amount gives negative parts: {@code GBP -0.10} allocated {@code (1, 1, 1)} gives
   * {@code GBP -0.04, GBP -0.03, GBP -0.03}.
   *
   * @param ratios one or more non-negative weights, not all zero
   * @return the parts in the order of {@code ratios}, an immutable list, not null
   * @throws NullPointerException if {@code ratios} is null
   * @throws IllegalArgumentException if {@code ratios} is empty, has a negative entry, or is all zeros
   */
  public List<Money> allocate(int... ratios) {
    requireNonNull(ratios, "ratios");
    if (ratios.length == 0) {
      throw new IllegalArgumentException("ratios must not be empty");
    }
    long total = 0;
    for (int i = 0; i < ratios.length; i++) {
      if (ratios[i] < 0) {
        throw new IllegalArgumentException("ratios[" + i + "] must not be negative, but was " + ratios[i]);
      }
      total += ratios[i]; // at most 2^31 entries of at most 2^31: cannot overflow a long
    }
    if (total == 0) {
      throw new IllegalArgumentException("ratios must not all be zero");
    }
    // BigInteger keeps amount * ratio exact for every long amount; allocation is not on a hot path.
    BigInteger whole = BigInteger.valueOf(minorUnits);
    BigInteger divisor = BigInteger.valueOf(total);
    long[] parts = new long[ratios.length];
    BigInteger[] remainders = new BigInteger[ratios.length];
    long allocated = 0;
    for (int i = 0; i < ratios.length; i++) {
      BigInteger[] share = whole.multiply(BigInteger.valueOf(ratios[i])).divideAndRemainder(divisor);
      parts[i] = share[0].longValueExact(); // |share| <= |amount|
      remainders[i] = share[1].abs();
      allocated += parts[i]; // partial sums of same-signed shares stay within |amount|
    }
    long leftOver = Math.abs(minorUnits - allocated); // fewer than ratios.length units
    long unit = Long.signum(minorUnits);
    List<Integer> byRemainder = new ArrayList<>(ratios.length);
    for (int i = 0; i < ratios.length; i++) {
      byRemainder.add(i);
    }
    byRemainder.sort(Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
        .thenComparing(Comparator.naturalOrder()));
    for (int k = 0; k < leftOver; k++) {
      parts[byRemainder.get(k)] += unit;
    }
    List<Money> result = new ArrayList<>(parts.length);
    for (long part : parts) {
      result.add(withMinorUnits(part));
    }
    return List.copyOf(result);
  }

  /**
   * Returns this amount with the opposite sign.
   *
   * @return the negated money, not null
   * @throws ArithmeticException if this is {@code Long.MIN_VALUE} minor units
   */
  public Money negated() {
    try {
      return withMinorUnits(Math.negateExact(minorUnits));
    } catch (ArithmeticException e) {
      throw overflow(this + " negated");
    }
  }

  /**
   * Returns the absolute value of this amount.
   *
   * @return this if not negative, otherwise the negated money; not null
   * @throws ArithmeticException if this is {@code Long.MIN_VALUE} minor units
   */
  public Money abs() {
    return minorUnits < 0 ? negated() : this;
  }

  // -------------------------------------------------------------------------------------------------- ask

  /**
   * Returns whether this amount is zero.
   *
   * @return true if zero
   */
  public boolean isZero() {
    return minorUnits == 0;
  }

  /**
   * Returns whether this amount is greater than zero.
   *
   * @return true if positive
   */
  public boolean isPositive() {
    return minorUnits > 0;
  }

  /**
   * Returns whether this amount is less than zero.
   *
   * @return true if negative
   */
  public boolean isNegative() {
    return minorUnits < 0;
  }

  /**
   * Returns whether this amount is in the given currency, judged by ISO 4217 code as {@link #equals} does.
   *
   * @param currency the currency to compare with, not null
   * @return true if the codes are the same
   * @throws NullPointerException if {@code currency} is null
   */
  public boolean hasCurrency(CurrencyUnit currency) {
    return this.currency == requireNonNull(currency, "currency") || currencyCode.equals(currency.getCurrencyCode());
  }

  /**
   * Returns whether this amount is greater than {@code other}.
   *
   * @param other the money to compare with, not null, in the same currency
   * @return true if this is strictly greater
   * @throws NullPointerException if {@code other} is null
   * @throws CurrencyMismatchException if the currencies differ
   */
  public boolean isGreaterThan(Money other) {
    checkSameCurrency(other);
    return minorUnits > other.minorUnits;
  }

  /**
   * Returns whether this amount is less than {@code other}.
   *
   * @param other the money to compare with, not null, in the same currency
   * @return true if this is strictly less
   * @throws NullPointerException if {@code other} is null
   * @throws CurrencyMismatchException if the currencies differ
   */
  public boolean isLessThan(Money other) {
    checkSameCurrency(other);
    return minorUnits < other.minorUnits;
  }

  /**
   * Compares amounts of the same currency by their minor units. Ordering is consistent with
   * {@link #equals(Object)}.
   *
   * @param other the money to compare with, not null, in the same currency
   * @return negative, zero or positive as this is less than, equal to or greater than {@code other}
   * @throws NullPointerException if {@code other} is null
   * @throws CurrencyMismatchException if the currencies differ: amounts of different currencies have no
   *     order
   */
  @Override
  public int compareTo(Money other) {
    checkSameCurrency(other);
    return Long.compare(minorUnits, other.minorUnits);
  }

  // ---------------------------------------------------------------------------------------------- convert

  /**
   * Returns the amount as a whole number of minor units, for example 1,250 for {@code GBP 12.50}.
   *
   * @return the minor units, any {@code long}
   */
  public long minorUnits() {
    return minorUnits;
  }

  /**
   * Returns the currency.
   *
   * @return the currency, not null
   */
  public CurrencyUnit currency() {
    return currency;
  }

  /**
   * Returns the amount in major units with the currency's scale, for example {@code 12.50} for
   * {@code GBP 12.50} (scale 2).
   *
   * @return the amount, not null
   */
  public BigDecimal toBigDecimal() {
    return BigDecimal.valueOf(minorUnits, decimalPlaces);
  }

  /**
   * Converts to a JSR 354 amount (a Moneta {@code Money}), exactly. {@code Money.from(m.toMonetaryAmount())}
   * equals {@code m}.
   *
   * @return the equal amount, not null
   */
  public MonetaryAmount toMonetaryAmount() {
    return org.javamoney.moneta.Money.of(toBigDecimal(), currency);
  }

  /**
   * Formats the amount for people, in the conventions of a locale and with the currency's own decimal
   * places: {@code £1,000.00} and {@code -£1,250.00} for {@link Locale#UK}, {@code 1.000,00 £} for
   * {@link Locale#GERMANY}, {@code JP¥1,000} for yen in the UK. Use {@link #toString()} for logs and round
   * trips.
   *
   * <p>Why the JDK's {@link java.text.NumberFormat} and not Moneta's amount format: Moneta's default style prints the
   * code ({@code GBP1,000.00}), its symbol style puts the sign after the symbol ({@code £-1,250.00}), and both
   * give yen two decimal places. The text is exactly the {@code NumberFormat}'s, but the locale's symbols are read
   * once and kept, so formatting costs tens of nanoseconds rather than microseconds.
   *
   * @param locale the locale whose symbols, grouping and sign placement to use, not null
   * @return the formatted amount, not null
   * @throws NullPointerException if {@code locale} is null
   */
  public String format(Locale locale) {
    return MoneyFormat.format(requireNonNull(locale, "locale"), currencyCode, decimalPlaces, minorUnits);
  }


  /**
   * Returns whether {@code obj} is money of the same currency and number of minor units.
   *
   * @param obj the object to compare with, may be null
   * @return true if equal
   */
  @Override
  public boolean equals(Object obj) {
    if (this == obj) {
      return true;
    }
    return obj instanceof Money
        && minorUnits == ((Money) obj).minorUnits
        && currencyCode.equals(((Money) obj).currencyCode);
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return 31 * currencyCode.hashCode() + Long.hashCode(minorUnits);
  }

  /**
   * Returns the currency code, one space and the plain decimal amount with the currency's scale, for
   * example {@code GBP 12.50}, {@code GBP -0.01} or {@code JPY 1000}. {@link #parse(String)} reads it back.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return currencyCode + " " + toBigDecimal().toPlainString();
  }

  // -------------------------------------------------------------------------------------------- internals

  private Money withMinorUnits(long newMinorUnits) {
    return newMinorUnits == minorUnits ? this : new Money(currency, decimalPlaces, newMinorUnits);
  }

  private void checkSameCurrency(Money other) {
    requireNonNull(other, "other");
    if (!currencyCode.equals(other.currencyCode)) {
      throw new CurrencyMismatchException("other", other, currency, "the currency of " + this);
    }
  }

  private static int decimalPlacesOf(CurrencyUnit currency) {
    requireNonNull(currency, "currency");
    int decimalPlaces = currency.getDefaultFractionDigits();
    if (decimalPlaces < 0) {
      throw new IllegalArgumentException("currency " + currency.getCurrencyCode() + " has no minor unit");
    }
    return decimalPlaces;
  }

  private static ArithmeticException overflow(String operation) {
    return new ArithmeticException(operation + " overflows the range of Money (a long number of minor units)");
  }
}
