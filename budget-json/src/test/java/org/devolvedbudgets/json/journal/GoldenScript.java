package org.devolvedbudgets.json.journal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.devolvedbudgets.model.id.ChildId;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.LondonTime;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.spend.PaymentMethod;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.model.spend.Subcategory;
import org.devolvedbudgets.rules.Approver;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.devolvedbudgets.rules.allocation.Arm;
import org.devolvedbudgets.rules.ledger.BudgetLedger;

/**
 * The operations that wrote the journal format's golden files over {@code journal/golden.scheme.json}: every
 * event type, a purchase shared by two children, a refund, a hold that expires and a request declined with
 * figures. {@code golden-format-1.jsonl} was written without operation ids; {@code golden-format-2.jsonl} by the
 * same operations, each change but the submissions and the expiry under an operation id;
 * {@code golden-format-3.jsonl} by those of format 2 over {@code journal/golden-3.scheme.json} (the same scheme
 * with an evidence policy), then the evidence steps of {@link #evidence}. Kept so a reader can see what the files
 * record; the tests never write a golden file again, they only read them.
 */
final class GoldenScript {

  static final FamilyId FAMILY = FamilyId.of("F-golden-2");
  static final TeamId TEAM = TeamId.of("example-team");
  static final WorkerId WORKER = WorkerId.of("W-0042");
  static final Approver MANAGER = Approver.of(WorkerId.of("W-0007"), ApprovalRole.TEAM_MANAGER, TEAM);

  private GoldenScript() {}

  static Instant at(int month, int day, int hour) {
    return LocalDateTime.of(2019, month, day, hour, 0).atZone(LondonTime.ZONE).toInstant();
  }

  static SpendRequest.Builder request(String id, String amount, SpendCategory category, int month, int day) {
    return SpendRequest.builder().id(RequestId.of(id)).familyId(FAMILY).teamId(TEAM).requestedBy(WORKER)
        .amount(Money.parse("GBP " + amount)).category(category).description("Free text that stays in the case "
            + "system").paymentMethod(PaymentMethod.PREPAID_CARD).requestedAt(at(month, day, 10));
  }

  /** Runs the script; the ledger's store then holds the golden journal's events. */
  static BudgetLedger run(ConfigurationHistory scheme) {
    return run(scheme, false);
  }

  /** The operation id of a step, or null when the script runs as it did for format 1. */
  private static org.devolvedbudgets.model.id.@org.jspecify.annotations.Nullable OperationId op(boolean ids,
      String name) {
    return ids ? org.devolvedbudgets.model.id.OperationId.of("op-" + name) : null;
  }

