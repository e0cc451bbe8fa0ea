package org.devolvedbudgets.rules.ledger;

import java.util.Locale;
import org.devolvedbudgets.model.spend.EvidenceKind;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.scheme.ApprovalRole;

/**
 * The text of a {@link LedgerResult} that was applied, in one place, so that a retry under an operation id is
 * answered in the same words as the first time. Amounts only: never an identifier's owner or a description.
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

  static String pounds(Money money) {
    return money.format(Locale.UK);
  }
}
