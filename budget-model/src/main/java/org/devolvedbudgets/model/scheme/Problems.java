package org.devolvedbudgets.model.scheme;

import java.util.ArrayList;
import java.util.List;
import javax.money.CurrencyUnit;
import org.devolvedbudgets.model.money.Money;

/** Collects every problem an aggregate's check finds, then throws them together. Not thread-safe. */
final class Problems {

  /** Longest name or label a configuration accepts. */
  static final int MAX_TEXT_LENGTH = 100;

  private final String typeName;
  private final List<ConfigurationProblem> found = new ArrayList<>();

  Problems(String typeName) {
    this.typeName = typeName;
  }

  void add(ProblemCode code, String path, String message) {
    found.add(new ConfigurationProblem(code, path, message));
  }

  /** Names of schemes, councils and allowances: organisational, never personal, so quoting them is safe. */
  void checkText(String path, String text) {
    if (text.isBlank() || text.length() > MAX_TEXT_LENGTH || text.chars().anyMatch(Character::isISOControl)) {
      add(ProblemCode.TEXT_INVALID, path, path + " must be 1 to " + MAX_TEXT_LENGTH
          + " characters, not blank, without control characters, but was " + text.length() + " characters");
    }
  }

  void checkCurrency(String path, Money amount, CurrencyUnit expected, String whose) {
    if (!amount.hasCurrency(expected)) {
      add(ProblemCode.CURRENCY_MISMATCH, path,
          path + " " + amount + " must be in " + expected.getCurrencyCode() + ", " + whose);
    }
  }

  void throwIfAny() {
    if (!found.isEmpty()) {
      throw new ConfigurationException(typeName, found);
    }
  }
}
