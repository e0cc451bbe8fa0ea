package org.devolvedbudgets.rules.ledger;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.devolvedbudgets.rules.Decision;
import org.devolvedbudgets.rules.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * What {@link BudgetLedger#submit} did with a request: the rules' {@link Decision} and, unless the request was
 * declined, the {@link Reservation} made for it, as it stood when it was made. A retry of the same request
 * returns the same submission.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Submission {

  private final Decision decision;
  private final @Nullable Reservation reservation;

  Submission(Decision decision, @Nullable Reservation reservation) {
    this.decision = requireNonNull(decision, "decision");
    this.reservation = reservation;
  }

  /**
   * Returns the decision.
   *
   * @return the decision, not null
   */
  public Decision decision() {
    return decision;
  }

  /**
   * Returns the outcome: a shortcut for {@code decision().outcome()}.
   *
   * @return the outcome, not null
   */
  public Outcome outcome() {
    return decision.outcome();
  }

  /**
   * Returns the reservation made, empty exactly when the request was declined.
   *
   * @return the reservation as it was made, not null
   */
  public Optional<Reservation> reservation() {
    return Optional.ofNullable(reservation);
  }

  /**
   * Returns a developer's form.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return "Submission[" + decision + (reservation == null ? "" : ", " + reservation) + "]";
  }
}
