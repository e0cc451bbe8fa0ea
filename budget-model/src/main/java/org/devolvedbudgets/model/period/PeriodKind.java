package org.devolvedbudgets.model.period;

/**
 * What kind of period a {@link BudgetPeriod} is: which rule drew it, and so whether an allowance counted in it
 * starts afresh at its end. {@link PeriodPolicy} draws the last four; {@link #RANGE} is a plain range of days,
 * such as a pilot's term.
 *
 * <p>Why a period carries its kind: a financial year and a pilot's term over the same days behave differently
 * (one resets, and its end closes the council's books; the other does not), so they are not equal, and a
 * period read back from storage must name its kind to be rebuilt equal ({@link BudgetPeriod#of(PeriodKind,
 * java.time.LocalDate, java.time.LocalDate)}).
 *
 * <p>The constants' names are stable codes: they are never renamed or reused once released.
 */
public enum PeriodKind {

  /** A plain range of days from {@link BudgetPeriod#of(java.time.LocalDate, java.time.LocalDate)}. Does not
   * reset. */
  RANGE("Period", false),

  /** A UK local-government financial year, 1 April to 31 March. Resets; its end closes the council's books. */
  FINANCIAL_YEAR("FinancialYear", true),

  /** A calendar year, 1 January to 31 December. Resets; its end closes the year's budget. */
  CALENDAR_YEAR("CalendarYear", true),

  /** A rolling window of days ending with the day in question. Resets day by day. */
  ROLLING_DAYS("Rolling", true),

  /** A pilot's whole term, as an allowance's period. Never resets while the pilot runs. */
  WHOLE_PILOT("WholePilot", false);

  private final String label;
  private final boolean resets;

  PeriodKind(String label, boolean resets) {
    this.label = label;
    this.resets = resets;
  }

  /**
   * Returns whether an allowance counted in a period of this kind starts afresh at the period's end.
   *
   * @return true for financial years, calendar years and rolling windows
   */
  public boolean resets() {
    return resets;
  }

  /**
   * Returns whether this kind is a year whose end closes the budget: a financial or a calendar year. Unspent money
   * lapses with its year unless a carry-forward is approved, so money held for a request still awaiting approval
   * lapses at the end of such a year.
   *
   * @return true for {@link #FINANCIAL_YEAR} and {@link #CALENDAR_YEAR}
   */
  public boolean closesBudget() {
    return this == FINANCIAL_YEAR || this == CALENDAR_YEAR;
  }

  /** The name a period of this kind shows in {@code toString}, before the length of a rolling window. */
  String label() {
    return label;
  }
}
