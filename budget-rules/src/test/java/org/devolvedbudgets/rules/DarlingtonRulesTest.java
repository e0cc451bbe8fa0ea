package org.devolvedbudgets.rules;

import static org.devolvedbudgets.rules.TestPilots.DARLINGTON_FAMILY;
import static org.devolvedbudgets.rules.TestPilots.DARLINGTON_TEAM;
import static org.devolvedbudgets.rules.TestPilots.FAMILY;
import static org.devolvedbudgets.rules.TestPilots.SUSPENDED_FROM;
import static org.devolvedbudgets.rules.TestPilots.darlington;
import static org.devolvedbudgets.rules.TestPilots.darlingtonRandomisation;
import static org.devolvedbudgets.rules.TestPilots.darlingtonSuspended;
import static org.devolvedbudgets.rules.TestPilots.gbp;
import static org.devolvedbudgets.rules.TestPilots.on;
import static org.devolvedbudgets.rules.TestPilots.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.period.PeriodPolicy;
import org.devolvedbudgets.model.scheme.AgeBand;
import org.devolvedbudgets.model.scheme.AllocationMethod;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.devolvedbudgets.rules.allocation.Allocations;
import org.devolvedbudgets.rules.allocation.Arm;
import org.devolvedbudgets.rules.position.BudgetPosition;
import org.devolvedbudgets.rules.position.Usage;
import org.junit.jupiter.api.Test;

/** Darlington: £10,000 per family with managerial approval, families randomised until suspension. */
class DarlingtonRulesTest {

  private static final ConfigurationHistory HISTORY =
      ConfigurationHistory.of(List.of(darlington(), darlingtonSuspended()));

  /** The first family ids the seed puts in each arm, found by re-deriving arms. */
  private static FamilyId firstIn(Arm arm) {
    for (int i = 1; ; i++) {
      FamilyId family = FamilyId.of("F-" + i);
      if (Allocations.randomArm(darlingtonRandomisation(), family) == arm) {
        return family;
      }
    }
  }

  private static Decision decide(FamilyId family, String amount, LocalDate day, BudgetPosition position) {
    SpendRequest request = request(DARLINGTON_TEAM, amount).familyId(family)
        .requestedAt(on(day.getYear(), day.getMonthValue(), day.getDayOfMonth())).build();
    return SpendRules.decide(HISTORY, request, position);
  }

  @Test
  void everySpendNeedsATeamManagerUpToTenThousandPoundsPerFamily() {
    FamilyId treated = firstIn(Arm.TREATMENT);
    AllocationRecord record = Allocations.allocate(darlington(), treated, 7, LocalDate.of(2019, 5, 1));
    assertEquals(Arm.TREATMENT, record.arm());
    assertEquals(Optional.of(AgeBand.of(5, 9)), record.stratum());
    BudgetPosition position = BudgetPosition.builder().allocation(record).build();

    Decision small = decide(treated, "50.00", LocalDate.of(2019, 6, 3), position);
    assertEquals(Outcome.NEEDS_APPROVAL, small.outcome());
    assertEquals(Optional.of(ApprovalRole.TEAM_MANAGER), small.requiredRole());
    assertEquals("Every spend in this scheme needs approval by a team manager.", small.findings().get(0).message());

    assertEquals(Outcome.NEEDS_APPROVAL, decide(treated, "10000.00", LocalDate.of(2019, 6, 3), position).outcome());
    Decision over = decide(treated, "10000.01", LocalDate.of(2019, 6, 3), position);
    assertEquals(Outcome.DECLINED, over.outcome());
    assertEquals(List.of(FindingCode.EXCEEDS_FAMILY_ALLOWANCE, FindingCode.APPROVAL_REQUIRED), over.codes());
    assertEquals("£10,000.01 would take family " + treated + " over the £10,000.00 limit 'Per family': £0.00 spent "
        + "and £0.00 reserved leave £10,000.00.", over.findings().get(0).message());
    assertEquals(Optional.empty(), over.findings().get(0).figures().orElseThrow().resetsOn());
  }

