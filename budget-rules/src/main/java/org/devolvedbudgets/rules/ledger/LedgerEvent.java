package org.devolvedbudgets.rules.ledger;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.OperationId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.spend.EvidenceKind;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.Decision;
import org.devolvedbudgets.rules.Fingerprint;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.devolvedbudgets.rules.position.UsageKey;

/**
 * One change to a {@link BudgetLedger}, as it is kept in the journal: a family allocated, a request submitted
 * and decided, money reserved, approved, rejected, posted, voided, expired or refunded, evidence of a spend
 * received, money repaid. The ledger's balances are
 * a fold of these events in sequence order, so replaying a journal reproduces every balance exactly.
 *
 * <p>Every event has a sequence number (1, 2, 3, ... with no gaps, across the whole journal), the
 * {@link Instant} the ledger recorded it (read from the ledger's {@link java.time.Clock}), the worker who acted
 * and the family concerned. Events about a request also carry its id and, where the change happened at a time
 * of its own (an approval, a payment), that time as {@code at}.
 *
 * <p>Events are records: immutable, thread-safe, equal when every component is. Their constructors reject null,
 * a sequence below 1 and negative or mismatched amounts, so a store reading events back cannot build a broken
 * one. No event holds free text: a submitted request is recorded without its description.
 */
public sealed interface LedgerEvent permits LedgerEvent.Allocated, LedgerEvent.RequestEvent {

  /**
   * Returns the event's place in the journal.
   *
   * @return the sequence number, 1 or more
   */
  long sequence();

  /**
   * Returns when the ledger recorded the event, from its clock.
   *
   * @return the instant, not null
   */
  Instant recordedAt();

  /**
   * Returns the worker who made the change: the requester, the approver, the worker who posted or voided, or
   * the ledger's own system worker for expiries.
   *
   * @return the worker, not null
   */
  WorkerId actor();

  /**
   * Returns the family the change concerns.
   *
   * @return the family, not null
   */
  FamilyId familyId();

  /**
   * Returns the id the caller chose for the change, by which a retry is recognised (journal format 2 onwards).
   * Submissions are recognised by their request id and expiries are the ledger's own, so those events have none;
   * neither has a change made without an id, nor any event read from a format 1 journal.
   *
   * @return the operation id, empty if there is none, not null
   */
  default Optional<OperationId> operationId() {
    return Optional.empty();
  }

  /** An event about one spend request. */
  sealed interface RequestEvent extends LedgerEvent
      permits Submitted, Reserved, Approved, Rejected, Posted, Voided, Expired, Refunded, EvidenceReceived,
      Repaid {

    /**
     * Returns the request the event is about.
     *
     * @return the request id, not null
     */
    RequestId requestId();
  }

  /**
   * A family was allocated to the scheme (and, in a randomised pilot, to an arm). A family keeps its first
   * allocation for the rest of the pilot.
   *
   * @param sequence the place in the journal, 1 or more
   * @param recordedAt when the ledger recorded it
   * @param actor who allocated the family
   * @param familyId the family
   * @param record the allocation, for {@code familyId}
   * @param operationId the id the caller chose for the change, empty if none
   */
  record Allocated(long sequence, Instant recordedAt, WorkerId actor, FamilyId familyId, AllocationRecord record,
      Optional<OperationId> operationId) implements LedgerEvent {

    /**
     * Checks the components.
     *
     * @param sequence the sequence component
     * @param recordedAt the recordedAt component
     * @param actor the actor component
     * @param familyId the familyId component
     * @param record the record component
     * @param operationId the operationId component
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code sequence} is below 1 or the record is for another family
     */
    public Allocated {
      Checks.sequence(sequence);
      requireNonNull(recordedAt, "recordedAt");
      requireNonNull(actor, "actor");
      requireNonNull(familyId, "familyId");
      requireNonNull(record, "record");
      if (!record.familyId().equals(familyId)) {
        throw new IllegalArgumentException("record is for family " + record.familyId() + ", not " + familyId);
      }
      requireNonNull(operationId, "operationId");
    }
  }

