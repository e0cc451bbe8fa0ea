package org.devolvedbudgets.model.scheme;

/**
 * How families in eligible teams come to have a budget.
 *
 * <p>The constants' names are stable codes: they are never renamed or reused once released.
 */
public enum AllocationMethod {

  /** A team manager identifies the families, as in Darlington after randomisation was suspended. */
  DISCRETIONARY,

  /** Every family worked with by an eligible team, as in Hillingdon and Wigan. */
  ALL_ELIGIBLE,

  /** Families are assigned to a treatment or control arm at random (see {@link Randomisation}). */
  RANDOMISED
}
