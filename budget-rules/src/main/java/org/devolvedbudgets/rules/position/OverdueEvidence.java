package org.devolvedbudgets.rules.position;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.devolvedbudgets.model.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * A worker's overdue evidence as a new request of theirs is decided: how many of their paid spends still lack
 * evidence after its due day, what was paid for them, and since when the oldest has been overdue (the London day
 * after it was due). It is what a decision's {@code EVIDENCE_OVERDUE} or {@code EVIDENCE_OVERDUE_APPROVAL_REQUIRED}
 * finding reports, and what the ledger puts in a {@link BudgetPosition}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class OverdueEvidence {

  private final int spends;
  private final Money paid;
  private final LocalDate since;

  private OverdueEvidence(int spends, Money paid, LocalDate since) {
    this.spends = spends;
    this.paid = paid;
    this.since = since;
  }

  /**
   * Returns overdue evidence.
   *
   * @param spends how many spends lack evidence past its due day, at least 1
   * @param paid what was paid for them, positive, not null
   * @param since the first London day the oldest of them was overdue, not null
   * @return the value, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code spends} is below 1 or {@code paid} is not positive
   */
  public static OverdueEvidence of(int spends, Money paid, LocalDate since) {
    requireNonNull(paid, "paid");
    requireNonNull(since, "since");
    if (spends < 1) {
      throw new IllegalArgumentException("spends must be at least 1, but was " + spends);
    }
    if (!paid.isPositive()) {
      throw new IllegalArgumentException("paid must be positive, but was " + paid);
    }
    return new OverdueEvidence(spends, paid, since);
  }

  /**
   * Returns how many paid spends lack evidence past its due day.
   *
   * @return the count, at least 1
   */
  public int spends() {
    return spends;
  }

  /**
   * Returns what was paid for the spends whose evidence is overdue.
   *
   * @return the amount, positive, not null
   */
  public Money paid() {
    return paid;
  }

  /**
   * Returns the first London day on which the oldest of them was overdue: the day after it was due.
   *
   * @return the day, not null
   */
  public LocalDate since() {
    return since;
  }

  /**
   * Returns whether {@code obj} is overdue evidence with the same figures.
   *
   * @param obj the object to compare with, may be null
   * @return true if equal
   */
  @Override
  public boolean equals(@Nullable Object obj) {
    if (!(obj instanceof OverdueEvidence)) {
      return false;
    }
    OverdueEvidence other = (OverdueEvidence) obj;
    return spends == other.spends && paid.equals(other.paid) && since.equals(other.since);
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return (spends * 31 + paid.hashCode()) * 31 + since.hashCode();
  }

  /**
   * Returns a developer's form, such as {@code OverdueEvidence[spends=2, paid=GBP 85.00, since=2020-05-15]}.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return "OverdueEvidence[spends=" + spends + ", paid=" + paid + ", since=" + since + "]";
  }
}