  @Test
  void aFamilyWithoutAnAllocationOrInTheControlArmHasNoBudget() {
    Decision unallocated = decide(FAMILY, "50.00", LocalDate.of(2019, 6, 3), BudgetPosition.empty());
    assertEquals(Outcome.DECLINED, unallocated.outcome());
    assertEquals(List.of(FindingCode.FAMILY_NOT_ALLOCATED, FindingCode.APPROVAL_REQUIRED), unallocated.codes());
    assertEquals("Family F-000123 has not been allocated a budget under this scheme.",
        unallocated.findings().get(0).message());

    FamilyId control = firstIn(Arm.CONTROL);
    AllocationRecord record = Allocations.allocate(darlington(), control, 3, LocalDate.of(2019, 5, 1));
    assertEquals(Arm.CONTROL, record.arm());
    Decision controlled = decide(control, "50.00", LocalDate.of(2019, 6, 3),
        BudgetPosition.builder().allocation(record).build());
    assertEquals(Outcome.DECLINED, controlled.outcome());
    assertEquals("Family " + control + " was allocated to the control arm on 1 May 2019 and keeps that arm, so "
        + "has no budget.", controlled.findings().get(0).message());
  }

  @Test
  void afterSuspensionNewFamiliesAreAllocatedWithoutRandomisationAndEarlierFamiliesKeepTheirArm() {
    FamilyId control = firstIn(Arm.CONTROL);
    AllocationRecord before = Allocations.allocate(darlington(), control, 12, LocalDate.of(2019, 9, 30));
    assertEquals(Arm.CONTROL, before.arm());

    LocalDate afterSuspension = LocalDate.of(2019, 11, 4);
    assertEquals(2, HISTORY.inForceOn(afterSuspension).version());

    // A family allocated to control before the suspension keeps its arm when it asks afterwards.
    Decision kept = decide(control, "50.00", afterSuspension, BudgetPosition.builder().allocation(before).build());
    assertEquals(Outcome.DECLINED, kept.outcome());
    assertEquals(FindingCode.FAMILY_NOT_ALLOCATED, kept.findings().get(0).code());
    assertEquals(2, kept.configurationVersion());

    // The same family id, were it new after the suspension, would be allocated without randomisation.
    AllocationRecord fresh = Allocations.allocate(HISTORY.inForceOn(afterSuspension), control, 12, afterSuspension);
    assertEquals(Arm.NOT_RANDOMISED, fresh.arm());
    assertEquals(AllocationMethod.DISCRETIONARY, fresh.method());
    assertEquals(Optional.of(AgeBand.of(10, 16)), fresh.stratum());
    Decision allowed = decide(control, "50.00", afterSuspension, BudgetPosition.builder().allocation(fresh).build());
    assertEquals(Outcome.NEEDS_APPROVAL, allowed.outcome());
  }

  @Test
  void aSiblingGroupSharesTheFamilyAllowance() {
    FamilyId treated = firstIn(Arm.TREATMENT);
    AllocationRecord record = Allocations.allocate(darlington(), treated, 2, LocalDate.of(2019, 5, 1));
    BudgetPosition position = BudgetPosition.builder().allocation(record)
        .usage(TestPilots.DARLINGTON_FAMILY_ID, treated, Usage.of(
            PeriodPolicy.wholePilot().periodContaining(LocalDate.of(2019, 6, 3), TestPilots.TERM),
            gbp("9000.00"), gbp("500.00")))
        .build();
    Decision decision = decide(treated, "600.00", LocalDate.of(2019, 6, 3), position);
    assertEquals(Outcome.DECLINED, decision.outcome());
    assertEquals(gbp("500.00"), decision.findings().get(0).figures().orElseThrow().remaining());
  }

  @Test
  void allocationRejectsAnAgeOutsideEveryStratumAndADateOutsideTheTerm() {
    assertEquals("childAge 17 is in no stratum of [0-4, 5-9, 10-16]", assertThrows(IllegalArgumentException.class,
        () -> Allocations.allocate(darlington(), FAMILY, 17, LocalDate.of(2019, 5, 1))).getMessage());
    assertEquals("childAge must be 0 to 25, but was -1", assertThrows(IllegalArgumentException.class,
        () -> Allocations.allocate(darlington(), FAMILY, -1, LocalDate.of(2019, 5, 1))).getMessage());
    assertEquals("date 2021-04-01 is outside the term Period[2019-04-01, 2021-04-01)",
        assertThrows(IllegalArgumentException.class,
            () -> Allocations.allocate(darlington(), FAMILY, 5, LocalDate.of(2021, 4, 1))).getMessage());
  }
}
