package org.devolvedbudgets.rules.ledger;

import static org.devolvedbudgets.rules.TestPilots.WORKER;
import static org.devolvedbudgets.rules.TestPilots.darlington;
import static org.devolvedbudgets.rules.TestPilots.gbp;
import static org.devolvedbudgets.rules.TestPilots.on;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.OperationId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.rules.Approver;
import org.devolvedbudgets.rules.TestPilots;
import org.devolvedbudgets.rules.allocation.Allocations;
import org.devolvedbudgets.rules.allocation.Arm;
import org.jspecify.annotations.Nullable;

/** A journal holding every kind of event, made by a real ledger on Darlington's scheme, for store tests. */
public final class Journals {

  private Journals() {}

  /**
   * Returns a family Darlington's randomisation puts in the treatment arm.
   *
   * @param index which of them, from 0
   * @return the family, not null
   */
  public static FamilyId treatedFamily(int index) {
    int found = 0;
    for (int i = 0; ; i++) {
      FamilyId candidate = FamilyId.of("F-" + i);
      if (Allocations.randomArm(TestPilots.darlingtonRandomisation(), candidate) == Arm.TREATMENT
          && found++ == index) {
        return candidate;
      }
    }
  }

  /**
   * Returns a journal of every event type for two families.
   *
   * @return the events in sequence order
   */
  public static List<LedgerEvent> everyKindOfEvent() {
    TestClock clock = new TestClock(on(2019, 6, 3));
    BudgetLedger ledger = BudgetLedger.builder(darlington()).clock(clock).build();
    Approver manager = Approver.of(WorkerId.of("W-0007"), ApprovalRole.TEAM_MANAGER,
        TestPilots.DARLINGTON_TEAM);
    for (int family = 0; family < 2; family++) {
      spend(ledger, treatedFamily(family), "R-" + family + "-", manager, null);
    }
    ledger.submit(TestPilots.request(TestPilots.DARLINGTON_TEAM, "5.00").familyId(FamilyId.of("F-unallocated"))
        .id(RequestId.of("R-declined")).build());
    clock.advance(Duration.ofDays(30));
    ledger.expire(clock.instant());
    return ledger.store().readAll();
  }

  /**
   * Returns a long journal of every event type: {@code families} families ({@code F-0}, {@code F-1}, ...; those
   * in the control arm have their requests declined), each allocated and spending as in {@link
   * #everyKindOfEvent}, every other family's changes under operation ids, then an expiry sweep.
   *
   * @param families how many families, 1 or more
   * @return the events in sequence order, about 16 a family
   */
  public static List<LedgerEvent> manyFamilies(int families) {
    TestClock clock = new TestClock(on(2019, 6, 3));
    BudgetLedger ledger = BudgetLedger.builder(darlington()).clock(clock).build();
    Approver manager = Approver.of(WorkerId.of("W-0007"), ApprovalRole.TEAM_MANAGER,
        TestPilots.DARLINGTON_TEAM);
    for (int family = 0; family < families; family++) {
      spend(ledger, FamilyId.of("F-" + family), "R-" + family + "-", manager,
          family % 2 == 0 ? "OP-" + family + "-" : null);
    }
    clock.advance(Duration.ofDays(30));
    ledger.expire(clock.instant());
    return ledger.store().readAll();
  }

  /**
   * Returns Darlington's scheme with an evidence policy (a receipt or card data within 7 days of any spend; overdue
   * evidence sends the worker's new requests to a team manager) and repayments that restore the allowance.
   *
   * @return the configuration, not null
   */
  public static org.devolvedbudgets.model.scheme.PilotConfiguration darlingtonWithEvidence() {
    return org.devolvedbudgets.model.scheme.PilotConfiguration.builder().from(darlington()).evidencePolicy(
        org.devolvedbudgets.model.scheme.EvidencePolicy.builder()
            .addRequirements(org.devolvedbudgets.model.scheme.EvidenceRequirement.builder()
                .addAccepts(org.devolvedbudgets.model.spend.EvidenceKind.RECEIPT,
                    org.devolvedbudgets.model.spend.EvidenceKind.CARD_TRANSACTION).dueWithinDays(7).build())
            .whenOverdue(org.devolvedbudgets.model.scheme.EvidencePolicy.WhenOverdue.ROUTE)
            .approvedBy(ApprovalRole.TEAM_MANAGER).build()).repaymentRestoresAllowance(true).build();
  }

