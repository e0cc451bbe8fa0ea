package org.devolvedbudgets.model.scheme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.money.CurrencyUnit;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.LondonTime;
import org.devolvedbudgets.model.text.SafeText;

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

  /**
   * Names of schemes, councils and allowances: organisational, never personal, and shown in findings, reports
   * and terminals, so they may hold no control, bidirectional or other invisible formatting character.
   */
  void checkText(String path, String text) {
    int unsafe = SafeText.indexOfUnsafe(text);
    if (text.isBlank() || text.length() > MAX_TEXT_LENGTH || unsafe >= 0) {
      add(ProblemCode.TEXT_INVALID, path, path + " must be 1 to " + MAX_TEXT_LENGTH + " characters, not blank, "
          + "without control or bidirectional formatting characters, but was " + text.length() + " characters"
          + (unsafe < 0 ? "" : String.format(" with U+%04X at index %d", (int) text.charAt(unsafe), unsafe)));
    }
  }

  /** A date the configuration holds: within the supported dates, or (for an exclusive end) the day after them. */
  void checkDate(String path, LocalDate date, boolean exclusiveEnd) {
    LocalDate last = exclusiveEnd ? LondonTime.MAX_DATE.plusDays(1) : LondonTime.MAX_DATE;
    if (date.isBefore(LondonTime.MIN_DATE) || date.isAfter(last)) {
      add(ProblemCode.DATE_NOT_SUPPORTED, path, path + " " + date + " is outside the dates the library supports, "
          + LondonTime.MIN_DATE + " to " + LondonTime.MAX_DATE);
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