  /**
   * A request was submitted and decided. If the decision was not {@link Outcome#DECLINED}, a {@link Reserved}
   * event follows at once.
   *
   * <p>The request is recorded without its description ({@link SpendRequest#withoutDescription()}): the
   * description is free text about a family and stays in the case system. What the journal keeps of the whole
   * request, the description included, is its {@link Fingerprint}, which an idempotent retry is compared by. The
   * event also records the scheme and the fingerprint of the configuration version the decision was made under
   * ({@link Decision#configurationVersion()}), so a ledger with other rules refuses to fold it.
   *
   * @param sequence the place in the journal, 1 or more
   * @param recordedAt when the ledger recorded it
   * @param actor who submitted the request: its requester
   * @param familyId the request's family
   * @param request the request as submitted, without its description
   * @param requestFingerprint the fingerprint of the whole request as submitted, description included
   * @param schemeId the scheme the request was decided in
   * @param configurationFingerprint the fingerprint of the configuration version the decision was made under
   * @param decision the rules' decision on it
   */
  record Submitted(long sequence, Instant recordedAt, WorkerId actor, FamilyId familyId, SpendRequest request,
      Fingerprint requestFingerprint, SchemeId schemeId, Fingerprint configurationFingerprint, Decision decision)
      implements RequestEvent {

    /**
     * Checks the components.
     *
     * @param sequence the sequence component
     * @param recordedAt the recordedAt component
     * @param actor the actor component
     * @param familyId the familyId component
     * @param request the request component
     * @param requestFingerprint the requestFingerprint component
     * @param schemeId the schemeId component
     * @param configurationFingerprint the configurationFingerprint component
     * @param decision the decision component
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code sequence} is below 1, the request has a description, or the
     *     family or the decision is not the request's
     */
    public Submitted {
      Checks.sequence(sequence);
      requireNonNull(recordedAt, "recordedAt");
      requireNonNull(actor, "actor");
      requireNonNull(familyId, "familyId");
      requireNonNull(request, "request");
      requireNonNull(requestFingerprint, "requestFingerprint");
      requireNonNull(schemeId, "schemeId");
      requireNonNull(configurationFingerprint, "configurationFingerprint");
      requireNonNull(decision, "decision");
      if (!request.description().isEmpty()) {
        throw new IllegalArgumentException("request must be recorded without its description, which is free text "
            + "(" + request.description().length() + " characters); see SpendRequest.withoutDescription()");
      }
      if (!request.familyId().equals(familyId)) {
        throw new IllegalArgumentException("familyId " + familyId + " is not the request's family "
            + request.familyId());
      }
      if (!decision.requestId().equals(request.id())) {
        throw new IllegalArgumentException("decision is for request " + decision.requestId() + ", not "
            + request.id());
      }
    }

    /**
     * Returns the request's id.
     *
     * @return the id, not null
     */
    @Override
    public RequestId requestId() {
      return request.id();
    }
  }

  /**
   * Money was reserved for a request: {@code amount} is held against the family's spending on {@code day} and, as
   * each {@link Charge} says, against every allowance it counts against, each in its period: the whole amount
   * against the family's, the team's and the pilot's, each child's share against that child's.
   *
   * @param sequence the place in the journal, 1 or more
   * @param recordedAt when the ledger recorded it
   * @param actor the requester
   * @param familyId the request's family
   * @param requestId the request
   * @param amount the amount held, positive
   * @param day the request's date in Europe/London, the day the money is counted on
   * @param charges what is held against each allowance and holder (none of scope {@code REQUEST}); the charges of
   *     one allowance add up to {@code amount}
   * @param expiresAt present exactly when the reservation awaits approval: when the hold lapses, the earliest of
   *     the ledger's approval hold, the end of the term and the end of any financial or calendar year charged
   */
  record Reserved(long sequence, Instant recordedAt, WorkerId actor, FamilyId familyId, RequestId requestId,
      Money amount, LocalDate day, List<Charge> charges, Optional<Instant> expiresAt) implements RequestEvent {

    /**
     * Checks the components and copies {@code charges}.
     *
     * @param sequence the sequence component
     * @param recordedAt the recordedAt component
     * @param actor the actor component
     * @param familyId the familyId component
     * @param requestId the requestId component
     * @param amount the amount component
     * @param day the day component
     * @param charges the charges component
     * @param expiresAt the expiresAt component
     * @throws NullPointerException if a component or a charge is null
     * @throws IllegalArgumentException if {@code sequence} is below 1, {@code amount} is not positive, a charge's
     *     period does not contain {@code day}, a charge is counted twice, or the charges of an allowance do not add
     *     up to {@code amount}
     * @throws org.devolvedbudgets.model.money.CurrencyMismatchException if a charge is in another currency
     */
    public Reserved {
      Checks.sequence(sequence);
      requireNonNull(recordedAt, "recordedAt");
      requireNonNull(actor, "actor");
      requireNonNull(familyId, "familyId");
      requireNonNull(requestId, "requestId");
      Checks.positive(amount, "amount");
      requireNonNull(day, "day");
      charges = List.copyOf(requireNonNull(charges, "charges"));
      requireNonNull(expiresAt, "expiresAt");
      // A handful of charges: checked pairwise, so a reservation allocates nothing for its own check.
      for (int i = 0; i < charges.size(); i++) {
        Charge charge = charges.get(i);
        UsageKey key = charge.key();
        if (!key.period().contains(day) || key.scope() == AllowanceScope.REQUEST) {
          throw new IllegalArgumentException("charge " + key + " does not count a request made on " + day);
        }
        Checks.sameCurrency("charges", charge.amount(), amount);
        long total = 0;
        boolean first = true;
        for (int j = 0; j < charges.size(); j++) {
          Charge other = charges.get(j);
          if (other.key().allowanceId().equals(key.allowanceId())) {
            if (j < i && other.key().equals(key)) {
              throw new IllegalArgumentException("charge " + key + " is given twice");
            }
            first &= j >= i;
            total = Math.addExact(total, other.amount().minorUnits());
          }
        }
        if (first && total != amount.minorUnits()) {
          throw new IllegalArgumentException("the charges of '" + key.allowanceId() + "' add up to "
              + Money.ofMinor(amount.currency(), total) + ", not the " + amount + " reserved");
        }
      }
    }

    /**
     * Returns whether the reservation was made to await a manager's approval.
     *
     * @return true if it awaits approval
     */
    public boolean awaitsApproval() {
      return expiresAt.isPresent();
    }
  }

