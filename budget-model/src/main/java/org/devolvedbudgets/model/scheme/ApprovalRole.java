package org.devolvedbudgets.model.scheme;

import static java.util.Objects.requireNonNull;

/**
 * The roles that may authorise spending, in rising order of seniority. An approval tier names the least
 * senior role that may authorise amounts in it; anyone more senior may too.
 *
 * <p>Why an enum and not free-text job titles: councils' titles differ, but the ladder is the same
 * everywhere, and a fixed ladder lets the rules compare authority without a lookup table. Map local
 * titles onto it (Leeds' "service delivery manager" is {@link #SERVICE_MANAGER}).
 *
 * <p>The first two roles work within one team ({@link #isTeamLevel()}); the others above teams.
 *
 * <p>The constants' names are stable codes: they are never renamed or reused once released.
 */
public enum ApprovalRole {

  /** A social worker: spending within their own authority needs no one else. */
  SOCIAL_WORKER,

  /** A team manager. */
  TEAM_MANAGER,

  /** A service manager (or service delivery manager) above several teams. */
  SERVICE_MANAGER,

  /** A head of service. */
  HEAD_OF_SERVICE,

  /** A director of children's services. */
  DIRECTOR;

  /**
   * Returns whether this role works within one team: a social worker or a team manager. A team-level role
   * approves only its own team's requests; a service manager and above approve for any team.
   *
   * @return true for {@link #SOCIAL_WORKER} and {@link #TEAM_MANAGER}
   */
  public boolean isTeamLevel() {
    return this == SOCIAL_WORKER || this == TEAM_MANAGER;
  }

  /**
   * Returns whether this role is at least as senior as {@code other}.
   *
   * @param other the role to compare with, not null
   * @return true if this role is {@code other} or above it
   * @throws NullPointerException if {@code other} is null
   */
  public boolean isAtLeast(ApprovalRole other) {
    return compareTo(requireNonNull(other, "other")) >= 0;
  }
}