  /**
   * Returns a journal under {@link #darlingtonWithEvidence()}: every event type of {@link #everyKindOfEvent} for one
   * family, a request routed because a receipt is overdue (a finding with overdue evidence), evidence received
   * with and without an operation id, and a repayable request paid and repaid twice, once under an operation id.
   *
   * @return the events in sequence order
   */
  public static List<LedgerEvent> withEvidenceAndRepayment() {
    TestClock clock = new TestClock(on(2019, 6, 3));
    BudgetLedger ledger = BudgetLedger.builder(darlingtonWithEvidence()).clock(clock).build();
    Approver manager = Approver.of(WorkerId.of("W-0007"), ApprovalRole.TEAM_MANAGER,
        TestPilots.DARLINGTON_TEAM);
    FamilyId family = treatedFamily(0);
    spend(ledger, family, "R-", manager, "OP-");
    clock.set(on(2019, 6, 20));
    ledger.submit(TestPilots.request(TestPilots.DARLINGTON_TEAM, "25.00").familyId(family)
        .id(RequestId.of("R-overdue")).requestedAt(on(2019, 6, 20)).build());
    ledger.recordEvidence(RequestId.of("R-1"), org.devolvedbudgets.model.spend.EvidenceKind.RECEIPT, "RCPT-1",
        WORKER, on(2019, 6, 20));
    ledger.recordEvidence(OperationId.of("OP-evidence"), RequestId.of("R-1"),
        org.devolvedbudgets.model.spend.EvidenceKind.CARD_TRANSACTION, "TXN-1", WORKER, on(2019, 6, 20));
    RequestId loan = RequestId.of("R-loan");
    ledger.submit(TestPilots.request(TestPilots.DARLINGTON_TEAM, "120.00").familyId(family).id(loan)
        .requestedAt(on(2019, 6, 20)).repayment(org.devolvedbudgets.model.spend.RepaymentTerms.inInstalments(
            gbp("120.00"), 3, LocalDate.of(2019, 7, 1), java.time.Period.ofMonths(1), java.util.Optional.of(
                org.devolvedbudgets.model.spend.MeansAssessment.of("MA-1", LocalDate.of(2019, 6, 19),
                    java.util.Set.of())))).build());
    ledger.approve(loan, manager, on(2019, 6, 20));
    ledger.post(loan, gbp("120.00"), WORKER, on(2019, 6, 21));
    ledger.recordRepayment(loan, gbp("40.00"), WORKER, on(2019, 7, 1));
    ledger.recordRepayment(OperationId.of("OP-repay"), loan, gbp("40.00"), WORKER, on(2019, 8, 1));
    return ledger.store().readAll();
  }

  /** A family's allocation, five requests, and an approval, payment, refund, rejection, void and approval. */
  private static void spend(BudgetLedger ledger, FamilyId familyId, String prefix, Approver manager,
      @Nullable String operations) {
    if (operations == null) {
      ledger.allocate(familyId, 8, LocalDate.of(2019, 6, 1), WORKER);
    } else {
      ledger.allocate(OperationId.of(operations + "A"), familyId, 8, LocalDate.of(2019, 6, 1), WORKER);
    }
    for (int i = 1; i <= 5; i++) {
      ledger.submit(TestPilots.request(TestPilots.DARLINGTON_TEAM, i + "00.00").familyId(familyId)
          .id(RequestId.of(prefix + i)).build());
    }
    if (operations == null) {
      ledger.approve(RequestId.of(prefix + 1), manager, on(2019, 6, 4));
      ledger.post(RequestId.of(prefix + 1), gbp("90.00"), WORKER, on(2019, 6, 5));
      ledger.refund(RequestId.of(prefix + 1), gbp("10.00"), WORKER, on(2019, 6, 6));
      ledger.reject(RequestId.of(prefix + 2), manager, on(2019, 6, 4));
      ledger.voidReservation(RequestId.of(prefix + 3), WORKER, on(2019, 6, 4));
      ledger.approve(RequestId.of(prefix + 4), manager, on(2019, 6, 4));
    } else {
      ledger.approve(OperationId.of(operations + 1), RequestId.of(prefix + 1), manager, on(2019, 6, 4));
      ledger.post(OperationId.of(operations + 2), RequestId.of(prefix + 1), gbp("90.00"), WORKER, on(2019, 6, 5));
      ledger.refund(OperationId.of(operations + 3), RequestId.of(prefix + 1), gbp("10.00"), WORKER,
          on(2019, 6, 6));
      ledger.reject(OperationId.of(operations + 4), RequestId.of(prefix + 2), manager, on(2019, 6, 4));
      ledger.voidReservation(OperationId.of(operations + 5), RequestId.of(prefix + 3), WORKER, on(2019, 6, 4));
      ledger.approve(OperationId.of(operations + 6), RequestId.of(prefix + 4), manager, on(2019, 6, 4));
    }
  }
}
