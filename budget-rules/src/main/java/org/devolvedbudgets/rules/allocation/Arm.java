package org.devolvedbudgets.rules.allocation;

/**
 * The arm a family was allocated to.
 *
 * <p>The constants' names are stable codes: they are never renamed or reused once released.
 */
public enum Arm {

  /** Randomised into the group offered the budget. */
  TREATMENT,

  /** Randomised into the comparison group, not offered the budget. Under intention to treat a family keeps
   * this arm even after randomisation is suspended. */
  CONTROL,

  /** Offered the budget without randomisation: by a discretionary or all-eligible scheme, or after a
   * randomisation was suspended. */
  NOT_RANDOMISED;

  /**
   * Returns whether a family in this arm may spend from the budget.
   *
   * @return true for every arm except {@link #CONTROL}
   */
  public boolean hasBudget() {
    return this != CONTROL;
  }
}
