package org.devolvedbudgets.rules;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.devolvedbudgets.model.scheme.ConfigurationException;
import org.devolvedbudgets.model.scheme.ConfigurationProblem;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.scheme.ProblemCode;

/**
 * The versions of one scheme's configuration over time, each in force from its effective date until the next
 * version's. A request is decided under the version in force on its date (in Europe/London).
 *
 * <p>Invariants, checked when created and reported together in a {@link ConfigurationException}: at least
 * one version; version numbers and effective dates both rise strictly; every version has the same council,
 * scheme and currency.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ConfigurationHistory {

  private final List<PilotConfiguration> versions;

  private ConfigurationHistory(List<PilotConfiguration> versions) {
    this.versions = versions;
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
      if (!later.council().equals(earlier.council()) || !later.scheme().equals(earlier.scheme())
          || !later.currency().getCurrencyCode().equals(earlier.currency().getCurrencyCode())) {
        problems.add(new ConfigurationProblem(ProblemCode.SCHEME_CHANGED, path, "version " + later.version()
            + " is for " + later.council() + " '" + later.scheme() + "' in " + later.currency().getCurrencyCode()
            + ", but version " + earlier.version() + " is for " + earlier.council() + " '" + earlier.scheme()
            + "' in " + earlier.currency().getCurrencyCode()));
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
   * Returns the newest version.
   *
   * @return the latest version, not null
   */
  public PilotConfiguration latest() {
    return versions.get(versions.size() - 1);
  }
}
