package org.devolvedbudgets.rules;

import static java.util.Objects.requireNonNull;

import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.jspecify.annotations.Nullable;

/**
 * A member of staff approving a request, with the role they hold.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Approver {

  private final WorkerId workerId;
  private final ApprovalRole role;

  private Approver(WorkerId workerId, ApprovalRole role) {
    this.workerId = workerId;
    this.role = role;
  }

  /**
   * Returns an approver.
   *
   * @param workerId who approves, not null
   * @param role the role they hold, not null
   * @return the approver, not null
   * @throws NullPointerException if an argument is null
   */
  public static Approver of(WorkerId workerId, ApprovalRole role) {
    return new Approver(requireNonNull(workerId, "workerId"), requireNonNull(role, "role"));
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
   * Returns whether {@code obj} is the same worker in the same role.
   *
   * @param obj the object to compare with, may be null
   * @return true if equal
   */
  @Override
  public boolean equals(@Nullable Object obj) {
    return obj == this
        || obj instanceof Approver && workerId.equals(((Approver) obj).workerId) && role == ((Approver) obj).role;
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return workerId.hashCode() * 31 + role.hashCode();
  }

  /**
   * Returns {@code worker (ROLE)}, for example {@code W-0007 (TEAM_MANAGER)}.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return workerId + " (" + role + ")";
  }
}
