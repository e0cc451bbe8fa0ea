package org.devolvedbudgets.model.scheme;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The settings of a randomised allocation, as Darlington ran it: families are assigned to the treatment arm
 * (eligible for the budget) or the control arm at random, in a given ratio, balanced within strata of
 * children's age bands, reproducibly from a seed.
 *
 * <pre>{@code
 * Randomisation darlington = Randomisation.builder()
 *     .seed(2019L)
 *     .addStrata(AgeBand.of(0, 4), AgeBand.of(5, 9), AgeBand.of(10, 16))
 *     .suspendedFrom(LocalDate.of(2019, 10, 1))
 *     .build();
 * }</pre>
 *
 * <p>From {@link #suspendedFrom()} on, new families are no longer randomised; families allocated before
 * keep their arm (intention to treat). The rules that apply these settings live in {@code budget-rules}.
 *
 * <p>Invariants, checked when built and reported together in a {@link ConfigurationException}: both
 * weights at least 1; strata in ascending order without overlaps. Whether the suspension date lies in the
 * pilot's term is checked by {@link PilotConfiguration}.
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class Randomisation {

  Randomisation() {}

  /**
   * Returns a new builder. Required: seed.
   *
   * @return a builder, not null
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the seed from which every family's arm is derived, so anyone can re-derive it.
   *
   * @return the seed, any {@code long}
   */
  public abstract long seed();

  /**
   * Returns the treatment arm's weight in the allocation ratio (treatment : control). Defaults to 1.
   *
   * @return the weight, at least 1
   */
  @Value.Default
  public int treatmentWeight() {
    return 1;
  }

  /**
   * Returns the control arm's weight in the allocation ratio (treatment : control). Defaults to 1.
   *
   * @return the weight, at least 1
   */
  @Value.Default
  public int controlWeight() {
    return 1;
  }

  /**
   * Returns the age bands within which arms are balanced, youngest first. Empty means one stratum for all.
   *
   * @return an immutable list, not null
   */
  public abstract List<AgeBand> strata();

  /**
   * Returns the first day on which new families are no longer randomised, if randomisation was suspended.
   *
   * @return the suspension date, not null
   */
  public abstract Optional<LocalDate> suspendedFrom();

  @Value.Check
  final void check() {
    Problems problems = new Problems("Randomisation");
    if (treatmentWeight() < 1) {
      problems.add(ProblemCode.RATIO_INVALID, "allocation.randomisation.treatmentWeight",
          "treatmentWeight must be at least 1, but was " + treatmentWeight());
    }
    if (controlWeight() < 1) {
      problems.add(ProblemCode.RATIO_INVALID, "allocation.randomisation.controlWeight",
          "controlWeight must be at least 1, but was " + controlWeight());
    }
    List<AgeBand> strata = strata();
    for (int i = 1; i < strata.size(); i++) {
      if (strata.get(i).youngest() <= strata.get(i - 1).oldest()) {
        problems.add(ProblemCode.STRATA_INVALID, "allocation.randomisation.strata[" + i + "]",
            "age band " + strata.get(i) + " must start above the band before it, " + strata.get(i - 1));
      }
    }
    problems.throwIfAny();
  }

  /**
   * Builds {@link Randomisation} values. Each setter rejects null with a {@link NullPointerException};
   * {@code build()} rejects broken invariants with a {@link ConfigurationException} listing them all.
   *
   * <p>Builders are not thread-safe.
   */
  public static final class Builder extends ImmutableRandomisation.Builder {
    Builder() {}
  }
}
