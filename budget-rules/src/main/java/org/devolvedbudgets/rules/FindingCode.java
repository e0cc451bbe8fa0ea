package org.devolvedbudgets.rules;

/**
 * Stable codes for what a decision found. A {@link Decision} lists every finding, sorted by this enum's order
 * (and, within one code, by the allowances' order in the configuration and the children's order in the
 * request). Codes are never renamed or reused once released; messages may improve.
 *
 * <p>A finding either <em>declines</em> the request ({@link #declines()}) or <em>routes</em> it to a manager.
 */
public enum FindingCode {

  /** The amount is zero or negative. Declines. */
  AMOUNT_NOT_POSITIVE(true),

  /** The amount is in another currency than the scheme's. Declines; no allowance is checked. */
  CURRENCY_MISMATCH(true),

  /** The request's date (in Europe/London) is outside the pilot's term. Declines; only per-request caps are
   * checked. */
  OUTSIDE_PILOT_DATES(true),

  /** The requesting worker's team is not eligible for the scheme. Declines. */
  TEAM_NOT_ELIGIBLE(true),

  /** The family has no budget: not allocated under a discretionary or randomised scheme, or allocated to the
   * control arm. Declines. */
  FAMILY_NOT_ALLOCATED(true),

  /** The category is not allowed, or the subcategory is blocked, by the scheme. Declines. */
  CATEGORY_BLOCKED(true),

  /** The payment method is cash and the scheme does not allow cash. Declines. */
  CASH_NOT_ALLOWED(true),

  /** Spending is frozen under the version in force ({@code SpendingFreeze}), the request's subcategory is not one
   * the scheme marks as safeguarding, and the freeze names no role that may approve it. Declines. */
  SPENDING_FROZEN(true),

  /** The request is made subject to repayment, and its terms name no means assessment: the council must have
   * regard to the family's means before imposing conditions (Children Act 1989, section 17(8)). Declines. */
  MEANS_NOT_ASSESSED(true),

  /** The request is made subject to repayment, and its means assessment found the family receiving a listed
   * benefit, during which no one is liable to repay (section 17(9)): the help may only be a gift. Declines. */
  REPAYMENT_WHILE_ON_BENEFITS(true),

  /** The requesting worker has paid spends whose evidence is overdue (past its due day, in London days), and the
   * scheme's evidence policy declines new requests until it arrives. The finding carries the
   * {@code OverdueEvidence}. Declines. */
  EVIDENCE_OVERDUE(true),

  /** The scheme has a per-child allowance that counts this request, and the request names no child: without one
   * the per-child cap could not be checked. Declines. */
  CHILD_NOT_NAMED(true),

  /** The amount is over a hard per-request cap. Declines. */
  EXCEEDS_REQUEST_CAP(true),

  /** With this request a child's spending, counting the child's share of the amount, would go over a hard
   * per-child allowance. Declines. */
  EXCEEDS_CHILD_ALLOWANCE(true),

  /** With this request the family's spending would go over a hard per-family allowance. Declines. */
  EXCEEDS_FAMILY_ALLOWANCE(true),

  /** With this request the team's spending would go over a hard team budget. Declines. */
  EXCEEDS_TEAM_BUDGET(true),

  /** With this request the pilot's spending would go over a hard pilot budget. Declines. */
  EXCEEDS_PILOT_BUDGET(true),

  /** The amount is above the highest approval tier's limit: no one may authorise it. Declines. */
  ABOVE_APPROVAL_LIMITS(true),

  /** Spending is frozen under the version in force, the request's subcategory is not one the scheme marks as
   * safeguarding, and the freeze names a senior role whose approval lets it go ahead. Routes to that role. */
  FREEZE_APPROVAL_REQUIRED(false),

  /** The requesting worker has paid spends whose evidence is overdue, and the scheme's evidence policy routes new
   * requests to a named role until it arrives. The finding carries the {@code OverdueEvidence}. Routes to that
   * role. */
  EVIDENCE_OVERDUE_APPROVAL_REQUIRED(false),

  /** With this request a soft cap would be exceeded: the request needs exception approval by the approval
   * policy's top tier. Routes. */
  SOFT_CAP_EXCEEDED(false),

  /** With this request the family's spending within the cumulative window goes over the threshold: the request
   * needs the approval tier for that cumulative total, so a purchase split into small requests still reaches a
   * manager. Routes. */
  CUMULATIVE_THRESHOLD_REACHED(false),

  /** The amount is above the worker's own authority: a manager of the tier's role must approve. Routes. */
  APPROVAL_REQUIRED(false);

  private final boolean declines;

  FindingCode(boolean declines) {
    this.declines = declines;
  }

  /**
   * Returns whether a finding with this code declines the request; otherwise it routes it for approval.
   *
   * @return true for a declining code
   */
  public boolean declines() {
    return declines;
  }

  /**
   * Returns whether a finding with this code is about the worker's overdue evidence, and so carries an
   * {@code OverdueEvidence}.
   *
   * @return true for {@link #EVIDENCE_OVERDUE} and {@link #EVIDENCE_OVERDUE_APPROVAL_REQUIRED}
   */
  public boolean isAboutEvidence() {
    return this == EVIDENCE_OVERDUE || this == EVIDENCE_OVERDUE_APPROVAL_REQUIRED;
  }
}
