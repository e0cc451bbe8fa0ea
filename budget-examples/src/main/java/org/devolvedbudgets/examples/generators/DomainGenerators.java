package org.devolvedbudgets.examples.generators;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.money.CurrencyUnit;
import org.devolvedbudgets.examples.pilots.Pilots;
import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.id.ChildId;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.Identifier;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
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
import org.devolvedbudgets.model.scheme.CumulativeThreshold;
import org.devolvedbudgets.model.scheme.Enforcement;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.scheme.Randomisation;
import org.devolvedbudgets.model.scheme.EvidencePolicy;
import org.devolvedbudgets.model.scheme.EvidenceRequirement;
import org.devolvedbudgets.model.scheme.SpendingFreeze;
import org.devolvedbudgets.model.spend.EvidenceKind;
import org.devolvedbudgets.model.spend.PaymentMethod;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.model.spend.Subcategory;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * QuickTheories generators of valid domain values, for property tests: every value they make passes its type's
 * checks. Edge cases are weighted in where they matter: one penny and a cap exactly, the first and last day of a
 * term, 23:59 on 31 March and 00:00 on 1 April, identifiers of 1 and {@value Identifier#MAX_LENGTH}
 * characters. Draws go through QuickTheories' {@link RandomnessSource}, so failures shrink towards small values.
 *
 * <p>Use them with {@code qt().forAll(DomainGenerators.spendRequests(config)).checkAssert(...)}. Identifiers are
 * made up codes ({@code F-1a2b}); descriptions are fixed, harmless text. For invalid values see
 * {@link InvalidInputs}.
 *
 * <p>This class is stateless and thread-safe; so is every generator it returns.
 */
public final class DomainGenerators {

  private static final String ID_CHARACTERS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:";

  private DomainGenerators() {}

  /**
   * Returns amounts in pounds sterling from one penny to {@code maxPence}, with 1p and {@code maxPence} itself
   * often.
   *
   * @param maxPence the largest amount in pence, 1 or more
   * @return the generator
   * @throws IllegalArgumentException if {@code maxPence} is below 1
   */
  public static Gen<Money> amounts(long maxPence) {
    return amounts(Pilots.GBP, 1, maxPence);
  }

  /**
   * Returns amounts in a currency between two numbers of minor units, with both ends often.
   *
   * @param currency the currency, not null
   * @param minMinor the smallest amount in minor units, any value
   * @param maxMinor the largest amount in minor units, at least {@code minMinor}
   * @return the generator
   * @throws NullPointerException if {@code currency} is null
   * @throws IllegalArgumentException if {@code maxMinor} is below {@code minMinor}
   */
  public static Gen<Money> amounts(CurrencyUnit currency, long minMinor, long maxMinor) {
    requireNonNull(currency, "currency");
    if (maxMinor < minMinor) {
      throw new IllegalArgumentException("maxMinor must be at least minMinor " + minMinor + ", but was " + maxMinor);
    }
    return in -> {
      long roll = pick(in, 0, 9);
      long minor = roll == 0 ? minMinor : roll == 1 ? maxMinor : pick(in, minMinor, maxMinor);
      return Money.ofMinor(currency, minor);
    };
  }

  /**
   * Returns family ids.
   *
   * @return the generator
   */
  public static Gen<FamilyId> familyIds() {
    return identifiers(FamilyId::of);
  }

  /**
   * Returns child ids.
   *
   * @return the generator
   */
  public static Gen<ChildId> childIds() {
    return identifiers(ChildId::of);
  }

  /**
   * Returns team ids.
   *
   * @return the generator
   */
  public static Gen<TeamId> teamIds() {
    return identifiers(TeamId::of);
  }

  /**
   * Returns worker ids.
   *
   * @return the generator
   */
  public static Gen<WorkerId> workerIds() {
    return identifiers(WorkerId::of);
  }

  /**
   * Returns request ids.
   *
   * @return the generator
   */
  public static Gen<RequestId> requestIds() {
    return identifiers(RequestId::of);
  }

  /**
   * Returns identifier values: 1 to {@value Identifier#MAX_LENGTH} characters from the allowed set, with the
   * shortest and longest often; never {@code .} or {@code ..}, which no identifier accepts.
   *
   * @return the generator of strings every identifier type accepts
   */
  public static Gen<String> identifierValues() {
    return in -> {
      long roll = pick(in, 0, 9);
      int length = (int) (roll == 0 ? 1 : roll == 1 ? Identifier.MAX_LENGTH : pick(in, 1, 12));
      StringBuilder value = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        value.append(ID_CHARACTERS.charAt((int) pick(in, 0, ID_CHARACTERS.length() - 1)));
      }
      String text = value.toString();
      return text.equals(".") || text.equals("..") ? text.replace('.', '_') : text;
    };
  }

  private static <T> Gen<T> identifiers(Function<String, T> factory) {
    return identifierValues().map(factory);
  }

  /**
   * Returns days within a period, with its first and last day often.
   *
   * @param period the period, not null
   * @return the generator
   * @throws NullPointerException if {@code period} is null
   */
  public static Gen<LocalDate> datesIn(BudgetPeriod period) {
    requireNonNull(period, "period");
    long first = period.start().toEpochDay();
    long last = period.end().toEpochDay() - 1;
    return in -> {
      long roll = pick(in, 0, 9);
      return LocalDate.ofEpochDay(roll == 0 ? first : roll == 1 ? last : pick(in, first, last));
    };
  }

  /**
   * Returns instants within a period, to the minute, in Europe/London: with midnight at the start of a day and
   * 23:59 at its end often, and so the financial year's 31 March 23:59 and 1 April 00:00 when the period holds
   * them, and days on which the clocks change.
   *
   * @param period the period, not null
   * @return the generator
   * @throws NullPointerException if {@code period} is null
   */
  public static Gen<Instant> instantsIn(BudgetPeriod period) {
    Gen<LocalDate> days = datesIn(period);
    return in -> {
      LocalDate day = days.generate(in);
      long roll = pick(in, 0, 9);
      LocalTime time = roll == 0 ? LocalTime.MIDNIGHT : roll == 1 ? LocalTime.of(23, 59)
          : LocalTime.of((int) pick(in, 0, 23), (int) pick(in, 0, 59));
      return day.atTime(time).atZone(BudgetPeriod.ZONE).toInstant();
    };
  }

  /**
   * Returns half-open periods of 1 to 800 days starting between 2015 and 2030.
   *
   * @return the generator
   */
  public static Gen<BudgetPeriod> budgetPeriods() {
    return in -> {
      LocalDate start = LocalDate.of(2015, 1, 1).plusDays(pick(in, 0, 16 * 365));
      return BudgetPeriod.of(start, start.plusDays(pick(in, 1, 800)));
    };
  }

  /**
   * Returns period policies: financial year, calendar year, whole pilot, or rolling 1 to 400 days.
   *
   * @return the generator
   */
  public static Gen<PeriodPolicy> periodPolicies() {
    return in -> {
      switch ((int) pick(in, 0, 3)) {
        case 0:
          return PeriodPolicy.financialYear();
        case 1:
          return PeriodPolicy.calendarYear();
        case 2:
          return PeriodPolicy.wholePilot();
        default:
          return PeriodPolicy.rollingDays((int) pick(in, 1, 400));
      }
    };
  }

  /**
   * Returns spend categories.
   *
   * @return the generator
   */
  public static Gen<SpendCategory> categories() {
    return in -> oneOf(in, List.of(SpendCategory.values()));
  }

  /**
   * Returns the standard subcategories ({@link Subcategory#standard()}).
   *
   * @return the generator
   */
  public static Gen<Subcategory> subcategories() {
    return in -> oneOf(in, Subcategory.standard());
  }

  /**
   * Returns payment methods.
   *
   * @return the generator
   */
  public static Gen<PaymentMethod> paymentMethods() {
    return in -> oneOf(in, List.of(PaymentMethod.values()));
  }

  /**
   * Returns approval roles.
   *
   * @return the generator
   */
  public static Gen<ApprovalRole> approvalRoles() {
    return in -> oneOf(in, List.of(ApprovalRole.values()));
  }

  /**
   * Returns age bands within 0 to {@value AgeBand#MAX_AGE}.
   *
   * @return the generator
   */
  public static Gen<AgeBand> ageBands() {
    return in -> {
      int youngest = (int) pick(in, 0, AgeBand.MAX_AGE);
      return AgeBand.of(youngest, (int) pick(in, youngest, AgeBand.MAX_AGE));
    };
  }

  /**
   * Returns randomisations: any seed, weights 1 to 3 each, and zero to three non-overlapping strata.
   *
   * @return the generator
   */
  public static Gen<Randomisation> randomisations() {
    return in -> {
      Randomisation.Builder builder = Randomisation.builder().seed(in.next(Constraint.between(Long.MIN_VALUE,
          Long.MAX_VALUE).withShrinkPoint(0)))
          .treatmentWeight((int) pick(in, 1, 3)).controlWeight((int) pick(in, 1, 3));
      int from = 0;
      int strata = (int) pick(in, 0, 3);
      for (int i = 0; i < strata && from <= AgeBand.MAX_AGE; i++) {
        int to = (int) pick(in, from, Math.min(AgeBand.MAX_AGE, from + 8));
        builder.addStrata(AgeBand.of(from, to));
        from = to + 1;
      }
      return builder.build();
    };
  }

  /**
   * Returns allowances in pounds sterling: any scope, any period, hard or soft, a cap of 1p to £100,000, and
   * for one in four a single category.
   *
   * @return the generator
   */
  public static Gen<Allowance> allowances() {
    Gen<Money> caps = amounts(10_000_000);
    Gen<PeriodPolicy> periods = periodPolicies();
    return in -> {
      long number = pick(in, 1, 99);
      Allowance.Builder builder = Allowance.builder()
          .id(AllowanceId.of("allowance-" + number))
          .name("Allowance " + number)
          .cap(caps.generate(in))
          .scope(oneOf(in, List.of(AllowanceScope.values())))
          .period(periods.generate(in))
          .enforcement(chance(in) ? Enforcement.HARD : Enforcement.SOFT);
      if (pick(in, 0, 3) == 0) {
        builder.category(oneOf(in, List.of(SpendCategory.values())));
      }
      return builder.build();
    };
  }

  /**
   * Returns approval policies in pounds sterling: one to four tiers of rising roles and rising limits, the top
   * tier unlimited half the time, and a cumulative threshold one time in three.
   *
   * @return the generator
   */
  public static Gen<ApprovalPolicy> approvalPolicies() {
    return in -> {
      List<ApprovalRole> roles = new ArrayList<>(List.of(ApprovalRole.values()));
      int first = (int) pick(in, 0, roles.size() - 1);
      int count = (int) pick(in, 1, Math.min(4, roles.size() - first));
      ApprovalPolicy.Builder policy = ApprovalPolicy.builder();
      long limit = 0;
      for (int i = 0; i < count; i++) {
        ApprovalRole role = roles.get(first + i);
        if (i == count - 1 && chance(in)) {
          policy.addTiers(ApprovalTier.unlimited(role));
        } else {
          limit += pick(in, 1, 500_000);
          policy.addTiers(ApprovalTier.upTo(role, Money.ofMinor(Pilots.GBP, limit)));
        }
      }
      if (pick(in, 0, 2) == 0) {
        policy.cumulativeThreshold(CumulativeThreshold.of(Money.ofMinor(Pilots.GBP, pick(in, 1, 500_000)),
            PeriodPolicy.rollingDays((int) pick(in, 1, 60))));
      }
      return policy.build();
    };
  }

  /**
   * Returns valid scheme configurations in pounds sterling over {@link Pilots#TERM}: one to three eligible teams
   * or all teams, any allocation, up to four allowances, an approval policy, some categories allowed, cash
   * allowed or not. The three pilots' own configurations are among them one time in four.
   *
   * @return the generator
   */
  public static Gen<PilotConfiguration> configurations() {
    Gen<Allowance> allowances = allowances();
    Gen<ApprovalPolicy> policies = approvalPolicies();
    Gen<Randomisation> randomisations = randomisations();
    return in -> {
      if (pick(in, 0, 3) == 0) {
        return oneOf(in, List.of(Pilots.hillingdon(), Pilots.wigan(), Pilots.darlington()));
      }
      PilotConfiguration.Builder builder = PilotConfiguration.builder()
          .council("Generated")
          .schemeId(SchemeId.of("generated-scheme"))
          .scheme("Generated scheme")
          .version(1)
          .effectiveFrom(Pilots.TERM.start())
          .currency(Pilots.GBP)
          .term(Pilots.TERM)
          .approvalPolicy(policies.generate(in))
          .cashAllowed(chance(in));
      if (chance(in)) {
        builder.allTeamsEligible(true);
      } else {
        for (int i = 1; i <= pick(in, 1, 3); i++) {
          builder.addEligibleTeams(TeamId.of("team-" + i));
        }
      }
      int allowanceCount = (int) pick(in, 0, 4);
      for (int i = 0; i < allowanceCount; i++) {
        Allowance allowance = allowances.generate(in);
        builder.addAllowances(Allowance.builder().from(allowance).id(AllowanceId.of("allowance-" + (i + 1)))
            .name("Allowance " + (i + 1)).build());
      }
      switch ((int) pick(in, 0, 2)) {
        case 0:
          builder.allocation(AllocationPolicy.allEligible());
          break;
        case 1:
          builder.allocation(AllocationPolicy.discretionary());
          break;
        default:
          builder.allocation(AllocationPolicy.randomised(randomisations.generate(in)));
          break;
      }
      Set<SpendCategory> allowed = EnumSet.noneOf(SpendCategory.class);
      for (SpendCategory category : SpendCategory.values()) {
        if (pick(in, 0, 3) > 0) {
          allowed.add(category);
        }
      }
      builder.allowedCategories(allowed.isEmpty() ? EnumSet.of(SpendCategory.PRACTICAL) : allowed);
      return builder.build();
    };
  }

  /**
   * Returns the configurations of {@link #configurations()} with a spending freeze: up to four safeguarding
   * subcategories, and half the time one of the approval policy's roles whose approval lets other spends go ahead.
   *
   * @return the generator
   */
  public static Gen<PilotConfiguration> frozenConfigurations() {
    Gen<PilotConfiguration> configurations = configurations();
    Gen<Subcategory> subcategories = subcategories();
    return in -> {
      PilotConfiguration configuration = configurations.generate(in);
      Set<Subcategory> safeguarding = new HashSet<>();
      for (int i = (int) pick(in, 0, 4); i > 0; i--) {
        safeguarding.add(subcategories.generate(in));
      }
      Optional<ApprovalRole> approvedBy = chance(in) ? Optional.empty()
          : Optional.of(oneOf(in, configuration.approvalPolicy().tiers()).role());
      return PilotConfiguration.builder().from(configuration)
          .spendingFreeze(SpendingFreeze.of(safeguarding, approvedBy)).build();
    };
  }

  /**
   * Returns the configurations of {@link #configurations()} with an evidence policy: one to three requirements,
   * each accepting one to three kinds within 0 to 30 days, half the time from an amount of up to £100, a third of
   * the time only for some categories or payment methods; overdue evidence does nothing, routes to one of the
   * approval policy's roles, or declines; half of them restore the allowance when money is repaid.
   *
   * @return the generator
   */
  public static Gen<PilotConfiguration> evidenceConfigurations() {
    Gen<PilotConfiguration> configurations = configurations();
    return in -> {
      PilotConfiguration configuration = configurations.generate(in);
      EvidencePolicy.Builder policy = EvidencePolicy.builder();
      for (int i = (int) pick(in, 1, 3); i > 0; i--) {
        EvidenceRequirement.Builder requirement = EvidenceRequirement.builder()
            .dueWithinDays((int) pick(in, 0, 30));
        for (int k = (int) pick(in, 1, 3); k > 0; k--) {
          requirement.addAccepts(oneOf(in, List.of(EvidenceKind.values())));
        }
        if (chance(in)) {
          requirement.fromAmount(Money.ofMinor(configuration.currency(), pick(in, 1, 10_000)));
        }
        if (pick(in, 0, 2) == 0) {
          requirement.addCategories(oneOf(in, List.of(SpendCategory.values())));
        }
        if (pick(in, 0, 2) == 0) {
          requirement.addPaymentMethods(oneOf(in, List.of(PaymentMethod.values())));
        }
        policy.addRequirements(requirement.build());
      }
      EvidencePolicy.WhenOverdue when = oneOf(in, List.of(EvidencePolicy.WhenOverdue.values()));
      policy.whenOverdue(when);
      if (when == EvidencePolicy.WhenOverdue.ROUTE) {
        policy.approvedBy(oneOf(in, configuration.approvalPolicy().tiers()).role());
      }
      return PilotConfiguration.builder().from(configuration).evidencePolicy(policy.build())
          .repaymentRestoresAllowance(chance(in)).build();
    };
  }

  /**
   * Returns spend requests that fit a configuration's shape: in its currency, dated within its term, from one of
   * its eligible teams (or any team when all are eligible), of 1p to £5,000, for zero to three children. They
   * are not all approved: caps, categories, cash and allocation still decide.
   *
   * @param configuration the scheme, not null
   * @return the generator
   * @throws NullPointerException if {@code configuration} is null
   */
  public static Gen<SpendRequest> spendRequests(PilotConfiguration configuration) {
    requireNonNull(configuration, "configuration");
    Gen<Money> amounts = amounts(configuration.currency(), 1, 500_000);
    Gen<Instant> instants = instantsIn(configuration.term());
    List<TeamId> teams = configuration.allTeamsEligible() || configuration.eligibleTeams().isEmpty()
        ? List.of(TeamId.of("team-1")) : List.copyOf(configuration.eligibleTeams());
    return in -> {
      SpendCategory category = oneOf(in, List.of(SpendCategory.values()));
      SpendRequest.Builder builder = SpendRequest.builder()
          .id(RequestId.of("R-" + pick(in, 1, 999_999)))
          .familyId(FamilyId.of("F-" + pick(in, 1, 50)))
          .teamId(oneOf(in, teams))
          .requestedBy(WorkerId.of("W-" + pick(in, 1, 20)))
          .amount(amounts.generate(in))
          .category(category)
          .description("A generated request")
          .paymentMethod(oneOf(in, List.of(PaymentMethod.values())))
          .requestedAt(instants.generate(in));
      long children = pick(in, 0, 3);
      for (int i = 1; i <= children; i++) {
        builder.addChildIds(ChildId.of("C-" + i));
      }
      if (chance(in)) {
        List<Subcategory> fitting = Subcategory.standard().stream()
            .filter(subcategory -> subcategory.category() == category).toList();
        builder.subcategory(oneOf(in, fitting));
      }
      return builder.build();
    };
  }

  static long pick(RandomnessSource in, long low, long high) {
    return in.next(Constraint.between(low, high));
  }

  static boolean chance(RandomnessSource in) {
    return pick(in, 0, 1) == 1;
  }

  static <T> T oneOf(RandomnessSource in, List<T> values) {
    return values.get((int) pick(in, 0, values.size() - 1));
  }
}
