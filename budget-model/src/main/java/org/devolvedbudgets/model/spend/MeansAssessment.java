package org.devolvedbudgets.model.spend;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Set;
import org.devolvedbudgets.model.period.LondonTime;
import org.immutables.value.Value;

/**
 * What the council found when it had regard to a family's means before making help repayable: a reference to the
 * assessment kept in the case system (never its content), the day it was made, and which listed benefits the
 * family was found to receive. A family receiving any {@link ListedBenefit} cannot be asked to repay.
 *
 * <p>Invariants, checked when built ({@link IllegalArgumentException}): the reference is 1 to
 * {@value SpendRequest#MAX_EVIDENCE_REFERENCE_LENGTH} characters without white space, control or bidirectional
 * formatting characters (the message gives its length, never its text); the day is within the dates
 * {@link LondonTime} supports.
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class MeansAssessment {

  MeansAssessment() {}

  /**
   * Returns an assessment.
   *
   * @param reference where the assessment is kept, as {@link SpendRequest#isEvidenceReference(String)} accepts
   * @param assessedOn the London day it was made, not null
   * @param benefits the listed benefits the family was found to receive, possibly none, not null
   * @return the assessment, not null
   * @throws NullPointerException if an argument or a benefit is null
   * @throws IllegalArgumentException if the reference or the day is not valid
   */
  public static MeansAssessment of(String reference, LocalDate assessedOn, Set<ListedBenefit> benefits) {
    return ImmutableMeansAssessment.builder().reference(requireNonNull(reference, "reference"))
        .assessedOn(requireNonNull(assessedOn, "assessedOn")).benefits(requireNonNull(benefits, "benefits")).build();
  }

  /**
   * Returns the reference to the assessment in the case system.
   *
   * @return the reference, not null
   */
  public abstract String reference();

  /**
   * Returns the London day the assessment was made.
   *
   * @return the day, not null
   */
  public abstract LocalDate assessedOn();

  /**
   * Returns the listed benefits the family was found to receive.
   *
   * @return an immutable set, possibly empty, not null
   */
  public abstract Set<ListedBenefit> benefits();

  /**
   * Returns whether the family was found to receive a listed benefit, so that it cannot be asked to repay.
   *
   * @return true if {@link #benefits()} is not empty
   */
  public final boolean receivesListedBenefit() {
    return !benefits().isEmpty();
  }

  @Value.Check
  final void check() {
    SpendRequest.checkEvidenceReference("reference", reference());
    LondonTime.checkDate("assessedOn", assessedOn());
  }
}
