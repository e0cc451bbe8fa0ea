package org.devolvedbudgets.model.scheme;

import static org.devolvedbudgets.model.scheme.Fixtures.TERM_2019;
import static org.devolvedbudgets.model.scheme.Fixtures.codesAndPaths;
import static org.devolvedbudgets.model.scheme.Fixtures.gbp;
import static org.devolvedbudgets.model.scheme.Fixtures.minimalConfiguration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.period.PeriodPolicy;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.Subcategory;
import org.junit.jupiter.api.Test;

class PilotConfigurationTest {

  @Test
  void defaultsAllowEveryCategoryAllEligibleFamiliesNoCashAndRefundsThatRestoreTheAllowance() {
    PilotConfiguration config = minimalConfiguration().build();
    assertEquals(EnumSet.allOf(SpendCategory.class), config.allowedCategories());
    assertEquals(AllocationPolicy.allEligible(), config.allocation());
    assertFalse(config.cashAllowed());
    assertFalse(config.allTeamsEligible());
    assertEquals(Set.of(), config.blockedSubcategories());
    assertEquals(List.of(), config.allowances());
    assertTrue(config.refundRestoresAllowance());
    assertFalse(minimalConfiguration().refundRestoresAllowance(false).build().refundRestoresAllowance());
  }

  @Test
  void reportsEveryProblemAtOnceEachWithCodeAndPath() {
    Allowance euros = Allowance.builder().id(AllowanceId.of("per-family"))
        .name("Per family").cap(Money.parse("EUR 4000.00"))
        .scope(AllowanceScope.FAMILY).build();
    Allowance pounds = Allowance.builder().id(AllowanceId.of("per-family")).name("Per family").cap(gbp("4000.00"))
        .scope(AllowanceScope.FAMILY).build();
    ApprovalPolicy euroPolicy = ApprovalPolicy.builder()
        .addTiers(ApprovalTier.upTo(ApprovalRole.SOCIAL_WORKER, Money.parse("EUR 500.00")))
        .addTiers(ApprovalTier.unlimited(ApprovalRole.TEAM_MANAGER))
        .build();
    Randomisation suspendedLate = Randomisation.builder().seed(7L).suspendedFrom(LocalDate.of(2020, 4, 1)).build();

    ConfigurationException e = assertThrows(ConfigurationException.class, () -> minimalConfiguration()
        .council("")
        .version(0)
        .effectiveFrom(LocalDate.of(2020, 4, 1))
        .addAllowances(euros, pounds)
        .approvalPolicy(euroPolicy)
        .allTeamsEligible(true)
        .allowedCategories(Set.of())
        .allocation(AllocationPolicy.randomised(suspendedLate))
        .build());

    assertEquals(List.of(
            "TEXT_INVALID council",
            "VERSION_INVALID version",
            "EFFECTIVE_DATE_AFTER_TERM effectiveFrom",
            "CURRENCY_MISMATCH allowances[0].cap",
            "DUPLICATE_ALLOWANCE_ID allowances[1].id",
            "DUPLICATE_ALLOWANCE_NAME allowances[1].name",
            "CURRENCY_MISMATCH approvalPolicy.tiers[0].upTo",
            "ELIGIBILITY_CONTRADICTORY eligibleTeams",
            "NO_ALLOWED_CATEGORIES allowedCategories",
            "SUSPENSION_OUTSIDE_TERM allocation.randomisation.suspendedFrom"),
        codesAndPaths(e));
    assertEquals("allowances[0].cap EUR 4000.00 must be in GBP, the scheme's currency", e.problems().get(3).message());
    assertEquals("effectiveFrom 2020-04-01 must be before the end of the term Period[2019-04-01, 2020-04-01)",
        e.problems().get(2).message());
    assertTrue(e.getMessage().startsWith("PilotConfiguration has 10 problems: [TEXT_INVALID] council: "),
        e.getMessage());
  }

  @Test
  void namesRefuseBidirectionalOverridesAndDatesMustBeSupported() {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> minimalConfiguration()
        .council("Wigan\u202e")
        .schemeId(SchemeId.of("devolved-budget"))
        .scheme("Devolved\u2066budget")
        .effectiveFrom(LocalDate.of(1066, 10, 14))
        .term(BudgetPeriod.of(LocalDate.of(1066, 10, 14), LocalDate.MAX))
        .build());
    assertEquals(List.of("TEXT_INVALID council", "TEXT_INVALID scheme", "DATE_NOT_SUPPORTED effectiveFrom",
        "DATE_NOT_SUPPORTED term.start", "DATE_NOT_SUPPORTED term.end"), codesAndPaths(e));
    assertTrue(e.problems().get(0).message().endsWith("but was 6 characters with U+202E at index 5"),
        e.problems().get(0).message());
    assertThrows(ConfigurationException.class, () -> Allowance.builder().id(AllowanceId.of("per-family"))
        .name("Per\u200ffamily").cap(gbp("1.00"))
        .scope(AllowanceScope.FAMILY).build());
  }

  @Test
  void someTeamMustBeEligible() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> PilotConfiguration.builder().from(minimalConfiguration().build()).eligibleTeams(Set.of()).build());
    assertEquals(new ConfigurationProblem(ProblemCode.NO_ELIGIBLE_TEAMS, "eligibleTeams",
        "no team is eligible: list at least one or set allTeamsEligible(true)"), e.problems().get(0));
  }

  @Test
  void aNewVersionIsACopyWithChanges() {
    PilotConfiguration first = minimalConfiguration().build();
    PilotConfiguration second = PilotConfiguration.builder().from(first)
        .version(2).effectiveFrom(LocalDate.of(2019, 10, 1))
        .addEligibleTeams(TeamId.of("team-b"))
        .addBlockedSubcategories(Subcategory.RENT_ARREARS)
        .build();
    assertEquals(1, first.version());
    assertEquals(2, second.version());
    assertEquals(Set.of(TeamId.of("team-a"), TeamId.of("team-b")), second.eligibleTeams());
    assertEquals(first.term(), second.term());
    assertFalse(first.equals(second));
  }

  @Test
  void namesMissingAttributes() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> PilotConfiguration.builder().council("x").build());
    for (String attribute : List.of("scheme", "version", "effectiveFrom", "currency", "term", "approvalPolicy")) {
      assertTrue(e.getMessage().contains(attribute), () -> attribute + " missing from: " + e.getMessage());
    }
  }

  @Test
  void anAllowanceMayUseAnyPeriodPolicy() {
    for (PeriodPolicy period : List.of(PeriodPolicy.financialYear(), PeriodPolicy.calendarYear(),
        PeriodPolicy.rollingDays(365), PeriodPolicy.wholePilot())) {
      PilotConfiguration config = minimalConfiguration()
          .addAllowances(Allowance.builder().id(AllowanceId.of("per-family"))
              .name("Per family").cap(gbp("4000.00")).scope(AllowanceScope.FAMILY)
              .period(period).build())
          .build();
      assertEquals(period, config.allowances().get(0).period());
      assertTrue(config.allowances().get(0).period().periodContaining(LocalDate.of(2019, 6, 1), TERM_2019)
          .contains(LocalDate.of(2019, 6, 1)));
    }
  }
}
