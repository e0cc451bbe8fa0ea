package org.devolvedbudgets.rules.evaluation;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Optional;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.rules.allocation.Arm;
import org.jspecify.annotations.Nullable;

/**
 * How much of its budget one family used in a report's date range: what was spent on it (paid less refunded)
 * and, where the scheme has a per-family allowance, that as a percentage of the allowance's cap.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class FamilyUtilisation {

  private final FamilyId familyId;
  private final Arm arm;
  private final Money spent;
  private final @Nullable Money allowance;

  FamilyUtilisation(FamilyId familyId, Arm arm, Money spent, @Nullable Money allowance) {
    this.familyId = requireNonNull(familyId, "familyId");
    this.arm = requireNonNull(arm, "arm");
    this.spent = requireNonNull(spent, "spent");
    this.allowance = allowance;
  }

  /**
   * Returns the family.
   *
   * @return the family
   */
  public FamilyId familyId() {
    return familyId;
  }

  /**
   * Returns the family's arm ({@link Arm#NOT_RANDOMISED} outside a randomised scheme).
   *
   * @return the arm
   */
  public Arm arm() {
    return arm;
  }

  /**
   * Returns what was spent on the family: paid less refunded, over the requests in the report's range.
   *
   * @return the amount, zero or more
   */
  public Money spent() {
    return spent;
  }

  /**
   * Returns the cap of the scheme's per-family allowance (the first family-scope allowance that covers every
   * category, in the configuration in force on the range's last day).
   *
   * @return the cap, empty if the scheme has no per-family allowance
   */
  public Optional<Money> allowance() {
    return Optional.ofNullable(allowance);
  }

  /**
   * Returns the spend as a percentage of the allowance, rounded half up to one decimal place.
   *
   * @return the percentage, 0.0 or more, empty if the scheme has no per-family allowance
   */
  public Optional<BigDecimal> percentUsed() {
    return allowance().map(cap -> Share.percent(spent.minorUnits(), cap.minorUnits()));
  }

  /**
   * Returns the figures, such as {@code FamilyUtilisation[F-1, TREATMENT, GBP 2500.00 of GBP 10000.00]}.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "FamilyUtilisation[" + familyId + ", " + arm + ", " + spent
        + (allowance == null ? "" : " of " + allowance) + "]";
  }
}
