package org.devolvedbudgets.rules.ledger;

import static org.devolvedbudgets.rules.TestPilots.EDGE_OF_CARE;
import static org.devolvedbudgets.rules.TestPilots.FAMILY;
import static org.devolvedbudgets.rules.TestPilots.REUNIFICATION;
import static org.devolvedbudgets.rules.TestPilots.WORKER;
import static org.devolvedbudgets.rules.TestPilots.at;
import static org.devolvedbudgets.rules.TestPilots.gbp;
import static org.devolvedbudgets.rules.TestPilots.on;
import static org.devolvedbudgets.rules.TestPilots.wigan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.OperationId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.EvidencePolicy;
import org.devolvedbudgets.model.scheme.EvidenceRequirement;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.EvidenceKind;
import org.devolvedbudgets.model.spend.PaymentMethod;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.FindingCode;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.TestPilots;
import org.devolvedbudgets.rules.evaluation.EvaluationReport;
import org.devolvedbudgets.rules.position.OverdueEvidence;
import org.junit.jupiter.api.Test;

/**
 * Evidence after payment, on Wigan's scheme with the policy a council might write: a receipt or the card's
 * transaction data within 7 days of any spend of £25 or more, and a note that other funding was tried by the day a
 * practical spend is paid; overdue evidence declines the worker's new requests (or, in one test, routes them to a
 * team manager).
 */
class EvidenceTest {

  static final RequestId SHOES = RequestId.of("R-1");
  static final WorkerId OTHER_WORKER = WorkerId.of("W-0077");

  static PilotConfiguration scheme(EvidencePolicy.WhenOverdue whenOverdue, Optional<ApprovalRole> role) {
    return PilotConfiguration.builder().from(wigan()).evidencePolicy(EvidencePolicy.builder()
        .addRequirements(EvidenceRequirement.builder().addAccepts(EvidenceKind.RECEIPT, EvidenceKind.CARD_TRANSACTION)
            .dueWithinDays(7).fromAmount(gbp("25.00")).build())
        .addRequirements(EvidenceRequirement.builder().addAccepts(EvidenceKind.OTHER_FUNDING_TRIED).dueWithinDays(0)
            .addCategories(SpendCategory.PRACTICAL).build())
        .whenOverdue(whenOverdue).approvedBy(role).build()).build();
  }

  private final TestClock clock = new TestClock(on(2019, 6, 3));
  private final InMemoryLedgerStore store = new InMemoryLedgerStore();
  private final BudgetLedger ledger = BudgetLedger.builder(scheme(EvidencePolicy.WhenOverdue.DECLINE,
      Optional.empty())).clock(clock).store(store).build();

  private static SpendRequest.Builder request(String id, String amount, Instant at) {
    return TestPilots.request(REUNIFICATION, amount).id(RequestId.of(id)).requestedAt(at);
  }

  /** Submits, and pays in full at {@code paidAt}. */
  private void paid(BudgetLedger on, SpendRequest request, Instant paidAt) {
    assertEquals(Outcome.APPROVED, on.submit(request).outcome());
    assertTrue(on.post(request.id(), request.amount(), WORKER, paidAt).isApplied());
  }

  @Test
  void aSpendPaidLateOnASummerEveningIsDueSevenLondonDaysLaterAndOverdueTheDayAfter() {
    // 23:30 BST on 3 June is 22:30 UTC: still 3 June in London, so the receipt is due by the end of 10 June.
    paid(ledger, request("R-1", "45.00", on(2019, 6, 3)).build(), at(2019, 6, 3, 23, 30));
    EvidenceDue due = ledger.evidence(SHOES).get(0);
    assertEquals(LocalDate.of(2019, 6, 3), due.paidOn());
    assertEquals(LocalDate.of(2019, 6, 10), due.dueOn());
    assertFalse(due.isOverdueOn(LocalDate.of(2019, 6, 10)), "on time all of its due day");
    assertTrue(due.isOverdueOn(LocalDate.of(2019, 6, 11)));
    assertEquals(List.of(due), ledger.evidenceDue(WORKER));
    assertEquals(List.of(), ledger.evidenceOverdue(WORKER, LocalDate.of(2019, 6, 10)));
    assertEquals(List.of(due), ledger.evidenceOverdue(WORKER, LocalDate.of(2019, 6, 11)));
    assertEquals(List.of(due), ledger.evidenceOverdue(REUNIFICATION, LocalDate.of(2019, 6, 11)));
    assertEquals(List.of(due), ledger.evidenceOverdue(FAMILY, LocalDate.of(2019, 6, 11)));
    assertEquals(List.of(), ledger.evidenceDue(EDGE_OF_CARE));
    assertEquals(List.of(), ledger.evidenceDue(FamilyId.of("F-999")));
    assertEquals(List.of(), ledger.evidenceDue(OTHER_WORKER));
  }

