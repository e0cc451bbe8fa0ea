package org.devolvedbudgets.rules;

import static org.devolvedbudgets.rules.TestPilots.VAT;
import static org.devolvedbudgets.rules.TestPilots.base;
import static org.devolvedbudgets.rules.TestPilots.gbp;
import static org.devolvedbudgets.rules.TestPilots.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.id.ChildId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.PeriodPolicy;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.scheme.ApprovalPolicy;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.ApprovalTier;
import org.devolvedbudgets.model.scheme.CumulativeThreshold;
import org.devolvedbudgets.model.scheme.Enforcement;
import org.devolvedbudgets.model.scheme.EvidencePolicy;
import org.devolvedbudgets.model.scheme.EvidenceRequirement;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.scheme.SpendingFreeze;
import org.devolvedbudgets.model.spend.EvidenceKind;
import org.devolvedbudgets.model.spend.PaymentMethod;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.model.spend.Subcategory;
import org.devolvedbudgets.rules.position.BudgetPosition;
import org.devolvedbudgets.rules.position.OverdueEvidence;
import org.devolvedbudgets.rules.position.Usage;
import org.devolvedbudgets.rules.position.UsageKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every finding code, produced by a scenario that shows when it appears. */
class FindingCodesTest {

  private static final ChildId ELDER = ChildId.of("C-1");
  private static final ChildId YOUNGER = ChildId.of("C-2");

  /** A scheme with a cap at every scope, bounded approval tiers, a cumulative threshold and blocked spending. */
  static PilotConfiguration everything() {
    return base("Example", "Every rule")
        .addEligibleTeams(VAT)
        .addAllowances(
            Allowance.builder().id(AllowanceId.of("per-request")).name("Per request").cap(gbp("1000.00")).scope(AllowanceScope.REQUEST).build(),
            Allowance.builder().id(AllowanceId.of("per-child-per-year")).name("Per child per year").cap(gbp("300.00")).scope(AllowanceScope.CHILD)
                .period(PeriodPolicy.financialYear()).build(),
            Allowance.builder().id(AllowanceId.of("per-family-per-year")).name("Per family per year").cap(gbp("4000.00")).scope(AllowanceScope.FAMILY)
                .period(PeriodPolicy.financialYear()).build(),
            Allowance.builder().id(AllowanceId.of("team-budget")).name("Team budget").cap(gbp("20000.00")).scope(AllowanceScope.TEAM)
                .period(PeriodPolicy.financialYear()).build(),
            Allowance.builder().id(AllowanceId.of("pilot-grant")).name("Pilot grant").cap(gbp("400000.00")).scope(AllowanceScope.PILOT).build(),
            Allowance.builder().id(AllowanceId.of("therapy-per-family")).name("Therapy per family").cap(gbp("2000.00")).scope(AllowanceScope.FAMILY)
                .enforcement(Enforcement.SOFT).category(SpendCategory.THERAPEUTIC).build())
        .approvalPolicy(ApprovalPolicy.builder()
            .addTiers(ApprovalTier.upTo(ApprovalRole.SOCIAL_WORKER, gbp("500.00")))
            .addTiers(ApprovalTier.upTo(ApprovalRole.TEAM_MANAGER, gbp("1000.00")))
            .addTiers(ApprovalTier.upTo(ApprovalRole.HEAD_OF_SERVICE, gbp("5000.00")))
            .cumulativeThreshold(CumulativeThreshold.of(gbp("500.00"), PeriodPolicy.rollingDays(30)))
            .build())
        .addBlockedSubcategories(Subcategory.RENT_ARREARS)
        .build();
  }

  /** A request for one child: the scheme limits spending per child, so every request must name one. */
  private static SpendRequest.Builder forChild(TeamId team, String amount) {
    return TestPilots.request(team, amount).addChildIds(ELDER);
  }

  /** The scheme with spending frozen: only bedding goes ahead, or what {@code approvedBy} approves. */
  static PilotConfiguration frozen(@org.jspecify.annotations.Nullable ApprovalRole approvedBy) {
    return PilotConfiguration.builder().from(everything()).spendingFreeze(SpendingFreeze.of(
        java.util.Set.of(Subcategory.BEDDING), java.util.Optional.ofNullable(approvedBy))).build();
  }

