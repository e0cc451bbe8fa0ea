package org.devolvedbudgets.model.scheme;

/**
 * What happens when a request would take an {@link Allowance} over its cap.
 *
 * <p>The constants' names are stable codes: they are never renamed or reused once released.
 */
public enum Enforcement {

  /** The request is declined. */
  HARD,

  /** The request may go ahead as an exception, approved by the approval policy's top tier. */
  SOFT
}
