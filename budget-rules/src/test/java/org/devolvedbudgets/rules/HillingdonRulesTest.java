package org.devolvedbudgets.rules;

import static org.devolvedbudgets.rules.TestPilots.PER_REQUEST;
import static org.devolvedbudgets.rules.TestPilots.VAT;
import static org.devolvedbudgets.rules.TestPilots.gbp;
import static org.devolvedbudgets.rules.TestPilots.hillingdon;
import static org.devolvedbudgets.rules.TestPilots.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.Enforcement;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.rules.position.BudgetPosition;
import org.junit.jupiter.api.Test;

/** Hillingdon: a worker's own authority up to £500, a team manager up to £1,000, exceptions above. */
class HillingdonRulesTest {

  private static Decision decide(String amount) {
    return SpendRules.decide(hillingdon(), request(VAT, amount).build(), BudgetPosition.empty());
  }

  @Test
  void approvesAMealOutAtOnceWithinTheWorkersOwnAuthority() {
    Decision decision = decide("113.00"); // the pilot's median purchase
    assertEquals(Outcome.APPROVED, decision.outcome());
    assertEquals(List.of(), decision.findings());
    assertEquals(Optional.empty(), decision.requiredRole());
    assertEquals(1, decision.configurationVersion());
    assertEquals(Outcome.APPROVED, decide("9.40").outcome()); // the smallest purchase observed
  }

  @Test
  void fiveHundredPoundsIsTheWorkersOwnAuthorityAndAPennyMoreNeedsATeamManager() {
    assertEquals(Outcome.APPROVED, decide("500.00").outcome());
    Decision over = decide("500.01");
    assertEquals(Outcome.NEEDS_APPROVAL, over.outcome());
    assertEquals(Optional.of(ApprovalRole.TEAM_MANAGER), over.requiredRole());
    assertEquals(1, over.requiredTier());
    assertEquals(List.of(FindingCode.APPROVAL_REQUIRED), over.codes());
    assertEquals("£500.01 is over the £500.00 a social worker may approve on their own, so a team manager must "
        + "approve.", over.findings().get(0).message());
  }

  @Test
  void aThousandPoundsNeedsATeamManagerAndAPennyMoreIsAnException() {
    Decision limit = decide("1000.00");
    assertEquals(Outcome.NEEDS_APPROVAL, limit.outcome());
    assertEquals(List.of(FindingCode.APPROVAL_REQUIRED), limit.codes());
    Decision over = decide("1000.01");
    assertEquals(Outcome.NEEDS_APPROVAL, over.outcome());
    assertEquals(Optional.of(ApprovalRole.HEAD_OF_SERVICE), over.requiredRole());
    assertEquals(List.of(FindingCode.SOFT_CAP_EXCEEDED, FindingCode.APPROVAL_REQUIRED), over.codes());
  }

  @Test
  void theLargestObservedPurchaseOfEighteenHundredPoundsGoesToAHeadOfServiceAsAnException() {
    Decision decision = decide("1800.00");
    assertEquals(Outcome.NEEDS_APPROVAL, decision.outcome());
    assertEquals(Optional.of(ApprovalRole.HEAD_OF_SERVICE), decision.requiredRole());
    assertEquals(2, decision.requiredTier());
    Finding exception = decision.findings().get(0);
    assertEquals(FindingCode.SOFT_CAP_EXCEEDED, exception.code());
    assertEquals("£1,800.00 is over the £1,000.00 limit per request (Per request); as an exception it needs "
        + "approval by a head of service.", exception.message());
    Figures figures = exception.figures().orElseThrow();
    assertEquals(gbp("1000.00"), figures.limit());
    assertEquals(gbp("1800.00"), figures.requested());
    assertEquals(Optional.of(ApprovalRole.HEAD_OF_SERVICE), exception.role());
  }

  @Test
  void aHardThousandPoundLimitAllowsExactlyAThousandAndDeclinesAPennyMore() {
    PilotConfiguration hard = PilotConfiguration.builder().from(hillingdon())
        .allowances(List.of(Allowance.builder().from(hillingdon().allowances().get(0))
            .enforcement(Enforcement.HARD).build()))
        .build();
    assertEquals(Outcome.NEEDS_APPROVAL,
        SpendRules.decide(hard, request(VAT, "1000.00").build(), BudgetPosition.empty()).outcome());
    Decision over = SpendRules.decide(hard, request(VAT, "1000.01").build(), BudgetPosition.empty());
    assertEquals(Outcome.DECLINED, over.outcome());
    assertEquals(List.of(FindingCode.EXCEEDS_REQUEST_CAP, FindingCode.APPROVAL_REQUIRED), over.codes());
    assertEquals("£1,000.01 is over the £1,000.00 limit per request (" + PER_REQUEST + ").",
        over.findings().get(0).message());
    assertEquals(Optional.empty(), over.requiredRole());
  }

  @Test
  void messagesNeverRepeatTheFreeTextDescription() {
    for (String amount : List.of("0.00", "500.01", "1800.00")) {
      for (Finding finding : decide(amount).findings()) {
        assertTrue(!finding.message().contains("Jo") && !finding.message().contains("Cinema"), finding::message);
      }
    }
  }
}
