package org.devolvedbudgets.rules.evaluation;

import static org.devolvedbudgets.rules.TestPilots.EDGE_OF_CARE;
import static org.devolvedbudgets.rules.TestPilots.REUNIFICATION;
import static org.devolvedbudgets.rules.TestPilots.at;
import static org.devolvedbudgets.rules.TestPilots.gbp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.spend.PaymentMethod;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.rules.Approver;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.TestPilots;
import org.devolvedbudgets.rules.allocation.Arm;
import org.devolvedbudgets.rules.ledger.BudgetLedger;
import org.devolvedbudgets.rules.ledger.InMemoryLedgerStore;
import org.devolvedbudgets.rules.ledger.LedgerEvent;
import org.junit.jupiter.api.Test;

class EvaluationReportTest {

  private static final BudgetPeriod YEAR = BudgetPeriod.of(LocalDate.of(2019, 4, 1), LocalDate.of(2020, 4, 1));
  private static final Instant RECORDED = at(2019, 6, 3, 10, 0);
  private static final WorkerId WORKER = TestPilots.WORKER;
  private static final Approver MANAGER = Approver.of(WorkerId.of("W-TM"), ApprovalRole.SERVICE_MANAGER);

  private final InMemoryLedgerStore store = new InMemoryLedgerStore();
  private final BudgetLedger wigan = BudgetLedger.builder(TestPilots.wigan()).store(store)
      .clock(Clock.fixed(RECORDED, BudgetPeriod.ZONE)).build();

  private void submit(String id, String family, String amount, SpendCategory category, Instant requestedAt) {
    submit(id, family, amount, category, requestedAt, PaymentMethod.PURCHASE_CARD);
  }

  private void submit(String id, String family, String amount, SpendCategory category, Instant requestedAt,
      PaymentMethod method) {
    wigan.submit(TestPilots.request(family.startsWith("E") ? EDGE_OF_CARE : REUNIFICATION, amount)
        .id(RequestId.of(id)).familyId(FamilyId.of(family)).category(category).paymentMethod(method)
        .requestedAt(requestedAt).build());
  }

  /** Six requests from three families of four allocated, reaching every status. */
  private EvaluationReport sixRequests() {
    for (String family : List.of("R-1", "R-2", "E-3", "E-4")) {
      wigan.allocate(FamilyId.of(family), 8, LocalDate.of(2019, 4, 1), WORKER);
    }
    Instant nine = at(2019, 6, 3, 9, 0);
    submit("Q-1", "R-1", "100.00", SpendCategory.RELATIONSHIP_BUILDING, nine);
    wigan.post(RequestId.of("Q-1"), gbp("100.00"), WORKER, at(2019, 6, 5, 9, 0));
    wigan.refund(RequestId.of("Q-1"), gbp("40.00"), WORKER, at(2019, 6, 20, 9, 0));
    submit("Q-2", "R-1", "600.00", SpendCategory.PRACTICAL, nine);
    wigan.approve(RequestId.of("Q-2"), MANAGER, at(2019, 6, 4, 9, 0));
    wigan.post(RequestId.of("Q-2"), gbp("550.00"), WORKER, at(2019, 6, 6, 9, 0));
    submit("Q-3", "E-3", "700.00", SpendCategory.THERAPEUTIC, nine);
    wigan.reject(RequestId.of("Q-3"), MANAGER, at(2019, 6, 3, 12, 0));
    submit("Q-4", "E-3", "50.00", SpendCategory.PRACTICAL, nine, PaymentMethod.CASH);
    submit("Q-5", "R-2", "800.00", SpendCategory.THERAPEUTIC, nine);
    wigan.expire(at(2019, 7, 1, 0, 0));
    submit("Q-6", "R-2", "20.00", SpendCategory.RELATIONSHIP_BUILDING, nine);
    wigan.voidReservation(RequestId.of("Q-6"), WORKER, at(2019, 6, 4, 9, 0));
    return EvaluationReport.of(TestPilots.wigan(), store.readAll(), YEAR);
  }

  @Test
  void countsEligibleFamiliesUptakeAndEveryOutcome() {
    EvaluationReport report = sixRequests();

    assertEquals(4, report.eligibleFamilies());
    assertEquals(3, report.familiesWithRequests());
    assertEquals("3 of 4 (75.0%)", report.uptake().toString());
    assertEquals(6, report.requests().size());
    assertEquals(3, report.approved(), "Q-1 and Q-2 paid, Q-6 voided");
    assertEquals(2, report.count(RequestStatus.POSTED));
    assertEquals(1, report.count(RequestStatus.VOIDED));
    assertEquals(1, report.declined(), "Q-4, cash");
    assertEquals(1, report.rejected());
    assertEquals(1, report.expired());
    assertEquals(0, report.count(RequestStatus.AWAITING_APPROVAL));
    assertEquals(Share.of(3, 6), report.neededApproval());
  }

