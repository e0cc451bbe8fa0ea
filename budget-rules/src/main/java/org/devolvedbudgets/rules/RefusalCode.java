package org.devolvedbudgets.rules;

/**
 * Stable codes for why an approval cannot be accepted. Codes are never renamed or reused once released.
 */
public enum RefusalCode {

  /** The request is not awaiting approval: it was approved at once, declined, or already resolved. */
  NOT_AWAITING_APPROVAL,

  /** The approver is the worker who made the request. Segregation of duties has no override. */
  SELF_APPROVAL,

  /** The approver's role is below the role the request's approval tier requires. */
  ROLE_NOT_SENIOR_ENOUGH,

  /** The approver holds a team-level role (social worker or team manager) in another team than the request's:
   * a team manager approves only their own team's requests. */
  OTHER_TEAM
}
