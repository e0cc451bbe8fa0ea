package org.devolvedbudgets.bench.naive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.devolvedbudgets.bench.Fixtures;
import org.devolvedbudgets.examples.generators.DomainGenerators;
import org.devolvedbudgets.examples.pilots.Pilots;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.scheme.AllocationMethod;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.Decision;
import org.devolvedbudgets.rules.Finding;
import org.devolvedbudgets.rules.FindingCode;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.SpendRules;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.devolvedbudgets.rules.allocation.Arm;
import org.devolvedbudgets.rules.position.BudgetPosition;
import org.devolvedbudgets.rules.position.Usage;
import org.devolvedbudgets.rules.position.UsageKey;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * The naive baseline is only a fair comparison if it decides like the library: same outcome, same finding codes
 * in the same order, same role. Checked on the benchmark's own requests, on the three pilots with generated
 * requests and positions, and on generated schemes.
 */
class NaiveSpendRulesTest {

  private static final List<PilotConfiguration> PILOTS = List.of(Pilots.hillingdon(), Pilots.wigan(),
      Pilots.darlington(), Pilots.darlingtonWithRandomisationSuspended(java.time.LocalDate.of(2019, 10, 1))
          .latest());

  @Test
  void decidesTheBenchmarkRequestsLikeTheLibrary() {
    Decision approved = assertSameDecision(Fixtures.WIGAN, Fixtures.approvedRequest(), Fixtures.approvedPosition());
    assertEquals(Outcome.APPROVED, approved.outcome());
    Decision declined = assertSameDecision(Fixtures.WIGAN, Fixtures.declinedRequest(), Fixtures.declinedPosition());
    assertEquals(List.of(FindingCode.TEAM_NOT_ELIGIBLE, FindingCode.CASH_NOT_ALLOWED,
        FindingCode.EXCEEDS_FAMILY_ALLOWANCE), codes(declined));
  }

  @Test
  void decidesThePilotsLikeTheLibrary() {
    Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
    Set<FindingCode> codes = EnumSet.noneOf(FindingCode.class);
    for (PilotConfiguration pilot : PILOTS) {
      qt().withExamples(2_000).forAll(cases(pilot)).checkAssert(sample -> {
        Decision decision = assertSameDecision(sample.configuration, sample.request, sample.position);
        outcomes.add(decision.outcome());
        codes.addAll(codes(decision));
      });
    }
    assertEquals(EnumSet.allOf(Outcome.class), outcomes, "every outcome is compared");
    // Generated requests come from eligible teams; the benchmark's declined request covers TEAM_NOT_ELIGIBLE.
    assertEquals(List.of(), EnumSet.of(FindingCode.FAMILY_NOT_ALLOCATED, FindingCode.CASH_NOT_ALLOWED,
        FindingCode.SOFT_CAP_EXCEEDED, FindingCode.EXCEEDS_FAMILY_ALLOWANCE, FindingCode.EXCEEDS_PILOT_BUDGET,
        FindingCode.APPROVAL_REQUIRED).stream().filter(code -> !codes.contains(code)).toList(),
        "findings never compared");
  }

  @Test
  void decidesGeneratedSchemesLikeTheLibrary() {
    Set<FindingCode> codes = EnumSet.noneOf(FindingCode.class);
    qt().withExamples(300).forAll(DomainGenerators.configurations()).checkAssert(configuration ->
        qt().withExamples(20).forAll(cases(configuration)).checkAssert(sample ->
            codes.addAll(codes(assertSameDecision(sample.configuration, sample.request, sample.position)))));
    Set<FindingCode> never = EnumSet.complementOf(EnumSet.copyOf(codes));
    never.removeAll(EnumSet.of(FindingCode.AMOUNT_NOT_POSITIVE, FindingCode.CURRENCY_MISMATCH,
        FindingCode.OUTSIDE_PILOT_DATES, FindingCode.TEAM_NOT_ELIGIBLE,
        // The naive baseline is the pilots' rules written with Moneta, for the benchmark; spending freezes, evidence
        // policies and repayable help are not among them, and generated schemes and requests have none
        // (DomainGenerators.frozenConfigurations() and evidenceConfigurations() do).
        FindingCode.SPENDING_FROZEN, FindingCode.FREEZE_APPROVAL_REQUIRED, FindingCode.EVIDENCE_OVERDUE,
        FindingCode.EVIDENCE_OVERDUE_APPROVAL_REQUIRED, FindingCode.MEANS_NOT_ASSESSED,
        FindingCode.REPAYMENT_WHILE_ON_BENEFITS));
    assertEquals(Set.of(), never, "findings never compared on generated schemes");
  }