  @Test
  void aHoldThatLapsedBeforeTheReportCountsAsExpiredEvenIfNoSweepRecordedIt() {
    submit("Q-1", "R-1", "700.00", SpendCategory.PRACTICAL, RECORDED); // held until 17 June at 10:00
    ConfigurationHistory history = ConfigurationHistory.of(TestPilots.wigan());
    EvaluationReport before = EvaluationReport.of(history, store.readAll(), YEAR, at(2019, 6, 17, 9, 59));
    assertEquals(1, before.count(RequestStatus.AWAITING_APPROVAL));
    EvaluationReport after = EvaluationReport.of(history, store.readAll(), YEAR, at(2019, 6, 17, 10, 0));
    assertEquals(0, after.count(RequestStatus.AWAITING_APPROVAL));
    assertEquals(1, after.expired());
    assertEquals(RequestStatus.EXPIRED, after.requests().get(0).status());
    // Without an instant the report is as of the last event recorded, 3 June: still awaiting.
    assertEquals(1, EvaluationReport.of(history, store.readAll(), YEAR).count(RequestStatus.AWAITING_APPROVAL));
  }

  @Test
  void spendIsPaidLessRefundedByCategoryTeamAndFamily() {
    EvaluationReport report = sixRequests();

    assertEquals(gbp("610.00"), report.spent());
    assertEquals(Map.of(SpendCategory.PRACTICAL, gbp("550.00"), SpendCategory.THERAPEUTIC, gbp("0.00"),
        SpendCategory.RELATIONSHIP_BUILDING, gbp("60.00")), report.spentByCategory());
    assertEquals(gbp("610.00"), report.spentByTeam().get(REUNIFICATION));
    assertEquals(gbp("0.00"), report.spentByTeam().get(EDGE_OF_CARE));
    assertTrue(report.spentByArm().isEmpty(), "Wigan is not randomised");
    FamilyUtilisation r1 = report.utilisation().get(2);
    assertEquals(FamilyId.of("R-1"), r1.familyId());
    assertEquals(gbp("610.00"), r1.spent());
    assertEquals("15.3", r1.percentUsed().orElseThrow().toPlainString(), "610 of 4,000");
    assertEquals(4, report.utilisation().size());
  }

  @Test
  void distributionsUseNearestRank() {
    EvaluationReport report = sixRequests();

    assertEquals(gbp("20.00"), report.amounts().min().orElseThrow());
    assertEquals(gbp("100.00"), report.amounts().median().orElseThrow(), "3rd of 20, 50, 100, 600, 700, 800");
    assertEquals(gbp("800.00"), report.amounts().p90().orElseThrow());
    // decided: when recorded (1 h); Q-2 approved after 24 h; Q-3 rejected after 3 h; Q-5 expired
    assertEquals(5, report.timeToDecision().count());
    assertEquals(Duration.ofHours(1), report.timeToDecision().median().orElseThrow());
    assertEquals(Duration.ofHours(24), report.timeToDecision().max().orElseThrow());
    assertEquals(List.of(Duration.ofHours(48), Duration.ofHours(72)),
        List.of(report.timeToPayment().min().orElseThrow(), report.timeToPayment().max().orElseThrow()));
  }

  @Test
  void summarisesEachRequestWithoutFreeText() {
    RequestSummary q2 = sixRequests().requests().get(1);

    assertEquals(RequestId.of("Q-2"), q2.requestId());
    assertEquals(Outcome.NEEDS_APPROVAL, q2.outcome());
    assertEquals(ApprovalRole.TEAM_MANAGER, q2.requiredRole().orElseThrow());
    assertEquals(RequestStatus.POSTED, q2.status());
    assertEquals(gbp("550.00"), q2.paid());
    assertEquals(Arm.NOT_RANDOMISED, q2.arm());
    assertFalse(q2.toString().contains("Jo"), q2.toString());
  }

  @Test
  void countsOnlyRequestsMadeInTheRangeButFollowsThemAfterIt() {
    wigan.allocate(FamilyId.of("R-1"), 8, LocalDate.of(2019, 4, 1), WORKER);
    submit("Q-1", "R-1", "100.00", SpendCategory.PRACTICAL, at(2019, 4, 30, 23, 59));
    submit("Q-2", "R-1", "200.00", SpendCategory.PRACTICAL, at(2019, 5, 1, 0, 0));
    wigan.post(RequestId.of("Q-2"), gbp("200.00"), WORKER, at(2019, 6, 5, 9, 0));
    BudgetPeriod may = BudgetPeriod.of(LocalDate.of(2019, 5, 1), LocalDate.of(2019, 6, 1));

    EvaluationReport report = EvaluationReport.of(TestPilots.wigan(), store.readAll(), may);

    assertEquals(List.of(RequestId.of("Q-2")), report.requests().stream().map(RequestSummary::requestId).toList());
    assertEquals(gbp("200.00"), report.spent(), "paid in June for a May request");
  }

