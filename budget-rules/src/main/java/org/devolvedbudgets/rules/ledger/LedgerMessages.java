package org.devolvedbudgets.rules.ledger;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.period.LondonTime;
import org.devolvedbudgets.model.period.PeriodKind;
import org.devolvedbudgets.model.spend.EvidenceKind;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.jspecify.annotations.Nullable;

/**
 * The text of every {@link LedgerResult}, in one place: what a change did (so that a retry under an operation id is
 * answered in the same words as the first time) and why one was refused. Amounts, ids and times only: never a
 * description or other free text. The codes and figures stay in the result; these are for people.
 */
final class LedgerMessages {

  private LedgerMessages() {}

  static String approved(Money amount, ApprovalRole role) {
    return "Approved " + pounds(amount) + " as " + role.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".";
  }

  /** "Rejected; released £20.00." and the like. */
  static String released(String verb, Money amount) {
    return verb + "; released " + pounds(amount) + ".";
  }

  static String posted(Money amount, Money released) {
    return "Posted " + pounds(amount) + (released.isZero() ? "." : " and released " + pounds(released) + ".");
  }

  static String refunded(Money amount, boolean restores) {
    return "Refunded " + pounds(amount)
        + (restores ? "; the allowance is restored." : "; the allowance stays used, as the scheme says.");
  }

  static String repaid(Money amount, boolean restores) {
    return "Repaid " + pounds(amount)
        + (restores ? "; the allowance is restored." : "; the allowance stays used, as the scheme says.");
  }

  static String evidence(EvidenceKind kind) {
    switch (kind) {
      case RECEIPT:
        return "Recorded a receipt.";
      case CARD_TRANSACTION:
        return "Recorded the card's transaction data.";
      default:
        return "Recorded a note that other funding was tried.";
    }
  }

  /** The message the change an event records was answered with; {@code reserved} is what the request held. */
  static String of(LedgerEvent event, Money reserved) {
    if (event instanceof LedgerEvent.Approved) {
      return approved(reserved, ((LedgerEvent.Approved) event).role());
    }
    if (event instanceof LedgerEvent.Rejected) {
      return released("Rejected", ((LedgerEvent.Rejected) event).released());
    }
    if (event instanceof LedgerEvent.Voided) {
      return released("Voided", ((LedgerEvent.Voided) event).released());
    }
    if (event instanceof LedgerEvent.Posted) {
      LedgerEvent.Posted posted = (LedgerEvent.Posted) event;
      return posted(posted.amount(), posted.released());
    }
    if (event instanceof LedgerEvent.Refunded) {
      LedgerEvent.Refunded refunded = (LedgerEvent.Refunded) event;
      return refunded(refunded.amount(), refunded.restoresAllowance());
    }
    if (event instanceof LedgerEvent.EvidenceReceived) {
      return evidence(((LedgerEvent.EvidenceReceived) event).kind());
    }
    if (event instanceof LedgerEvent.Repaid) {
      LedgerEvent.Repaid repaid = (LedgerEvent.Repaid) event;
      return repaid(repaid.amount(), repaid.restoresAllowance());
    }
    throw new IllegalArgumentException("a " + event.getClass().getSimpleName() + " event answers no operation");
  }

  // --------------------------------------------------------------------------------------------- refusals

  /** "Request R-1 was declined, so there is nothing to pay." */
  static String nothingReserved(RequestId requestId, String verb) {
    return "Request " + requestId + " was declined, so there is nothing to " + verb + ".";
  }

  /** "Request R-1 was already posted." */
  static String alreadyResolved(Reservation reservation) {
    return "Request " + reservation.requestId() + " was already " + describe(reservation.status()) + ".";
  }

  static String notAwaitingApproval(RequestId requestId, ReservationStatus status) {
    return "Request " + requestId + " is " + describe(status) + ", not awaiting approval.";
  }

  static String termEnded(BudgetPeriod term, Instant at) {
    return "The scheme's term ended with " + LondonTime.format(term.end().minusDays(1)) + ", before this approval at "
        + LondonTime.format(at) + "; nothing awaiting approval can be approved after the term.";
  }

  /** Why a hold lapsed, and (if {@code at} is given) that it was before a decision made then. */
  static String lapsed(RequestEntry entry, BudgetPeriod term, @Nullable Instant at, boolean approve) {
    Instant expiresAt = Objects.requireNonNull(entry.expiresAt);
    return "The hold on request " + entry.requestId() + " lapsed at " + LondonTime.format(expiresAt)
        + lapseReason(entry, term) + (at == null ? "" : ", before this " + (approve ? "approval" : "rejection")
        + " at " + LondonTime.format(at)) + ".";
  }

  /** Why a hold lapsed when it did: the term's end, a year's end, or (empty) its own end. */
  private static String lapseReason(RequestEntry entry, BudgetPeriod term) {
    Instant expiresAt = Objects.requireNonNull(entry.expiresAt);
    if (expiresAt.equals(term.endInstant())) {
      return ", when the scheme's term ended";
    }
    for (Charge charge : Objects.requireNonNull(entry.reserved).charges()) {
      BudgetPeriod period = charge.key().period();
      if (period.kind().closesBudget() && expiresAt.equals(period.endInstant())) {
        return ", when the " + (period.kind() == PeriodKind.FINANCIAL_YEAR ? "financial" : "calendar")
            + " year it was charged to closed";
      }
    }
    return "";
  }

  static String notApproved(RequestId requestId) {
    return "Request " + requestId + " is still awaiting approval, so it cannot be paid.";
  }

  /** "Request R-1 is voided, so there is no spend to refund." and the like. */
  static String notPosted(RequestId requestId, ReservationStatus status, String consequence) {
    return "Request " + requestId + " is " + describe(status) + ", so " + consequence + ".";
  }

  static String refundExceeds(Money amount, Money left, RequestId requestId) {
    return pounds(amount) + " is more than the " + pounds(left) + " left of request " + requestId + "'s spend.";
  }

  static String notRepayable(RequestId requestId) {
    return "Request " + requestId + " was given without conditions, so there is nothing to repay.";
  }

  static String repaymentExceeds(Money amount, Money left, RequestId requestId) {
    return pounds(amount) + " is more than the " + pounds(left) + " still owed on request " + requestId + ".";
  }

  static String describe(ReservationStatus status) {
    return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  static String pounds(Money money) {
    return money.format(Locale.UK);
  }
}