  /** Runs the script, with operation ids (format 2) or without (format 1). */
  static BudgetLedger run(ConfigurationHistory scheme, boolean ids) {
    MutableClock clock = new MutableClock(at(5, 1, 9));
    BudgetLedger ledger = BudgetLedger.builder(scheme).clock(clock).build();
    if ((ids ? ledger.allocate(op(ids, "allocate"), FAMILY, 7, LocalDate.of(2019, 5, 1), WORKER)
        : ledger.allocate(FAMILY, 7, LocalDate.of(2019, 5, 1), WORKER)).arm() != Arm.TREATMENT) {
      throw new IllegalStateException("the golden family must be treated");
    }
    clock.advance(Duration.ofDays(33).plusHours(2)); // 3 June 2019, 11:00: after the requests were made
    ledger.submit(request("R-1", "120.00", SpendCategory.RELATIONSHIP_BUILDING, 6, 3)
        .addChildIds(ChildId.of("C-1"), ChildId.of("C-2")).subcategory(Subcategory.DAY_OUT).build());
    if (ids) {
      ledger.post(op(ids, "pay-R-1"), RequestId.of("R-1"), Money.parse("GBP 100.00"), WORKER, at(6, 4, 12));
      ledger.refund(op(ids, "refund-R-1"), RequestId.of("R-1"), Money.parse("GBP 30.00"), WORKER, at(6, 10, 12));
    } else {
      ledger.post(RequestId.of("R-1"), Money.parse("GBP 100.00"), WORKER, at(6, 4, 12));
      ledger.refund(RequestId.of("R-1"), Money.parse("GBP 30.00"), WORKER, at(6, 10, 12));
    }
    ledger.submit(request("R-2", "250.00", SpendCategory.PRACTICAL, 6, 3).subcategory(Subcategory.CLOTHING)
        .evidenceReference("INV-2019-0042").build());
    if (ids) {
      ledger.voidReservation(op(ids, "void-R-2"), RequestId.of("R-2"), WORKER, at(6, 5, 9));
    } else {
      ledger.voidReservation(RequestId.of("R-2"), WORKER, at(6, 5, 9));
    }
    ledger.submit(request("R-3", "800.00", SpendCategory.PRACTICAL, 6, 3).subcategory(Subcategory.BEDDING)
        .paymentMethod(PaymentMethod.SUPPLIER_INVOICE).vatRecoverable(true).build());
    if (ids) {
      ledger.approve(op(ids, "approve-R-3"), RequestId.of("R-3"), MANAGER, at(6, 4, 9));
      ledger.post(op(ids, "pay-R-3"), RequestId.of("R-3"), Money.parse("GBP 800.00"), WORKER, at(6, 7, 12));
    } else {
      ledger.approve(RequestId.of("R-3"), MANAGER, at(6, 4, 9));
      ledger.post(RequestId.of("R-3"), Money.parse("GBP 800.00"), WORKER, at(6, 7, 12));
    }
    ledger.submit(request("R-4", "600.00", SpendCategory.THERAPEUTIC, 6, 3).build());
    if (ids) {
      ledger.reject(op(ids, "reject-R-4"), RequestId.of("R-4"), MANAGER, at(6, 4, 10));
    } else {
      ledger.reject(RequestId.of("R-4"), MANAGER, at(6, 4, 10));
    }
    ledger.submit(request("R-5", "700.00", SpendCategory.PRACTICAL, 6, 3).build());
    ledger.submit(request("R-6", "5000.00", SpendCategory.PRACTICAL, 6, 3).build());
    clock.advance(Duration.ofDays(30));
    List<?> expired = ledger.expire(clock.instant());
    if (expired.size() != 1) {
      throw new IllegalStateException("R-5 lapses");
    }
    return ledger;
  }

  /**
   * Runs the format 2 script over a scheme with an evidence policy (a receipt or card data within 7 days of a
   * spend of £50 or more; overdue evidence routes to a team manager) whose repayments restore the allowance, then,
   * on 3 July 2019: R-3's receipt, which arrived on 7 June (on time); R-7, which the worker's overdue evidence for
   * R-1 (due by 11 June) sends to a team manager; R-1's card data, late, under an operation id; and R-8, £200 given
   * subject to repayment in two monthly instalments from 1 August on a means assessment of 2 July, paid, with £100
   * repaid on 1 August under an operation id.
   */
  static BudgetLedger formatThree(ConfigurationHistory scheme) {
    BudgetLedger ledger = run(scheme, true);
    ledger.recordEvidence(RequestId.of("R-3"), org.devolvedbudgets.model.spend.EvidenceKind.RECEIPT, "INV-2019-0800",
        WORKER, at(6, 7, 15));
    ledger.submit(request("R-7", "40.00", SpendCategory.PRACTICAL, 7, 3).build());
    ledger.recordEvidence(op(true, "evidence-R-1"), RequestId.of("R-1"),
        org.devolvedbudgets.model.spend.EvidenceKind.CARD_TRANSACTION, "TXN-000981", WORKER, at(7, 3, 12));
    ledger.submit(request("R-8", "200.00", SpendCategory.PRACTICAL, 7, 3).subcategory(Subcategory.RENT_ARREARS)
        .repayment(org.devolvedbudgets.model.spend.RepaymentTerms.inInstalments(Money.parse("GBP 200.00"), 2,
            LocalDate.of(2019, 8, 1), java.time.Period.ofMonths(1), java.util.Optional.of(
                org.devolvedbudgets.model.spend.MeansAssessment.of("MA-2019-0107", LocalDate.of(2019, 7, 2),
                    java.util.Set.of())))).build());
    ledger.post(op(true, "pay-R-8"), RequestId.of("R-8"), Money.parse("GBP 200.00"), WORKER, at(7, 3, 13));
    ledger.recordRepayment(op(true, "repay-R-8-1"), RequestId.of("R-8"), Money.parse("GBP 100.00"), WORKER,
        at(8, 1, 10));
    return ledger;
  }
}
