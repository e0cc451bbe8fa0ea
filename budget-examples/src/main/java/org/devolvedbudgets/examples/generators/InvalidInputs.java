package org.devolvedbudgets.examples.generators;

import static org.devolvedbudgets.examples.generators.DomainGenerators.oneOf;
import static org.devolvedbudgets.examples.generators.DomainGenerators.pick;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import javax.money.Monetary;
import org.devolvedbudgets.examples.pilots.Pilots;
import org.devolvedbudgets.model.id.Identifier;
import org.devolvedbudgets.model.money.Money;
import org.quicktheories.core.Gen;

/**
 * QuickTheories generators of invalid input, for negative tests: each documents what it makes and what the
 * library does with it (throws, with a message naming the parameter and the value, or declines as a business
 * outcome).
 *
 * <p>This class is stateless and thread-safe; so is every generator it returns.
 */
public final class InvalidInputs {

  private InvalidInputs() {}

  /**
   * Returns strings no identifier accepts: empty, longer than {@value Identifier#MAX_LENGTH} characters,
   * {@code .} or {@code ..}, or holding a space, a control character, a path separator, a bidirectional override
   * or a non-ASCII letter (a name typed into an id field, a path). Every {@code XId.of} throws
   * {@link IllegalArgumentException} for them.
   *
   * @return the generator
   */
  public static Gen<String> identifierValues() {
    Gen<String> valid = DomainGenerators.identifierValues();
    return in -> {
      switch ((int) pick(in, 0, 4)) {
        case 0:
          return "";
        case 1:
          return "F".repeat((int) pick(in, Identifier.MAX_LENGTH + 1, Identifier.MAX_LENGTH * 4));
        case 2:
          return oneOf(in, List.of(".", "..", "../../etc/passwd"));
        default:
          String base = valid.generate(in);
          String bad = oneOf(in, List.of(" ", "\t", "\n", "\u0000", "é", "Jo Bloggs", ",", "%", "/", "\\",
              "\u202e", "\u2066"));
          int at = (int) pick(in, 0, base.length());
          return base.substring(0, at) + bad + base.substring(at);
      }
    };
  }

  /**
   * Returns amount texts {@link Money#parse(String)} rejects with {@link IllegalArgumentException}: more decimal
   * places than the currency has, the last not zero ({@code GBP 12.505}; {@code GBP 12.500} is exact and accepted), no currency, an unknown currency, or not a number.
   *
   * @return the generator
   */
  public static Gen<String> amountTexts() {
    return in -> {
      long pounds = pick(in, 0, 100_000);
      switch ((int) pick(in, 0, 3)) {
        case 0:
          return "GBP " + pounds + "." + String.format(Locale.ROOT, "%02d%d", pick(in, 0, 99), pick(in, 1, 9));
        case 1:
          return pounds + ".00";
        case 2:
          return "XYZ " + pounds + ".00";
        default:
          return "GBP twelve";
      }
    };
  }

  /**
   * Returns amounts that are zero or negative, in pounds sterling. A spend request may carry one, and the rules
   * decline it with {@code AMOUNT_NOT_POSITIVE}; a ledger's post or refund throws
   * {@link IllegalArgumentException}.
   *
   * @return the generator
   */
  public static Gen<Money> nonPositiveAmounts() {
    return DomainGenerators.amounts(Pilots.GBP, -10_000_000, 0);
  }

  /**
   * Returns positive amounts in a currency other than pounds sterling (euros, US dollars, yen). The rules
   * decline them with {@code CURRENCY_MISMATCH}; arithmetic with pounds throws
   * {@code CurrencyMismatchException}.
   *
   * @return the generator
   */
  public static Gen<Money> foreignAmounts() {
    return in -> {
      String code = oneOf(in, List.of("EUR", "USD", "JPY"));
      return Money.ofMinor(Monetary.getCurrency(code), pick(in, 1, 10_000_000));
    };
  }

  /**
   * Returns pairs of amounts whose sum overflows a {@code long} of minor units; {@code plus} throws
   * {@link ArithmeticException}.
   *
   * @return the generator of two-element lists
   */
  public static Gen<List<Money>> overflowingPairs() {
    return in -> {
      long first = pick(in, Long.MAX_VALUE / 2 + 1, Long.MAX_VALUE);
      long second = pick(in, Long.MAX_VALUE - first + 1, Long.MAX_VALUE);
      return List.of(Money.ofMinor(Pilots.GBP, first), Money.ofMinor(Pilots.GBP, second));
    };
  }

  /**
   * Returns date pairs {@code [start, end]} with the end not after the start, which
   * {@code BudgetPeriod.of(start, end)} rejects with {@link IllegalArgumentException}.
   *
   * @return the generator of two-element lists
   */
  public static Gen<List<LocalDate>> invertedDateRanges() {
    return in -> {
      LocalDate start = LocalDate.of(2015, 1, 1).plusDays(pick(in, 0, 16 * 365));
      return List.of(start, start.minusDays(pick(in, 0, 400)));
    };
  }
}
