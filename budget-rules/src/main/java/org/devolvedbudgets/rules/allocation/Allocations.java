package org.devolvedbudgets.rules.allocation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.google.common.hash.Hashing;
import com.google.common.primitives.Longs;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.scheme.AgeBand;
import org.devolvedbudgets.model.scheme.AllocationMethod;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.scheme.Randomisation;

/**
 * Allocates families to a scheme: every family under an all-eligible scheme, the families a manager names
 * under a discretionary one, and a reproducible random arm under a randomised one.
 *
 * <p><b>How a randomised arm is drawn.</b> The SHA-256 hash of the seed (8 bytes, big-endian) followed by the
 * family id (UTF-8) is taken; its first 8 bytes, read big-endian as an unsigned number {@code h}, decide: with
 * weights {@code t : c} the family is in the treatment arm when {@code h mod (t + c) < t}. So anyone holding the seed and a family's id can
 * re-derive its arm with any SHA-256 tool, in any order, with no hidden state, and the arms honour the ratio
 * within every stratum. Why not permuted blocks: blocks balance small strata exactly, but a family's arm would
 * then depend on the order families were identified in, which no one outside the allocating system can check.
 * The price is that a small stratum can be unbalanced by chance.
 *
 * <p>From the randomisation's suspension date on, new families are allocated without randomisation
 * ({@link Arm#NOT_RANDOMISED}, method {@link AllocationMethod#DISCRETIONARY}); families allocated earlier keep
 * their records, and so their arms (intention to treat).
 *
 * <p>This class is stateless and thread-safe.
 */
public final class Allocations {

  private Allocations() {}

  /**
   * Allocates a family on a date under a configuration.
   *
   * @param configuration the scheme version in force on {@code date}, not null
   * @param familyId the family, not null
   * @param childAge the age in whole years of the child the family was referred for, 0 to
   *     {@value AgeBand#MAX_AGE}; it chooses the stratum of a stratified randomisation and is otherwise unused
   * @param date the day of allocation, within the configuration's term, not null
   * @return the allocation record, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code date} is outside the term, {@code childAge} is out of range,
   *     or a stratified randomisation has no stratum for {@code childAge}
   */
  public static AllocationRecord allocate(PilotConfiguration configuration, FamilyId familyId, int childAge,
      LocalDate date) {
    requireNonNull(configuration, "configuration");
    requireNonNull(familyId, "familyId");
    requireNonNull(date, "date");
    if (!configuration.term().contains(date)) {
      throw new IllegalArgumentException("date " + date + " is outside the term " + configuration.term());
    }
    if (childAge < 0 || childAge > AgeBand.MAX_AGE) {
      throw new IllegalArgumentException("childAge must be 0 to " + AgeBand.MAX_AGE + ", but was " + childAge);
    }
    AllocationMethod method = configuration.allocation().method();
    Optional<Randomisation> randomisation = configuration.allocation().randomisation();
    if (method != AllocationMethod.RANDOMISED || randomisation.isEmpty()) {
      return AllocationRecord.of(familyId, method, Arm.NOT_RANDOMISED, Optional.empty(), date);
    }
    Randomisation settings = randomisation.get();
    Optional<AgeBand> stratum = stratumFor(settings.strata(), childAge);
    boolean suspended = settings.suspendedFrom().filter(from -> !date.isBefore(from)).isPresent();
    if (suspended) {
      return AllocationRecord.of(familyId, AllocationMethod.DISCRETIONARY, Arm.NOT_RANDOMISED, stratum, date);
    }
    return AllocationRecord.of(familyId, AllocationMethod.RANDOMISED, randomArm(settings, familyId), stratum, date);
  }

  /**
   * Re-derives the arm a randomisation gives a family, from the seed and the family id alone.
   *
   * @param randomisation the settings, not null
   * @param familyId the family, not null
   * @return {@link Arm#TREATMENT} or {@link Arm#CONTROL}, not null
   * @throws NullPointerException if an argument is null
   */
  public static Arm randomArm(Randomisation randomisation, FamilyId familyId) {
    requireNonNull(randomisation, "randomisation");
    requireNonNull(familyId, "familyId");
    byte[] digest = Hashing.sha256().newHasher()
        .putBytes(Longs.toByteArray(randomisation.seed()))
        .putString(familyId.value(), UTF_8)
        .hash().asBytes();
    long hash = Longs.fromByteArray(digest);
    long weights = (long) randomisation.treatmentWeight() + randomisation.controlWeight();
    return Long.remainderUnsigned(hash, weights) < randomisation.treatmentWeight() ? Arm.TREATMENT : Arm.CONTROL;
  }

  private static Optional<AgeBand> stratumFor(List<AgeBand> strata, int childAge) {
    if (strata.isEmpty()) {
      return Optional.empty();
    }
    for (AgeBand band : strata) {
      if (band.contains(childAge)) {
        return Optional.of(band);
      }
    }
    throw new IllegalArgumentException("childAge " + childAge + " is in no stratum of " + strata);
  }
}