  /** The scheme asking for a receipt within 7 days of any spend, overdue evidence declining or routing. */
  static PilotConfiguration evidence(EvidencePolicy.WhenOverdue whenOverdue,
      @org.jspecify.annotations.Nullable ApprovalRole approvedBy) {
    return PilotConfiguration.builder().from(everything()).evidencePolicy(EvidencePolicy.builder()
        .addRequirements(EvidenceRequirement.builder().addAccepts(EvidenceKind.RECEIPT).dueWithinDays(7).build())
        .whenOverdue(whenOverdue).approvedBy(java.util.Optional.ofNullable(approvedBy)).build()).build();
  }

  /** Two spends (£85 paid) whose receipts were due by 10 May 2019, overdue since the 11th. */
  private static final OverdueEvidence OVERDUE = OverdueEvidence.of(2, gbp("85.00"), LocalDate.of(2019, 5, 11));

  @Test
  void overdueEvidenceDeclinesOrRoutesAndSaysWhatIsOverdueSinceWhen() {
    Decision declined = SCENARIOS.get(FindingCode.EVIDENCE_OVERDUE).get();
    Finding finding = declined.findings().get(0);
    assertEquals("The requesting worker has 2 spends (£85.00 paid) whose evidence is overdue, the oldest since "
        + "11 May 2019; this scheme declines new requests until it arrives.", finding.message());
    assertEquals(java.util.Optional.of(OVERDUE), finding.overdueEvidence());
    Decision routed = SCENARIOS.get(FindingCode.EVIDENCE_OVERDUE_APPROVAL_REQUIRED).get();
    assertEquals(ApprovalRole.TEAM_MANAGER, routed.requiredRole().orElseThrow());
    assertEquals(java.util.Optional.of(OVERDUE), routed.findings().get(0).overdueEvidence());
    SpendRequest request = forChild(VAT, "50.00").build();
    BudgetPosition overdue = BudgetPosition.builder().overdueEvidence(OVERDUE).build();
    assertEquals(Outcome.APPROVED, SpendRules.decide(evidence(EvidencePolicy.WhenOverdue.NOTHING, null), request,
        overdue).outcome(), "a scheme that only reports overdue evidence decides as usual");
    assertEquals(Outcome.APPROVED, SpendRules.decide(evidence(EvidencePolicy.WhenOverdue.DECLINE, null), request,
        BudgetPosition.empty()).outcome(), "nothing overdue");
    assertThrows(org.devolvedbudgets.model.scheme.ConfigurationException.class,
        () -> evidence(EvidencePolicy.WhenOverdue.ROUTE, null), "routing needs a role");
    assertThrows(org.devolvedbudgets.model.scheme.ConfigurationException.class,
        () -> evidence(EvidencePolicy.WhenOverdue.DECLINE, ApprovalRole.TEAM_MANAGER), "a role only when routing");
    assertThrows(org.devolvedbudgets.model.scheme.ConfigurationException.class,
        () -> evidence(EvidencePolicy.WhenOverdue.ROUTE, ApprovalRole.DIRECTOR), "not one of the tiers");
    assertThrows(IllegalArgumentException.class, () -> Finding.of(FindingCode.EVIDENCE_OVERDUE, "Overdue.", null,
        null), "an evidence finding carries its figures");
  }

  @Test
  void repaymentIsRefusedWithoutAMeansAssessmentOrFromAFamilyOnAListedBenefit() {
    assertEquals("Repayment of £50.00 is asked, but no means assessment is recorded: the council must have regard to "
        + "the family's means before imposing conditions (Children Act 1989, section 17(8)).",
        SCENARIOS.get(FindingCode.MEANS_NOT_ASSESSED).get().findings().get(0).message());
    assertEquals("The means assessment of 1 June 2019 found the family receiving income support and child tax "
        + "credit, so it cannot be asked to repay (Children Act 1989, section 17(9)); the help may be given without "
        + "conditions.", SCENARIOS.get(FindingCode.REPAYMENT_WHILE_ON_BENEFITS).get().findings().get(0).message());
  }

