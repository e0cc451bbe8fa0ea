package org.devolvedbudgets.examples.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.devolvedbudgets.examples.pilots.Pilots;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.Identifier;
import org.devolvedbudgets.model.money.CurrencyMismatchException;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.PaymentMethod;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.Subcategory;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.Decision;
import org.devolvedbudgets.rules.FindingCode;
import org.devolvedbudgets.rules.SpendRules;
import org.devolvedbudgets.rules.position.BudgetPosition;
import org.junit.jupiter.api.Test;

class DomainGeneratorsTest {

  @Test
  void amountsStayInRangeAndReachBothEnds() {
    Set<Long> seen = new HashSet<>();
    qt().withExamples(2_000).forAll(DomainGenerators.amounts(100_000)).checkAssert(amount -> {
      assertTrue(amount.hasCurrency(Pilots.GBP));
      assertTrue(amount.minorUnits() >= 1 && amount.minorUnits() <= 100_000, amount.toString());
      seen.add(amount.minorUnits());
    });
    assertTrue(seen.contains(1L) && seen.contains(100_000L), "1p and the maximum both appear");
    assertThrows(IllegalArgumentException.class, () -> DomainGenerators.amounts(Pilots.GBP, 5, 4));
  }

  @Test
  void identifiersAreAcceptedAndReachBothLengths() {
    Set<Integer> lengths = new HashSet<>();
    qt().withExamples(2_000).forAll(DomainGenerators.identifierValues()).checkAssert(value -> {
      assertEquals(value, FamilyId.of(value).value());
      lengths.add(value.length());
    });
    assertTrue(lengths.contains(1) && lengths.contains(Identifier.MAX_LENGTH), lengths.toString());
    qt().forAll(DomainGenerators.familyIds(), DomainGenerators.childIds(), DomainGenerators.teamIds(),
        DomainGenerators.workerIds()).checkAssert((family, child, team, worker) -> {
          assertNotNull(family);
          assertNotNull(child);
          assertNotNull(team);
          assertNotNull(worker);
        });
  }

  @Test
  void instantsFallInTheirPeriodAndIncludeTheFinancialYearEdges() {
    BudgetPeriod twoDays = BudgetPeriod.of(LocalDate.of(2020, 3, 31), LocalDate.of(2020, 4, 2));
    Set<LocalDateTime> seen = new HashSet<>();
    qt().withExamples(3_000).forAll(DomainGenerators.instantsIn(twoDays)).checkAssert(instant -> {
      LocalDateTime local = LocalDateTime.ofInstant(instant, BudgetPeriod.ZONE);
      assertTrue(twoDays.contains(local.toLocalDate()), local.toString());
      seen.add(local);
    });
    assertTrue(seen.contains(LocalDateTime.of(2020, 3, 31, 23, 59)));
    assertTrue(seen.contains(LocalDateTime.of(2020, 4, 1, 0, 0)));
  }

  @Test
  void datesIncludeTheFirstAndLastDay() {
    Set<LocalDate> seen = new HashSet<>();
    qt().withExamples(500).forAll(DomainGenerators.datesIn(Pilots.TERM)).checkAssert(seen::add);
    assertTrue(seen.contains(Pilots.TERM.start()) && seen.contains(Pilots.TERM.end().minusDays(1)));
  }

  @Test
  void configurationsAreValidAndEveryRequestForThemGetsADecision() {
    qt().withExamples(300).forAll(DomainGenerators.configurations()).checkAssert(configuration -> {
      assertEquals(Pilots.GBP, configuration.currency());
      qt().withExamples(20).forAll(DomainGenerators.spendRequests(configuration)).checkAssert(request -> {
        assertTrue(configuration.term().contains(request.requestedOn()));
        assertTrue(configuration.allTeamsEligible() || configuration.eligibleTeams().contains(request.teamId()));
        Decision decision = SpendRules.decide(configuration, request, BudgetPosition.empty());
        assertTrue(!decision.codes().contains(FindingCode.CURRENCY_MISMATCH)
            && !decision.codes().contains(FindingCode.OUTSIDE_PILOT_DATES)
            && !decision.codes().contains(FindingCode.TEAM_NOT_ELIGIBLE), decision.toString());
      });
    });
  }

