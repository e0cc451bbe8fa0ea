package org.devolvedbudgets.model.scheme;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a scheme decides which families have a budget: an {@link AllocationMethod} and, for a randomised
 * scheme, its {@link Randomisation} settings.
 *
 * <p>Invariant, checked when built: randomisation settings are present exactly when the method is
 * {@link AllocationMethod#RANDOMISED} ({@link ConfigurationException} with code
 * {@link ProblemCode#ALLOCATION_INCONSISTENT}). The factories below cannot break it.
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class AllocationPolicy {

  AllocationPolicy() {}

  /**
   * Returns the policy under which a team manager identifies the families.
   *
   * @return the policy, not null
   */
  public static AllocationPolicy discretionary() {
    return new Builder().method(AllocationMethod.DISCRETIONARY).build();
  }

  /**
   * Returns the policy under which every family worked with by an eligible team has a budget.
   *
   * @return the policy, not null
   */
  public static AllocationPolicy allEligible() {
    return new Builder().method(AllocationMethod.ALL_ELIGIBLE).build();
  }

  /**
   * Returns a randomised policy.
   *
   * @param randomisation the settings, not null
   * @return the policy, not null
   * @throws NullPointerException if {@code randomisation} is null
   */
  public static AllocationPolicy randomised(Randomisation randomisation) {
    return new Builder().method(AllocationMethod.RANDOMISED).randomisation(randomisation).build();
  }

  /**
   * Returns the allocation method.
   *
   * @return the method, not null
   */
  public abstract AllocationMethod method();

  /**
   * Returns the randomisation settings: present exactly when the method is randomised.
   *
   * @return the settings, not null
   */
  public abstract Optional<Randomisation> randomisation();

  @Value.Check
  final void check() {
    if ((method() == AllocationMethod.RANDOMISED) != randomisation().isPresent()) {
      Problems problems = new Problems("AllocationPolicy");
      problems.add(ProblemCode.ALLOCATION_INCONSISTENT, "allocation.randomisation",
          method() == AllocationMethod.RANDOMISED
          ? "a randomised allocation needs randomisation settings"
          : "randomisation settings were given, but the method is " + method());
      problems.throwIfAny();
    }
  }

  /** Builds policies inside this package; users call the factories. */
  static final class Builder extends ImmutableAllocationPolicy.Builder {
    Builder() {}
  }
}