  @Test
  void aFreezeDeclinesOrRoutesAllButSafeguardingAndSaysWhy() {
    Decision declined = SCENARIOS.get(FindingCode.SPENDING_FROZEN).get();
    assertEquals("Spending is frozen from 1 April 2019 (version 1 of this scheme): only spends the scheme marks as "
        + "safeguarding go ahead, and this request names no subcategory.", declined.findings().get(0).message());
    Decision routed = SCENARIOS.get(FindingCode.FREEZE_APPROVAL_REQUIRED).get();
    assertEquals(ApprovalRole.HEAD_OF_SERVICE, routed.requiredRole().orElseThrow());
    assertEquals(2, routed.requiredTier(), "the head of service's tier");
    SpendRequest bedding = forChild(VAT, "50.00").category(SpendCategory.PRACTICAL).subcategory(Subcategory.BEDDING)
        .build();
    assertEquals(Outcome.APPROVED, SpendRules.decide(frozen(null), bedding, BudgetPosition.empty()).outcome());
    SpendRequest car = forChild(VAT, "50.00").category(SpendCategory.PRACTICAL).subcategory(Subcategory.CAR).build();
    assertTrue(SpendRules.decide(frozen(null), car, BudgetPosition.empty()).findings().get(0).message()
        .endsWith("and 'PRACTICAL/car' is not one."));
    assertThrows(org.devolvedbudgets.model.scheme.ConfigurationException.class,
        () -> frozen(ApprovalRole.DIRECTOR), "the director is not one of the scheme's tiers");
  }

  private static Decision decide(SpendRequest request) {
    return decide(request, BudgetPosition.empty());
  }

  private static Decision decide(SpendRequest request, BudgetPosition position) {
    return SpendRules.decide(everything(), request, position);
  }

  /** Every usage the request needs, each with {@code posted} spent. */
  private static BudgetPosition spent(SpendRequest request, String posted) {
    BudgetPosition.Builder position = BudgetPosition.builder();
    for (UsageKey key : SpendRules.usageKeys(everything(), request)) {
      position.usage(key, Usage.of(key.period(), gbp(posted), gbp("0.00")));
    }
    return position.build();
  }

  /** The usage the request needs of one allowance, with {@code posted} spent; nothing used of the others. */
  private static BudgetPosition spentOn(SpendRequest request, String allowanceId, String posted) {
    BudgetPosition.Builder position = BudgetPosition.builder();
    for (UsageKey key : SpendRules.usageKeys(everything(), request)) {
      if (key.allowanceId().value().equals(allowanceId)) {
        position.usage(key, Usage.of(key.period(), gbp(posted), gbp("0.00")));
      }
    }
    return position.build();
  }

  private static final Map<FindingCode, Supplier<Decision>> SCENARIOS = new EnumMap<>(FindingCode.class);