  @Test
  void overdueEvidenceDeclinesTheWorkersNextRequestOnAnyFamilyUntilTheCardDataArrives() {
    paid(ledger, request("R-1", "45.00", on(2019, 6, 3)).build(), on(2019, 6, 3));
    paid(ledger, request("R-2", "30.00", on(2019, 6, 5)).paymentMethod(PaymentMethod.PREPAID_CARD).build(),
        on(2019, 6, 5));
    clock.set(on(2019, 6, 14));
    SpendRequest another = request("R-3", "20.00", on(2019, 6, 14)).familyId(FamilyId.of("F-000456")).build();
    org.devolvedbudgets.rules.Decision declined = ledger.submit(another).decision();
    assertEquals(Outcome.DECLINED, declined.outcome());
    assertEquals(List.of(FindingCode.EVIDENCE_OVERDUE), declined.codes());
    assertEquals(Optional.of(OverdueEvidence.of(2, gbp("75.00"), LocalDate.of(2019, 6, 11))),
        declined.findings().get(0).overdueEvidence(), "both spends, overdue since the day after the first was due");
    assertTrue(declined.findings().get(0).message().contains("2 spends (£75.00 paid)"), declined::toString);

    SpendRequest otherWorker = request("R-4", "20.00", on(2019, 6, 14)).requestedBy(OTHER_WORKER).build();
    assertEquals(Outcome.APPROVED, ledger.submit(otherWorker).outcome(), "only the worker's own evidence counts");

    LedgerResult card = ledger.recordEvidence(RequestId.of("R-2"), EvidenceKind.CARD_TRANSACTION, "TXN-7781",
        WORKER, on(2019, 6, 14));
    assertTrue(card.isApplied());
    assertEquals("Recorded the card's transaction data.", card.message());
    assertTrue(ledger.recordEvidence(SHOES, EvidenceKind.RECEIPT, "RCPT-0042", WORKER, on(2019, 6, 14))
        .isApplied());
    assertEquals(List.of(), ledger.evidenceDue(WORKER));
    SpendRequest again = request("R-5", "20.00", on(2019, 6, 14)).build();
    assertEquals(Outcome.APPROVED, ledger.submit(again).outcome(), "the evidence arrived: spending goes on");
  }

  @Test
  void aPracticalSpendAlsoNeedsItsOtherFundingNoteOnTheDayItIsPaid() {
    paid(ledger, request("R-1", "60.00", on(2019, 6, 3)).category(SpendCategory.PRACTICAL).build(),
        on(2019, 6, 3));
    List<EvidenceDue> due = ledger.evidence(SHOES);
    assertEquals(2, due.size());
    assertEquals(LocalDate.of(2019, 6, 3), due.get(1).dueOn());
    ledger.recordEvidence(SHOES, EvidenceKind.RECEIPT, "RCPT-1", WORKER, on(2019, 6, 4));
    assertEquals(1, ledger.evidenceDue(WORKER).size(), "the receipt does not stand in for the note");
    assertEquals(java.util.Set.of(EvidenceKind.OTHER_FUNDING_TRIED), ledger.evidenceDue(WORKER).get(0).accepts());
    ledger.recordEvidence(SHOES, EvidenceKind.OTHER_FUNDING_TRIED, "NOTE-1", WORKER, on(2019, 6, 5));
    List<EvidenceDue> met = ledger.evidence(SHOES);
    assertTrue(met.get(0).isOnTime());
    assertFalse(met.get(1).isOnTime(), "the note came two days late");
    assertEquals(Optional.of(2L), met.get(1).daysToEvidence());
  }

