package org.devolvedbudgets.model.spend;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.LondonTime;
import org.jspecify.annotations.Nullable;

/**
 * The conditions on help given subject to repayment (section 17(7) of the Children Act 1989): what is to be repaid,
 * by which instalments, and the means assessment the council made first. Before imposing conditions the council
 * must have regard to the family's means; the rules decline a repayable request with no assessment, or whose
 * assessment found a {@link ListedBenefit} (no one is liable to repay while receiving one).
 *
 * <p>The amount is the sum of the instalments, so a schedule and its total can never disagree.
 * {@link #inInstalments} splits a total into equal instalments a fixed period apart, the odd pennies on the earliest.
 *
 * <p>Invariants, checked when built ({@link IllegalArgumentException}, naming the parameter): at least one and at
 * most {@value #MAX_INSTALMENTS} instalments, due on strictly later days, all in one currency.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class RepaymentTerms {

  /** The most instalments a schedule may have: 520, ten years of weekly payments. */
  public static final int MAX_INSTALMENTS = 520;

  private final List<Instalment> instalments;
  private final Money amount;
  private final @Nullable MeansAssessment meansAssessment;

  private RepaymentTerms(List<Instalment> instalments, Money amount, @Nullable MeansAssessment meansAssessment) {
    this.instalments = instalments;
    this.amount = amount;
    this.meansAssessment = meansAssessment;
  }

  /**
   * Returns terms of the given instalments.
   *
   * @param instalments the schedule, 1 to {@value #MAX_INSTALMENTS} instalments due on strictly later days, in one
   *     currency, not null
   * @param meansAssessment the means assessment made before the conditions were imposed; empty if none was (the
   *     rules then decline the request), not null
   * @return the terms, not null
   * @throws NullPointerException if an argument or an instalment is null
   * @throws IllegalArgumentException if the schedule is empty, too long, out of order or in several currencies
   */
  public static RepaymentTerms of(List<Instalment> instalments, Optional<MeansAssessment> meansAssessment) {
    List<Instalment> schedule = List.copyOf(requireNonNull(instalments, "instalments"));
    requireNonNull(meansAssessment, "meansAssessment");
    if (schedule.isEmpty() || schedule.size() > MAX_INSTALMENTS) {
      throw new IllegalArgumentException("instalments must number 1 to " + MAX_INSTALMENTS + ", but were "
          + schedule.size());
    }
    Money total = schedule.get(0).amount();
    for (int i = 1; i < schedule.size(); i++) {
      Instalment instalment = schedule.get(i);
      if (!instalment.dueOn().isAfter(schedule.get(i - 1).dueOn())) {
        throw new IllegalArgumentException("instalments[" + i + "] is due on " + instalment.dueOn()
            + ", not after the one before it, due on " + schedule.get(i - 1).dueOn());
      }
      if (!instalment.amount().hasCurrency(total.currency())) {
        throw new IllegalArgumentException("instalments[" + i + "] is in " + instalment.amount().currency()
            + ", not " + total.currency() + " as the first is");
      }
      total = total.plus(instalment.amount());
    }
    return new RepaymentTerms(schedule, total, meansAssessment.orElse(null));
  }

  /**
   * Returns terms repaying {@code total} in {@code count} equal instalments, the first due on {@code firstDue} and
   * each later one {@code every} after it; the odd minor units go to the earliest instalments, so they add up to
   * {@code total} exactly. {@code GBP 100.00} in 3 monthly instalments is {@code 33.34, 33.33, 33.33}.
   *
   * @param total what is to be repaid, positive, not null
   * @param count how many instalments, 1 to {@value #MAX_INSTALMENTS}, and at most one per minor unit of
   *     {@code total}
   * @param firstDue the day the first is due, not null
   * @param every the time between instalments, positive, such as {@code Period.ofMonths(1)}, not null
   * @param meansAssessment the means assessment made first, or empty, not null
   * @return the terms, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code total} is not positive, {@code count} is out of range,
   *     {@code every} is not positive, or a due day falls outside the supported dates
   */
  public static RepaymentTerms inInstalments(Money total, int count, LocalDate firstDue, Period every,
      Optional<MeansAssessment> meansAssessment) {
    requireNonNull(total, "total");
    requireNonNull(firstDue, "firstDue");
    requireNonNull(every, "every");
    if (!total.isPositive()) {
      throw new IllegalArgumentException("total must be positive, but was " + total);
    }
    if (count < 1 || count > MAX_INSTALMENTS || count > total.minorUnits()) {
      throw new IllegalArgumentException("count must be 1 to " + Math.min(MAX_INSTALMENTS, total.minorUnits())
          + " for " + total + ", but was " + count);
    }
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("every must be positive, but was " + every);
    }
    int[] equal = new int[count];
    Arrays.fill(equal, 1);
    List<Money> parts = total.allocate(equal);
    List<Instalment> schedule = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      LocalDate due = LondonTime.checkDate("firstDue plus every", firstDue.plus(every.multipliedBy(i)));
      schedule.add(Instalment.of(due, parts.get(i)));
    }
    return of(schedule, meansAssessment);
  }

  /**
   * Returns the schedule.
   *
   * @return an immutable list, at least one instalment, due days ascending, not null
   */
  public List<Instalment> instalments() {
    return instalments;
  }

  /**
   * Returns what is to be repaid: the sum of the instalments.
   *
   * @return the amount, positive, not null
   */
  public Money amount() {
    return amount;
  }

  /**
   * Returns the means assessment the council made before imposing the conditions.
   *
   * @return the assessment, or empty if none was made, not null
   */
  public Optional<MeansAssessment> meansAssessment() {
    return Optional.ofNullable(meansAssessment);
  }

  /**
   * Returns what the schedule makes due by the end of a London day: the instalments due on or before it.
   *
   * @param day the day, not null
   * @return the amount, zero or more, not null
   * @throws NullPointerException if {@code day} is null
   */
  public Money dueBy(LocalDate day) {
    requireNonNull(day, "day");
    Money due = Money.zero(amount.currency());
    for (Instalment instalment : instalments) {
      if (!instalment.dueOn().isAfter(day)) {
        due = due.plus(instalment.amount());
      }
    }
    return due;
  }

  /**
   * Returns whether {@code obj} is terms with the same schedule and assessment.
   *
   * @param obj the object to compare with, may be null
   * @return true if equal
   */
  @Override
  public boolean equals(@Nullable Object obj) {
    return obj instanceof RepaymentTerms && ((RepaymentTerms) obj).instalments.equals(instalments)
        && java.util.Objects.equals(((RepaymentTerms) obj).meansAssessment, meansAssessment);
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return instalments.hashCode() * 31 + java.util.Objects.hashCode(meansAssessment);
  }

  /**
   * Returns a developer's form with the amount, the number of instalments and the last due day; no assessment
   * reference.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return "RepaymentTerms[" + amount + " in " + instalments.size() + " by "
        + instalments.get(instalments.size() - 1).dueOn() + (meansAssessment == null ? ", not assessed" : "") + "]";
  }
}
