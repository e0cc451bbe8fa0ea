package org.devolvedbudgets.examples.pilots;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.rules.Approver;
import org.devolvedbudgets.rules.ConfigurationHistory;

/**
 * One pilot with the people around its budget: the scheme's configuration history, its teams, each team's
 * social workers and team manager, a head of service, and a few canonical families per team. Tests and the
 * replay use it so they all speak of the same teams and workers.
 *
 * <p>Identifiers are opaque and made up ({@code hil-vat-sw1}, {@code wig-reu-f1}): no names, nothing about a
 * real person. Each team has two social workers ({@code ...-sw1}, {@code ...-sw2}), a team manager
 * ({@code ...-tm}) and three families ({@code ...-f1} to {@code ...-f3}); the site has one head of service.
 * How many teams a pilot has: Hillingdon one (its Vulnerable Adolescents Team), Wigan two (reunification and
 * edge of care), Darlington three of its social work teams (all are eligible; three stand for them).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class PilotSite {

  /** Darlington's canonical teams (all its teams are eligible; these three stand for them). */
  public static final List<TeamId> DARLINGTON_TEAMS = List.of(TeamId.of("darlington-assessment"),
      TeamId.of("darlington-safeguarding"), TeamId.of("darlington-children-in-care"));

  private final String name;
  private final ConfigurationHistory history;
  private final List<TeamId> teams;
  private final Map<TeamId, String> prefixes;
  private final WorkerId headOfService;

  private PilotSite(String name, String prefix, ConfigurationHistory history, Map<TeamId, String> teamPrefixes) {
    this.name = name;
    this.history = history;
    this.teams = ImmutableList.copyOf(teamPrefixes.keySet());
    this.prefixes = teamPrefixes;
    this.headOfService = WorkerId.of(prefix + "-hos");
  }

  /**
   * Returns Hillingdon with {@link Pilots#hillingdon()} and its one team.
   *
   * @return the site, not null
   */
  public static PilotSite hillingdon() {
    return new PilotSite("Hillingdon", "hil", ConfigurationHistory.of(Pilots.hillingdon()),
        ImmutableMap.of(Pilots.HILLINGDON_TEAM, "hil-vat"));
  }

  /**
   * Returns Wigan with {@link Pilots#wigan()} and its two teams.
   *
   * @return the site, not null
   */
  public static PilotSite wigan() {
    return new PilotSite("Wigan", "wig", ConfigurationHistory.of(Pilots.wigan()),
        ImmutableMap.of(Pilots.WIGAN_REUNIFICATION, "wig-reu", Pilots.WIGAN_EDGE_OF_CARE, "wig-eoc"));
  }

  /**
   * Returns Darlington with {@link Pilots#darlington()} (randomisation not suspended) and three teams.
   *
   * @return the site, not null
   */
  public static PilotSite darlington() {
    return darlington(ConfigurationHistory.of(Pilots.darlington()));
  }

  /**
   * Returns Darlington with the randomisation suspended from a date
   * ({@link Pilots#darlingtonWithRandomisationSuspended(LocalDate)}).
   *
   * @param suspendedFrom the first day without randomisation, within the term and after its start
   * @return the site, not null
   * @throws NullPointerException if {@code suspendedFrom} is null
   * @throws IllegalArgumentException if {@code suspendedFrom} is out of range
   */
  public static PilotSite darlingtonWithRandomisationSuspended(LocalDate suspendedFrom) {
    return darlington(Pilots.darlingtonWithRandomisationSuspended(suspendedFrom));
  }

  private static PilotSite darlington(ConfigurationHistory history) {
    return new PilotSite("Darlington", "dar", history, ImmutableMap.of(DARLINGTON_TEAMS.get(0), "dar-ass",
        DARLINGTON_TEAMS.get(1), "dar-saf", DARLINGTON_TEAMS.get(2), "dar-cic"));
  }

  /**
   * Returns the three sites, Hillingdon, Wigan and Darlington, in that order.
   *
   * @return the sites, an unmodifiable list
   */
  public static List<PilotSite> all() {
    return List.of(hillingdon(), wigan(), darlington());
  }

  /**
   * Returns the council's name, such as {@code Hillingdon}.
   *
   * @return the name, not null
   */
  public String name() {
    return name;
  }

  /**
   * Returns the scheme's configuration history.
   *
   * @return the history, not null
   */
  public ConfigurationHistory history() {
    return history;
  }

  /**
   * Returns the scheme's first configuration, the one in force at the start of the term.
   *
   * @return the configuration, not null
   */
  public PilotConfiguration configuration() {
    return history.versions().get(0);
  }

  /**
   * Returns the site's teams, in a fixed order.
   *
   * @return the teams, an unmodifiable list of one or more
   */
  public List<TeamId> teams() {
    return teams;
  }

  /**
   * Returns a team's two social workers.
   *
   * @param team one of {@link #teams()}
   * @return the workers, an unmodifiable list of two
   * @throws NullPointerException if {@code team} is null
   * @throws IllegalArgumentException if {@code team} is not one of this site's
   */
  public List<WorkerId> socialWorkers(TeamId team) {
    String prefix = prefix(team);
    return List.of(WorkerId.of(prefix + "-sw1"), WorkerId.of(prefix + "-sw2"));
  }

  /**
   * Returns a team's manager, as an approver with the {@link ApprovalRole#TEAM_MANAGER} role in that team.
   *
   * @param team one of {@link #teams()}
   * @return the approver, not null
   * @throws NullPointerException if {@code team} is null
   * @throws IllegalArgumentException if {@code team} is not one of this site's
   */
  public Approver teamManager(TeamId team) {
    return Approver.of(WorkerId.of(prefix(team) + "-tm"), ApprovalRole.TEAM_MANAGER, team);
  }

  /**
   * Returns the site's head of service, as an approver with the {@link ApprovalRole#HEAD_OF_SERVICE} role.
   *
   * @return the approver, not null
   */
  public Approver headOfService() {
    return Approver.of(headOfService, ApprovalRole.HEAD_OF_SERVICE);
  }

  /**
   * Returns the approver who holds a role for a team: the team's manager for
   * {@link ApprovalRole#TEAM_MANAGER}, the head of service for every role above it.
   *
   * @param role the role an approval needs, above {@link ApprovalRole#SOCIAL_WORKER}
   * @param team one of {@link #teams()}
   * @return the approver, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code role} is {@link ApprovalRole#SOCIAL_WORKER} or {@code team} is
   *     not one of this site's
   */
  public Approver approverFor(ApprovalRole role, TeamId team) {
    requireNonNull(role, "role");
    if (role == ApprovalRole.SOCIAL_WORKER) {
      throw new IllegalArgumentException("role must be above SOCIAL_WORKER: a worker never approves their own"
          + " request, but was " + role);
    }
    Approver manager = teamManager(team);
    return role == ApprovalRole.TEAM_MANAGER ? manager : headOfService();
  }

  /**
   * Returns a team's three canonical families.
   *
   * @param team one of {@link #teams()}
   * @return the families, an unmodifiable list of three
   * @throws NullPointerException if {@code team} is null
   * @throws IllegalArgumentException if {@code team} is not one of this site's
   */
  public List<FamilyId> families(TeamId team) {
    String prefix = prefix(team);
    return List.of(FamilyId.of(prefix + "-f1"), FamilyId.of(prefix + "-f2"), FamilyId.of(prefix + "-f3"));
  }

  private String prefix(TeamId team) {
    requireNonNull(team, "team");
    String prefix = prefixes.get(team);
    if (prefix == null) {
      throw new IllegalArgumentException("team " + team + " is not one of " + name + "'s teams " + teams);
    }
    return prefix;
  }

  /**
   * Returns the site's name and teams, such as {@code PilotSite[Wigan, teams=[wigan-reunification, ...]]}.
   *
   * @return a short description, no personal data
   */
  @Override
  public String toString() {
    return "PilotSite[" + name + ", teams=" + teams + "]";
  }
}
