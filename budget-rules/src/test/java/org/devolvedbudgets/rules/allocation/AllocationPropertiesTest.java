package org.devolvedbudgets.rules.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import javax.money.Monetary;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.scheme.AgeBand;
import org.devolvedbudgets.model.scheme.AllocationMethod;
import org.devolvedbudgets.model.scheme.AllocationPolicy;
import org.devolvedbudgets.model.scheme.ApprovalPolicy;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.ApprovalTier;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.scheme.Randomisation;
import org.junit.jupiter.api.Test;

/**
 * Randomised allocation is reproducible, honours the ratio and balances arms within strata. Each example
 * allocates thousands of families, so these properties run fewer examples than QuickTheories' default.
 */
class AllocationPropertiesTest {

  private static final LocalDate DAY = LocalDate.of(2019, 6, 1);

  private static PilotConfiguration randomised(Randomisation randomisation) {
    return PilotConfiguration.builder()
        .council("Darlington")
        .schemeId(SchemeId.of("randomised"))
        .scheme("Randomised").version(1).effectiveFrom(LocalDate.of(2019, 4, 1))
        .currency(Monetary.getCurrency("GBP"))
        .term(BudgetPeriod.of(LocalDate.of(2019, 4, 1), LocalDate.of(2020, 4, 1)))
        .addEligibleTeams(TeamId.of("team"))
        .allocation(AllocationPolicy.randomised(randomisation))
        .approvalPolicy(ApprovalPolicy.builder()
            .addTiers(ApprovalTier.unlimited(ApprovalRole.TEAM_MANAGER)).build())
        .build();
  }

  private static Randomisation settings(long seed, int treatment, int control) {
    return Randomisation.builder().seed(seed).treatmentWeight(treatment).controlWeight(control)
        .addStrata(AgeBand.of(0, 4), AgeBand.of(5, 9), AgeBand.of(10, 16)).build();
  }

  @Test
  void anyoneWithTheSeedReDerivesTheSameArm() {
    qt().forAll(longs().all(), integers().between(1, 1_000_000), integers().between(0, 16))
        .checkAssert((seed, n, age) -> {
          PilotConfiguration configuration = randomised(settings(seed, 1, 1));
          FamilyId family = FamilyId.of("F-" + n);
          AllocationRecord first = Allocations.allocate(configuration, family, age, DAY);
          AllocationRecord again = Allocations.allocate(randomised(settings(seed, 1, 1)), family, age, DAY);
          assertEquals(first, again);
          assertEquals(Allocations.randomArm(settings(seed, 1, 1), family), first.arm());
          assertEquals(AllocationMethod.RANDOMISED, first.method());
          assertTrue(first.stratum().orElseThrow().contains(age));
        });
  }

  @Test
  void treatmentShareIsWithinThreePercentagePointsOfTheRatioOverTenThousandFamilies() {
    qt().withExamples(20).forAll(longs().all(), integers().between(1, 4), integers().between(1, 4))
        .checkAssert((seed, treatment, control) -> {
          Randomisation randomisation = settings(seed, treatment, control);
          int treated = 0;
          for (int i = 0; i < 10_000; i++) {
            if (Allocations.randomArm(randomisation, FamilyId.of("F-" + i)) == Arm.TREATMENT) {
              treated++;
            }
          }
          double expected = 100.0 * treatment / (treatment + control);
          double actual = treated / 100.0;
          assertTrue(Math.abs(actual - expected) <= 3.0,
              () -> "treatment share " + actual + "% against a ratio of " + expected + "%");
        });
  }

  @Test
  void armsAreBalancedWithinEachStratum() {
    qt().withExamples(10).forAll(longs().all()).checkAssert(seed -> {
      PilotConfiguration configuration = randomised(settings(seed, 1, 1));
      Map<AgeBand, int[]> counts = new HashMap<>();
      for (int i = 0; i < 30_000; i++) {
        AllocationRecord record = Allocations.allocate(configuration, FamilyId.of("F-" + i), i % 17, DAY);
        int[] count = counts.computeIfAbsent(record.stratum().orElseThrow(), band -> new int[2]);
        count[record.arm() == Arm.TREATMENT ? 0 : 1]++;
      }
      assertEquals(3, counts.size());
      counts.forEach((band, count) -> {
        double share = 100.0 * count[0] / (count[0] + count[1]);
        assertTrue(Math.abs(share - 50.0) <= 3.0, () -> "stratum " + band + " has " + share + "% in treatment");
      });
    });
  }

  @Test
  void nonRandomisedSchemesGiveEveryFamilyABudgetWithoutAnArm() {
    PilotConfiguration all = PilotConfiguration.builder().from(randomised(settings(1, 1, 1)))
        .allocation(AllocationPolicy.allEligible()).build();
    AllocationRecord record = Allocations.allocate(all, FamilyId.of("F-1"), 5, DAY);
    assertEquals(Arm.NOT_RANDOMISED, record.arm());
    assertEquals(AllocationMethod.ALL_ELIGIBLE, record.method());
    assertTrue(record.stratum().isEmpty());
    assertEquals("AllocationRecord[F-1 ALL_ELIGIBLE NOT_RANDOMISED on 2019-06-01]", record.toString());
  }
}
