package org.devolvedbudgets.rules.ledger;

import static java.util.Objects.requireNonNull;

import org.devolvedbudgets.model.money.CurrencyMismatchException;
import org.devolvedbudgets.model.money.Money;

/** Argument checks shared by the ledger's values, with messages that name the parameter and the value. */
final class Checks {

  private Checks() {}

  static long sequence(long sequence) {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be at least 1, but was " + sequence);
    }
    return sequence;
  }

  static Money positive(Money amount, String name) {
    requireNonNull(amount, name);
    if (!amount.isPositive()) {
      throw new IllegalArgumentException(name + " must be more than nothing, but was " + amount);
    }
    return amount;
  }

  static Money notNegative(Money amount, String name) {
    requireNonNull(amount, name);
    if (amount.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, but was " + amount);
    }
    return amount;
  }

  /** Checks that {@code amount}, held by the named parameter, is in the currency of {@code reference}. */
  static void sameCurrency(String parameter, Money amount, Money reference) {
    if (!amount.hasCurrency(reference.currency())) {
      throw new CurrencyMismatchException(parameter, amount, reference.currency(), "the currency of " + reference);
    }
  }
}