  @Test
  void darlingtonCountsOnlyTheTreatmentArmAsEligibleAndReportsSpendByArm() {
    InMemoryLedgerStore darlingtonStore = new InMemoryLedgerStore();
    BudgetLedger darlington = BudgetLedger.builder(TestPilots.darlington()).store(darlingtonStore)
        .clock(Clock.fixed(RECORDED, BudgetPeriod.ZONE)).build();
    int treated = 0;
    int identified = 0;
    List<FamilyId> treatment = new ArrayList<>();
    while (treated < 3) {
      FamilyId family = FamilyId.of("D-" + identified++);
      if (darlington.allocate(family, 3, LocalDate.of(2019, 5, 1), WORKER).arm() == Arm.TREATMENT) {
        treated++;
        treatment.add(family);
      }
    }
    darlington.submit(TestPilots.request(TestPilots.DARLINGTON_TEAM, "300.00").familyId(treatment.get(0))
        .requestedAt(at(2019, 6, 3, 9, 0)).build());
    darlington.approve(RequestId.of("R-000001"), MANAGER, at(2019, 6, 4, 9, 0));
    darlington.post(RequestId.of("R-000001"), gbp("300.00"), WORKER, at(2019, 6, 4, 10, 0));

    EvaluationReport report = EvaluationReport.of(TestPilots.darlington(), darlingtonStore.readAll(), YEAR);

    assertEquals("1 of 3 (33.3%)", report.uptake().toString());
    assertTrue(identified > 3, "some families were allocated to control");
    assertEquals(Map.of(Arm.TREATMENT, gbp("300.00")), report.spentByArm());
    assertEquals(Arm.TREATMENT, report.requests().get(0).arm());
    assertTrue(report.requests().get(0).stratum().isPresent());
  }

  @Test
  void aRequestInAnotherCurrencyCountsButStaysOutOfTheAmountDistribution() {
    submit("Q-1", "R-1", "100.00", SpendCategory.PRACTICAL, at(2019, 6, 3, 9, 0));
    wigan.submit(TestPilots.request(REUNIFICATION, "1.00").id(RequestId.of("Q-2")).amount(Money.parse("EUR 80.00"))
        .requestedAt(at(2019, 6, 3, 9, 0)).build());

    EvaluationReport report = EvaluationReport.of(TestPilots.wigan(), store.readAll(), YEAR);

    assertEquals(2, report.requests().size());
    assertEquals(1, report.declined());
    assertEquals(1, report.amounts().count());
    assertEquals(gbp("100.00"), report.amounts().max().orElseThrow());
  }

  @Test
  void anEmptyJournalGivesAnEmptyReport() {
    EvaluationReport report = EvaluationReport.of(TestPilots.wigan(), List.of(), YEAR);

    assertEquals("0 of 0 (0.0%)", report.uptake().toString());
    assertEquals(Money.zero(TestPilots.GBP), report.spent());
    assertTrue(report.amounts().median().isEmpty());
    assertEquals("Distribution[n=0]", report.timeToPayment().toString());
  }

  @Test
  void rejectsInconsistentJournals() {
    sixRequests();
    List<LedgerEvent> events = store.readAll();
    List<LedgerEvent> withoutFirstSubmission = new ArrayList<>(events);
    withoutFirstSubmission.removeIf(event -> event instanceof LedgerEvent.Submitted
        && ((LedgerEvent.Submitted) event).requestId().equals(RequestId.of("Q-1")));
    List<LedgerEvent> twice = new ArrayList<>(events);
    twice.add(events.stream().filter(event -> event instanceof LedgerEvent.Submitted).findFirst().orElseThrow());

    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> EvaluationReport.of(TestPilots.wigan(), withoutFirstSubmission, YEAR));
    IllegalArgumentException repeated = assertThrows(IllegalArgumentException.class,
        () -> EvaluationReport.of(TestPilots.wigan(), twice, YEAR));

    assertTrue(unknown.getMessage().contains("request Q-1, which was never submitted"), unknown.getMessage());
    assertTrue(repeated.getMessage().contains("a second time"), repeated.getMessage());
    assertThrows(NullPointerException.class, () -> EvaluationReport.of(TestPilots.wigan(), null, YEAR));
  }
}
