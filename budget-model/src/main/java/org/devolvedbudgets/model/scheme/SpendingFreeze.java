package org.devolvedbudgets.model.scheme;

import java.util.Optional;
import java.util.Set;
import org.devolvedbudgets.model.spend.Subcategory;
import org.immutables.value.Value;

/**
 * A stop on new spending, as when a council's chief finance officer issues a section 114 notice (Local
 * Government Finance Act 1988): from the day the configuration version that declares it takes effect, only
 * spends the scheme marks as safeguarding go ahead as usual; any other spend goes ahead only with the approval of
 * a named senior role, or, when the freeze names none, is declined. Lifting the freeze is a later version without
 * one, so every decision records, through its configuration version, whether a freeze applied.
 *
 * <p>Why a freeze belongs to a version rather than carrying its own dates: a version already has an effective
 * date and is what a decision records; a freeze with dates of its own could disagree with it.
 *
 * <p>Invariant, checked by the {@link PilotConfiguration} that holds it: the approving role is one of its
 * approval policy's tiers ({@link ProblemCode#FREEZE_ROLE_NOT_A_TIER}).
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class SpendingFreeze {

  SpendingFreeze() {}

  /**
   * Returns a freeze.
   *
   * @param safeguarding the subcategories that still go ahead as usual, possibly none, not null
   * @param approvedBy the senior role whose approval lets any other spend go ahead; empty when they are declined
   * @return the freeze, not null
   * @throws NullPointerException if an argument or a subcategory is null
   */
  public static SpendingFreeze of(Set<Subcategory> safeguarding, Optional<ApprovalRole> approvedBy) {
    return ImmutableSpendingFreeze.builder().safeguarding(safeguarding).approvedBy(approvedBy).build();
  }

  /**
   * Returns the subcategories that go ahead during the freeze as if there were none: what the scheme counts as
   * safeguarding, such as emergency accommodation or food.
   *
   * @return an immutable set, possibly empty, not null
   */
  public abstract Set<Subcategory> safeguarding();

  /**
   * Returns the senior role whose approval lets a spend outside {@link #safeguarding()} go ahead during the
   * freeze; empty when such spends are declined.
   *
   * @return the role, or empty
   */
  public abstract Optional<ApprovalRole> approvedBy();

  /**
   * Returns whether a spend of this subcategory goes ahead during the freeze as usual.
   *
   * @param subcategory the request's subcategory, or empty if it has none (then it is not safeguarding)
   * @return true if it is one of {@link #safeguarding()}
   * @throws NullPointerException if {@code subcategory} is null
   */
  public boolean isSafeguarding(Optional<Subcategory> subcategory) {
    return subcategory.isPresent() && safeguarding().contains(subcategory.get());
  }
}
