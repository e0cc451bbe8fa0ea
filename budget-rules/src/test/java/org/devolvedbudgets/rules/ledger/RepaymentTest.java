package org.devolvedbudgets.rules.ledger;

import static org.devolvedbudgets.rules.TestPilots.FAMILY;
import static org.devolvedbudgets.rules.TestPilots.REUNIFICATION;
import static org.devolvedbudgets.rules.TestPilots.WIGAN_FAMILY;
import static org.devolvedbudgets.rules.TestPilots.WORKER;
import static org.devolvedbudgets.rules.TestPilots.gbp;
import static org.devolvedbudgets.rules.TestPilots.on;
import static org.devolvedbudgets.rules.TestPilots.wigan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.devolvedbudgets.model.id.OperationId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.Instalment;
import org.devolvedbudgets.model.spend.ListedBenefit;
import org.devolvedbudgets.model.spend.MeansAssessment;
import org.devolvedbudgets.model.spend.RepaymentTerms;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.devolvedbudgets.rules.FindingCode;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.TestPilots;
import org.devolvedbudgets.rules.evaluation.EvaluationReport;
import org.devolvedbudgets.rules.position.RemainingBudget;
import org.junit.jupiter.api.Test;

/**
 * Help given subject to repayment, on Wigan's scheme (£4,000 per family per financial year): a £300 rent deposit
 * repaid in six monthly instalments of £50 from 1 July 2019, on a means assessment of 1 June that found no listed
 * benefit.
 */
class RepaymentTest {

  static final RequestId DEPOSIT = RequestId.of("R-deposit");
  static final LocalDate JUNE = LocalDate.of(2019, 6, 3);
  static final MeansAssessment ASSESSED = MeansAssessment.of("MA-2019-0031", LocalDate.of(2019, 6, 1), Set.of());
  static final RepaymentTerms MONTHLY = RepaymentTerms.inInstalments(gbp("300.00"), 6, LocalDate.of(2019, 7, 1),
      Period.ofMonths(1), Optional.of(ASSESSED));

  private final TestClock clock = new TestClock(on(2019, 6, 3));
  private final InMemoryLedgerStore store = new InMemoryLedgerStore();

  private BudgetLedger ledger(boolean restores) {
    PilotConfiguration scheme = PilotConfiguration.builder().from(wigan()).repaymentRestoresAllowance(restores)
        .build();
    return BudgetLedger.builder(scheme).clock(clock).store(store).build();
  }

  private static SpendRequest.Builder deposit(RepaymentTerms terms) {
    return TestPilots.request(REUNIFICATION, "300.00").id(DEPOSIT).category(SpendCategory.PRACTICAL)
        .repayment(terms);
  }

  private static RemainingBudget family(BudgetLedger ledger) {
    return ledger.remainingBudget(FAMILY, JUNE).stream()
        .filter(budget -> budget.allowanceName().equals(WIGAN_FAMILY)).findFirst().orElseThrow();
  }

  @Test
  void aRepayableDepositIsPaidThenRepaidByInstalmentsAndOverdueIsJudgedByTheDay() {
    BudgetLedger ledger = ledger(false);
    assertEquals(Outcome.APPROVED, ledger.submit(deposit(MONTHLY).build()).outcome());
    assertEquals(Optional.empty(), ledger.repayment(DEPOSIT), "nothing is owed before it is paid");
    ledger.post(DEPOSIT, gbp("300.00"), WORKER, on(2019, 6, 3));
    RepaymentStatus owed = ledger.repayment(DEPOSIT).orElseThrow();
    assertEquals(gbp("300.00"), owed.owed());
    assertEquals(gbp("0.00"), owed.overdueOn(LocalDate.of(2019, 7, 1)), "the first £50 is on time all of 1 July");
    assertEquals(gbp("50.00"), owed.overdueOn(LocalDate.of(2019, 7, 2)));

    LedgerResult first = ledger.recordRepayment(DEPOSIT, gbp("50.00"), WORKER, on(2019, 6, 28));
    assertTrue(first.isApplied());
    assertEquals("Repaid £50.00; the allowance stays used, as the scheme says.", first.message());
    RepaymentStatus august = ledger.repayment(DEPOSIT).orElseThrow();
    assertEquals(gbp("250.00"), august.outstanding());
    assertEquals(gbp("100.00"), august.dueBy(LocalDate.of(2019, 8, 1)));
    assertEquals(gbp("50.00"), august.overdueOn(LocalDate.of(2019, 8, 2)), "August's instalment is late");
    assertEquals(List.of(august), ledger.repaymentsOutstanding(FAMILY));
    assertEquals(List.of(august), ledger.repaymentsOutstanding(REUNIFICATION));
    assertEquals(List.of(august), ledger.repaymentsOutstanding());
    assertEquals(gbp("300.00"), family(ledger).spent(), "repaid money does not restore Wigan's allowance");

    assertEquals(Optional.of(LedgerRefusal.REPAYMENT_EXCEEDS_OWED),
        ledger.recordRepayment(DEPOSIT, gbp("250.01"), WORKER, on(2019, 8, 5)).refusal());
    assertTrue(ledger.recordRepayment(DEPOSIT, gbp("250.00"), WORKER, on(2019, 8, 5)).isApplied());
    assertEquals(gbp("0.00"), ledger.repayment(DEPOSIT).orElseThrow().outstanding());
    assertEquals(List.of(), ledger.repaymentsOutstanding(), "repaid in full");
    assertEquals(Optional.of(LedgerRefusal.REPAYMENT_EXCEEDS_OWED),
        ledger.recordRepayment(DEPOSIT, gbp("0.01"), WORKER, on(2019, 8, 6)).refusal(), "never more than was given");
  }

