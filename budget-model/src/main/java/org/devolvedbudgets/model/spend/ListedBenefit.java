package org.devolvedbudgets.model.spend;

/**
 * The means-tested benefits during whose receipt no one is liable to repay help given under section 17 of the
 * Children Act 1989 (section 17(9), as amended): a family receiving any of them cannot be asked to repay.
 * Check the list against the legislation in force; a benefit added by law later is a new constant.
 *
 * <p>The constants' names are stable codes: they are never renamed or reused once released.
 */
public enum ListedBenefit {

  /** Income support. */
  INCOME_SUPPORT,

  /** Universal credit. */
  UNIVERSAL_CREDIT,

  /** Income-based jobseeker's allowance. */
  INCOME_BASED_JOBSEEKERS_ALLOWANCE,

  /** Income-related employment and support allowance. */
  INCOME_RELATED_EMPLOYMENT_AND_SUPPORT_ALLOWANCE,

  /** Any element of child tax credit other than the family element. */
  CHILD_TAX_CREDIT,

  /** Working tax credit. */
  WORKING_TAX_CREDIT
}