  /**
   * A manager approved a request awaiting approval; its money stays held until it is posted or voided.
   *
   * @param sequence the place in the journal, 1 or more
   * @param recordedAt when the ledger recorded it
   * @param actor the approver
   * @param familyId the request's family
   * @param requestId the request
   * @param role the role the approver acted in
   * @param at when the approval was given
   * @param team the approver's team, when they approved in a team-level role or said which team they are in
   * @param operationId the id the caller chose for the change, empty if none
   */
  record Approved(long sequence, Instant recordedAt, WorkerId actor, FamilyId familyId, RequestId requestId,
      ApprovalRole role, Instant at, Optional<TeamId> team, Optional<OperationId> operationId)
      implements RequestEvent {

    /**
     * Checks the components.
     *
     * @param sequence the sequence component
     * @param recordedAt the recordedAt component
     * @param actor the actor component
     * @param familyId the familyId component
     * @param requestId the requestId component
     * @param role the role component
     * @param at the at component
     * @param team the team component
     * @param operationId the operationId component
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code sequence} is below 1
     */
    public Approved {
      Checks.sequence(sequence);
      requireNonNull(recordedAt, "recordedAt");
      requireNonNull(actor, "actor");
      requireNonNull(familyId, "familyId");
      requireNonNull(requestId, "requestId");
      requireNonNull(role, "role");
      requireNonNull(at, "at");
      requireNonNull(team, "team");
      requireNonNull(operationId, "operationId");
    }
  }

  /**
   * A manager rejected a request awaiting approval; its money was released.
   *
   * @param sequence the place in the journal, 1 or more
   * @param recordedAt when the ledger recorded it
   * @param actor the manager
   * @param familyId the request's family
   * @param requestId the request
   * @param released the amount released, positive
   * @param at when the request was rejected
   * @param operationId the id the caller chose for the change, empty if none
   */
  record Rejected(long sequence, Instant recordedAt, WorkerId actor, FamilyId familyId, RequestId requestId,
      Money released, Instant at, Optional<OperationId> operationId) implements RequestEvent {

    /**
     * Checks the components.
     *
     * @param sequence the sequence component
     * @param recordedAt the recordedAt component
     * @param actor the actor component
     * @param familyId the familyId component
     * @param requestId the requestId component
     * @param released the released component
     * @param at the at component
     * @param operationId the operationId component
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code sequence} is below 1 or {@code released} is not positive
     */
    public Rejected {
      Checks.sequence(sequence);
      requireNonNull(recordedAt, "recordedAt");
      requireNonNull(actor, "actor");
      requireNonNull(familyId, "familyId");
      requireNonNull(requestId, "requestId");
      Checks.positive(released, "released");
      requireNonNull(at, "at");
      requireNonNull(operationId, "operationId");
    }
  }