  @Test
  void aSchemeWhoseRepaymentsRestoreTheAllowanceGivesTheMoneyBack() {
    BudgetLedger ledger = ledger(true);
    ledger.submit(deposit(MONTHLY).build());
    ledger.post(DEPOSIT, gbp("300.00"), WORKER, on(2019, 6, 3));
    LedgerResult repaid = ledger.recordRepayment(DEPOSIT, gbp("50.00"), WORKER, on(2019, 7, 1));
    assertEquals("Repaid £50.00; the allowance is restored.", repaid.message());
    assertEquals(gbp("250.00"), family(ledger).spent());
    assertEquals(gbp("3750.00"), family(ledger).remaining());
    ledger.verifyJournal();
  }

  @Test
  void aCheaperPurchaseOrARefundLowersWhatIsOwedAndRefundsAndRepaymentsNeverExceedThePayment() {
    BudgetLedger ledger = ledger(false);
    ledger.submit(deposit(MONTHLY).build());
    ledger.post(DEPOSIT, gbp("240.00"), WORKER, on(2019, 6, 3));
    RepaymentStatus status = ledger.repayment(DEPOSIT).orElseThrow();
    assertEquals(gbp("240.00"), status.owed(), "at most what was paid");
    assertEquals(gbp("240.00"), status.dueBy(LocalDate.of(2019, 12, 31)), "the schedule is met early");
    ledger.recordRepayment(DEPOSIT, gbp("200.00"), WORKER, on(2019, 7, 1));
    assertEquals(Optional.of(LedgerRefusal.REFUND_EXCEEDS_REMAINING),
        ledger.refund(DEPOSIT, gbp("40.01"), WORKER, on(2019, 7, 2)).refusal(), "£200 of the £240 came back");
    assertTrue(ledger.refund(DEPOSIT, gbp("40.00"), WORKER, on(2019, 7, 2)).isApplied());
    assertEquals(gbp("0.00"), ledger.repayment(DEPOSIT).orElseThrow().outstanding());
    ledger.verifyJournal();
  }

  @Test
  void conditionsNeedAMeansAssessmentAndAreRefusedToAFamilyOnAListedBenefit() {
    BudgetLedger ledger = ledger(false);
    RepaymentTerms unassessed = RepaymentTerms.of(List.of(Instalment.of(LocalDate.of(2019, 7, 1), gbp("300.00"))),
        Optional.empty());
    org.devolvedbudgets.rules.Decision noAssessment = ledger.submit(deposit(unassessed).build()).decision();
    assertEquals(List.of(FindingCode.MEANS_NOT_ASSESSED), noAssessment.codes());
    RepaymentTerms onCredit = RepaymentTerms.inInstalments(gbp("300.00"), 6, LocalDate.of(2019, 7, 1),
        Period.ofMonths(1), Optional.of(MeansAssessment.of("MA-2019-0032", LocalDate.of(2019, 6, 1),
            Set.of(ListedBenefit.UNIVERSAL_CREDIT))));
    org.devolvedbudgets.rules.Decision onBenefit = ledger.submit(deposit(onCredit).id(RequestId.of("R-2")).build())
        .decision();
    assertEquals(Outcome.DECLINED, onBenefit.outcome());
    assertEquals(List.of(FindingCode.REPAYMENT_WHILE_ON_BENEFITS), onBenefit.codes());
    assertEquals("The means assessment of 1 June 2019 found the family receiving universal credit, so it cannot be "
        + "asked to repay (Children Act 1989, section 17(9)); the help may be given without conditions.",
        onBenefit.findings().get(0).message());
    assertFalse(onBenefit.findings().get(0).message().contains("MA-2019"), "no reference in a message");
    assertEquals(Outcome.APPROVED, ledger.submit(TestPilots.request(REUNIFICATION, "300.00")
        .id(RequestId.of("R-3")).build()).outcome(), "the same help as a gift");
    ledger.post(RequestId.of("R-3"), gbp("300.00"), WORKER, on(2019, 6, 3));
    assertEquals(Optional.of(LedgerRefusal.NOT_REPAYABLE),
        ledger.recordRepayment(RequestId.of("R-3"), gbp("10.00"), WORKER, on(2019, 6, 4)).refusal());
  }

