package org.devolvedbudgets.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.id.FamilyId;
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
import org.devolvedbudgets.model.scheme.Enforcement;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.scheme.Randomisation;
import org.devolvedbudgets.model.spend.PaymentMethod;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.SpendRequest;

/**
 * The three pilots with their published figures, for the rules' tests. (The published, documented fixtures
 * belong to budget-examples.) Assumptions: Hillingdon's worker authority is £500 and its £1,000 per-request
 * limit is soft, so the observed £1,800 purchase went through as an exception; Wigan's year is the financial
 * year; Darlington needs a team manager for every spend.
 */
public final class TestPilots {

  public static final CurrencyUnit GBP = Monetary.getCurrency("GBP");
  public static final BudgetPeriod TERM = BudgetPeriod.of(LocalDate.of(2019, 4, 1), LocalDate.of(2021, 4, 1));
  public static final TeamId VAT = TeamId.of("hillingdon-vat");
  public static final TeamId REUNIFICATION = TeamId.of("wigan-reunification");
  public static final TeamId EDGE_OF_CARE = TeamId.of("wigan-edge-of-care");
  public static final TeamId DARLINGTON_TEAM = TeamId.of("darlington-east");
  public static final FamilyId FAMILY = FamilyId.of("F-000123");
  public static final WorkerId WORKER = WorkerId.of("W-0042");
  public static final String PER_REQUEST = "Per request";
  public static final String PILOT_GRANT = "Pilot grant";
  public static final String WIGAN_FAMILY = "Per family per financial year";
  public static final String DARLINGTON_FAMILY = "Per family";
  public static final AllowanceId PER_REQUEST_ID = AllowanceId.of("per-request");
  public static final AllowanceId PILOT_GRANT_ID = AllowanceId.of("pilot-grant");
  public static final AllowanceId WIGAN_FAMILY_ID = AllowanceId.of("family-fy");
  public static final AllowanceId DARLINGTON_FAMILY_ID = AllowanceId.of("family");
  public static final LocalDate SUSPENDED_FROM = LocalDate.of(2019, 10, 1);

  private TestPilots() {}

  public static Money gbp(String amount) {
    return Money.parse("GBP " + amount);
  }

  /** 10:00 on a day, in London. */
  public static Instant on(int year, int month, int day) {
    return at(year, month, day, 10, 0);
  }

  public static Instant at(int year, int month, int day, int hour, int minute) {
    return LocalDateTime.of(year, month, day, hour, minute).atZone(BudgetPeriod.ZONE).toInstant();
  }

  public static PilotConfiguration.Builder base(String council, String scheme) {
    return PilotConfiguration.builder()
        .council(council)
        .schemeId(SchemeId.of(council.toLowerCase(Locale.ROOT) + "-devolved-budgets"))
        .scheme(scheme)
        .version(1)
        .effectiveFrom(TERM.start())
        .currency(GBP)
        .term(TERM);
  }

  public static PilotConfiguration hillingdon() {
    return base("Hillingdon", "Vulnerable Adolescents Team devolved budget")
        .addEligibleTeams(VAT)
        .addAllowances(Allowance.builder().id(PER_REQUEST_ID).name(PER_REQUEST).cap(gbp("1000.00"))
            .scope(AllowanceScope.REQUEST).enforcement(Enforcement.SOFT).build())
        .addAllowances(Allowance.builder().id(PILOT_GRANT_ID).name(PILOT_GRANT).cap(gbp("400000.00"))
            .scope(AllowanceScope.PILOT).build())
        .approvalPolicy(ApprovalPolicy.builder()
            .addTiers(ApprovalTier.upTo(ApprovalRole.SOCIAL_WORKER, gbp("500.00")))
            .addTiers(ApprovalTier.upTo(ApprovalRole.TEAM_MANAGER, gbp("1000.00")))
            .addTiers(ApprovalTier.unlimited(ApprovalRole.HEAD_OF_SERVICE))
            .build())
        .build();
  }

  public static PilotConfiguration wigan() {
    return base("Wigan", "Reunification and edge of care devolved budget")
        .addEligibleTeams(REUNIFICATION, EDGE_OF_CARE)
        .addAllowances(Allowance.builder().id(WIGAN_FAMILY_ID).name(WIGAN_FAMILY).cap(gbp("4000.00"))
            .scope(AllowanceScope.FAMILY).period(PeriodPolicy.financialYear()).build())
        .approvalPolicy(ApprovalPolicy.builder()
            .addTiers(ApprovalTier.upTo(ApprovalRole.SOCIAL_WORKER, gbp("500.00")))
            .addTiers(ApprovalTier.unlimited(ApprovalRole.TEAM_MANAGER))
            .build())
        .build();
  }

  public static Randomisation darlingtonRandomisation() {
    return Randomisation.builder()
        .seed(2019L)
        .addStrata(AgeBand.of(0, 4), AgeBand.of(5, 9), AgeBand.of(10, 16))
        .build();
  }

  public static PilotConfiguration darlington() {
    return base("Darlington", "Devolved budgets for families at risk of care proceedings")
        .allTeamsEligible(true)
        .allocation(AllocationPolicy.randomised(darlingtonRandomisation()))
        .addAllowances(Allowance.builder().id(DARLINGTON_FAMILY_ID).name(DARLINGTON_FAMILY).cap(gbp("10000.00"))
            .scope(AllowanceScope.FAMILY).build())
        .approvalPolicy(ApprovalPolicy.builder().addTiers(ApprovalTier.unlimited(ApprovalRole.TEAM_MANAGER)).build())
        .build();
  }

  /** Darlington's version 2: randomisation suspended from 1 October 2019. */
  public static PilotConfiguration darlingtonSuspended() {
    return PilotConfiguration.builder().from(darlington())
        .version(2)
        .effectiveFrom(SUSPENDED_FROM)
        .allocation(AllocationPolicy.randomised(Randomisation.builder().from(darlingtonRandomisation())
            .suspendedFrom(SUSPENDED_FROM).build()))
        .build();
  }

  public static SpendRequest.Builder request(TeamId team, String amount) {
    return SpendRequest.builder()
        .id(RequestId.of("R-000001"))
        .familyId(FAMILY)
        .teamId(team)
        .requestedBy(WORKER)
        .amount(gbp(amount))
        .category(SpendCategory.RELATIONSHIP_BUILDING)
        .description("Cinema and a meal with Jo, who is 14")
        .paymentMethod(PaymentMethod.PURCHASE_CARD)
        .requestedAt(on(2019, 6, 3));
  }
}