  /**
   * A spend was paid: {@code amount} is spent and {@code released}, the rest of the reservation, is free again.
   *
   * @param sequence the place in the journal, 1 or more
   * @param recordedAt when the ledger recorded it
   * @param actor the worker who recorded the payment
   * @param familyId the request's family
   * @param requestId the request
   * @param amount the amount paid, positive
   * @param released the rest of the reservation, zero or more, in the same currency
   * @param at when the payment was made
   * @param operationId the id the caller chose for the change, empty if none
   */
  record Posted(long sequence, Instant recordedAt, WorkerId actor, FamilyId familyId, RequestId requestId,
      Money amount, Money released, Instant at, Optional<OperationId> operationId) implements RequestEvent {

    /**
     * Checks the components.
     *
     * @param sequence the sequence component
     * @param recordedAt the recordedAt component
     * @param actor the actor component
     * @param familyId the familyId component
     * @param requestId the requestId component
     * @param amount the amount component
     * @param released the released component
     * @param at the at component
     * @throws NullPointerException if a component is null
     * @param operationId the operationId component
     * @throws IllegalArgumentException if {@code sequence} is below 1, {@code amount} is not positive or
     *     {@code released} is negative
     * @throws org.devolvedbudgets.model.money.CurrencyMismatchException if the amounts' currencies differ
     */
    public Posted {
      Checks.sequence(sequence);
      requireNonNull(recordedAt, "recordedAt");
      requireNonNull(actor, "actor");
      requireNonNull(familyId, "familyId");
      requireNonNull(requestId, "requestId");
      Checks.positive(amount, "amount");
      Checks.notNegative(released, "released");
      Checks.sameCurrency("released", released, amount);
      requireNonNull(at, "at");
      requireNonNull(operationId, "operationId");
    }
  }

  /**
   * A worker cancelled a reservation; its money was released.
   *
   * @param sequence the place in the journal, 1 or more
   * @param recordedAt when the ledger recorded it
   * @param actor the worker who cancelled it
   * @param familyId the request's family
   * @param requestId the request
   * @param released the amount released, positive
   * @param at when it was cancelled
   * @param operationId the id the caller chose for the change, empty if none
   */
  record Voided(long sequence, Instant recordedAt, WorkerId actor, FamilyId familyId, RequestId requestId,
      Money released, Instant at, Optional<OperationId> operationId) implements RequestEvent {

    /**
     * Checks the components.
     *
     * @param sequence the sequence component
     * @param recordedAt the recordedAt component
     * @param actor the actor component
     * @param familyId the familyId component
     * @param requestId the requestId component
     * @param released the released component
     * @param at the at component
     * @param operationId the operationId component
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code sequence} is below 1 or {@code released} is not positive
     */
    public Voided {
      Checks.sequence(sequence);
      requireNonNull(recordedAt, "recordedAt");
      requireNonNull(actor, "actor");
      requireNonNull(familyId, "familyId");
      requireNonNull(requestId, "requestId");
      Checks.positive(released, "released");
      requireNonNull(at, "at");
      requireNonNull(operationId, "operationId");
    }
  }

  /**
   * A reservation awaiting approval was not approved in time; its money was released.
   *
   * @param sequence the place in the journal, 1 or more
   * @param recordedAt when the ledger recorded it
   * @param actor the ledger's system worker
   * @param familyId the request's family
   * @param requestId the request
   * @param released the amount released, positive
   * @param at when the hold lapsed: the reservation's expiry time
   */
  record Expired(long sequence, Instant recordedAt, WorkerId actor, FamilyId familyId, RequestId requestId,
      Money released, Instant at) implements RequestEvent {

    /**
     * Checks the components.
     *
     * @param sequence the sequence component
     * @param recordedAt the recordedAt component
     * @param actor the actor component
     * @param familyId the familyId component
     * @param requestId the requestId component
     * @param released the released component
     * @param at the at component
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code sequence} is below 1 or {@code released} is not positive
     */
    public Expired {
      Checks.sequence(sequence);
      requireNonNull(recordedAt, "recordedAt");
      requireNonNull(actor, "actor");
      requireNonNull(familyId, "familyId");
      requireNonNull(requestId, "requestId");
      Checks.positive(released, "released");
      requireNonNull(at, "at");
    }
  }

