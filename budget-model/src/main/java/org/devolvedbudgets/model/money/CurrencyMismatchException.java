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
   * Creates the exception for an amount given in another currency than the one expected, naming the parameter:
   * {@code actualAmount EUR 10.00 must be in GBP}, followed by {@code whose} if given.
   *
   * @param parameter the name of the parameter that holds the amount, not null
   * @param amount the amount given, not null
   * @param expected the currency it should be in, not null
   * @param whose whose currency {@code expected} is, such as {@code "the scheme's currency"}, or empty, not null
   */
  public CurrencyMismatchException(String parameter, Money amount, CurrencyUnit expected, String whose) {
    super(requireNonNull(parameter, "parameter") + " " + requireNonNull(amount, "amount") + " must be in "
        + requireNonNull(expected, "expected").getCurrencyCode()
        + (requireNonNull(whose, "whose").isEmpty() ? "" : ", " + whose));
    this.firstCurrency = expected.getCurrencyCode();
    this.secondCurrency = amount.currency().getCurrencyCode();
  }

  /**
   * Returns the ISO 4217 code of the amount the operation was called on.
   *
   * @return the first currency's code, for example {@code "GBP"}; for a parameter's amount, the expected currency
   */
  public String firstCurrency() {
    return firstCurrency;
  }

  /**
   * Returns the ISO 4217 code of the other amount.
   *
   * @return the second currency's code, for example {@code "EUR"}; for a parameter's amount, its currency
   */
  public String secondCurrency() {
    return secondCurrency;
  }
}