  @Test
  void aSmallSpendNeedsNoReceiptAndEvidenceOfAnUnpaidRequestIsRefused() {
    paid(ledger, request("R-1", "24.99", on(2019, 6, 3)).build(), on(2019, 6, 3));
    assertEquals(List.of(), ledger.evidence(SHOES), "under £25");
    assertTrue(ledger.recordEvidence(SHOES, EvidenceKind.RECEIPT, "RCPT-1", WORKER, on(2019, 6, 3)).isApplied(),
        "evidence nobody asked for is still kept");
    ledger.submit(request("R-2", "40.00", on(2019, 6, 3)).build());
    LedgerResult early = ledger.recordEvidence(RequestId.of("R-2"), EvidenceKind.RECEIPT, "RCPT-2", WORKER,
        on(2019, 6, 3));
    assertEquals(Optional.of(LedgerRefusal.NOT_POSTED), early.refusal());
    ledger.submit(request("R-3", "-1.00", on(2019, 6, 3)).build());
    assertEquals(Optional.of(LedgerRefusal.NOTHING_RESERVED), ledger.recordEvidence(RequestId.of("R-3"),
        EvidenceKind.RECEIPT, "RCPT-3", WORKER, on(2019, 6, 3)).refusal());
  }

  @Test
  void aBadReferenceIsRefusedWithoutQuotingIt() {
    paid(ledger, request("R-1", "45.00", on(2019, 6, 3)).build(), on(2019, 6, 3));
    IllegalArgumentException spaced = assertThrows(IllegalArgumentException.class, () -> ledger.recordEvidence(
        SHOES, EvidenceKind.RECEIPT, "Jo Bloggs receipt", WORKER, on(2019, 6, 4)));
    assertFalse(spaced.getMessage().contains("Bloggs"), spaced::getMessage);
    assertTrue(spaced.getMessage().contains("reference") && spaced.getMessage().contains("17 characters"),
        spaced::getMessage);
    assertThrows(IllegalArgumentException.class, () -> ledger.recordEvidence(SHOES, EvidenceKind.RECEIPT, "",
        WORKER, on(2019, 6, 4)));
    assertThrows(IllegalArgumentException.class, () -> ledger.recordEvidence(SHOES, EvidenceKind.RECEIPT, "R",
        WORKER, on(2019, 6, 2)), "before the request was made");
    assertThrows(NullPointerException.class, () -> ledger.recordEvidence(SHOES, null, "R", WORKER, on(2019, 6, 4)));
    assertEquals(3, ledger.lastSequence(), "submitted, reserved and posted; nothing more");
  }

  @Test
  void anOperationIdMakesARetryReturnTheFirstResultAndADifferentReferenceAConflict() {
    paid(ledger, request("R-1", "45.00", on(2019, 6, 3)).build(), on(2019, 6, 3));
    OperationId id = OperationId.of("op-evidence-1");
    LedgerResult first = ledger.recordEvidence(id, SHOES, EvidenceKind.RECEIPT, "RCPT-1", WORKER, on(2019, 6, 4));
    long after = ledger.lastSequence();
    LedgerResult retry = ledger.recordEvidence(id, SHOES, EvidenceKind.RECEIPT, "RCPT-1", WORKER, on(2019, 6, 4));
    assertEquals(first.message(), retry.message());
    assertEquals(after, ledger.lastSequence(), "recorded once");
    OperationConflictException conflict = assertThrows(OperationConflictException.class, () -> ledger
        .recordEvidence(id, SHOES, EvidenceKind.CARD_TRANSACTION, "TXN-1", WORKER, on(2019, 6, 4)));
    assertTrue(conflict.getMessage().contains("kind") && conflict.getMessage().contains("reference"),
        conflict::getMessage);
    assertFalse(conflict.getMessage().contains("TXN-1"), conflict::getMessage);
  }

