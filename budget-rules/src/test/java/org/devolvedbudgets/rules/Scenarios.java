package org.devolvedbudgets.rules;

import static org.devolvedbudgets.rules.TestPilots.GBP;
import static org.devolvedbudgets.rules.TestPilots.TERM;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.money.Monetary;
import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.id.ChildId;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.PeriodPolicy;
import org.devolvedbudgets.model.scheme.AllocationMethod;
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
import org.devolvedbudgets.model.spend.PaymentMethod;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.model.spend.Subcategory;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.devolvedbudgets.rules.allocation.Arm;
import org.devolvedbudgets.rules.position.BudgetPosition;
import org.devolvedbudgets.rules.position.Usage;
import org.devolvedbudgets.rules.position.UsageKey;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/** QuickTheories generators of well-formed decision inputs: any configuration, request and position. */
final class Scenarios {

  /** A word that appears in every generated description and must never appear in a message. */
  static final String SECRET = "Zebediah";

  private static final TeamId TEAM = TeamId.of("team-a");
  private static final FamilyId FAMILY = FamilyId.of("F-1");

  private Scenarios() {}

  /** A configuration, a request and a position that belongs to it. */
  record Scenario(PilotConfiguration configuration, SpendRequest request, BudgetPosition position) {

    Decision decide() {
      return SpendRules.decide(configuration, request, position);
    }

    Scenario withAmount(Money amount) {
      SpendRequest changed = SpendRequest.builder().from(request).amount(amount).build();
      return new Scenario(configuration, changed, position);
    }
  }

  static Gen<Scenario> scenarios() {
    return Scenarios::scenario;
  }

  private static long pick(RandomnessSource in, long low, long high) {
    return in.next(Constraint.between(low, high));
  }

  private static boolean chance(RandomnessSource in) {
    return pick(in, 0, 1) == 1;
  }

  private static <T> T oneOf(RandomnessSource in, List<T> values) {
    return values.get((int) pick(in, 0, values.size() - 1));
  }

  private static Money pence(long minorUnits) {
    return Money.ofMinor(GBP, minorUnits);
  }

  private static PeriodPolicy period(RandomnessSource in) {
    return oneOf(in, List.of(PeriodPolicy.financialYear(), PeriodPolicy.calendarYear(), PeriodPolicy.wholePilot(),
        PeriodPolicy.rollingDays((int) pick(in, 1, 400))));
  }

  private static Allowance allowance(RandomnessSource in, String name, AllowanceScope scope) {
    Allowance.Builder builder = Allowance.builder().id(AllowanceId.of(name)).name(name).scope(scope)
        .cap(pence(pick(in, 1, 1_000_000)))
        .enforcement(chance(in) ? Enforcement.HARD : Enforcement.SOFT).period(period(in));
    if (pick(in, 0, 3) == 0) {
      builder.category(oneOf(in, List.of(SpendCategory.values())));
    }
    return builder.build();
  }

  static PilotConfiguration configuration(RandomnessSource in) {
    List<Allowance> allowances = new ArrayList<>();
    int index = 0;
    for (AllowanceScope scope : AllowanceScope.values()) {
      if (chance(in)) {
        allowances.add(allowance(in, "allowance-" + index++, scope));
      }
    }
    long own = pick(in, 1, 500_000);
    long manager = own + pick(in, 1, 500_000);
    ApprovalPolicy.Builder approval = ApprovalPolicy.builder();
    if (chance(in)) {
      approval.addTiers(ApprovalTier.upTo(ApprovalRole.SOCIAL_WORKER, pence(own)));
    }
    approval.addTiers(ApprovalTier.upTo(ApprovalRole.TEAM_MANAGER, pence(manager)));
    approval.addTiers(chance(in) ? ApprovalTier.unlimited(ApprovalRole.HEAD_OF_SERVICE)
        : ApprovalTier.upTo(ApprovalRole.HEAD_OF_SERVICE, pence(manager + pick(in, 1, 1_000_000))));
    if (chance(in)) {
      approval.cumulativeThreshold(CumulativeThreshold.of(pence(pick(in, 1, 500_000)),
          PeriodPolicy.rollingDays((int) pick(in, 1, 60))));
    }
    Set<SpendCategory> allowed = EnumSet.noneOf(SpendCategory.class);
    for (SpendCategory category : SpendCategory.values()) {
      if (pick(in, 0, 3) > 0) {
        allowed.add(category);
      }
    }
    if (allowed.isEmpty()) {
      allowed.add(SpendCategory.PRACTICAL);
    }
    AllocationPolicy allocation = oneOf(in, List.of(AllocationPolicy.allEligible(), AllocationPolicy.discretionary(),
        AllocationPolicy.randomised(Randomisation.builder().seed(pick(in, 0, 1000)).build())));
    PilotConfiguration.Builder builder = TestPilots.base("Generated", "Generated scheme")
        .addAllAllowances(allowances)
        .approvalPolicy(approval.build())
        .allowedCategories(allowed)
        .allocation(allocation)
        .cashAllowed(chance(in));
    if (chance(in)) {
      builder.allTeamsEligible(true);
    } else {
      builder.addEligibleTeams(TEAM);
    }
    if (chance(in)) {
      builder.addBlockedSubcategories(Subcategory.RENT_ARREARS);
    }
    return builder.build();
  }