  @Test
  void decidesMalformedAmountsAndDatesLikeTheLibrary() {
    for (PilotConfiguration pilot : PILOTS) {
      SpendRequest base = Fixtures.approvedRequest();
      List<SpendRequest> odd = List.of(
          SpendRequest.builder().from(base).amount(Money.parse("GBP 0.00")).build(),
          SpendRequest.builder().from(base).amount(Money.parse("GBP -5.00")).build(),
          SpendRequest.builder().from(base).amount(Money.parse("EUR 120.00")).build(),
          SpendRequest.builder().from(base).requestedAt(Instant.parse("2020-04-01T09:00:00Z")).build(),
          SpendRequest.builder().from(base).requestedAt(Instant.parse("2019-03-31T22:59:59Z")).build());
      for (SpendRequest request : odd) {
        assertSameDecision(pilot, request, BudgetPosition.empty());
      }
    }
  }

  private static Decision assertSameDecision(PilotConfiguration configuration, SpendRequest request,
      BudgetPosition position) {
    Decision expected = SpendRules.decide(configuration, request, position);
    NaiveDecision actual = NaiveSpendRules.decide(NaiveScheme.from(configuration), request,
        request.amount().toMonetaryAmount(), NaivePosition.from(configuration, position));
    String context = request + " under " + configuration.council() + " with " + position;
    assertEquals(expected.outcome(), actual.outcome(), context);
    assertEquals(codes(expected), actual.codes(), context);
    assertEquals(expected.requiredRole(), actual.requiredRole(), context);
    return expected;
  }

  private static List<FindingCode> codes(Decision decision) {
    List<FindingCode> codes = new ArrayList<>();
    for (Finding finding : decision.findings()) {
      codes.add(finding.code());
    }
    return codes;
  }

  /** A request that fits the scheme, and a position with random usage of each allowance it counts against. */
  private static final class Case {
    final PilotConfiguration configuration;
    final SpendRequest request;
    final BudgetPosition position;

    Case(PilotConfiguration configuration, SpendRequest request, BudgetPosition position) {
      this.configuration = configuration;
      this.request = request;
      this.position = position;
    }

    @Override
    public String toString() {
      return request + " with " + position;
    }
  }

  private static Gen<Case> cases(PilotConfiguration configuration) {
    Gen<SpendRequest> requests = DomainGenerators.spendRequests(configuration);
    return in -> {
      SpendRequest request = requests.generate(in);
      BudgetPosition.Builder position = BudgetPosition.builder();
      for (UsageKey key : SpendRules.usageKeys(configuration, request)) {
        long cap = configuration.allowances().stream()
            .filter(allowance -> allowance.id().equals(key.allowanceId())).findFirst().orElseThrow()
            .cap().minorUnits();
        position.usage(key, usage(in, configuration, key.period(), cap));
      }
      Optional<BudgetPeriod> window = SpendRules.cumulativeWindow(configuration, request);
      if (window.isPresent()) {
        long threshold = configuration.approvalPolicy().cumulativeThreshold().orElseThrow().amount().minorUnits();
        position.familyWindow(usage(in, configuration, window.get(), threshold));
      }
      AllocationMethod method = configuration.allocation().method();
      long allocation = pick(in, 0, 2);
      if (method != AllocationMethod.ALL_ELIGIBLE && allocation > 0) {
        Arm arm = method != AllocationMethod.RANDOMISED ? Arm.NOT_RANDOMISED
            : allocation == 1 ? Arm.TREATMENT : Arm.CONTROL;
        position.allocation(AllocationRecord.of(request.familyId(), method, arm, Optional.empty(),
            configuration.term().start()));
      }
      return new Case(configuration, request, position.build());
    };
  }

  /** Posted and reserved amounts each up to the limit, so a request may fit or break it. */
  private static Usage usage(RandomnessSource in, PilotConfiguration configuration, BudgetPeriod period,
      long limit) {
    return Usage.of(period, Money.ofMinor(configuration.currency(), pick(in, 0, limit)),
        Money.ofMinor(configuration.currency(), pick(in, 0, Math.max(0, limit / 4))));
  }

  private static long pick(RandomnessSource in, long low, long high) {
    return in.next(Constraint.between(low, high));
  }
}
