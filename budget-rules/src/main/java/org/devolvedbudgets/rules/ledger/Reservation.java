package org.devolvedbudgets.rules.ledger;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * The money a {@link BudgetLedger} holds, or held, for one request, as it stood at one moment: the amount
 * reserved, its {@link ReservationStatus}, what was posted and what has been refunded since.
 *
 * <p>This class is immutable and thread-safe: a snapshot, not a live view. Ask the ledger again for news.
 */
public final class Reservation {

  private final RequestId requestId;
  private final FamilyId familyId;
  private final LocalDate day;
  private final Money amount;
  private final ReservationStatus status;
  private final @Nullable Instant expiresAt;
  private final Money posted;
  private final Money refunded;

  Reservation(RequestId requestId, FamilyId familyId, LocalDate day, Money amount, ReservationStatus status,
      @Nullable Instant expiresAt, Money posted, Money refunded) {
    this.requestId = requireNonNull(requestId, "requestId");
    this.familyId = requireNonNull(familyId, "familyId");
    this.day = requireNonNull(day, "day");
    this.amount = requireNonNull(amount, "amount");
    this.status = requireNonNull(status, "status");
    this.expiresAt = expiresAt;
    this.posted = requireNonNull(posted, "posted");
    this.refunded = requireNonNull(refunded, "refunded");
  }

  /**
   * Returns the request the money is held for.
   *
   * @return the request id, not null
   */
  public RequestId requestId() {
    return requestId;
  }

  /**
   * Returns the family.
   *
   * @return the family, not null
   */
  public FamilyId familyId() {
    return familyId;
  }

  /**
   * Returns the day the money counts on: the request's date in Europe/London.
   *
   * @return the day, not null
   */
  public LocalDate day() {
    return day;
  }

  /**
   * Returns the amount reserved when the request was submitted.
   *
   * @return the amount, positive, not null
   */
  public Money amount() {
    return amount;
  }

  /**
   * Returns the status.
   *
   * @return the status, not null
   */
  public ReservationStatus status() {
    return status;
  }

  /**
   * Returns when the hold lapses, if the reservation was made to await approval.
   *
   * @return the expiry time, not null
   */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  /**
   * Returns the amount held now: the whole amount while open, nothing once resolved.
   *
   * @return the held amount, zero or more, not null
   */
  public Money held() {
    return status.isOpen() ? amount : amount.minus(amount);
  }

  /**
   * Returns the amount paid, zero unless posted.
   *
   * @return the posted amount, zero or more, not null
   */
  public Money posted() {
    return posted;
  }

  /**
   * Returns the amount refunded so far, never more than {@link #posted()}.
   *
   * @return the refunded amount, zero or more, not null
   */
  public Money refunded() {
    return refunded;
  }

  /**
   * Returns whether {@code obj} is a reservation in the same state.
   *
   * @param obj the object to compare with, may be null
   * @return true if equal
   */
  @Override
  public boolean equals(@Nullable Object obj) {
    if (this == obj) {
      return true;
    }
    if (!(obj instanceof Reservation)) {
      return false;
    }
    Reservation other = (Reservation) obj;
    return requestId.equals(other.requestId) && familyId.equals(other.familyId) && day.equals(other.day)
        && amount.equals(other.amount) && status == other.status && Objects.equals(expiresAt, other.expiresAt)
        && posted.equals(other.posted) && refunded.equals(other.refunded);
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(requestId, familyId, day, amount, status, expiresAt, posted, refunded);
  }

  /**
   * Returns a developer's form, for example {@code Reservation[R-1 POSTED GBP 120.00, posted GBP 113.00]}.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return "Reservation[" + requestId + " " + status + " " + amount
        + (posted.isZero() ? "" : ", posted " + posted) + (refunded.isZero() ? "" : ", refunded " + refunded)
        + (expiresAt == null || !status.isOpen() ? "" : ", expires " + expiresAt) + "]";
  }
}
