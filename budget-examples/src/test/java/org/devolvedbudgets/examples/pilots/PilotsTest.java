package org.devolvedbudgets.examples.pilots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.PeriodPolicy;
import org.devolvedbudgets.model.scheme.AllocationMethod;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.Enforcement;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.rules.allocation.Allocations;
import org.devolvedbudgets.rules.allocation.Arm;
import org.junit.jupiter.api.Test;

class PilotsTest {

  @Test
  void hillingdonHasASoftThousandPoundLimitAboveAFiveHundredPoundAuthorityAndAHardGrant() {
    PilotConfiguration hillingdon = Pilots.hillingdon();

    assertEquals(List.of(Pilots.HILLINGDON_TEAM), List.copyOf(hillingdon.eligibleTeams()));
    assertEquals(Money.parse("GBP 1000.00"), hillingdon.allowances().get(0).cap());
    assertEquals(AllowanceScope.REQUEST, hillingdon.allowances().get(0).scope());
    assertEquals(Enforcement.SOFT, hillingdon.allowances().get(0).enforcement());
    assertEquals(Money.parse("GBP 400000.00"), hillingdon.allowances().get(1).cap());
    assertEquals(Enforcement.HARD, hillingdon.allowances().get(1).enforcement());
    assertEquals(Money.parse("GBP 500.00"), hillingdon.approvalPolicy().tiers().get(0).upTo().orElseThrow());
    assertEquals(ApprovalRole.HEAD_OF_SERVICE, hillingdon.approvalPolicy().tiers().get(2).role());
    assertEquals(AllocationMethod.ALL_ELIGIBLE, hillingdon.allocation().method());
  }

  @Test
  void wiganHasFourThousandPoundsPerFamilyPerFinancialYearForTwoTeams() {
    PilotConfiguration wigan = Pilots.wigan();

    assertEquals(2, wigan.eligibleTeams().size());
    assertEquals(Money.parse("GBP 4000.00"), wigan.allowances().get(0).cap());
    assertEquals(AllowanceScope.FAMILY, wigan.allowances().get(0).scope());
    assertEquals(PeriodPolicy.financialYear(), wigan.allowances().get(0).period());
  }

  @Test
  void darlingtonIsRandomisedByAgeBandWithTenThousandPoundsPerFamilyAndManagerApproval() {
    PilotConfiguration darlington = Pilots.darlington();

    assertTrue(darlington.allTeamsEligible());
    assertEquals(AllocationMethod.RANDOMISED, darlington.allocation().method());
    assertEquals(Pilots.DARLINGTON_STRATA, darlington.allocation().randomisation().orElseThrow().strata());
    assertEquals(Money.parse("GBP 10000.00"), darlington.allowances().get(0).cap());
    assertEquals(PeriodPolicy.wholePilot(), darlington.allowances().get(0).period());
    assertEquals(1, darlington.approvalPolicy().tiers().size());
    assertEquals(ApprovalRole.TEAM_MANAGER, darlington.approvalPolicy().tiers().get(0).role());
  }

  @Test
  void suspendingDarlingtonsRandomisationAddsASecondVersion() {
    LocalDate october = LocalDate.of(2019, 10, 1);

    var history = Pilots.darlingtonWithRandomisationSuspended(october);

    assertEquals(2, history.versions().size());
    assertEquals(1, history.inForceOn(october.minusDays(1)).version());
    assertEquals(october, history.inForceOn(october).allocation().randomisation().orElseThrow().suspendedFrom()
        .orElseThrow());
    assertEquals("from must be after 2019-04-01 and before 2020-04-01, but was 2019-04-01",
        assertThrows(IllegalArgumentException.class,
            () -> Pilots.darlingtonWithRandomisationSuspended(Pilots.TERM.start())).getMessage());
  }

  @Test
  void sitesNameTheirTeamsWorkersManagersAndFamilies() {
    PilotSite wigan = PilotSite.wigan();

    assertEquals(List.of(Pilots.WIGAN_REUNIFICATION, Pilots.WIGAN_EDGE_OF_CARE), wigan.teams());
    assertEquals("wig-reu-sw1", wigan.socialWorkers(Pilots.WIGAN_REUNIFICATION).get(0).value());
    assertEquals("wig-eoc-tm", wigan.teamManager(Pilots.WIGAN_EDGE_OF_CARE).workerId().value());
    assertEquals(ApprovalRole.HEAD_OF_SERVICE, wigan.approverFor(ApprovalRole.SERVICE_MANAGER,
        Pilots.WIGAN_EDGE_OF_CARE).role());
    assertEquals(List.of(FamilyId.of("wig-reu-f1"), FamilyId.of("wig-reu-f2"), FamilyId.of("wig-reu-f3")),
        wigan.families(Pilots.WIGAN_REUNIFICATION));
    assertEquals(List.of("Hillingdon", "Wigan", "Darlington"),
        PilotSite.all().stream().map(PilotSite::name).toList());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> wigan.socialWorkers(TeamId.of("hillingdon-vat")));
    assertTrue(e.getMessage().contains("hillingdon-vat"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> wigan.approverFor(ApprovalRole.SOCIAL_WORKER,
        Pilots.WIGAN_REUNIFICATION));
  }

  @Test
  void darlingtonsCanonicalFamiliesFallInTheArmsTheScenariosRelyOn() {
    var randomisation = Pilots.darlington().allocation().randomisation().orElseThrow();

    assertEquals(Arm.TREATMENT, Allocations.randomArm(randomisation, FamilyId.of("dar-saf-f1")));
    assertEquals(Arm.TREATMENT, Allocations.randomArm(randomisation, FamilyId.of("dar-cic-f2")));
    assertEquals(Arm.TREATMENT, Allocations.randomArm(randomisation, FamilyId.of("dar-cic-f3")));
    assertEquals(Arm.CONTROL, Allocations.randomArm(randomisation, FamilyId.of("dar-ass-f1")));
    assertEquals(Arm.CONTROL, Allocations.randomArm(randomisation, FamilyId.of("dar-saf-f2")));
  }
}
