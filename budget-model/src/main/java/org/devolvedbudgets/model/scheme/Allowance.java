package org.devolvedbudgets.model.scheme;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.PeriodPolicy;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.immutables.value.Value;

/**
 * A cap on spending: how much ({@link #cap()}), for whom ({@link #scope()}), over which days
 * ({@link #period()}), how strictly ({@link #enforcement()}) and, optionally, for which category of spend
 * only.
 *
 * <pre>{@code
 * Allowance wigan = Allowance.builder()
 *     .id(AllowanceId.of("family-fy"))
 *     .name("Per family per financial year")
 *     .cap(Money.parse("GBP 4000.00"))
 *     .scope(AllowanceScope.FAMILY)
 *     .period(PeriodPolicy.financialYear())
 *     .build();
 * }</pre>
 *
 * <p>The {@link #id()} is what balances, remaining budgets and reports key on; the {@link #name()} is only for
 * display. A later configuration version may rename an allowance, or change its cap, and the family's spending
 * against it carries on, as long as the id stays.
 *
 * <p>Invariants, checked when built: the cap is positive and the name is 1 to 100 characters without
 * control or bidirectional formatting characters. Every violation is reported together in a {@link ConfigurationException} with paths
 * under {@code allowance}. Whether the cap's currency matches the scheme's is checked by
 * {@link PilotConfiguration}.
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class Allowance {

  Allowance() {}

  /**
   * Returns a new builder. Required: id, name, cap, scope.
   *
   * @return a builder, not null
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the allowance's stable id: balances and reports key on it, and it is unique within a configuration.
   * Keep it when a later version renames the allowance, so that the money already spent still counts.
   *
   * @return the id, not null
   */
  public abstract AllowanceId id();

  /**
   * Returns the allowance's display name, which findings and reports show, for example
   * {@code "Per family per financial year"}. Unique within a configuration.
   *
   * @return the name, 1 to 100 characters, not null
   */
  public abstract String name();

  /**
   * Returns the most that may be posted and reserved together in one scope and period.
   *
   * @return the cap, positive, not null
   */
  public abstract Money cap();

  /**
   * Returns whose spending the cap applies to.
   *
   * @return the scope, not null
   */
  public abstract AllowanceScope scope();

  /**
   * Returns how the period is drawn. Defaults to the pilot's whole term; ignored for
   * {@link AllowanceScope#REQUEST}.
   *
   * @return the period policy, not null
   */
  @Value.Default
  public PeriodPolicy period() {
    return PeriodPolicy.wholePilot();
  }

  /**
   * Returns whether exceeding the cap declines the request (hard, the default) or routes it to exception
   * approval (soft).
   *
   * @return the enforcement, not null
   */
  @Value.Default
  public Enforcement enforcement() {
    return Enforcement.HARD;
  }

  /**
   * Returns the category this allowance is restricted to, if any: then only spends of that category count
   * against it. Empty means every category counts.
   *
   * @return the category restriction, not null
   */
  public abstract Optional<SpendCategory> category();

  /**
   * Returns whether spending of a category counts against this allowance: always when the allowance has no
   * category, otherwise only for its own.
   *
   * @param spendCategory the category of a spend, not null
   * @return true if it counts
   * @throws NullPointerException if {@code spendCategory} is null
   */
  public final boolean appliesTo(SpendCategory spendCategory) {
    requireNonNull(spendCategory, "spendCategory");
    return category().isEmpty() || category().get() == spendCategory;
  }

  @Value.Check
  final void check() {
    Problems problems = new Problems("Allowance");
    problems.checkText("allowance.name", name());
    if (!cap().isPositive()) {
      problems.add(ProblemCode.CAP_NOT_POSITIVE, "allowance.cap", "cap must be positive, but was " + cap());
    }
    problems.throwIfAny();
  }

  /**
   * Builds {@link Allowance} values. Each setter rejects null with a {@link NullPointerException} naming the
   * attribute; {@code build()} rejects missing attributes with an {@link IllegalStateException} listing them
   * and broken invariants with a {@link ConfigurationException}.
   *
   * <p>Builders are not thread-safe.
   */
  public static final class Builder extends ImmutableAllowance.Builder {
    Builder() {}
  }
}