  static SpendRequest request(RandomnessSource in) {
    long amount = pick(in, 0, 9) == 0 ? pick(in, -100_000, 0) : pick(in, 1, 2_000_000);
    Money money = pick(in, 0, 19) == 0 ? Money.ofMinor(Monetary.getCurrency("EUR"), amount) : pence(amount);
    LocalDate day = TERM.start().plusDays(pick(in, -30, TERM.lengthInDays() + 30));
    Instant when = day.atStartOfDay(org.devolvedbudgets.model.period.BudgetPeriod.ZONE).toInstant()
        .plusSeconds(pick(in, 0, 86_399));
    Subcategory subcategory = oneOf(in, Subcategory.standard());
    SpendRequest.Builder builder = SpendRequest.builder()
        .id(RequestId.of("R-" + pick(in, 1, 99)))
        .familyId(FAMILY)
        .teamId(chance(in) ? TEAM : TeamId.of("team-z"))
        .requestedBy(WorkerId.of("W-1"))
        .amount(money)
        .category(subcategory.category())
        .subcategory(subcategory)
        .description("Spend for " + SECRET + " aged " + pick(in, 0, 17))
        .paymentMethod(oneOf(in, List.of(PaymentMethod.values())))
        .requestedAt(when);
    for (int i = 0, children = (int) pick(in, 0, 3); i < children; i++) {
      builder.addChildIds(ChildId.of("C-" + i));
    }
    return builder.build();
  }

  static BudgetPosition position(RandomnessSource in, PilotConfiguration configuration, SpendRequest request) {
    BudgetPosition.Builder position = BudgetPosition.builder();
    for (UsageKey key : SpendRules.usageKeys(configuration, request)) {
      if (pick(in, 0, 4) > 0) {
        long cap = configuration.allowances().stream().filter(a -> a.id().equals(key.allowanceId()))
            .findFirst().orElseThrow().cap().minorUnits();
        position.usage(key, Usage.of(key.period(), pence(pick(in, 0, cap * 2)), pence(pick(in, 0, cap))));
      }
    }
    SpendRules.cumulativeWindow(configuration, request).filter(window -> chance(in)).ifPresent(window ->
        position.familyWindow(Usage.of(window, pence(pick(in, 0, 600_000)), pence(pick(in, 0, 100_000)))));
    if (chance(in)) {
      AllocationMethod method = configuration.allocation().method();
      Arm arm = method == AllocationMethod.RANDOMISED ? oneOf(in, List.of(Arm.TREATMENT, Arm.CONTROL))
          : Arm.NOT_RANDOMISED;
      position.allocation(AllocationRecord.of(FAMILY, method, arm, java.util.Optional.empty(), TERM.start()));
    }
    return position.build();
  }

  private static Scenario scenario(RandomnessSource in) {
    PilotConfiguration configuration = configuration(in);
    SpendRequest request = request(in);
    return new Scenario(configuration, request, position(in, configuration, request));
  }
}
