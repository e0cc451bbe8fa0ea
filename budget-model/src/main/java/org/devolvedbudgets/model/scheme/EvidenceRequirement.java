package org.devolvedbudgets.model.scheme;

import java.util.Optional;
import java.util.Set;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.spend.EvidenceKind;
import org.devolvedbudgets.model.spend.PaymentMethod;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.immutables.value.Value;

/**
 * One kind of evidence a scheme asks for after a spend is paid: which spends (from an amount, in some categories,
 * by some payment methods), what evidence meets it (any one of {@link #accepts()}), and within how many days of the
 * payment it is due, counted in London days.
 *
 * <p>Example: "a receipt or the card's transaction data within 7 days of any spend of £25 or more" is
 * {@code EvidenceRequirement.builder().addAccepts(RECEIPT, CARD_TRANSACTION).dueWithinDays(7)
 * .fromAmount(Money.parse("GBP 25.00")).build()}.
 *
 * <p>A spend paid on London day {@code d} is due by the end of London day {@code d + dueWithinDays}; evidence
 * received on or before that day is on time; from the next day on it is overdue.
 *
 * <p>Invariants, checked when built ({@link ConfigurationException}): at least one accepted kind
 * ({@link ProblemCode#EVIDENCE_KIND_MISSING}); {@code dueWithinDays} from 0 to {@value #MAX_DUE_DAYS}
 * ({@link ProblemCode#EVIDENCE_DUE_DAYS_INVALID}); {@code fromAmount} positive if given
 * ({@link ProblemCode#EVIDENCE_AMOUNT_NOT_POSITIVE}). Its currency is checked by the {@link PilotConfiguration} that
 * holds it.
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class EvidenceRequirement {

  /** The most days after payment evidence may be due: 366, a year. */
  public static final int MAX_DUE_DAYS = 366;

  EvidenceRequirement() {}

  /**
   * Returns a new builder.
   *
   * @return the builder, not null
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the kinds of evidence any one of which meets the requirement.
   *
   * @return an immutable set, at least one kind, not null
   */
  public abstract Set<EvidenceKind> accepts();

  /**
   * Returns how many London days after the day of payment the evidence is due: 0 means by the end of the day it
   * was paid.
   *
   * @return the days, 0 to {@value #MAX_DUE_DAYS}
   */
  public abstract int dueWithinDays();

  /**
   * Returns the smallest amount paid that needs this evidence, inclusive; empty when every amount does.
   *
   * @return the amount, positive if present, not null
   */
  public abstract Optional<Money> fromAmount();

  /**
   * Returns the categories whose spends need this evidence; empty means every category.
   *
   * @return an immutable set, possibly empty, not null
   */
  public abstract Set<SpendCategory> categories();

  /**
   * Returns the payment methods whose spends need this evidence; empty means every method.
   *
   * @return an immutable set, possibly empty, not null
   */
  public abstract Set<PaymentMethod> paymentMethods();

  /**
   * Returns whether a spend needs this evidence: it was paid at least {@link #fromAmount()}, in one of
   * {@link #categories()} and by one of {@link #paymentMethods()} (an empty set matches every one). The amount is
   * what was paid, not what was requested: a cheaper item than expected may need less evidence.
   *
   * @param request the spend's request, not null
   * @param paid the amount paid, in the scheme's currency, not null
   * @return true if the spend needs this evidence
   * @throws NullPointerException if an argument is null
   * @throws org.devolvedbudgets.model.money.CurrencyMismatchException if {@code paid} is in another currency than
   *     {@link #fromAmount()}
   */
  public final boolean appliesTo(SpendRequest request, Money paid) {
    if (!categories().isEmpty() && !categories().contains(request.category())) {
      return false;
    }
    if (!paymentMethods().isEmpty() && !paymentMethods().contains(request.paymentMethod())) {
      return false;
    }
    return fromAmount().isEmpty() || !paid.isLessThan(fromAmount().get());
  }

  @Value.Check
  final void check() {
    Problems problems = new Problems("EvidenceRequirement");
    if (accepts().isEmpty()) {
      problems.add(ProblemCode.EVIDENCE_KIND_MISSING, "evidenceRequirement.accepts",
          "accepts must name at least one kind of evidence");
    }
    if (dueWithinDays() < 0 || dueWithinDays() > MAX_DUE_DAYS) {
      problems.add(ProblemCode.EVIDENCE_DUE_DAYS_INVALID, "evidenceRequirement.dueWithinDays",
          "dueWithinDays must be 0 to " + MAX_DUE_DAYS + ", but was " + dueWithinDays());
    }
    fromAmount().filter(amount -> !amount.isPositive()).ifPresent(amount -> problems.add(
        ProblemCode.EVIDENCE_AMOUNT_NOT_POSITIVE, "evidenceRequirement.fromAmount",
        "fromAmount must be positive, but was " + amount));
    problems.throwIfAny();
  }

  /**
   * Builds {@link EvidenceRequirement} values. Each setter rejects null with a {@link NullPointerException};
   * {@code build()} rejects a missing {@code dueWithinDays} with an {@link IllegalStateException} and broken
   * invariants with a {@link ConfigurationException}.
   *
   * <p>Builders are not thread-safe.
   */
  public static final class Builder extends ImmutableEvidenceRequirement.Builder {
    Builder() {}
  }
}
