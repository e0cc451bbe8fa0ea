package org.devolvedbudgets.rules.ledger;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.spend.RepaymentTerms;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.jspecify.annotations.Nullable;

/**
 * Where the repayment of one spend given subject to repayment stands: what the family owes in all, what it has
 * repaid, and what the schedule makes due, and overdue, by a London day.
 *
 * <p>What is owed is the terms' amount, but never more than is left of the spend after refunds: when the item
 * cost less than requested, or came back, the family owes at most what the council is out of pocket. The
 * schedule's instalments are then met in order, so a smaller debt is due sooner than its last instalments. An
 * instalment due on a day is on time all that day and overdue from the next.
 *
 * <p>This class is immutable and thread-safe: a snapshot, not a live view.
 */
public final class RepaymentStatus {

  private final RequestId requestId;
  private final FamilyId familyId;
  private final TeamId teamId;
  private final RepaymentTerms terms;
  private final Money owed;
  private final Money repaid;

  RepaymentStatus(RequestId requestId, FamilyId familyId, TeamId teamId, RepaymentTerms terms, Money owed,
      Money repaid) {
    this.requestId = requestId;
    this.familyId = familyId;
    this.teamId = teamId;
    this.terms = terms;
    this.owed = owed;
    this.repaid = repaid;
  }

  /**
   * Returns the status of a paid spend given subject to repayment, as a report folding the journal computes it.
   *
   * @param request the spend's request, made subject to repayment, not null
   * @param paidLessRefunds what was paid less what was refunded, not null
   * @param repaid what the family has repaid, zero or more, not null
   * @return the status, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the request is not repayable, or {@code repaid} is negative or more than is
   *     owed
   * @throws org.devolvedbudgets.model.money.CurrencyMismatchException if the amounts are in different currencies
   */
  public static RepaymentStatus of(SpendRequest request, Money paidLessRefunds, Money repaid) {
    requireNonNull(request, "request");
    requireNonNull(paidLessRefunds, "paidLessRefunds");
    requireNonNull(repaid, "repaid");
    RepaymentTerms terms = request.repayment().orElseThrow(() -> new IllegalArgumentException("request "
        + request.id() + " was made without conditions of repayment"));
    Money owed = terms.amount().isGreaterThan(paidLessRefunds) ? paidLessRefunds : terms.amount();
    if (repaid.isNegative() || repaid.isGreaterThan(owed)) {
      throw new IllegalArgumentException("repaid must be zero to the " + owed + " owed, but was " + repaid);
    }
    return new RepaymentStatus(request.id(), request.familyId(), request.teamId(), terms, owed, repaid);
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
   * Returns the family that repays.
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
   * Returns the conditions the help was given on.
   *
   * @return the terms, not null
   */
  public RepaymentTerms terms() {
    return terms;
  }

  /**
   * Returns what the family owes in all: the terms' amount, at most what is left of the spend after refunds.
   *
   * @return the amount, zero or more, not null
   */
  public Money owed() {
    return owed;
  }

  /**
   * Returns what the family has repaid.
   *
   * @return the amount, zero to {@link #owed()}, not null
   */
  public Money repaid() {
    return repaid;
  }

  /**
   * Returns what is still to be repaid.
   *
   * @return {@link #owed()} less {@link #repaid()}, zero or more, not null
   */
  public Money outstanding() {
    return owed.minus(repaid);
  }

  /**
   * Returns what the schedule makes due by the end of a London day, at most what is owed.
   *
   * @param day the day, not null
   * @return the amount, zero to {@link #owed()}, not null
   * @throws NullPointerException if {@code day} is null
   */
  public Money dueBy(LocalDate day) {
    Money due = terms.dueBy(requireNonNull(day, "day"));
    return due.isGreaterThan(owed) ? owed : due;
  }

  /**
   * Returns what is overdue on a London day: what was due by the end of the day before, less what has been repaid.
   *
   * @param day the day, not null
   * @return the amount, zero or more, not null
   * @throws NullPointerException if {@code day} is null
   */
  public Money overdueOn(LocalDate day) {
    Money late = dueBy(requireNonNull(day, "day").minusDays(1)).minus(repaid);
    return late.isNegative() ? Money.zero(owed.currency()) : late;
  }

  /**
   * Returns whether some of the repayment is overdue on a London day.
   *
   * @param day the day, not null
   * @return true if {@link #overdueOn(LocalDate)} is positive
   * @throws NullPointerException if {@code day} is null
   */
  public boolean isOverdueOn(LocalDate day) {
    return overdueOn(day).isPositive();
  }

  /**
   * Returns whether {@code obj} is the same spend's repayment in the same state.
   *
   * @param obj the object to compare with, may be null
   * @return true if equal
   */
  @Override
  public boolean equals(@Nullable Object obj) {
    if (!(obj instanceof RepaymentStatus)) {
      return false;
    }
    RepaymentStatus other = (RepaymentStatus) obj;
    return requestId.equals(other.requestId) && familyId.equals(other.familyId) && teamId.equals(other.teamId)
        && terms.equals(other.terms) && owed.equals(other.owed) && repaid.equals(other.repaid);
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return requestId.hashCode() * 31 + repaid.hashCode();
  }

  /**
   * Returns a developer's form with the request id and the amounts; no family.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return "RepaymentStatus[request=" + requestId + ", owed=" + owed + ", repaid=" + repaid + "]";
  }
}