  static {
    SCENARIOS.put(FindingCode.AMOUNT_NOT_POSITIVE, () -> decide(forChild(VAT, "0.00").build()));
    SCENARIOS.put(FindingCode.CURRENCY_MISMATCH,
        () -> decide(forChild(VAT, "0.00").amount(Money.parse("EUR 50.00")).build()));
    SCENARIOS.put(FindingCode.OUTSIDE_PILOT_DATES, () -> decide(forChild(VAT, "50.00").requestedAt(on(2021, 4, 1))
        .build()));
    SCENARIOS.put(FindingCode.TEAM_NOT_ELIGIBLE,
        () -> decide(forChild(TeamId.of("another-team"), "50.00").build()));
    SCENARIOS.put(FindingCode.FAMILY_NOT_ALLOCATED, () -> SpendRules.decide(TestPilots.darlington(),
        forChild(TestPilots.DARLINGTON_TEAM, "50.00").build(), BudgetPosition.empty()));
    SCENARIOS.put(FindingCode.CATEGORY_BLOCKED, () -> decide(forChild(VAT, "50.00")
        .category(SpendCategory.PRACTICAL).subcategory(Subcategory.RENT_ARREARS).build()));
    SCENARIOS.put(FindingCode.CASH_NOT_ALLOWED,
        () -> decide(forChild(VAT, "50.00").paymentMethod(PaymentMethod.CASH).build()));
    SCENARIOS.put(FindingCode.SPENDING_FROZEN, () -> SpendRules.decide(frozen(null), forChild(VAT, "50.00").build(),
        BudgetPosition.empty()));
    SCENARIOS.put(FindingCode.FREEZE_APPROVAL_REQUIRED, () -> SpendRules.decide(frozen(ApprovalRole.HEAD_OF_SERVICE),
        forChild(VAT, "50.00").build(), BudgetPosition.empty()));
    SCENARIOS.put(FindingCode.EVIDENCE_OVERDUE, () -> SpendRules.decide(evidence(EvidencePolicy.WhenOverdue.DECLINE,
        null), forChild(VAT, "50.00").build(), BudgetPosition.builder().overdueEvidence(OVERDUE).build()));
    SCENARIOS.put(FindingCode.EVIDENCE_OVERDUE_APPROVAL_REQUIRED, () -> SpendRules.decide(evidence(
        EvidencePolicy.WhenOverdue.ROUTE, ApprovalRole.TEAM_MANAGER), forChild(VAT, "50.00").build(),
        BudgetPosition.builder().overdueEvidence(OVERDUE).build()));
    SCENARIOS.put(FindingCode.MEANS_NOT_ASSESSED, () -> decide(forChild(VAT, "50.00").repayment(
        org.devolvedbudgets.model.spend.RepaymentTerms.of(List.of(org.devolvedbudgets.model.spend.Instalment.of(
            LocalDate.of(2019, 7, 1), gbp("50.00"))), java.util.Optional.empty())).build()));
    SCENARIOS.put(FindingCode.REPAYMENT_WHILE_ON_BENEFITS, () -> decide(forChild(VAT, "50.00").repayment(
        org.devolvedbudgets.model.spend.RepaymentTerms.of(List.of(org.devolvedbudgets.model.spend.Instalment.of(
            LocalDate.of(2019, 7, 1), gbp("50.00"))), java.util.Optional.of(
                org.devolvedbudgets.model.spend.MeansAssessment.of("MA-1", LocalDate.of(2019, 6, 1),
                    java.util.Set.of(org.devolvedbudgets.model.spend.ListedBenefit.INCOME_SUPPORT,
                        org.devolvedbudgets.model.spend.ListedBenefit.CHILD_TAX_CREDIT))))).build()));
    SCENARIOS.put(FindingCode.EXCEEDS_REQUEST_CAP, () -> decide(forChild(VAT, "1000.01").build()));
    SCENARIOS.put(FindingCode.EXCEEDS_CHILD_ALLOWANCE,
        () -> decide(forChild(VAT, "300.01").build()));
    SCENARIOS.put(FindingCode.CHILD_NOT_NAMED, () -> decide(TestPilots.request(VAT, "50.00").build()));
    SCENARIOS.put(FindingCode.EXCEEDS_FAMILY_ALLOWANCE, () -> {
      SpendRequest request = forChild(VAT, "100.00").build();
      return decide(request, spent(request, "3950.00"));
    });
    SCENARIOS.put(FindingCode.EXCEEDS_TEAM_BUDGET, () -> {
      SpendRequest request = forChild(VAT, "100.00").build();
      return decide(request, spent(request, "19950.00"));
    });
    SCENARIOS.put(FindingCode.EXCEEDS_PILOT_BUDGET, () -> {
      SpendRequest request = forChild(VAT, "100.00").build();
      return decide(request, spent(request, "399950.00"));
    });
    SCENARIOS.put(FindingCode.ABOVE_APPROVAL_LIMITS, () -> decide(forChild(VAT, "5000.01").build()));
    SCENARIOS.put(FindingCode.SOFT_CAP_EXCEEDED, () -> {
      SpendRequest request = forChild(VAT, "100.00").category(SpendCategory.THERAPEUTIC).build();
      return decide(request, spentOn(request, "therapy-per-family", "1950.00"));
    });
    SCENARIOS.put(FindingCode.CUMULATIVE_THRESHOLD_REACHED, () -> {
      SpendRequest secondHalf = forChild(VAT, "500.00").addChildIds(YOUNGER).build();
      Usage firstHalf = Usage.of(SpendRules.cumulativeWindow(everything(), secondHalf).orElseThrow(),
          gbp("500.00"), gbp("0.00"));
      return decide(secondHalf, BudgetPosition.builder().familyWindow(firstHalf).build());
    });
    SCENARIOS.put(FindingCode.APPROVAL_REQUIRED,
        () -> decide(forChild(VAT, "750.00").addChildIds(YOUNGER, ChildId.of("C-3")).build()));
  }

