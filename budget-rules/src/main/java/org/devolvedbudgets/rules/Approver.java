package org.devolvedbudgets.rules;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.Optional;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.jspecify.annotations.Nullable;

/**
 * A member of staff approving a request: who they are, the role they hold and, for a team-level role, their team.
 *
 * <p>A team-level role ({@link ApprovalRole#isTeamLevel()}: a social worker or a team manager) approves only its
 * own team's requests, so it must name its team: {@code Approver.of(worker, TEAM_MANAGER, team)}. A service
 * manager, head of service or director approves for any team and may be made without one. Why a team-level
 * approver cannot be made without a team: an approver who could approve "any team" by leaving the team out is
 * exactly the gap this class closes.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Approver {

  private final WorkerId workerId;
  private final ApprovalRole role;
  private final @Nullable TeamId teamId;

  private Approver(WorkerId workerId, ApprovalRole role, @Nullable TeamId teamId) {
    this.workerId = workerId;
    this.role = role;
    this.teamId = teamId;
  }

  /**
   * Returns an approver above team level, who may approve for any team.
   *
   * @param workerId who approves, not null
   * @param role the role they hold, not null, above team level ({@link ApprovalRole#SERVICE_MANAGER} or above)
   * @return the approver, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code role} is a team-level role, which needs a team
   */
  public static Approver of(WorkerId workerId, ApprovalRole role) {
    requireNonNull(workerId, "workerId");
    requireNonNull(role, "role");
    if (role.isTeamLevel()) {
      throw new IllegalArgumentException("role " + role + " approves only for its own team: give the team with "
          + "Approver.of(workerId, role, teamId)");
    }
    return new Approver(workerId, role, null);
  }

  /**
   * Returns an approver who belongs to a team. For a team-level role the team limits what they may approve; for
   * a role above team level it is recorded only.
   *
   * @param workerId who approves, not null
   * @param role the role they hold, not null
   * @param teamId their team, not null
   * @return the approver, not null
   * @throws NullPointerException if an argument is null
   */
  public static Approver of(WorkerId workerId, ApprovalRole role, TeamId teamId) {
    return new Approver(requireNonNull(workerId, "workerId"), requireNonNull(role, "role"),
        requireNonNull(teamId, "teamId"));
  }

  /**
   * Returns who approves.
   *
   * @return the worker, not null
   */
  public WorkerId workerId() {
    return workerId;
  }

  /**
   * Returns the role they hold.
   *
   * @return the role, not null
   */
  public ApprovalRole role() {
    return role;
  }

  /**
   * Returns their team, if given: always for a team-level role.
   *
   * @return the team, not null
   */
  public Optional<TeamId> teamId() {
    return Optional.ofNullable(teamId);
  }

  /**
   * Returns whether this approver's authority reaches a team's requests: always for a role above team level,
   * otherwise only for their own team.
   *
   * @param team the team of a request, not null
   * @return true if they may approve for it
   * @throws NullPointerException if {@code team} is null
   */
  public boolean approvesFor(TeamId team) {
    requireNonNull(team, "team");
    return !role.isTeamLevel() || team.equals(teamId);
  }

  /**
   * Returns whether {@code obj} is the same worker in the same role and team.
   *
   * @param obj the object to compare with, may be null
   * @return true if equal
   */
  @Override
  public boolean equals(@Nullable Object obj) {
    if (obj == this) {
      return true;
    }
    if (!(obj instanceof Approver)) {
      return false;
    }
    Approver other = (Approver) obj;
    return workerId.equals(other.workerId) && role == other.role && Objects.equals(teamId, other.teamId);
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(workerId, role, teamId);
  }

  /**
   * Returns {@code worker (ROLE, team)}, for example {@code W-0007 (TEAM_MANAGER, wigan-edge-of-care)}, or
   * {@code W-0001 (HEAD_OF_SERVICE)} without a team.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return workerId + " (" + role + (teamId == null ? "" : ", " + teamId) + ")";
  }
}
