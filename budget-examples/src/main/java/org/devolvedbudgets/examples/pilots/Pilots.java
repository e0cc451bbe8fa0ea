package org.devolvedbudgets.examples.pilots;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.period.PeriodPolicy;
import org.devolvedbudgets.model.scheme.AgeBand;
import org.devolvedbudgets.model.scheme.AllocationPolicy;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.scheme.ApprovalPolicy;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.ApprovalTier;
import org.devolvedbudgets.model.scheme.Enforcement;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.scheme.Randomisation;
import org.devolvedbudgets.rules.ConfigurationHistory;

/**
 * The three pilots evaluated by What Works for Children's Social Care and CASCADE in 2019–2020, as
 * configurations that follow the published facts (the project's {@code DOMAIN.md} and the articles it cites).
 * Where the sources are silent or disagree, the choice made here is named in the method's Javadoc and held in a
 * public constant or a configuration value, never in a rule: change it with
 * {@code PilotConfiguration.builder().from(Pilots.hillingdon())...build()}.
 *
 * <p>Assumptions shared by all three:
 * <ul>
 *   <li>The term is one financial year, 1 April 2019 to 31 March 2020 ({@link #TERM}); the sources say only
 *       "2019–2020" and the final report is dated 2 April 2020.</li>
 *   <li>The currency is pounds sterling and every configuration is version 1, in force from the term's start.</li>
 *   <li>Cash is not allowed (many councils allow it only "in exceptional circumstances"); all three spend
 *       categories are allowed and no subcategory is blocked; a refund restores the allowance.</li>
 * </ul>
 *
 * <p>This class is stateless and thread-safe; every configuration it returns is immutable.
 */
public final class Pilots {

  /** Pounds sterling, the pilots' currency. */
  public static final CurrencyUnit GBP = Monetary.getCurrency("GBP");

  /** The pilots' term: the financial year 2019/20, {@code [2019-04-01, 2020-04-01)} (an assumption). */
  public static final BudgetPeriod TERM = BudgetPeriod.of(LocalDate.of(2019, 4, 1), LocalDate.of(2020, 4, 1));

  /** Hillingdon's Vulnerable Adolescents Team, the only team in its pilot. */
  public static final TeamId HILLINGDON_TEAM = TeamId.of("hillingdon-vat");

  /** Wigan's reunification team (children in care going home). */
  public static final TeamId WIGAN_REUNIFICATION = TeamId.of("wigan-reunification");

  /** Wigan's edge-of-care team (preventing entry to care). */
  public static final TeamId WIGAN_EDGE_OF_CARE = TeamId.of("wigan-edge-of-care");

  /** Hillingdon: what a social worker may spend on their own authority, £500 (WWCSC's project page). */
  public static final Money HILLINGDON_WORKER_AUTHORITY = Money.parse("GBP 500.00");

  /** Hillingdon: the per-purchase limit the articles give, £1,000; soft, so above it needs an exception. */
  public static final Money HILLINGDON_REQUEST_LIMIT = Money.parse("GBP 1000.00");

  /** Hillingdon: the WWCSC grant, £400,000, a hard cap on the whole pilot's spending. */
  public static final Money HILLINGDON_GRANT = Money.parse("GBP 400000.00");

  /** Wigan: the allowance per family per year, £4,000. */
  public static final Money WIGAN_FAMILY_ALLOWANCE = Money.parse("GBP 4000.00");

  /** Wigan: what a social worker may spend on their own authority, £500 (an assumption: not published). */
  public static final Money WIGAN_WORKER_AUTHORITY = Money.parse("GBP 500.00");

  /** Darlington: the allowance per family for the whole pilot, £10,000. */
  public static final Money DARLINGTON_FAMILY_ALLOWANCE = Money.parse("GBP 10000.00");

  /** Darlington: the randomisation's seed (an assumption: the real seed was not published). */
  public static final long DARLINGTON_SEED = 2019L;

  /** Darlington: the age bands the randomisation is stratified by, 0–4, 5–9 and 10–16 (an unmodifiable list). */
  public static final List<AgeBand> DARLINGTON_STRATA = List.of(AgeBand.of(0, 4), AgeBand.of(5, 9), AgeBand.of(10, 16));

  /** The name of Hillingdon's per-request allowance. */
  public static final String HILLINGDON_PER_REQUEST = "Per request";