  @Test
  void termsThatCouldNeverBeRightAreRefusedWhenTheRequestIsBuilt() {
    IllegalArgumentException more = assertThrows(IllegalArgumentException.class, () -> deposit(
        RepaymentTerms.inInstalments(gbp("300.01"), 3, LocalDate.of(2019, 7, 1), Period.ofMonths(1),
            Optional.of(ASSESSED))).build());
    assertTrue(more.getMessage().contains("must not be more than the amount"), more::getMessage);
    IllegalArgumentException early = assertThrows(IllegalArgumentException.class, () -> deposit(
        RepaymentTerms.inInstalments(gbp("300.00"), 3, LocalDate.of(2019, 6, 2), Period.ofMonths(1),
            Optional.of(ASSESSED))).build());
    assertTrue(early.getMessage().contains("before the request was made"), early::getMessage);
    assertThrows(IllegalArgumentException.class, () -> deposit(RepaymentTerms.inInstalments(gbp("300.00"), 3,
        LocalDate.of(2019, 7, 1), Period.ofMonths(1), Optional.of(MeansAssessment.of("MA-1",
            LocalDate.of(2019, 6, 4), Set.of())))).build(), "assessed after the request");
    assertThrows(IllegalArgumentException.class, () -> RepaymentTerms.of(List.of(
        Instalment.of(LocalDate.of(2019, 8, 1), gbp("10.00")), Instalment.of(LocalDate.of(2019, 7, 1),
            gbp("10.00"))), Optional.empty()), "out of order");
    IllegalArgumentException secret = assertThrows(IllegalArgumentException.class,
        () -> MeansAssessment.of("Jo Bloggs assessment", LocalDate.of(2019, 6, 1), Set.of()));
    assertFalse(secret.getMessage().contains("Bloggs"), secret::getMessage);
    assertEquals(List.of(gbp("33.34"), gbp("33.33"), gbp("33.33")), RepaymentTerms.inInstalments(gbp("100.00"), 3,
        LocalDate.of(2019, 7, 31), Period.ofMonths(1), Optional.empty()).instalments().stream()
        .map(Instalment::amount).toList());
    assertEquals(LocalDate.of(2019, 9, 30), RepaymentTerms.inInstalments(gbp("100.00"), 3,
        LocalDate.of(2019, 7, 31), Period.ofMonths(1), Optional.empty()).instalments().get(2).dueOn(),
        "31 July plus two months is the last day of September");
  }

  @Test
  void anOperationIdMakesARetryReturnTheFirstResultAndARestartKnowsWhatIsOwed() {
    BudgetLedger ledger = ledger(false);
    ledger.submit(deposit(MONTHLY).build());
    ledger.post(DEPOSIT, gbp("300.00"), WORKER, on(2019, 6, 3));
    OperationId id = OperationId.of("op-repay-1");
    LedgerResult first = ledger.recordRepayment(id, DEPOSIT, gbp("50.00"), WORKER, on(2019, 7, 1));
    LedgerResult retry = ledger.recordRepayment(id, DEPOSIT, gbp("50.00"), WORKER, on(2019, 7, 1));
    assertEquals(first.message(), retry.message());
    assertEquals(gbp("50.00"), ledger.repayment(DEPOSIT).orElseThrow().repaid(), "once");
    assertThrows(OperationConflictException.class,
        () -> ledger.recordRepayment(id, DEPOSIT, gbp("60.00"), WORKER, on(2019, 7, 1)));
    BudgetLedger restarted = ledger(false);
    assertEquals(ledger.repayment(DEPOSIT), restarted.repayment(DEPOSIT));
    restarted.verifyJournal();
  }

  @Test
  void theReportGivesWhatIsOwedRepaidOutstandingAndOverdue() {
    BudgetLedger ledger = ledger(false);
    ledger.submit(deposit(MONTHLY).build());
    ledger.post(DEPOSIT, gbp("300.00"), WORKER, on(2019, 6, 3));
    ledger.recordRepayment(DEPOSIT, gbp("50.00"), WORKER, on(2019, 7, 1));
    EvaluationReport report = EvaluationReport.of(ConfigurationHistory.of(wigan()), store.readAll(),
        BudgetPeriod.of(LocalDate.of(2019, 4, 1), LocalDate.of(2020, 4, 1)), on(2019, 9, 2));
    assertEquals(1, report.repayments().size());
    assertEquals(gbp("300.00"), report.repaymentOwed());
    assertEquals(gbp("50.00"), report.repaid());
    assertEquals(gbp("250.00"), report.repaymentOutstanding());
    assertEquals(gbp("100.00"), report.repaymentOverdue(), "the instalments of 1 August and 1 September");
    assertEquals(Money.parse("GBP 300.00"), report.spent(), "a repayment is not a refund");
  }
}
