package org.devolvedbudgets.rules.allocation;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.period.LondonTime;
import org.devolvedbudgets.model.scheme.AgeBand;
import org.devolvedbudgets.model.scheme.AllocationMethod;
import org.jspecify.annotations.Nullable;

/**
 * The record of how a family came to have, or not have, a budget: the family, the method used, its arm, its
 * stratum (for a stratified randomisation) and the date. Keep it: under intention to treat a family keeps its
 * arm whatever later versions of the scheme say, and {@link Allocations#allocate} re-derives a randomised arm
 * from the seed and the family id alone.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class AllocationRecord {

  private final FamilyId familyId;
  private final AllocationMethod method;
  private final Arm arm;
  private final @Nullable AgeBand stratum;
  private final LocalDate allocatedOn;

  private AllocationRecord(FamilyId familyId, AllocationMethod method, Arm arm, @Nullable AgeBand stratum,
      LocalDate allocatedOn) {
    this.familyId = familyId;
    this.method = method;
    this.arm = arm;
    this.stratum = stratum;
    this.allocatedOn = allocatedOn;
  }

  /**
   * Returns a record. Most callers get one from {@link Allocations#allocate}; this factory is for records
   * read back from storage, or for discretionary allocations made by a manager.
   *
   * @param familyId the family, not null
   * @param method how it was allocated, not null
   * @param arm its arm, not null; {@link Arm#TREATMENT} or {@link Arm#CONTROL} exactly when {@code method} is
   *     {@link AllocationMethod#RANDOMISED}
   * @param stratum its stratum, or empty, not null
   * @param allocatedOn the day it was allocated, within the dates {@code LondonTime} supports, not null
   * @return the record, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code method} and {@code arm} disagree, or {@code allocatedOn} is outside
   *     the supported dates
   */
  public static AllocationRecord of(FamilyId familyId, AllocationMethod method, Arm arm,
      Optional<AgeBand> stratum, LocalDate allocatedOn) {
    requireNonNull(familyId, "familyId");
    requireNonNull(method, "method");
    requireNonNull(arm, "arm");
    requireNonNull(stratum, "stratum");
    LondonTime.checkDate("allocatedOn", allocatedOn);
    if ((method == AllocationMethod.RANDOMISED) == (arm == Arm.NOT_RANDOMISED)) {
      throw new IllegalArgumentException("arm " + arm + " does not fit method " + method
          + ": a randomised allocation is TREATMENT or CONTROL, any other is NOT_RANDOMISED");
    }
    return new AllocationRecord(familyId, method, arm, stratum.orElse(null), allocatedOn);
  }

  /**
   * Returns the family.
   *
   * @return the family, not null
   */
  public FamilyId familyId() {
    return familyId;
  }

  /**
   * Returns how the family was allocated.
   *
   * @return the method, not null
   */
  public AllocationMethod method() {
    return method;
  }

  /**
   * Returns the family's arm.
   *
   * @return the arm, not null
   */
  public Arm arm() {
    return arm;
  }

  /**
   * Returns the age band the family was stratified into, if the randomisation had strata.
   *
   * @return the stratum, not null
   */
  public Optional<AgeBand> stratum() {
    return Optional.ofNullable(stratum);
  }

  /**
   * Returns the day the family was allocated.
   *
   * @return the date, not null
   */
  public LocalDate allocatedOn() {
    return allocatedOn;
  }

  /**
   * Returns whether {@code obj} is a record with the same family, method, arm, stratum and date.
   *
   * @param obj the object to compare with, may be null
   * @return true if equal
   */
  @Override
  public boolean equals(@Nullable Object obj) {
    if (this == obj) {
      return true;
    }
    if (!(obj instanceof AllocationRecord)) {
      return false;
    }
    AllocationRecord other = (AllocationRecord) obj;
    return familyId.equals(other.familyId) && method == other.method && arm == other.arm
        && Objects.equals(stratum, other.stratum) && allocatedOn.equals(other.allocatedOn);
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(familyId, method, arm, stratum, allocatedOn);
  }

  /**
   * Returns a short developer's form, for example
   * {@code AllocationRecord[F-000123 RANDOMISED TREATMENT stratum 5-9 on 2019-05-01]}.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return "AllocationRecord[" + familyId + " " + method + " " + arm
        + (stratum == null ? "" : " stratum " + stratum) + " on " + allocatedOn + "]";
  }
}