  /** The name of Hillingdon's pilot-wide allowance. */
  public static final String HILLINGDON_PILOT_GRANT = "Pilot grant";

  /** The name of Wigan's family allowance. */
  public static final String WIGAN_PER_FAMILY = "Per family per financial year";

  /** The name of Darlington's family allowance. */
  public static final String DARLINGTON_PER_FAMILY = "Per family";

  /** The id of Hillingdon's per-request allowance. */
  public static final AllowanceId HILLINGDON_PER_REQUEST_ID = AllowanceId.of("per-request");

  /** The id of Hillingdon's pilot-wide allowance. */
  public static final AllowanceId HILLINGDON_PILOT_GRANT_ID = AllowanceId.of("pilot-grant");

  /** The id of Wigan's family allowance. */
  public static final AllowanceId WIGAN_PER_FAMILY_ID = AllowanceId.of("family-fy");

  /** The id of Darlington's family allowance. */
  public static final AllowanceId DARLINGTON_PER_FAMILY_ID = AllowanceId.of("family");

  private Pilots() {}

  /**
   * Returns Hillingdon's scheme: a devolved budget for a new Vulnerable Adolescents Team (about 100 young
   * people aged 12–17 at risk of exploitation, violence or going missing).
   *
   * <p>Facts: "up to £1,000 available with minimal managerial approval" (the articles); "no stated cap,
   * approval needed over £500" (WWCSC's project page); observed purchases from £9.40 to £1,800 (median £113);
   * a £400,000 grant. The sources disagree on the limit, so this configuration reconciles them:
   * <ul>
   *   <li>a social worker approves their own spend up to {@link #HILLINGDON_WORKER_AUTHORITY} (£500);</li>
   *   <li>a team manager approves up to {@link #HILLINGDON_REQUEST_LIMIT} (£1,000), the "minimal managerial
   *       approval";</li>
   *   <li>the £1,000 per-request limit is <em>soft</em>: above it the head of service may approve an
   *       exception, which is how the observed £1,800 purchase was possible;</li>
   *   <li>the £400,000 grant is a hard cap on the pilot's total spending.</li>
   * </ul>
   * Allocation: every young person the team works with is eligible ({@link AllocationPolicy#allEligible()}).
   *
   * @return the configuration, version 1, valid for {@link #TERM}
   */
  public static PilotConfiguration hillingdon() {
    return base("Hillingdon", "Vulnerable Adolescents Team devolved budget")
        .addEligibleTeams(HILLINGDON_TEAM)
        .addAllowances(Allowance.builder().id(HILLINGDON_PER_REQUEST_ID)
            .name(HILLINGDON_PER_REQUEST).cap(HILLINGDON_REQUEST_LIMIT)
            .scope(AllowanceScope.REQUEST).enforcement(Enforcement.SOFT).build())
        .addAllowances(Allowance.builder().id(HILLINGDON_PILOT_GRANT_ID)
            .name(HILLINGDON_PILOT_GRANT).cap(HILLINGDON_GRANT)
            .scope(AllowanceScope.PILOT).build())
        .approvalPolicy(ApprovalPolicy.builder()
            .addTiers(ApprovalTier.upTo(ApprovalRole.SOCIAL_WORKER, HILLINGDON_WORKER_AUTHORITY))
            .addTiers(ApprovalTier.upTo(ApprovalRole.TEAM_MANAGER, HILLINGDON_REQUEST_LIMIT))
            .addTiers(ApprovalTier.unlimited(ApprovalRole.HEAD_OF_SERVICE))
            .build())
        .build();
  }