  /**
   * Money came back from a posted spend. If {@code restoresAllowance}, the allowances the spend was charged to
   * (in the period it was charged to) and the family's spending are reduced by {@code amount}; if not, they stay
   * used and the refund is only recorded against the spend.
   *
   * @param sequence the place in the journal, 1 or more
   * @param recordedAt when the ledger recorded it
   * @param actor the worker who recorded the refund
   * @param familyId the request's family
   * @param requestId the original spend's request
   * @param amount the amount refunded, positive
   * @param restoresAllowance whether the refund gives the allowances back, as the scheme says
   * @param at when the money came back
   * @param operationId the id the caller chose for the change, empty if none
   */
  record Refunded(long sequence, Instant recordedAt, WorkerId actor, FamilyId familyId, RequestId requestId,
      Money amount, boolean restoresAllowance, Instant at, Optional<OperationId> operationId)
      implements RequestEvent {

    /**
     * Checks the components.
     *
     * @param sequence the sequence component
     * @param recordedAt the recordedAt component
     * @param actor the actor component
     * @param familyId the familyId component
     * @param requestId the requestId component
     * @param amount the amount component
     * @param restoresAllowance the restoresAllowance component
     * @param at the at component
     * @param operationId the operationId component
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code sequence} is below 1 or {@code amount} is not positive
     */
    public Refunded {
      Checks.sequence(sequence);
      requireNonNull(recordedAt, "recordedAt");
      requireNonNull(actor, "actor");
      requireNonNull(familyId, "familyId");
      requireNonNull(requestId, "requestId");
      Checks.positive(amount, "amount");
      requireNonNull(at, "at");
      requireNonNull(operationId, "operationId");
    }
  }

  /**
   * Evidence of a posted spend reached the child's record (journal format 3 onwards): a receipt, the card's
   * transaction data or a note that other funding was tried. The event holds a reference to where the evidence
   * is kept, never the document or any free text. It changes no balance; it meets the spend's evidence
   * requirements that accept its kind.
   *
   * @param sequence the place in the journal, 1 or more
   * @param recordedAt when the ledger recorded it
   * @param actor the worker who recorded the evidence
   * @param familyId the request's family
   * @param requestId the spend's request
   * @param kind what kind of evidence it is
   * @param reference where it is kept: an opaque reference ({@link SpendRequest#isEvidenceReference(String)})
   * @param at when the evidence was received
   * @param operationId the id the caller chose for the change, empty if none
   */
  record EvidenceReceived(long sequence, Instant recordedAt, WorkerId actor, FamilyId familyId, RequestId requestId,
      EvidenceKind kind, String reference, Instant at, Optional<OperationId> operationId) implements RequestEvent {

    /**
     * Checks the components.
     *
     * @param sequence the sequence component
     * @param recordedAt the recordedAt component
     * @param actor the actor component
     * @param familyId the familyId component
     * @param requestId the requestId component
     * @param kind the kind component
     * @param reference the reference component
     * @param at the at component
     * @param operationId the operationId component
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code sequence} is below 1 or {@code reference} is not a valid
     *     reference (the message gives its length, never the text)
     */
    public EvidenceReceived {
      Checks.sequence(sequence);
      requireNonNull(recordedAt, "recordedAt");
      requireNonNull(actor, "actor");
      requireNonNull(familyId, "familyId");
      requireNonNull(requestId, "requestId");
      requireNonNull(kind, "kind");
      SpendRequest.checkEvidenceReference("reference", reference);
      requireNonNull(at, "at");
      requireNonNull(operationId, "operationId");
    }
  }

  /**
   * A family repaid money on help given subject to repayment (journal format 3 onwards). If
   * {@code restoresAllowance}, the allowances the spend was charged to (in the period it was charged to) and the
   * family's spending are reduced by {@code amount}, as a restoring refund reduces them; if not, they stay used and
   * the repayment is only recorded against the spend.
   *
   * @param sequence the place in the journal, 1 or more
   * @param recordedAt when the ledger recorded it
   * @param actor the worker who recorded the repayment
   * @param familyId the request's family
   * @param requestId the repayable spend's request
   * @param amount the amount repaid, positive
   * @param restoresAllowance whether the repayment gives the allowances back, as the scheme says
   * @param at when the money was received
   * @param operationId the id the caller chose for the change, empty if none
   */
  record Repaid(long sequence, Instant recordedAt, WorkerId actor, FamilyId familyId,
      RequestId requestId, Money amount, boolean restoresAllowance, Instant at, Optional<OperationId> operationId)
      implements RequestEvent {

    /**
     * Checks the components.
     *
     * @param sequence the sequence component
     * @param recordedAt the recordedAt component
     * @param actor the actor component
     * @param familyId the familyId component
     * @param requestId the requestId component
     * @param amount the amount component
     * @param restoresAllowance the restoresAllowance component
     * @param at the at component
     * @param operationId the operationId component
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code sequence} is below 1 or {@code amount} is not positive
     */
    public Repaid {
      Checks.sequence(sequence);
      requireNonNull(recordedAt, "recordedAt");
      requireNonNull(actor, "actor");
      requireNonNull(familyId, "familyId");
      requireNonNull(requestId, "requestId");
      Checks.positive(amount, "amount");
      requireNonNull(at, "at");
      requireNonNull(operationId, "operationId");
    }
  }
}
