package org.devolvedbudgets.rules.ledger;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.LondonTime;
import org.devolvedbudgets.model.scheme.EvidencePolicy;
import org.devolvedbudgets.model.scheme.EvidenceRequirement;
import org.devolvedbudgets.model.spend.EvidenceKind;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.jspecify.annotations.Nullable;

/**
 * One piece of evidence a paid spend needs, under one of its scheme's {@link EvidenceRequirement}s: whose spend
 * it is (request, family, team, requesting worker), what meets it, the London day it was paid, the day it is
 * due by, and the day it arrived, if it has.
 *
 * <p>Days are London days ({@link LondonTime}): a spend paid at 23:30 on 31 May BST is paid on 31 May, and
 * evidence due 7 days later is due by the end of 7 June; from 8 June it is overdue.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class EvidenceDue {

  private final RequestId requestId;
  private final FamilyId familyId;
  private final TeamId teamId;
  private final WorkerId worker;
  private final Money paid;
  private final Set<EvidenceKind> accepts;
  private final LocalDate paidOn;
  private final LocalDate dueOn;
  private final @Nullable LocalDate receivedOn;

  private EvidenceDue(RequestId requestId, FamilyId familyId, TeamId teamId, WorkerId worker, Money paid,
      Set<EvidenceKind> accepts, LocalDate paidOn, LocalDate dueOn, @Nullable LocalDate receivedOn) {
    this.requestId = requestId;
    this.familyId = familyId;
    this.teamId = teamId;
    this.worker = worker;
    this.paid = paid;
    this.accepts = accepts;
    this.paidOn = paidOn;
    this.dueOn = dueOn;
    this.receivedOn = receivedOn;
  }

  /** The items of {@code due} overdue on {@code day}, in the same order. */
  static List<EvidenceDue> overdueOn(List<EvidenceDue> due, LocalDate day) {
    List<EvidenceDue> overdue = new ArrayList<>(due.size());
    for (EvidenceDue item : due) {
      if (item.isOverdueOn(day)) {
        overdue.add(item);
      }
    }
    return List.copyOf(overdue);
  }

  /**
   * Returns what evidence a spend needs once paid, none received yet: one item per requirement of the policy
   * that applies to it ({@link EvidencePolicy#requirementsFor}), in the policy's order.
   *
   * @param policy the evidence policy of the version the request was decided under, not null
   * @param request the spend's request, not null
   * @param paid the amount paid, not null
   * @param paidAt when it was paid, within the dates {@link LondonTime} supports, not null
   * @return the evidence due, possibly none, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code paidAt} is outside the supported dates
   */
  public static List<EvidenceDue> forSpend(EvidencePolicy policy, SpendRequest request, Money paid, Instant paidAt) {
    requireNonNull(policy, "policy");
    requireNonNull(request, "request");
    requireNonNull(paid, "paid");
    LocalDate paidOn = LondonTime.dateOf("paidAt", paidAt);
    List<EvidenceRequirement> requirements = policy.requirementsFor(request, paid);
    List<EvidenceDue> due = new ArrayList<>(requirements.size());
    for (EvidenceRequirement requirement : requirements) {
      due.add(new EvidenceDue(request.id(), request.familyId(), request.teamId(), request.requestedBy(), paid,
          requirement.accepts(), paidOn, paidOn.plusDays(requirement.dueWithinDays()), null));
    }
    return List.copyOf(due);
  }

  /**
   * Returns this item as met on a day, if evidence of a kind it accepts arrived then and it was not met before;
   * otherwise this item.
   *
   * @param kind the kind of evidence received, not null
   * @param at when it was received, within the supported dates, not null
   * @return the item, met if it accepts {@code kind} and was open, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code at} is outside the supported dates
   */
  public EvidenceDue receive(EvidenceKind kind, Instant at) {
    requireNonNull(kind, "kind");
    LocalDate on = LondonTime.dateOf("at", at);
    if (receivedOn != null || !accepts.contains(kind)) {
      return this;
    }
    return new EvidenceDue(requestId, familyId, teamId, worker, paid, accepts, paidOn, dueOn, on);
  }

  /**
   * Returns the spend's request.
   *
   * @return the request id, not null
   */
  public RequestId requestId() {
    return requestId;
  }

  /**
   * Returns the spend's family.
   *
   * @return the family, not null
   */
  public FamilyId familyId() {
    return familyId;
  }

  /**
   * Returns the requesting worker's team.
   *
   * @return the team, not null
   */
  public TeamId teamId() {
    return teamId;
  }

  /**
   * Returns the worker who requested the spend, whose evidence it is to gather.
   *
   * @return the worker, not null
   */
  public WorkerId worker() {
    return worker;
  }

  /**
   * Returns what was paid for the spend.
   *
   * @return the amount, positive, not null
   */
  public Money paid() {
    return paid;
  }

  /**
   * Returns the kinds of evidence any one of which meets this item.
   *
   * @return an immutable set, at least one kind, not null
   */
  public Set<EvidenceKind> accepts() {
    return accepts;
  }

  /**
   * Returns the London day the spend was paid.
   *
   * @return the day, not null
   */
  public LocalDate paidOn() {
    return paidOn;
  }

  /**
   * Returns the last London day on which the evidence is on time.
   *
   * @return the day, on or after {@link #paidOn()}, not null
   */
  public LocalDate dueOn() {
    return dueOn;
  }

  /**
   * Returns the London day evidence meeting this item arrived.
   *
   * @return the day, or empty while it is outstanding, not null
   */
  public Optional<LocalDate> receivedOn() {
    return Optional.ofNullable(receivedOn);
  }

  /**
   * Returns whether evidence meeting this item has arrived.
   *
   * @return true if received
   */
  public boolean isReceived() {
    return receivedOn != null;
  }

  /**
   * Returns whether the evidence is overdue on a day: not received, and the day is after {@link #dueOn()}.
   *
   * @param day the London day to judge on, not null
   * @return true if overdue on {@code day}
   * @throws NullPointerException if {@code day} is null
   */
  public boolean isOverdueOn(LocalDate day) {
    requireNonNull(day, "day");
    return receivedOn == null && day.isAfter(dueOn);
  }

  /**
   * Returns whether the evidence arrived on or before its due day.
   *
   * @return true if received on time
   */
  public boolean isOnTime() {
    return receivedOn != null && !receivedOn.isAfter(dueOn);
  }

  /**
   * Returns how many London days after payment the evidence arrived: 0 when it came the day the spend was paid.
   *
   * @return the days, or empty while it is outstanding, not null
   */
  public Optional<Long> daysToEvidence() {
    return receivedOn == null ? Optional.empty() : Optional.of(ChronoUnit.DAYS.between(paidOn, receivedOn));
  }

  /**
   * Returns whether {@code obj} is the same item in the same state.
   *
   * @param obj the object to compare with, may be null
   * @return true if equal
   */
  @Override
  public boolean equals(@Nullable Object obj) {
    if (!(obj instanceof EvidenceDue)) {
      return false;
    }
    EvidenceDue other = (EvidenceDue) obj;
    return requestId.equals(other.requestId) && familyId.equals(other.familyId) && teamId.equals(other.teamId)
        && worker.equals(other.worker) && paid.equals(other.paid) && accepts.equals(other.accepts)
        && paidOn.equals(other.paidOn) && dueOn.equals(other.dueOn) && Objects.equals(receivedOn, other.receivedOn);
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(requestId, accepts, paidOn, dueOn, receivedOn);
  }

  /**
   * Returns a developer's form with the request id, the kinds and the days; no family or worker.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return "EvidenceDue[request=" + requestId + ", accepts=" + accepts + ", paidOn=" + paidOn + ", dueOn=" + dueOn
        + (receivedOn == null ? "" : ", receivedOn=" + receivedOn) + "]";
  }
}