  /**
   * Returns Wigan's scheme: up to £4,000 per family per year for two teams, reunification and edge of care.
   *
   * <p>Assumptions where the sources are silent:
   * <ul>
   *   <li>"Per year" is the local-government financial year, 1 April to 31 March
   *       ({@link PeriodPolicy#financialYear()}); {@link PeriodPolicy#calendarYear()} or
   *       {@code PeriodPolicy.rollingDays(365)} express the other readings.</li>
   *   <li>The £4,000 is a hard cap.</li>
   *   <li>The approval process was not published (the review asked for a more transparent one): a social worker
   *       approves their own spend up to {@link #WIGAN_WORKER_AUTHORITY} (£500), a team manager above that.</li>
   * </ul>
   * Allocation: every family the two teams work with is eligible.
   *
   * @return the configuration, version 1, valid for {@link #TERM}
   */
  public static PilotConfiguration wigan() {
    return base("Wigan", "Reunification and edge of care devolved budget")
        .addEligibleTeams(WIGAN_REUNIFICATION, WIGAN_EDGE_OF_CARE)
        .addAllowances(Allowance.builder().id(WIGAN_PER_FAMILY_ID).name(WIGAN_PER_FAMILY).cap(WIGAN_FAMILY_ALLOWANCE)
            .scope(AllowanceScope.FAMILY).period(PeriodPolicy.financialYear()).build())
        .approvalPolicy(ApprovalPolicy.builder()
            .addTiers(ApprovalTier.upTo(ApprovalRole.SOCIAL_WORKER, WIGAN_WORKER_AUTHORITY))
            .addTiers(ApprovalTier.unlimited(ApprovalRole.TEAM_MANAGER))
            .build())
        .build();
  }

  /**
   * Returns Darlington's scheme: up to £10,000 per family, allocated to the family and held by its social worker,
   * with managerial approval, offered to all social work teams for families chosen at random.
   *
   * <p>Facts: families at risk of imminently needing a care order, identified by a team manager; randomised,
   * stratified by the child's age band 0–4, 5–9, 10–16; 21 families made eligible, 7 applied. Assumptions:
   * <ul>
   *   <li>The £10,000 is a hard cap for the whole pilot (no period is published).</li>
   *   <li>"Managerial approval" means a team manager approves every spend, however small.</li>
   *   <li>The randomisation is 1 : 1 with seed {@link #DARLINGTON_SEED}.</li>
   * </ul>
   * The reviewers recommended suspending the randomisation; {@link #darlingtonWithRandomisationSuspended(LocalDate)}
   * models that.
   *
   * @return the configuration, version 1, valid for {@link #TERM}
   */
  public static PilotConfiguration darlington() {
    return base("Darlington", "Devolved budgets for families at risk of care proceedings")
        .allTeamsEligible(true)
        .allocation(AllocationPolicy.randomised(darlingtonRandomisation().build()))
        .addAllowances(Allowance.builder().id(DARLINGTON_PER_FAMILY_ID)
            .name(DARLINGTON_PER_FAMILY).cap(DARLINGTON_FAMILY_ALLOWANCE)
            .scope(AllowanceScope.FAMILY).build())
        .approvalPolicy(ApprovalPolicy.builder().addTiers(ApprovalTier.unlimited(ApprovalRole.TEAM_MANAGER)).build())
        .build();
  }

  /**
   * Returns Darlington's history with the randomisation suspended, as the reviewers recommended: version 1
   * ({@link #darlington()}) until the day before {@code from}, then version 2, in force from {@code from}, which
   * allocates new families without randomisation. Families allocated earlier keep their arm (intention to treat).
   *
   * @param from the first day without randomisation, after the term's start and within it
   * @return the two versions, not null
   * @throws NullPointerException if {@code from} is null
   * @throws IllegalArgumentException if {@code from} is not after the term's start or not within the term
   */
  public static ConfigurationHistory darlingtonWithRandomisationSuspended(LocalDate from) {
    requireNonNull(from, "from");
    if (!from.isAfter(TERM.start()) || !TERM.contains(from)) {
      throw new IllegalArgumentException("from must be after " + TERM.start() + " and before " + TERM.end()
          + ", but was " + from);
    }
    PilotConfiguration first = darlington();
    PilotConfiguration suspended = PilotConfiguration.builder().from(first)
        .version(2)
        .effectiveFrom(from)
        .allocation(AllocationPolicy.randomised(darlingtonRandomisation().suspendedFrom(from).build()))
        .build();
    return ConfigurationHistory.of(List.of(first, suspended));
  }

  private static Randomisation.Builder darlingtonRandomisation() {
    return Randomisation.builder().seed(DARLINGTON_SEED).addAllStrata(DARLINGTON_STRATA);
  }

  private static PilotConfiguration.Builder base(String council, String scheme) {
    return PilotConfiguration.builder()
        .council(council)
        .schemeId(SchemeId.of(council.toLowerCase(Locale.ROOT) + "-devolved-budgets"))
        .scheme(scheme)
        .version(1)
        .effectiveFrom(TERM.start())
        .currency(GBP)
        .term(TERM);
  }
}
