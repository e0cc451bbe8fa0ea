package org.devolvedbudgets.rules;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.model.scheme.ConfigurationException;
import org.devolvedbudgets.model.scheme.ConfigurationProblem;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.scheme.ProblemCode;
import org.jspecify.annotations.Nullable;

/**
 * The versions of one scheme's configuration over time, each in force from its effective date until the next
 * version's. A request is decided under the version in force on its date (in Europe/London).
 *
 * <p>Invariants, checked when created and reported together in a {@link ConfigurationException}: at least
 * one version; version numbers and effective dates both rise strictly; every version has the same council,
 * scheme id and currency. A later version may rename the scheme or its allowances: what stays the same is the
 * {@link PilotConfiguration#schemeId() scheme id} and each allowance's id.
 *
 * <p>Each version's {@link Fingerprint} is computed once, when the history is created.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ConfigurationHistory {

  private final List<PilotConfiguration> versions;
  private final List<Fingerprint> fingerprints;

  private ConfigurationHistory(List<PilotConfiguration> versions) {
    this.versions = versions;
    this.fingerprints = versions.stream().map(Fingerprint::of).toList();
  }

  /**
   * Returns the history of the given versions, oldest first.
   *
   * @param versions the versions, oldest first, not null
   * @return the history, not null
   * @throws NullPointerException if {@code versions} or an element is null
   * @throws ConfigurationException if the versions break an invariant
   */
  public static ConfigurationHistory of(List<PilotConfiguration> versions) {
    List<PilotConfiguration> copy = List.copyOf(requireNonNull(versions, "versions"));
    List<ConfigurationProblem> problems = new ArrayList<>();
    if (copy.isEmpty()) {
      problems.add(new ConfigurationProblem(ProblemCode.NO_VERSIONS, "versions",
          "a configuration history needs at least one version"));
    }
    for (int i = 1; i < copy.size(); i++) {
      PilotConfiguration earlier = copy.get(i - 1);
      PilotConfiguration later = copy.get(i);
      String path = "versions[" + i + "]";
      if (later.version() <= earlier.version() || !later.effectiveFrom().isAfter(earlier.effectiveFrom())) {
        problems.add(new ConfigurationProblem(ProblemCode.VERSIONS_NOT_ASCENDING, path,
            "version " + later.version() + " effective from " + later.effectiveFrom()
                + " must come after version " + earlier.version() + " effective from " + earlier.effectiveFrom()));
      }
      if (!later.council().equals(earlier.council()) || !later.schemeId().equals(earlier.schemeId())
          || !later.currency().getCurrencyCode().equals(earlier.currency().getCurrencyCode())) {
        problems.add(new ConfigurationProblem(ProblemCode.SCHEME_CHANGED, path, "version " + later.version()
            + " is for " + later.council() + " scheme '" + later.schemeId() + "' in "
            + later.currency().getCurrencyCode() + ", but version " + earlier.version() + " is for "
            + earlier.council() + " scheme '" + earlier.schemeId() + "' in " + earlier.currency().getCurrencyCode()));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException("ConfigurationHistory", problems);
    }
    return new ConfigurationHistory(copy);
  }

  /**
   * Returns the history of a single version.
   *
   * @param configuration the only version, not null
   * @return the history, not null
   * @throws NullPointerException if {@code configuration} is null
   */
  public static ConfigurationHistory of(PilotConfiguration configuration) {
    return of(List.of(requireNonNull(configuration, "configuration")));
  }

  /**
   * Returns the version in force on a day: the one with the latest effective date on or before it.
   *
   * @param date the day, not null
   * @return the version, not null
   * @throws NullPointerException if {@code date} is null
   * @throws IllegalArgumentException if {@code date} is before the first version's effective date
   */
  public PilotConfiguration inForceOn(LocalDate date) {
    requireNonNull(date, "date");
    for (int i = versions.size() - 1; i >= 0; i--) {
      if (!versions.get(i).effectiveFrom().isAfter(date)) {
        return versions.get(i);
      }
    }
    PilotConfiguration first = versions.get(0);
    throw new IllegalArgumentException("date " + date + " is before the first configuration version of "
        + first.council() + " '" + first.scheme() + "', effective from " + first.effectiveFrom());
  }

  /**
   * Returns every version, oldest first.
   *
   * @return an immutable list of at least one version, not null
   */
  public List<PilotConfiguration> versions() {
    return versions;
  }

  /**
   * Returns the scheme's stable id, the same in every version.
   *
   * @return the id, not null
   */
  public SchemeId schemeId() {
    return versions.get(0).schemeId();
  }

  /**
   * Returns a version by its number.
   *
   * @param version the version number
   * @return the version, or empty if the history has none with that number; not null
   */
  public Optional<PilotConfiguration> version(int version) {
    int index = indexOf(version);
    return index < 0 ? Optional.empty() : Optional.of(versions.get(index));
  }

  /**
   * Returns the fingerprint of a version: what the journal records of the rules each request was decided under.
   *
   * @param version the version number
   * @return the fingerprint, or empty if the history has no version with that number; not null
   */
  public Optional<Fingerprint> fingerprint(int version) {
    int index = indexOf(version);
    return index < 0 ? Optional.empty() : Optional.of(fingerprints.get(index));
  }

  /**
   * Returns the fingerprint of a version of this history, without an {@code Optional}: for the ledger's hot path.
   *
   * @param configuration a version of this history, not null
   * @return its fingerprint, not null
   * @throws IllegalArgumentException if {@code configuration} is not one of this history's versions
   */
  public Fingerprint fingerprintOf(PilotConfiguration configuration) {
    requireNonNull(configuration, "configuration");
    for (int i = versions.size() - 1; i >= 0; i--) {
      if (versions.get(i) == configuration) {
        return fingerprints.get(i);
      }
    }
    int index = indexOf(configuration.version());
    if (index >= 0 && versions.get(index).equals(configuration)) {
      return fingerprints.get(index);
    }
    throw new IllegalArgumentException("configuration version " + configuration.version()
        + " is not a version of this history");
  }

  private int indexOf(int version) {
    for (int i = 0; i < versions.size(); i++) {
      if (versions.get(i).version() == version) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns the newest version.
   *
   * @return the latest version, not null
   */
  public PilotConfiguration latest() {
    return versions.get(versions.size() - 1);
  }

  /**
   * Returns whether {@code obj} is a history with equal versions in the same order.
   *
   * @param obj the object to compare with, may be null
   * @return true if equal
   */
  @Override
  public boolean equals(@Nullable Object obj) {
    return obj == this || obj instanceof ConfigurationHistory && versions.equals(((ConfigurationHistory) obj).versions);
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return versions.hashCode();
  }

  /**
   * Returns a developer's form: the scheme id and each version's number, effective date and fingerprint's first
   * digits, for example {@code ConfigurationHistory[wigan-devolved-budgets: v1 from 2019-04-01 (3f2a9c1e)]}.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("ConfigurationHistory[").append(schemeId()).append(':');
    for (int i = 0; i < versions.size(); i++) {
      text.append(i == 0 ? " v" : ", v").append(versions.get(i).version()).append(" from ")
          .append(versions.get(i).effectiveFrom()).append(" (").append(fingerprints.get(i).hex(), 0, 8).append(')');
    }
    return text.append(']').toString();
  }
}