  @Test
  void everyCodeHasAScenario() {
    assertEquals(EnumSet.allOf(FindingCode.class), SCENARIOS.keySet());
  }

  @ParameterizedTest
  @EnumSource(FindingCode.class)
  void scenarioProducesItsCodeWithTheRightOutcome(FindingCode code) {
    Decision decision = SCENARIOS.get(code).get();
    assertTrue(decision.codes().contains(code), () -> code + " missing from " + decision);
    assertEquals(code.declines() ? Outcome.DECLINED : Outcome.NEEDS_APPROVAL, decision.outcome(),
        decision::toString);
    Finding finding = decision.findings().stream().filter(f -> f.code() == code).findFirst().orElseThrow();
    assertEquals(!code.declines(), finding.role().isPresent(), finding::toString);
    assertTrue(finding.message().endsWith("."), finding::message);
  }

  @Test
  void aSplitPurchaseReachesAManagerThroughTheCumulativeThreshold() {
    Decision second = SCENARIOS.get(FindingCode.CUMULATIVE_THRESHOLD_REACHED).get();
    assertEquals(List.of(FindingCode.CUMULATIVE_THRESHOLD_REACHED), second.codes());
    assertEquals(ApprovalRole.TEAM_MANAGER, second.requiredRole().orElseThrow());
    assertEquals("With this £500.00, family F-000123 has £1,000.00 spent or reserved from 5 May 2019 to "
        + "3 June 2019, over the £500.00 threshold, so a team manager must approve.",
        second.findings().get(0).message());
    // The same £500 on its own is within the worker's authority.
    assertEquals(Outcome.APPROVED, decide(forChild(VAT, "500.00").addChildIds(YOUNGER).build()).outcome());
  }

  @Test
  void aSiblingGroupSharesOnePurchaseChildByChildInTheRequestsOrder() {
    // £600 for two siblings under £300 per child: £300 each, within both caps (a manager approves the £600).
    Decision outing = decide(TestPilots.request(VAT, "600.00").addChildIds(YOUNGER, ELDER).build());
    assertEquals(List.of(FindingCode.APPROVAL_REQUIRED), outing.codes());
    // £600.02 is £300.01 each: both over, reported in the request's order of children.
    Decision over = decide(TestPilots.request(VAT, "600.02").addChildIds(YOUNGER, ELDER).build());
    assertEquals(List.of(FindingCode.EXCEEDS_CHILD_ALLOWANCE, FindingCode.EXCEEDS_CHILD_ALLOWANCE,
        FindingCode.APPROVAL_REQUIRED), over.codes());
    assertEquals("£300.01 (child C-2's share of £600.02) would take child C-2 over the £300.00 limit 'Per child "
        + "per year': £0.00 spent and £0.00 reserved leave £300.00 until 1 April 2020.",
        over.findings().get(0).message());
    assertTrue(over.findings().get(1).message().contains("child C-1"));
    assertEquals(gbp("300.01"), over.findings().get(0).figures().orElseThrow().requested());
    // £600.01 is £300.01 for the first child and £300.00 for the second: only the first is over.
    Decision penny = decide(TestPilots.request(VAT, "600.01").addChildIds(YOUNGER, ELDER).build());
    assertEquals(List.of(FindingCode.EXCEEDS_CHILD_ALLOWANCE, FindingCode.APPROVAL_REQUIRED), penny.codes());
    assertTrue(penny.findings().get(0).message().contains("child C-2"));
  }

