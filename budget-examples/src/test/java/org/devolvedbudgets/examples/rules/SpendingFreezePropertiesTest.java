package org.devolvedbudgets.examples.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import org.devolvedbudgets.examples.generators.DomainGenerators;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.scheme.SpendingFreeze;
import org.devolvedbudgets.rules.Decision;
import org.devolvedbudgets.rules.FindingCode;
import org.devolvedbudgets.rules.Fingerprint;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.SpendRules;
import org.devolvedbudgets.rules.position.BudgetPosition;
import org.junit.jupiter.api.Test;

/** What a spending freeze may and may not let through, over generated schemes and requests. */
class SpendingFreezePropertiesTest {

  @Test
  void aFrozenSchemeApprovesNothingOutsideTheSafeguardingListWithoutTheNamedRole() {
    qt().withExamples(300).forAll(DomainGenerators.frozenConfigurations()).checkAssert(frozen -> {
      SpendingFreeze freeze = frozen.spendingFreeze().orElseThrow();
      PilotConfiguration open = PilotConfiguration.builder().from(frozen).spendingFreeze(java.util.Optional.empty())
          .build();
      qt().withExamples(30).forAll(DomainGenerators.spendRequests(frozen)).checkAssert(request -> {
        Decision decision = SpendRules.decide(frozen, request, BudgetPosition.empty());
        Decision unfrozen = SpendRules.decide(open, request, BudgetPosition.empty());
        if (freeze.isSafeguarding(request.subcategory())) {
          assertEquals(unfrozen, decision, "a safeguarding spend is decided as if there were no freeze");
          return;
        }
        assertNotEquals(Outcome.APPROVED, decision.outcome(), decision::toString);
        if (freeze.approvedBy().isEmpty()) {
          assertEquals(Outcome.DECLINED, decision.outcome(), decision::toString);
          assertTrue(decision.codes().contains(FindingCode.SPENDING_FROZEN), decision::toString);
        } else if (decision.outcome() == Outcome.NEEDS_APPROVAL) {
          ApprovalRole named = freeze.approvedBy().get();
          assertTrue(decision.requiredRole().orElseThrow().isAtLeast(named), decision::toString);
          assertTrue(decision.codes().contains(FindingCode.FREEZE_APPROVAL_REQUIRED), decision::toString);
        }
      });
    });
  }

  @Test
  void aVersionWithoutAFreezeKeepsTheFingerprintItHadAndAFreezeChangesIt() {
    qt().withExamples(200).forAll(DomainGenerators.frozenConfigurations()).checkAssert(frozen -> {
      PilotConfiguration open = PilotConfiguration.builder().from(frozen).spendingFreeze(java.util.Optional.empty())
          .build();
      assertTrue(!Fingerprint.canonicalForm(open).contains("spendingFreeze"), "no freeze, no freeze line");
      assertNotEquals(Fingerprint.of(open), Fingerprint.of(frozen));
    });
  }
}
