package org.devolvedbudgets.model.scheme;

/**
 * Whose spending an {@link Allowance} caps. A family allowance of £4,000 is a separate £4,000 for each
 * family; a pilot allowance of £400,000 is one pot shared by everyone.
 *
 * <p>The constants' names are stable codes: they are never renamed or reused once released.
 */
public enum AllowanceScope {

  /** Each request on its own, for example Hillingdon's up to £1,000 per purchase. The period is ignored. */
  REQUEST,

  /** Each child named on a request, so a sibling group has one allowance per child. */
  CHILD,

  /** Each family, for example Wigan's £4,000 per family per year. */
  FAMILY,

  /** Each team's spending together. */
  TEAM,

  /** The whole pilot's spending together, for example a £400,000 grant. */
  PILOT
}
