package org.devolvedbudgets.model.scheme;

import static org.devolvedbudgets.model.scheme.Fixtures.GBP;
import static org.devolvedbudgets.model.scheme.Fixtures.TERM_2019;
import static org.devolvedbudgets.model.scheme.Fixtures.gbp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.period.PeriodPolicy;
import org.junit.jupiter.api.Test;

/**
 * The three pilots in DOMAIN.md, built once each with their published figures, to show the model can express
 * them. (The published fixtures, with every assumption documented, belong to budget-examples.)
 */
class ThreePilotsTest {

  @Test
  void hillingdonUpToAThousandWithMinimalApprovalAndAFourHundredThousandPoundGrant() {
    PilotConfiguration hillingdon = PilotConfiguration.builder()
        .council("Hillingdon")
        .schemeId(SchemeId.of("vulnerable-adolescents-team-devolved-budget"))
        .scheme("Vulnerable Adolescents Team devolved budget")
        .version(1)
        .effectiveFrom(TERM_2019.start())
        .currency(GBP)
        .term(TERM_2019)
        .addEligibleTeams(TeamId.of("hillingdon-vat"))
        .addAllowances(Allowance.builder().id(AllowanceId.of("per-request")).name("Per request").cap(gbp("1000.00"))
            .scope(AllowanceScope.REQUEST).enforcement(Enforcement.SOFT).build())
        .addAllowances(Allowance.builder().id(AllowanceId.of("pilot-grant")).name("Pilot grant").cap(gbp("400000.00"))
            .scope(AllowanceScope.PILOT).build())
        .approvalPolicy(ApprovalPolicy.builder()
            .addTiers(ApprovalTier.upTo(ApprovalRole.SOCIAL_WORKER, gbp("500.00")))
            .addTiers(ApprovalTier.upTo(ApprovalRole.TEAM_MANAGER, gbp("1000.00")))
            .addTiers(ApprovalTier.unlimited(ApprovalRole.HEAD_OF_SERVICE))
            .build())
        .build();
    assertEquals(Enforcement.SOFT, hillingdon.allowances().get(0).enforcement());
    assertEquals(gbp("400000.00"), hillingdon.allowances().get(1).cap());
  }

  @Test
  void wiganFourThousandPerFamilyPerFinancialYearForTwoTeams() {
    PilotConfiguration wigan = PilotConfiguration.builder()
        .council("Wigan")
        .schemeId(SchemeId.of("reunification-and-edge-of-care-devolved-budget"))
        .scheme("Reunification and edge of care devolved budget")
        .version(1)
        .effectiveFrom(TERM_2019.start())
        .currency(GBP)
        .term(TERM_2019)
        .addEligibleTeams(TeamId.of("wigan-reunification"), TeamId.of("wigan-edge-of-care"))
        .addAllowances(Allowance.builder().id(AllowanceId.of("per-family-per-financial-year")).name("Per family per financial year").cap(gbp("4000.00"))
            .scope(AllowanceScope.FAMILY).period(PeriodPolicy.financialYear()).build())
        .approvalPolicy(ApprovalPolicy.builder()
            .addTiers(ApprovalTier.upTo(ApprovalRole.SOCIAL_WORKER, gbp("500.00")))
            .addTiers(ApprovalTier.unlimited(ApprovalRole.TEAM_MANAGER))
            .build())
        .build();
    assertEquals(2, wigan.eligibleTeams().size());
    assertEquals(PeriodPolicy.financialYear(), wigan.allowances().get(0).period());
  }

  @Test
  void darlingtonTenThousandPerFamilyWithManagerApprovalRandomisedThenSuspended() {
    Randomisation randomisation = Randomisation.builder()
        .seed(2019L)
        .addStrata(AgeBand.of(0, 4), AgeBand.of(5, 9), AgeBand.of(10, 16))
        .build();
    PilotConfiguration randomised = PilotConfiguration.builder()
        .council("Darlington")
        .schemeId(SchemeId.of("devolved-budgets-for-families-at-risk-of-care-proceedings"))
        .scheme("Devolved budgets for families at risk of care proceedings")
        .version(1)
        .effectiveFrom(TERM_2019.start())
        .currency(GBP)
        .term(TERM_2019)
        .allTeamsEligible(true)
        .allocation(AllocationPolicy.randomised(randomisation))
        .addAllowances(Allowance.builder().id(AllowanceId.of("per-family")).name("Per family").cap(gbp("10000.00"))
            .scope(AllowanceScope.FAMILY).build())
        .approvalPolicy(ApprovalPolicy.builder()
            .addTiers(ApprovalTier.unlimited(ApprovalRole.TEAM_MANAGER))
            .build())
        .build();
    PilotConfiguration suspended = PilotConfiguration.builder().from(randomised)
        .version(2)
        .effectiveFrom(LocalDate.of(2019, 10, 1))
        .allocation(AllocationPolicy.randomised(Randomisation.builder().from(randomisation)
            .suspendedFrom(LocalDate.of(2019, 10, 1)).build()))
        .build();
    assertTrue(randomised.allTeamsEligible());
    assertEquals(ApprovalRole.TEAM_MANAGER, randomised.approvalPolicy().tiers().get(0).role());
    assertEquals(LocalDate.of(2019, 10, 1),
        suspended.allocation().randomisation().orElseThrow().suspendedFrom().orElseThrow());
    assertEquals(randomised.allocation().randomisation().orElseThrow().seed(),
        suspended.allocation().randomisation().orElseThrow().seed());
  }
}
