package org.devolvedbudgets.model.spend;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.devolvedbudgets.model.id.ChildId;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.LondonTime;
import org.devolvedbudgets.model.text.SafeText;
import org.immutables.value.Value;

/**
 * A social worker's request to spend money on a family: who asks, for whom, how much, on what, how it
 * will be paid and when it was asked.
 *
 * <pre>{@code
 * SpendRequest request = SpendRequest.builder()
 *     .id(RequestId.of("R-000789"))
 *     .familyId(FamilyId.of("F-000123"))
 *     .teamId(TeamId.of("hillingdon-vat"))
 *     .requestedBy(WorkerId.of("W-0042"))
 *     .amount(Money.parse("GBP 240.00"))
 *     .category(SpendCategory.RELATIONSHIP_BUILDING)
 *     .subcategory(Subcategory.GYM_MEMBERSHIP)
 *     .description("Six months' gym membership")
 *     .paymentMethod(PaymentMethod.PURCHASE_CARD)
 *     .requestedAt(Instant.parse("2019-06-03T10:15:00Z"))
 *     .build();
 * }</pre>
 *
 * <p>The amount is not checked here: a zero, negative or wrong-currency amount is a request the rules
 * decline with a finding that explains why, not a malformed value.
 *
 * <p>The {@link #description()} is free text about a family and may hold personal data, so it never
 * appears in {@link #toString()}; nor should callers log it.
 *
 * <p>Invariants, checked when built and reported together in one {@link IllegalArgumentException}: the
 * request's time is within the dates {@link LondonTime} supports; a subcategory belongs to the request's
 * category; no child is named twice; children's shares, if given, are for exactly the named children and add up
 * to the amount; VAT is not recoverable on a car;
 * the description is at most {@value #MAX_DESCRIPTION_LENGTH} characters; an evidence reference is 1 to
 * {@value #MAX_EVIDENCE_REFERENCE_LENGTH} characters without white space, control or bidirectional formatting
 * characters; repayment terms are in the amount's currency, ask back no more than the amount, fall due no
 * earlier than the day of the request, and rest on a means assessment made no later than it.
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class SpendRequest {

  /** The longest description: 2,000 characters. */
  public static final int MAX_DESCRIPTION_LENGTH = 2000;

  /** The longest evidence reference: 128 characters. */
  public static final int MAX_EVIDENCE_REFERENCE_LENGTH = 128;

  SpendRequest() {}

  /**
   * Returns a new builder. Required: id, familyId, teamId, requestedBy, amount, category, paymentMethod,
   * requestedAt.
   *
   * @return a builder, not null
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the request's id, by which the ledger recognises a retry.
   *
   * @return the id, not null
   */
  public abstract RequestId id();

  /**
   * Returns the family the money is for.
   *
   * @return the family, not null
   */
  public abstract FamilyId familyId();

  /**
   * Returns the children the spend is for, if it is for particular children. A scheme with a per-child allowance
   * needs at least one; each child's share of the amount ({@link #sharesByChild()}) counts against that child's
   * allowance, and the whole amount against the family's.
   *
   * @return an immutable list without duplicates, possibly empty, not null
   */
  public abstract List<ChildId> childIds();

  /**
   * Returns how the amount is shared among the named children, when the request says so: for example a £600
   * outing for two siblings as £400 and £200. Empty (the default) means equal shares.
   *
   * @return an immutable map, empty or with exactly the children of {@link #childIds()} as keys, each share zero
   *     or more in the amount's currency, the shares adding up to {@link #amount()}; not null
   */
  public abstract Map<ChildId, Money> childShares();

  /**
   * Returns each named child's share of the amount, in the order of {@link #childIds()}: the shares given in
   * {@link #childShares()}, or else the amount split equally by the largest-remainder rule, so the shares add up
   * to the amount exactly and an earlier child takes a left-over penny ({@code £100.00} for three children is
   * {@code £33.34, £33.33, £33.33}). Computed once, when the request is built.
   *
   * @return an immutable map in the order of {@link #childIds()}, empty if no child is named, not null
   */
  @Value.Derived
  @Value.Auxiliary
  public Map<ChildId, Money> sharesByChild() {
    List<ChildId> children = childIds();
    if (children.isEmpty()) {
      return Map.of();
    }
    Map<ChildId, Money> shares = new LinkedHashMap<>();
    if (!childShares().isEmpty()) {
      for (ChildId child : children) {
        Money share = childShares().get(child);
        shares.put(child, share != null ? share : amount().multipliedBy(0));
      }
    } else {
      int[] equal = new int[children.size()];
      Arrays.fill(equal, 1);
      List<Money> parts = amount().allocate(equal);
      for (int i = 0; i < children.size(); i++) {
        shares.put(children.get(i), parts.get(i));
      }
    }
    return Collections.unmodifiableMap(shares);
  }

  /**
   * Returns the team of the worker who asks.
   *
   * @return the team, not null
   */
  public abstract TeamId teamId();

  /**
   * Returns the worker who asks. They may never approve their own request.
   *
   * @return the worker, not null
   */
  public abstract WorkerId requestedBy();

  /**
   * Returns the amount asked for. Not checked here: the rules decline a non-positive or wrong-currency
   * amount with a finding.
   *
   * @return the amount, not null
   */
  public abstract Money amount();

  /**
   * Returns the kind of spend.
   *
   * @return the category, not null
   */
  public abstract SpendCategory category();

  /**
   * Returns what the spend buys within its category, if recorded.
   *
   * @return the subcategory, belonging to {@link #category()} if present, not null
   */
  public abstract Optional<Subcategory> subcategory();

  /**
   * Returns the worker's free-text description. It may hold personal data: it is never part of
   * {@link #toString()}, of exception messages or of findings. Defaults to empty.
   *
   * @return the description, at most {@value #MAX_DESCRIPTION_LENGTH} characters, not null
   */
  @Value.Default
  @Value.Redacted
  public String description() {
    return "";
  }

  /**
   * Returns this request without its description, as a ledger's journal records it: every other attribute is
   * the same. Returns this request itself when its description is already empty.
   *
   * @return the request with an empty description, not null
   */
  public final SpendRequest withoutDescription() {
    return description().isEmpty() ? this : builder().from(this).description("").build();
  }

  /**
   * Returns when the request was made. Its date in Europe/London decides which period it counts in.
   *
   * @return the instant, within the dates {@link LondonTime} supports, not null
   */
  public abstract Instant requestedAt();

  /**
   * Returns the day the request was made, in Europe/London: the day that decides which period it counts in.
   * Computed once, when the request is built.
   *
   * @return the London date of {@link #requestedAt()}, not null
   */
  @Value.Derived
  public LocalDate requestedOn() {
    return LondonTime.dateOf("requestedAt", requestedAt());
  }

  /**
   * Returns how the money will be paid.
   *
   * @return the payment method, not null
   */
  public abstract PaymentMethod paymentMethod();

  /**
   * Returns whether the council expects to recover VAT on the spend: only possible when it orders, receives,
   * is invoiced for and pays for the supply, and never for a car. Defaults to false.
   *
   * @return true if VAT is expected to be recoverable
   */
  @Value.Default
  public boolean vatRecoverable() {
    return false;
  }

  /**
   * Returns an opaque reference to evidence held elsewhere, such as a receipt or invoice number.
   *
   * @return the reference, 1 to {@value #MAX_EVIDENCE_REFERENCE_LENGTH} characters if present, not null
   */
  public abstract Optional<String> evidenceReference();

  /**
   * Returns the conditions of repayment, when the help is given subject to repayment rather than as a gift
   * (Children Act 1989, section 17(7)). Defaults to none. The rules decline a repayable request made with no means
   * assessment, or whose assessment found a listed benefit.
   *
   * @return the terms, or empty for a gift, not null
   */
  public abstract Optional<RepaymentTerms> repayment();

  /**
   * Returns whether a text may serve as an evidence reference: 1 to {@value #MAX_EVIDENCE_REFERENCE_LENGTH}
   * characters without white space, control or bidirectional formatting characters. A reference is opaque (a
   * receipt number, a card transaction id, a document store's key), never a document or free text.
   *
   * @param reference the text, not null
   * @return true if it is a valid reference
   * @throws NullPointerException if {@code reference} is null
   */
  public static boolean isEvidenceReference(String reference) {
    return !reference.isEmpty() && reference.length() <= MAX_EVIDENCE_REFERENCE_LENGTH
        && reference.chars().noneMatch(c -> Character.isWhitespace(c) || SafeText.isUnsafe(c));
  }

  /**
   * Checks a reference as {@link #isEvidenceReference(String)} does, for the parameter or field that holds one.
   * The message gives the reference's length, never its text, which could name someone.
   *
   * @param name the parameter's or field's name, for the message, not null
   * @param reference the reference, not null
   * @return {@code reference}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if it is not a valid reference
   */
  public static String checkEvidenceReference(String name, String reference) {
    requireNonNull(name, "name");
    requireNonNull(reference, name);
    if (!isEvidenceReference(reference)) {
      throw new IllegalArgumentException(name + " must be 1 to " + MAX_EVIDENCE_REFERENCE_LENGTH + " characters "
          + "without white space, control or bidirectional formatting characters, but was " + reference.length()
          + " characters");
    }
    return reference;
  }

  @Value.Check
  final void check() {
    List<String> problems = new ArrayList<>();
    subcategory().filter(sub -> sub.category() != category()).ifPresent(sub -> problems.add(
        "subcategory " + sub + " does not belong to category " + category()));
    Set<ChildId> seen = new HashSet<>();
    for (int i = 0; i < childIds().size(); i++) {
      if (!seen.add(childIds().get(i))) {
        problems.add("childIds[" + i + "] names child " + childIds().get(i) + " a second time");
      }
    }
    checkShares(problems);
    if (vatRecoverable() && subcategory().filter(Subcategory.CAR::equals).isPresent()) {
      problems.add("vatRecoverable must be false for a car: VAT on buying a car is blocked");
    }
    if (description().length() > MAX_DESCRIPTION_LENGTH) {
      problems.add("description must be at most " + MAX_DESCRIPTION_LENGTH + " characters, but was "
          + description().length());
    }
    evidenceReference().filter(reference -> !isEvidenceReference(reference))
        .ifPresent(reference -> problems.add("evidenceReference must be 1 to " + MAX_EVIDENCE_REFERENCE_LENGTH
            + " characters without white space, control or bidirectional formatting characters, but was " + reference.length()
            + " characters"));
    repayment().ifPresent(terms -> checkRepayment(terms, problems));
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("SpendRequest " + id() + " is invalid: " + String.join("; ", problems));
    }
  }

  private void checkRepayment(RepaymentTerms terms, List<String> problems) {
    if (!terms.amount().hasCurrency(amount().currency())) {
      problems.add("repayment must be in " + amount().currency() + ", the amount's currency, but was "
          + terms.amount().currency());
    } else if (amount().isPositive() && terms.amount().isGreaterThan(amount())) {
      problems.add("repayment of " + terms.amount() + " must not be more than the amount " + amount());
    }
    LocalDate day = requestedOn();
    LocalDate first = terms.instalments().get(0).dueOn();
    if (first.isBefore(day)) {
      problems.add("repayment's first instalment is due on " + first + ", before the request was made on " + day);
    }
    terms.meansAssessment().filter(assessment -> assessment.assessedOn().isAfter(day)).ifPresent(assessment ->
        problems.add("repayment's means assessment is dated " + assessment.assessedOn() + ", after the request was "
            + "made on " + day));
  }

  private void checkShares(List<String> problems) {
    Map<ChildId, Money> given = childShares();
    if (given.isEmpty()) {
      return;
    }
    if (!given.keySet().equals(Set.copyOf(childIds()))) {
      problems.add("childShares must give a share for each of the " + childIds().size() + " children in childIds "
          + "and no other, but gives " + given.size() + " shares for "
          + given.keySet().stream().filter(childIds()::contains).count() + " of them");
      return;
    }
    long total = 0;
    boolean overflows = false;
    for (Map.Entry<ChildId, Money> share : given.entrySet()) {
      Money amount = share.getValue();
      if (!amount.hasCurrency(amount().currency())) {
        problems.add("childShares[" + share.getKey() + "] " + amount + " must be in "
            + amount().currency().getCurrencyCode() + ", the amount's currency");
        return;
      }
      if (amount.isNegative()) {
        problems.add("childShares[" + share.getKey() + "] must not be negative, but was " + amount);
        return;
      }
      long sum = total + amount.minorUnits();
      overflows |= sum < total;
      total = sum;
    }
    if (overflows || total != amount().minorUnits()) {
      problems.add("childShares must add up to the amount " + amount() + ", but add up to "
          + (overflows ? "more than Money can hold" : Money.ofMinor(amount().currency(), total).toString()));
    }
  }

  /**
   * Builds {@link SpendRequest} values. Each setter rejects null with a {@link NullPointerException} naming
   * the attribute; {@code build()} rejects missing attributes with an {@link IllegalStateException} listing
   * them, and broken invariants with an {@link IllegalArgumentException} listing every one.
   *
   * <p>Builders are not thread-safe.
   */
  public static final class Builder extends ImmutableSpendRequest.Builder {
    Builder() {}
  }
}
