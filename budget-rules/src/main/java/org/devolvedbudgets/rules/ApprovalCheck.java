package org.devolvedbudgets.rules;

import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.joining;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.devolvedbudgets.model.spend.SpendRequest;

/**
 * Checks an approval before a ledger accepts it, and says why not: every {@link Refusal}, or none.
 *
 * <p>An approval is accepted when the request's decision is {@link Outcome#NEEDS_APPROVAL}, the approver is
 * not the requester (segregation of duties: there is no switch to allow it), the approver's role is at least the
 * role of the tier the decision requires, which gives them authority for the amount, and a team-level approver
 * (a team manager) belongs to the request's team ({@link Approver#approvesFor}). Whether the
 * request is still awaiting approval in the ledger (not yet approved, rejected or expired) is the ledger's to
 * say: it passes only decisions still pending.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ApprovalCheck {

  private final List<Refusal> refusals;

  private ApprovalCheck(List<Refusal> refusals) {
    this.refusals = refusals;
  }

  /**
   * Checks an approval.
   *
   * @param request the request to approve, not null
   * @param decision the request's pending decision, not null, for the same request
   * @param approver who approves, in which role, not null
   * @return the check, accepted or with every refusal, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code decision} is for another request
   */
  public static ApprovalCheck validate(SpendRequest request, Decision decision, Approver approver) {
    requireNonNull(request, "request");
    requireNonNull(decision, "decision");
    requireNonNull(approver, "approver");
    if (!decision.requestId().equals(request.id())) {
      throw new IllegalArgumentException("decision is for request " + decision.requestId()
          + ", not for request " + request.id());
    }
    List<Refusal> refusals = new ArrayList<>(3);
    if (decision.outcome() != Outcome.NEEDS_APPROVAL) {
      refusals.add(new Refusal(RefusalCode.NOT_AWAITING_APPROVAL, "Request " + request.id() + " is not "
          + "awaiting approval: it was " + decision.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')
          + "."));
    }
    if (approver.workerId().equals(request.requestedBy())) {
      refusals.add(new Refusal(RefusalCode.SELF_APPROVAL, "Worker " + approver.workerId()
          + " made request " + request.id() + " and so cannot approve it."));
    }
    decision.requiredRole().filter(required -> !approver.role().isAtLeast(required)).ifPresent(required ->
        refusals.add(new Refusal(RefusalCode.ROLE_NOT_SENIOR_ENOUGH, "Request " + request.id() + " needs a "
            + SpendRules.roleName(required) + " or above to approve it, and " + approver.workerId() + " is a "
            + SpendRules.roleName(approver.role()) + ".")));
    if (!approver.approvesFor(request.teamId())) {
      refusals.add(new Refusal(RefusalCode.OTHER_TEAM, "Request " + request.id() + " was made in team "
          + request.teamId() + ", and " + approver.workerId() + " is a " + SpendRules.roleName(approver.role())
          + " in team " + approver.teamId().orElseThrow() + "; a " + SpendRules.roleName(approver.role())
          + " approves only for their own team, a service manager or above for any."));
    }
    return new ApprovalCheck(List.copyOf(refusals));
  }

  /**
   * Returns whether the approval may be accepted.
   *
   * @return true if there is no refusal
   */
  public boolean isAccepted() {
    return refusals.isEmpty();
  }

  /**
   * Returns every reason the approval cannot be accepted, in {@link RefusalCode} order.
   *
   * @return an immutable list, empty if accepted, not null
   */
  public List<Refusal> refusals() {
    return refusals;
  }

  /**
   * Returns {@code ApprovalCheck[accepted]} or the refusals' codes and messages.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return isAccepted() ? "ApprovalCheck[accepted]"
        : "ApprovalCheck[" + refusals.stream().map(Refusal::toString).collect(joining("; ")) + "]";
  }

  /**
   * One reason an approval cannot be accepted: a stable code and a plain-English message.
   *
   * <p>This class is immutable and thread-safe.
   */
  public static final class Refusal {

    private final RefusalCode code;
    private final String message;

    Refusal(RefusalCode code, String message) {
      this.code = code;
      this.message = message;
    }

    /**
     * Returns the stable code.
     *
     * @return the code, not null
     */
    public RefusalCode code() {
      return code;
    }

    /**
     * Returns the plain-English explanation.
     *
     * @return the message, not null
     */
    public String message() {
      return message;
    }

    /**
     * Returns {@code CODE: message}.
     *
     * @return the text form, not null
     */
    @Override
    public String toString() {
      return code + ": " + message;
    }
  }
}
