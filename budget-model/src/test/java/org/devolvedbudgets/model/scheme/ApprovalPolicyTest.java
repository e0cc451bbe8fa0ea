package org.devolvedbudgets.model.scheme;

import static org.devolvedbudgets.model.scheme.Fixtures.codesAndPaths;
import static org.devolvedbudgets.model.scheme.Fixtures.gbp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.NullPointerTester;
import java.util.List;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.PeriodPolicy;
import org.junit.jupiter.api.Test;

class ApprovalPolicyTest {

  @Test
  void aTierCoversAmountsUpToAndIncludingItsLimit() {
    ApprovalTier worker = ApprovalTier.upTo(ApprovalRole.SOCIAL_WORKER, gbp("500.00"));
    assertTrue(worker.covers(50_000));
    assertTrue(worker.covers(1));
    assertFalse(worker.covers(50_001));
    assertFalse(worker.covers(Long.MAX_VALUE));
    ApprovalTier top = ApprovalTier.unlimited(ApprovalRole.DIRECTOR);
    assertTrue(top.covers(Long.MAX_VALUE));
    assertEquals(worker, ApprovalTier.upTo(ApprovalRole.SOCIAL_WORKER, gbp("500.00")));
  }

  @Test
  void holdsTiersLowestFirstWithAnOptionalCumulativeThreshold() {
    ApprovalPolicy policy = ApprovalPolicy.builder()
        .from(Fixtures.ownAuthorityUpTo500())
        .cumulativeThreshold(CumulativeThreshold.of(gbp("500.00"), PeriodPolicy.rollingDays(30)))
        .build();
    assertEquals(3, policy.tiers().size());
    assertEquals(ApprovalRole.SOCIAL_WORKER, policy.tiers().get(0).role());
    assertEquals(gbp("1000.00"), policy.tiers().get(1).upTo().orElseThrow());
    assertTrue(policy.tiers().get(2).upTo().isEmpty());
    assertEquals(PeriodPolicy.rollingDays(30), policy.cumulativeThreshold().orElseThrow().window());
  }

  @Test
  void reportsEveryBrokenTierAtOnceWithItsPath() {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> ApprovalPolicy.builder()
        .addTiers(ApprovalTier.upTo(ApprovalRole.TEAM_MANAGER, gbp("1000.00")))
        .addTiers(ApprovalTier.upTo(ApprovalRole.SOCIAL_WORKER, gbp("500.00")))
        .addTiers(ApprovalTier.unlimited(ApprovalRole.HEAD_OF_SERVICE))
        .addTiers(ApprovalTier.upTo(ApprovalRole.DIRECTOR, Money.parse("EUR 9000.00")))
        .cumulativeThreshold(CumulativeThreshold.of(Money.parse("EUR 500.00"), PeriodPolicy.rollingDays(30)))
        .build());
    assertEquals(List.of(
            "TIER_ROLES_NOT_ASCENDING approvalPolicy.tiers[1].role",
            "TIER_LIMITS_NOT_ASCENDING approvalPolicy.tiers[1].upTo",
            "UNLIMITED_TIER_NOT_LAST approvalPolicy.tiers[2].upTo",
            "CURRENCY_MISMATCH approvalPolicy.tiers[3].upTo",
            "CURRENCY_MISMATCH approvalPolicy.cumulativeThreshold.amount"),
        codesAndPaths(e));
    assertEquals("upTo GBP 500.00 must be above the tier below it, GBP 1000.00", e.problems().get(1).message());
    assertEquals("approvalPolicy.tiers[3].upTo EUR 9000.00 must be in GBP, the currency of the first limit",
        e.problems().get(3).message());
  }

  @Test
  void equalLimitsAreNotAscending() {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> ApprovalPolicy.builder()
        .addTiers(ApprovalTier.upTo(ApprovalRole.SOCIAL_WORKER, gbp("500.00")))
        .addTiers(ApprovalTier.upTo(ApprovalRole.TEAM_MANAGER, gbp("500.00")))
        .build());
    assertEquals(ProblemCode.TIER_LIMITS_NOT_ASCENDING, e.problems().get(0).code());
  }

  @Test
  void needsAtLeastOneTier() {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> ApprovalPolicy.builder().build());
    assertEquals(new ConfigurationProblem(ProblemCode.NO_APPROVAL_TIERS, "approvalPolicy.tiers",
        "tiers must not be empty"), e.problems().get(0));
  }

  @Test
  void tierLimitsAndThresholdsMustBePositive() {
    assertEquals(ProblemCode.TIER_LIMIT_NOT_POSITIVE, assertThrows(ConfigurationException.class,
        () -> ApprovalTier.upTo(ApprovalRole.TEAM_MANAGER, gbp("0.00"))).problems().get(0).code());
    ConfigurationException threshold = assertThrows(ConfigurationException.class,
        () -> CumulativeThreshold.of(gbp("-1.00"), PeriodPolicy.rollingDays(30)));
    assertEquals("[THRESHOLD_NOT_POSITIVE] approvalPolicy.cumulativeThreshold.amount: amount must be positive, "
        + "but was GBP -1.00", threshold.problems().get(0).toString());
  }

  @Test
  void rolesRiseInSeniority() {
    assertTrue(ApprovalRole.HEAD_OF_SERVICE.isAtLeast(ApprovalRole.TEAM_MANAGER));
    assertTrue(ApprovalRole.TEAM_MANAGER.isAtLeast(ApprovalRole.TEAM_MANAGER));
    assertFalse(ApprovalRole.SOCIAL_WORKER.isAtLeast(ApprovalRole.TEAM_MANAGER));
  }

  @Test
  void factoriesRejectNull() {
    NullPointerTester tester = new NullPointerTester()
        .setDefault(Money.class, gbp("1.00"))
        .setDefault(PeriodPolicy.class, PeriodPolicy.financialYear());
    tester.testAllPublicStaticMethods(ApprovalTier.class);
    tester.testAllPublicStaticMethods(CumulativeThreshold.class);
    tester.testAllPublicStaticMethods(AllocationPolicy.class);
    tester.testAllPublicInstanceMethods(ApprovalRole.TEAM_MANAGER);
  }
}
