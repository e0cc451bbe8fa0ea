package org.devolvedbudgets.json.scheme;

/**
 * What {@link SchemeLint} warns of: a scheme that is valid but probably not what its author meant. Stable codes:
 * never renamed or reused once released.
 */
public enum LintCode {

  /** A soft per-request cap at or above the highest approval limit: no tier can approve an exception to it, so
   * every request over it is declined as beyond the approval limits. */
  SOFT_CAP_NEVER_APPROVABLE,

  /** An approval tier that no request can reach: every amount above the tier below it breaks a hard cap. */
  TIER_NEVER_REACHED,

  /** The highest approval tier has a limit, and amounts above it break no hard cap: they can never be approved,
   * a gap between the tiers and the caps. */
  TIER_GAP_ABOVE_TOP_LIMIT,

  /** A per-request cap above a family cap that counts the same spending: the family cap always bites first. */
  REQUEST_CAP_ABOVE_FAMILY_CAP,

  /** A cumulative threshold above the family allowance it guards: a family can never reach it. */
  THRESHOLD_ABOVE_ALLOWANCE,

  /** A subcategory is blocked in a category the scheme does not allow anyway: the block does nothing, which
   * suggests the wrong category was allowed or blocked. */
  BLOCKED_SUBCATEGORY_NOT_ALLOWED,

  /** A version takes effect on or after the end of the term of the version before it: requests in between fall
   * outside any term. */
  VERSION_AFTER_EARLIER_TERM,

  /** A spending freeze marks as safeguarding a subcategory the scheme blocks, or whose category it does not allow:
   * such a spend is declined anyway, so the freeze lets through less than it seems to. */
  FREEZE_SAFEGUARDING_REFUSED,

  /** An evidence requirement names only categories the scheme does not allow, or only cash where cash is not
   * allowed: no spend can ever need it. */
  EVIDENCE_NEVER_DUE
}
