package org.devolvedbudgets.model.money;

import static java.util.Objects.requireNonNull;

import javax.money.CurrencyUnit;

/**
 * Thrown when two amounts of different currencies are combined or compared, for example adding
 * {@code EUR 5.00} to {@code GBP 12.50}.
 *
 * <p>It extends {@link IllegalArgumentException} because mixing currencies is always a programming or
 * input error, never a business outcome. (A spend request in the wrong currency is reported by the rules as
 * a finding, before any arithmetic happens.)
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CurrencyMismatchException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The ISO 4217 code of the amount the operation was called on. */
  private final String firstCurrency;

  /** The ISO 4217 code of the other amount. */
  private final String secondCurrency;

  /**
   * Creates the exception for an operation between {@code first} and {@code second}.
   *
   * @param first the currency of the amount the operation was called on, not null
   * @param second the currency of the other amount, not null
   */
  public CurrencyMismatchException(CurrencyUnit first, CurrencyUnit second) {
    super("Currencies differ: " + requireNonNull(first, "first").getCurrencyCode()
        + " and " + requireNonNull(second, "second").getCurrencyCode());
    this.firstCurrency = first.getCurrencyCode();
    this.secondCurrency = second.getCurrencyCode();
  }

  /**
   * Returns the ISO 4217 code of the amount the operation was called on.
   *
   * @return the first currency's code, for example {@code "GBP"}
   */
  public String firstCurrency() {
    return firstCurrency;
  }

  /**
   * Returns the ISO 4217 code of the other amount.
   *
   * @return the second currency's code, for example {@code "EUR"}
   */
  public String secondCurrency() {
    return secondCurrency;
  }
}