  @Test
  void sharesGivenByTheRequestAreCheckedAgainstEachChildAndTheWholeAgainstTheFamily() {
    SpendRequest request = TestPilots.request(VAT, "600.00").addChildIds(YOUNGER, ELDER)
        .putChildShares(YOUNGER, gbp("400.00")).putChildShares(ELDER, gbp("200.00")).build();
    Decision decision = decide(request);
    assertEquals(List.of(FindingCode.EXCEEDS_CHILD_ALLOWANCE, FindingCode.APPROVAL_REQUIRED), decision.codes());
    assertTrue(decision.findings().get(0).message().startsWith("£400.00 (child C-2's share of £600.00)"));
    // The family allowance sees the whole £600: with £3,500 spent it is over.
    Decision family = decide(request, spent(request, "3500.00"));
    assertTrue(family.codes().contains(FindingCode.EXCEEDS_FAMILY_ALLOWANCE), family::toString);
  }

  @Test
  void aRequestNamingNoChildIsDeclinedWhenAPerChildAllowanceCountsIt() {
    Decision decision = decide(TestPilots.request(VAT, "5000.00").build());
    assertTrue(decision.codes().contains(FindingCode.CHILD_NOT_NAMED), decision::toString);
    assertEquals(Outcome.DECLINED, decision.outcome());
    assertEquals("This scheme limits spending per child ('Per child per year'), so the request must name the "
        + "child or children it is for.", decision.findings().stream()
            .filter(finding -> finding.code() == FindingCode.CHILD_NOT_NAMED).findFirst().orElseThrow().message());
    // A per-child allowance for one category only does not ask for a child on other spending.
    PilotConfiguration therapyPerChild = base("Example", "Therapy per child").addEligibleTeams(VAT)
        .addAllowances(Allowance.builder().id(AllowanceId.of("therapy-per-child")).name("Therapy per child").cap(gbp("300.00")).scope(AllowanceScope.CHILD)
            .category(SpendCategory.THERAPEUTIC).build())
        .approvalPolicy(everything().approvalPolicy()).build();
    assertEquals(Outcome.APPROVED, SpendRules.decide(therapyPerChild, TestPilots.request(VAT, "50.00").build(),
        BudgetPosition.empty()).outcome());
    assertEquals(List.of(FindingCode.CHILD_NOT_NAMED), SpendRules.decide(therapyPerChild,
        TestPilots.request(VAT, "50.00").category(SpendCategory.THERAPEUTIC).build(), BudgetPosition.empty())
        .codes());
  }

  @Test
  void reportsEveryProblemNotJustTheFirst() {
    Decision decision = decide(forChild(TeamId.of("another-team"), "0.00")
        .category(SpendCategory.PRACTICAL).subcategory(Subcategory.RENT_ARREARS)
        .paymentMethod(PaymentMethod.CASH).requestedAt(on(2021, 6, 1)).build());
    assertEquals(List.of(FindingCode.AMOUNT_NOT_POSITIVE, FindingCode.OUTSIDE_PILOT_DATES,
        FindingCode.TEAM_NOT_ELIGIBLE, FindingCode.CATEGORY_BLOCKED, FindingCode.CASH_NOT_ALLOWED),
        decision.codes());
    assertEquals(List.of(
        "The amount must be more than nothing, but was £0.00.",
        "The request was made on 1 June 2021, outside the scheme's dates, 1 April 2019 to 31 March 2021.",
        "Team another-team is not eligible for this scheme.",
        "This scheme does not allow spending on rent-arrears.",
        "This scheme does not allow cash payments."),
        decision.findings().stream().map(Finding::message).collect(Collectors.toList()));
  }

  @Test
  void aCategoryOutsideTheAllowedOnesIsBlocked() {
    PilotConfiguration practicalOnly = PilotConfiguration.builder().from(everything())
        .allowedCategories(EnumSet.of(SpendCategory.PRACTICAL)).build();
    Decision decision = SpendRules.decide(practicalOnly, forChild(VAT, "20.00").build(), BudgetPosition.empty());
    assertEquals(List.of(FindingCode.CATEGORY_BLOCKED), decision.codes());
    assertEquals("This scheme does not allow spending of the kind Relationship building.",
        decision.findings().get(0).message());
  }
}
