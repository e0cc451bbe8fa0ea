package org.devolvedbudgets.rules.evaluation;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.scheme.AgeBand;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.spend.PaymentMethod;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.Subcategory;
import org.devolvedbudgets.rules.FindingCode;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.allocation.Arm;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one request, folded from its ledger events: who asked for how much and for what, what the
 * rules decided, when it was decided and paid, and what was paid and refunded. It holds no free text (neither
 * the request's description nor its evidence reference).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class RequestSummary {

  private final RequestId requestId;
  private final FamilyId familyId;
  private final TeamId teamId;
  private final WorkerId requestedBy;
  private final Arm arm;
  private final @Nullable AgeBand stratum;
  private final Instant requestedAt;
  private final LocalDate requestedOn;
  private final SpendCategory category;
  private final @Nullable Subcategory subcategory;
  private final PaymentMethod paymentMethod;
  private final Money amount;
  private final Outcome outcome;
  private final List<FindingCode> codes;
  private final @Nullable ApprovalRole requiredRole;
  private final int configurationVersion;
  private final RequestStatus status;
  private final @Nullable Instant decidedAt;
  private final @Nullable Instant paidAt;
  private final Money paid;
  private final Money refunded;

  RequestSummary(Builder b) {
    this.requestId = requireNonNull(b.requestId);
    this.familyId = requireNonNull(b.familyId);
    this.teamId = requireNonNull(b.teamId);
    this.requestedBy = requireNonNull(b.requestedBy);
    this.arm = requireNonNull(b.arm);
    this.stratum = b.stratum;
    this.requestedAt = requireNonNull(b.requestedAt);
    this.requestedOn = requireNonNull(b.requestedOn);
    this.category = requireNonNull(b.category);
    this.subcategory = b.subcategory;
    this.paymentMethod = requireNonNull(b.paymentMethod);
    this.amount = requireNonNull(b.amount);
    this.outcome = requireNonNull(b.outcome);
    this.codes = List.copyOf(b.codes);
    this.requiredRole = b.requiredRole;
    this.configurationVersion = b.configurationVersion;
    this.status = requireNonNull(b.status);
    this.decidedAt = b.decidedAt;
    this.paidAt = b.paidAt;
    this.paid = requireNonNull(b.paid);
    this.refunded = requireNonNull(b.refunded);
  }

  /**
   * Returns the request's id.
   *
   * @return the id
   */
  public RequestId requestId() {
    return requestId;
  }

  /**
   * Returns the family.
   *
   * @return the family
   */
  public FamilyId familyId() {
    return familyId;
  }

  /**
   * Returns the requesting worker's team.
   *
   * @return the team
   */
  public TeamId teamId() {
    return teamId;
  }

  /**
   * Returns the requesting worker.
   *
   * @return the worker
   */
  public WorkerId requestedBy() {
    return requestedBy;
  }

  /**
   * Returns the family's arm: {@link Arm#NOT_RANDOMISED} when the family was never allocated or the scheme is
   * not randomised.
   *
   * @return the arm
   */
  public Arm arm() {
    return arm;
  }

  /**
   * Returns the family's stratum in a stratified randomisation.
   *
   * @return the age band, empty if none
   */
  public Optional<AgeBand> stratum() {
    return Optional.ofNullable(stratum);
  }

  /**
   * Returns when the request was made.
   *
   * @return the instant
   */
  public Instant requestedAt() {
    return requestedAt;
  }

  /**
   * Returns the day the request was made, in Europe/London.
   *
   * @return the day
   */
  public LocalDate requestedOn() {
    return requestedOn;
  }

  /**
   * Returns the spend category.
   *
   * @return the category
   */
  public SpendCategory category() {
    return category;
  }

  /**
   * Returns the subcategory, if the request gave one.
   *
   * @return the subcategory, or empty
   */
  public Optional<Subcategory> subcategory() {
    return Optional.ofNullable(subcategory);
  }

  /**
   * Returns the payment method.
   *
   * @return the method
   */
  public PaymentMethod paymentMethod() {
    return paymentMethod;
  }

  /**
   * Returns the amount requested.
   *
   * @return the amount
   */
  public Money amount() {
    return amount;
  }

  /**
   * Returns the rules' outcome at submission.
   *
   * @return the outcome
   */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * Returns the codes of the decision's findings, in the decision's order.
   *
   * @return the codes, an unmodifiable list, empty for a request approved at once
   */
  public List<FindingCode> codes() {
    return codes;
  }

  /**
   * Returns the role whose approval the request needed.
   *
   * @return the role, empty unless the outcome was {@link Outcome#NEEDS_APPROVAL}
   */
  public Optional<ApprovalRole> requiredRole() {
    return Optional.ofNullable(requiredRole);
  }

  /**
   * Returns the configuration version the decision used.
   *
   * @return the version, 1 or more
   */
  public int configurationVersion() {
    return configurationVersion;
  }

  /**
   * Returns where the request ended up.
   *
   * @return the status
   */
  public RequestStatus status() {
    return status;
  }

  /**
   * Returns when the request was decided: when the ledger recorded the submission for a request approved or
   * declined at once, the approval's or rejection's time for one that needed approval.
   *
   * @return the instant, empty while awaiting approval and for an expired request
   */
  public Optional<Instant> decidedAt() {
    return Optional.ofNullable(decidedAt);
  }

  /**
   * Returns the time from the request to its decision, never negative (a request stamped later than the
   * ledger recorded it counts as decided at once).
   *
   * @return the duration, empty if not decided
   */
  public Optional<Duration> timeToDecision() {
    return decidedAt().map(this::since);
  }

  /**
   * Returns when the request was paid.
   *
   * @return the instant, empty unless {@link RequestStatus#POSTED}
   */
  public Optional<Instant> paidAt() {
    return Optional.ofNullable(paidAt);
  }

  /**
   * Returns the time from the request to its payment, never negative.
   *
   * @return the duration, empty if not paid
   */
  public Optional<Duration> timeToPayment() {
    return paidAt().map(this::since);
  }

  /**
   * Returns the amount paid.
   *
   * @return the amount, zero unless paid
   */
  public Money paid() {
    return paid;
  }

  /**
   * Returns the amount refunded since the payment.
   *
   * @return the amount, zero or more, at most {@link #paid()}
   */
  public Money refunded() {
    return refunded;
  }

  /**
   * Returns what the request finally cost: paid less refunded.
   *
   * @return the amount, zero or more
   */
  public Money spent() {
    return paid.minus(refunded);
  }

  private Duration since(Instant instant) {
    Duration duration = Duration.between(requestedAt, instant);
    return duration.isNegative() ? Duration.ZERO : duration;
  }

  /**
   * Returns the request's id, status and amount, such as {@code RequestSummary[R-1, POSTED, GBP 12.50]}.
   *
   * @return a short description, no free text
   */
  @Override
  public String toString() {
    return "RequestSummary[" + requestId + ", " + status + ", " + amount + "]";
  }

  /** The fold's mutable state for one request. Not thread-safe. */
  static final class Builder {
    @Nullable RequestId requestId;
    @Nullable FamilyId familyId;
    @Nullable TeamId teamId;
    @Nullable WorkerId requestedBy;
    Arm arm = Arm.NOT_RANDOMISED;
    @Nullable AgeBand stratum;
    @Nullable Instant requestedAt;
    @Nullable LocalDate requestedOn;
    @Nullable SpendCategory category;
    @Nullable Subcategory subcategory;
    @Nullable PaymentMethod paymentMethod;
    @Nullable Money amount;
    @Nullable Outcome outcome;
    List<FindingCode> codes = List.of();
    @Nullable ApprovalRole requiredRole;
    int configurationVersion;
    @Nullable RequestStatus status;
    /** When the hold lapses, while the request awaits approval. */
    @Nullable Instant expiresAt;
    @Nullable Instant decidedAt;
    @Nullable Instant paidAt;
    @Nullable Money paid;
    @Nullable Money refunded;

    RequestSummary build() {
      return new RequestSummary(this);
    }
  }
}
