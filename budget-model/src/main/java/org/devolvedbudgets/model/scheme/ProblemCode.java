package org.devolvedbudgets.model.scheme;

/**
 * Stable codes for what can be wrong with a scheme's configuration. Each {@link ConfigurationProblem}
 * carries one. Codes are never renamed or reused once released; messages may improve.
 */
public enum ProblemCode {

  /** A name or label is blank, too long, or holds a control, bidirectional or other invisible formatting
   * character. */
  TEXT_INVALID,

  /** A configuration version is below 1. */
  VERSION_INVALID,

  /** A configuration version takes effect on or after the last day of the pilot's term. */
  EFFECTIVE_DATE_AFTER_TERM,

  /** An amount is in another currency than the configuration's. */
  CURRENCY_MISMATCH,

  /** An allowance's cap is zero or negative. */
  CAP_NOT_POSITIVE,

  /** Two allowances share a name, so findings and reports could not tell them apart. */
  DUPLICATE_ALLOWANCE_NAME,

  /** An approval policy has no tiers. */
  NO_APPROVAL_TIERS,

  /** An approval tier's upper limit is zero or negative. */
  TIER_LIMIT_NOT_POSITIVE,

  /** Approval tiers' upper limits do not rise strictly from one tier to the next. */
  TIER_LIMITS_NOT_ASCENDING,

  /** A tier without an upper limit is followed by another tier, which could never apply. */
  UNLIMITED_TIER_NOT_LAST,

  /** Approval tiers' roles do not rise strictly in seniority from one tier to the next. */
  TIER_ROLES_NOT_ASCENDING,

  /** A cumulative threshold is zero or negative. */
  THRESHOLD_NOT_POSITIVE,

  /** No team is eligible: the eligible teams are empty and all teams are not eligible. */
  NO_ELIGIBLE_TEAMS,

  /** All teams are eligible and a list of eligible teams is also given: one contradicts the other. */
  ELIGIBILITY_CONTRADICTORY,

  /** No spend category is allowed, so no request could ever be approved. */
  NO_ALLOWED_CATEGORIES,

  /** An allocation method and its randomisation settings disagree: randomised without settings, or
   * settings for another method. */
  ALLOCATION_INCONSISTENT,

  /** A randomisation's allocation ratio has a weight below 1. */
  RATIO_INVALID,

  /** Age bands of a randomisation overlap, are out of order, or a band's youngest age is above its oldest. */
  STRATA_INVALID,

  /** Randomisation is suspended on a date outside the pilot's term. */
  SUSPENSION_OUTSIDE_TERM,

  /** A configuration history holds no version. */
  NO_VERSIONS,

  /** A configuration history's versions do not rise strictly, in number and in effective date together. */
  VERSIONS_NOT_ASCENDING,

  /** A configuration history mixes versions of different councils, scheme ids or currencies. */
  SCHEME_CHANGED,

  /** A date is outside the dates the library supports ({@code LondonTime.MIN_DATE} to {@code MAX_DATE}). */
  DATE_NOT_SUPPORTED,

  /**
   * Two allowances share an id, so their balances would be one. Ids are what balances key on: a later version
   * that keeps an allowance's id keeps its money, whatever its name.
   */
  DUPLICATE_ALLOWANCE_ID,

  /** A spending freeze's approving role is not one of the approval policy's tiers, so no approval could reach it. */
  FREEZE_ROLE_NOT_A_TIER,

  /** An evidence policy lists no requirement. */
  EVIDENCE_REQUIREMENT_MISSING,

  /** An evidence requirement accepts no kind of evidence, so nothing could meet it. */
  EVIDENCE_KIND_MISSING,

  /** An evidence requirement's days after payment are negative or more than a year. */
  EVIDENCE_DUE_DAYS_INVALID,

  /** An evidence requirement's smallest amount is zero or negative. */
  EVIDENCE_AMOUNT_NOT_POSITIVE,

  /** An evidence policy names a role though overdue evidence does not route, or routes without naming one. */
  EVIDENCE_ROLE_INCONSISTENT,

  /** An evidence policy's approving role is not one of the approval policy's tiers, so no approval could reach
   * it. */
  EVIDENCE_ROLE_NOT_A_TIER
}