  @Test
  void aLedgerStartedFromTheJournalKnowsTheSameEvidenceAndDecidesAlike() {
    paid(ledger, request("R-1", "45.00", on(2019, 6, 3)).build(), on(2019, 6, 3));
    paid(ledger, request("R-2", "45.00", on(2019, 6, 3)).build(), on(2019, 6, 3));
    ledger.recordEvidence(RequestId.of("R-2"), EvidenceKind.RECEIPT, "RCPT-2", WORKER, on(2019, 6, 4));
    BudgetLedger restarted = BudgetLedger.builder(scheme(EvidencePolicy.WhenOverdue.DECLINE, Optional.empty()))
        .clock(clock).store(store).build();
    assertEquals(ledger.evidenceDue(WORKER), restarted.evidenceDue(WORKER));
    assertEquals(ledger.evidence(RequestId.of("R-2")), restarted.evidence(RequestId.of("R-2")));
    restarted.verifyJournal();
    clock.set(on(2019, 6, 11));
    assertEquals(List.of(FindingCode.EVIDENCE_OVERDUE), restarted.submit(request("R-3", "10.00", on(2019, 6, 11))
        .build()).decision().codes());
  }

  @Test
  void routingSendsTheWorkersNextRequestToATeamManagerInstead() {
    BudgetLedger routing = BudgetLedger.builder(scheme(EvidencePolicy.WhenOverdue.ROUTE,
        Optional.of(ApprovalRole.TEAM_MANAGER))).clock(clock).build();
    paid(routing, request("R-1", "45.00", on(2019, 6, 3)).build(), on(2019, 6, 3));
    clock.set(on(2019, 6, 12));
    Submission next = routing.submit(request("R-2", "20.00", on(2019, 6, 12)).build());
    assertEquals(Outcome.NEEDS_APPROVAL, next.outcome());
    assertEquals(List.of(FindingCode.EVIDENCE_OVERDUE_APPROVAL_REQUIRED), next.decision().codes());
    assertEquals(Optional.of(ApprovalRole.TEAM_MANAGER), next.decision().requiredRole());
  }

  @Test
  void theReportGivesTheShareOnTimeAndTheMedianDaysToEvidence() {
    // R-1 receipt after 2 days (on time); R-2 after 9 days (late); R-3 never (overdue); R-4 not due yet.
    paid(ledger, request("R-1", "45.00", on(2019, 6, 3)).build(), on(2019, 6, 3));
    paid(ledger, request("R-2", "50.00", on(2019, 6, 3)).build(), on(2019, 6, 3));
    paid(ledger, request("R-3", "55.00", on(2019, 6, 3)).build(), on(2019, 6, 3));
    ledger.recordEvidence(SHOES, EvidenceKind.RECEIPT, "RCPT-1", WORKER, on(2019, 6, 5));
    clock.set(on(2019, 6, 12));
    ledger.recordEvidence(RequestId.of("R-2"), EvidenceKind.RECEIPT, "RCPT-2", WORKER, on(2019, 6, 12));
    paid(ledger, request("R-4", "60.00", on(2019, 6, 12)).requestedBy(OTHER_WORKER).build(), on(2019, 6, 12));
    EvaluationReport report = EvaluationReport.of(org.devolvedbudgets.rules.ConfigurationHistory.of(
        scheme(EvidencePolicy.WhenOverdue.DECLINE, Optional.empty())), store.readAll(),
        BudgetPeriod.of(LocalDate.of(2019, 6, 1), LocalDate.of(2019, 7, 1)), on(2019, 6, 12));
    assertEquals(4, report.evidenceRequired());
    assertEquals("1 of 3 (33.3%)", report.evidenceOnTime().toString(), "R-4 is not due yet");
    assertEquals(1, report.evidenceOverdue());
    assertEquals(2, report.daysToEvidence().count());
    assertEquals(Optional.of(2L), report.daysToEvidence().median(), "nearest rank of 2 and 9");
  }
}