  @Test
  void theOtherValueGeneratorsMakeValidValues() {
    qt().withExamples(500).forAll(DomainGenerators.allowances(), DomainGenerators.approvalPolicies(),
        DomainGenerators.randomisations(), DomainGenerators.ageBands()).checkAssert((allowance, policy, random, band) -> {
          assertTrue(allowance.cap().isPositive());
          assertTrue(policy.tiers().size() >= 1 && policy.tiers().size() <= 4);
          assertTrue(random.treatmentWeight() >= 1 && random.controlWeight() >= 1);
          assertTrue(band.youngest() <= band.oldest());
        });
    qt().forAll(DomainGenerators.budgetPeriods(), DomainGenerators.periodPolicies(), DomainGenerators.categories(),
        DomainGenerators.subcategories()).checkAssert((period, policy, category, subcategory) -> {
          assertTrue(period.start().isBefore(period.end()));
          assertNotNull(policy.periodContaining(period.start(), period));
          assertNotNull(category);
          assertNotNull(subcategory.category());
        });
    Set<Object> seen = new HashSet<>();
    qt().withExamples(500).forAll(DomainGenerators.paymentMethods(), DomainGenerators.approvalRoles(),
        DomainGenerators.categories()).checkAssert((method, role, category) -> {
          seen.add(method);
          seen.add(role);
          seen.add(category);
        });
    Set<Object> every = new HashSet<>(List.of(PaymentMethod.values()));
    every.addAll(List.of(ApprovalRole.values()));
    every.addAll(List.of(SpendCategory.values()));
    assertEquals(every, seen, "every payment method, role and category is generated");
    Set<Subcategory> subcategories = new HashSet<>();
    qt().withExamples(500).forAll(DomainGenerators.subcategories()).checkAssert(subcategories::add);
    assertEquals(Set.copyOf(Subcategory.standard()), subcategories);
  }

  @Test
  void invalidIdentifiersAreRejectedWithoutEchoingThem() {
    qt().withExamples(1_000).forAll(InvalidInputs.identifierValues()).checkAssert(value -> {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FamilyId.of(value));
      assertTrue(value.length() < 4 || !e.getMessage().contains(value), e.getMessage());
    });
  }

  @Test
  void invalidAmountsAreRejectedOrDeclined() {
    qt().forAll(InvalidInputs.amountTexts()).checkAssert(text ->
        assertThrows(IllegalArgumentException.class, () -> Money.parse(text), text));
    qt().forAll(InvalidInputs.overflowingPairs()).checkAssert(pair ->
        assertThrows(ArithmeticException.class, () -> pair.get(0).plus(pair.get(1))));
    qt().forAll(InvalidInputs.foreignAmounts()).checkAssert(amount ->
        assertThrows(CurrencyMismatchException.class, () -> amount.plus(Money.zero(Pilots.GBP))));
    qt().forAll(InvalidInputs.invertedDateRanges()).checkAssert(range ->
        assertThrows(IllegalArgumentException.class, () -> BudgetPeriod.of(range.get(0), range.get(1))));
    PilotConfiguration wigan = Pilots.wigan();
    qt().withExamples(200).forAll(InvalidInputs.nonPositiveAmounts(), DomainGenerators.spendRequests(wigan))
        .checkAssert((amount, request) -> {
          SpendRequest zero = SpendRequest.builder().from(request).amount(amount).build();
          assertTrue(SpendRules.decide(wigan, zero, BudgetPosition.empty()).codes()
              .contains(FindingCode.AMOUNT_NOT_POSITIVE));
        });
  }

  @Test
  void generatorsRejectNullArguments() {
    assertThrows(NullPointerException.class, () -> DomainGenerators.spendRequests(null));
    assertThrows(NullPointerException.class, () -> DomainGenerators.datesIn(null));
  }
}
