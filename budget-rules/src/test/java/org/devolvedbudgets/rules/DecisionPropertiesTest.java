package org.devolvedbudgets.rules;

import static org.devolvedbudgets.rules.Scenarios.scenarios;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.stream.Collectors;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.scheme.Enforcement;
import org.devolvedbudgets.rules.Scenarios.Scenario;
import org.devolvedbudgets.rules.position.BudgetPosition;
import org.devolvedbudgets.rules.position.RemainingBudget;
import org.devolvedbudgets.rules.position.Usage;
import org.junit.jupiter.api.Test;

/**
 * Laws of {@link SpendRules#decide}, over generated configurations, requests and positions. On failure
 * QuickTheories prints the seed ("Seed was ..."); replay with {@code qt().withFixedSeed(seed)}.
 */
class DecisionPropertiesTest {

  private static boolean decidable(Scenario s) {
    return s.request().amount().isPositive()
        && s.request().amount().hasCurrency(s.configuration().currency());
  }

  /** Whether some hard cap that counts this request would be exceeded, worked out independently. */
  private static boolean exceedsAHardCap(Scenario s) {
    if (!decidable(s)) {
      return false;
    }
    long amount = s.request().amount().minorUnits();
    boolean inTerm = s.configuration().term().contains(s.request().requestedOn());
    for (Allowance allowance : s.configuration().allowances()) {
      if (allowance.enforcement() != Enforcement.HARD || !SpendRules.countsAgainst(allowance, s.request())) {
        continue;
      }
      long cap = allowance.cap().minorUnits();
      if (allowance.scope() == AllowanceScope.REQUEST) {
        if (amount > cap) {
          return true;
        }
        continue;
      }
      if (!inTerm) {
        continue;
      }
      List<Usage> usages = holdersUsage(s, allowance);
      for (int i = 0; i < usages.size(); i++) {
        Usage usage = usages.get(i);
        // A child's share of an equal split: the whole part, and a penny more for the first amount % n children.
        long share = allowance.scope() != AllowanceScope.CHILD ? amount
            : amount / usages.size() + (i < amount % usages.size() ? 1 : 0);
        if (share > 0 && usage.posted().minorUnits() + usage.reserved().minorUnits() + share > cap) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<Usage> holdersUsage(Scenario s, Allowance allowance) {
    Money zero = Money.zero(s.configuration().currency());
    Usage none = Usage.of(s.configuration().term(), zero, zero);
    List<String> holders;
    switch (allowance.scope()) {
      case CHILD:
        holders = s.request().childIds().stream().map(c -> c.value()).collect(Collectors.toList());
        break;
      case FAMILY:
        holders = List.of(s.request().familyId().value());
        break;
      case TEAM:
        holders = List.of(s.request().teamId().value());
        break;
      default:
        holders = List.of(BudgetPosition.PILOT);
    }
    return holders.stream().map(h -> s.position().usage(allowance.id(), h).orElse(none))
        .collect(Collectors.toList());
  }

  @Test
  void decidesEveryWellFormedInputWithoutThrowing() {
    // Generated inputs include zero, negative and foreign-currency amounts, dates outside the term, ineligible
    // teams, blocked categories, cash, control-arm families and over-committed allowances.
    qt().forAll(scenarios()).checkAssert(s -> {
      Decision decision = s.decide();
      assertEquals(s.request().id(), decision.requestId());
      assertEquals(s.configuration().version(), decision.configurationVersion());
    });
  }

  @Test
  void everyDecisionCanBeRebuiltFromItsPartsThroughPublicFactories() {
    // What a store reading a journal back does: Decision.of, Finding.of and Figures.of accept every decision the
    // rules make and rebuild an equal one.
    qt().forAll(scenarios()).checkAssert(s -> {
      Decision decision = s.decide();
      List<Finding> findings = decision.findings().stream().map(finding -> Finding.of(finding.code(),
          finding.message(), finding.figures().map(f -> Figures.of(f.name(), f.limit(), f.spent(), f.reserved(),
              f.requested(), f.resetsOn().orElse(null))).orElse(null), finding.role().orElse(null)))
          .collect(Collectors.toList());
      assertEquals(decision, Decision.of(decision.requestId(), decision.outcome(), findings,
          decision.requiredRole().orElse(null), decision.requiredTier(), decision.configurationVersion()));
    });
  }

  @Test
  void neverApprovesWhenAHardCapWouldBeExceeded() {
    qt().forAll(scenarios()).checkAssert(s -> {
      Decision decision = s.decide();
      if (exceedsAHardCap(s)) {
        assertEquals(Outcome.DECLINED, decision.outcome(), decision::toString);
      }
    });
  }

  @Test
  void loweringTheAmountNeverMakesTheOutcomeStricter() {
    qt().forAll(scenarios().assuming(DecisionPropertiesTest::decidable), longs().between(1, 1000))
        .checkAssert((s, divisor) -> {
          Money lower = s.request().amount().dividedBy(divisor, java.math.RoundingMode.UP);
          Outcome higherOutcome = s.decide().outcome();
          Outcome lowerOutcome = s.withAmount(lower).decide().outcome();
          assertTrue(lowerOutcome.compareTo(higherOutcome) <= 0,
              () -> lower + " got " + lowerOutcome + " but " + s.request().amount() + " got " + higherOutcome);
        });
  }

  @Test
  void decideIsDeterministic() {
    qt().forAll(scenarios()).checkAssert(s -> {
      Decision first = s.decide();
      Decision second = s.decide();
      assertEquals(first.toString(), second.toString());
      assertEquals(first.findings().stream().map(Finding::message).collect(Collectors.toList()),
          second.findings().stream().map(Finding::message).collect(Collectors.toList()));
      assertEquals(first.requiredRole(), second.requiredRole());
    });
  }

  @Test
  void findingsComeInCodeOrderAndFitTheOutcome() {
    qt().forAll(scenarios()).checkAssert(s -> {
      Decision decision = s.decide();
      List<FindingCode> codes = decision.codes();
      assertEquals(codes.stream().sorted().collect(Collectors.toList()), codes);
      boolean declines = codes.stream().anyMatch(FindingCode::declines);
      switch (decision.outcome()) {
        case APPROVED:
          assertTrue(codes.isEmpty());
          assertTrue(decision.requiredRole().isEmpty());
          break;
        case NEEDS_APPROVAL:
          assertFalse(codes.isEmpty());
          assertFalse(declines);
          assertTrue(decision.requiredRole().isPresent());
          assertEquals(decision.requiredRole().get(),
              s.configuration().approvalPolicy().tiers().get(decision.requiredTier()).role());
          break;
        default:
          assertTrue(declines);
          assertTrue(decision.requiredRole().isEmpty());
      }
    });
  }

  @Test
  void messagesNeverContainTheRequestsFreeText() {
    qt().forAll(scenarios()).checkAssert(s -> {
      for (Finding finding : s.decide().findings()) {
        assertFalse(finding.message().contains(Scenarios.SECRET), finding::message);
        // amounts read £1,000.00, never in the developers' form GBP 1000.00
        assertFalse(finding.message().matches(".*[A-Z]{3} -?[0-9].*"), finding::message);
      }
    });
  }

  @Test
  void remainingIsLimitLessSpentLessReservedAndNeverNegative() {
    qt().forAll(scenarios().assuming(s -> s.configuration().term().contains(s.request().requestedOn())))
        .checkAssert(s -> {
          List<RemainingBudget> remaining = SpendRules.remainingBudget(s.configuration(), s.request().familyId(),
              s.request().requestedOn(), s.position());
          for (RemainingBudget budget : remaining) {
            Allowance allowance = s.configuration().allowances().stream()
                .filter(a -> a.id().equals(budget.allowanceId())).findFirst().orElseThrow();
            assertEquals(allowance.name(), budget.allowanceName());
            assertEquals(allowance.cap(), budget.limit());
            // spent and reserved are the position's usage for this allowance and holder, or nothing
            Money zero = Money.zero(s.configuration().currency());
            Usage usage = s.position().usage(budget.allowanceId(), budget.holder()).orElse(null);
            assertEquals(usage == null ? zero : usage.posted(), budget.spent(), budget::toString);
            assertEquals(usage == null ? zero : usage.reserved(), budget.reserved(), budget::toString);
            long expected = allowance.cap().minorUnits() - budget.spent().minorUnits()
                - budget.reserved().minorUnits();
            assertEquals(Math.max(0, expected), budget.remaining().minorUnits(), budget::toString);
          }
          for (Allowance allowance : s.configuration().allowances()) {
            long listed = remaining.stream().filter(b -> b.allowanceId().equals(allowance.id())).count();
            boolean perHolder = allowance.scope() == AllowanceScope.CHILD || allowance.scope() == AllowanceScope.TEAM;
            long expected = perHolder ? s.position().usagesOf(allowance.id()).size() : 1;
            assertEquals(expected, listed, allowance::toString);
          }
        });
  }

}
