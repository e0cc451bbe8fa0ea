package org.devolvedbudgets.rules;

/**
 * What a decision says, from the least strict to the strictest: the order of the constants is meaningful.
 *
 * <p>The constants' names are stable codes: they are never renamed or reused once released.
 */
public enum Outcome {

  /** Within the worker's own authority: the spend may go ahead now. */
  APPROVED,

  /** Within policy once a manager of the required role approves. */
  NEEDS_APPROVAL,

  /** Outside policy: the findings say why. */
  DECLINED
}
