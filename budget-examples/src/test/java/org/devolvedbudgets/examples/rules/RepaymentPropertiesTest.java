package org.devolvedbudgets.examples.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.scheme.ApprovalPolicy;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.ApprovalTier;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.MeansAssessment;
import org.devolvedbudgets.model.spend.PaymentMethod;
import org.devolvedbudgets.model.spend.RepaymentTerms;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.ledger.BudgetLedger;
import org.devolvedbudgets.rules.ledger.LedgerResult;
import org.devolvedbudgets.rules.ledger.RepaymentStatus;
import org.devolvedbudgets.rules.position.RemainingBudget;
import org.junit.jupiter.api.Test;

/** Repayments over generated amounts, payments, refunds and repayments, with the allowance restored or not. */
class RepaymentPropertiesTest {

  private static final CurrencyUnit GBP = Monetary.getCurrency("GBP");
  private static final LocalDate FIRST = LocalDate.of(2019, 4, 1);
  private static final FamilyId FAMILY = FamilyId.of("F-1");
  private static final WorkerId WORKER = WorkerId.of("W-0042");
  private static final RequestId LOAN = RequestId.of("R-loan");
  private static final Instant MADE = Instant.parse("2019-06-03T09:00:00Z");

  private static PilotConfiguration scheme(boolean restores) {
    return PilotConfiguration.builder()
        .council("Northshire").schemeId(SchemeId.of("northshire-s17")).scheme("Section 17 payments")
        .version(1).effectiveFrom(FIRST).currency(GBP).term(BudgetPeriod.of(FIRST, FIRST.plusYears(1)))
        .allTeamsEligible(true)
        .addAllowances(Allowance.builder().id(AllowanceId.of("family")).name("Per family")
            .cap(Money.ofMinor(GBP, 1_000_000)).scope(AllowanceScope.FAMILY).build())
        .approvalPolicy(ApprovalPolicy.builder().addTiers(ApprovalTier.unlimited(ApprovalRole.SOCIAL_WORKER)).build())
        .repaymentRestoresAllowance(restores)
        .build();
  }

  @Test
  void repaymentsNeverExceedWhatWasGivenAndRestoreTheAllowanceExactlyWhenTheSchemeSays() {
    qt().withExamples(300).forAll(integers().between(1, 100_000), integers().between(1, 100),
        integers().between(1, 100), lists().of(integers().between(-30_000, 60_000)).ofSizeBetween(0, 12))
        .checkAssert((amount, termsPercent, paidPercent, moves) -> {
          check(amount, termsPercent, paidPercent, moves, false);
          check(amount, termsPercent, paidPercent, moves, true);
        });
  }

  private static void check(int amount, int termsPercent, int paidPercent, List<Integer> moves, boolean restores) {
    long terms = Math.max(1, amount * (long) termsPercent / 100);
    long paid = Math.max(1, amount * (long) paidPercent / 100);
    BudgetLedger ledger = BudgetLedger.builder(scheme(restores))
        .clock(Clock.fixed(Instant.parse("2019-12-01T10:00:00Z"), ZoneOffset.UTC)).build();
    SpendRequest request = SpendRequest.builder().id(LOAN).familyId(FAMILY).teamId(TeamId.of("T-1"))
        .requestedBy(WORKER).amount(Money.ofMinor(GBP, amount)).category(SpendCategory.PRACTICAL)
        .paymentMethod(PaymentMethod.SUPPLIER_INVOICE).requestedAt(MADE)
        .repayment(RepaymentTerms.inInstalments(Money.ofMinor(GBP, terms), (int) Math.min(terms, 6),
            LocalDate.of(2019, 7, 1), Period.ofMonths(1), Optional.of(MeansAssessment.of("MA-1",
                LocalDate.of(2019, 6, 1), Set.of()))))
        .build();
    assertEquals(Outcome.APPROVED, ledger.submit(request).outcome());
    ledger.post(LOAN, Money.ofMinor(GBP, paid), WORKER, MADE);
    long refunded = 0;
    long repaid = 0;
    Instant at = MADE;
    for (int move : moves) {
      at = at.plusSeconds(3600);
      // Positive moves repay, negative ones refund (the shop takes the item back).
      Money money = Money.ofMinor(GBP, Math.max(1, Math.abs(move)));
      LedgerResult result = move >= 0 ? ledger.recordRepayment(LOAN, money, WORKER, at)
          : ledger.refund(LOAN, money, WORKER, at);
      long owedBefore = Math.min(terms, paid - refunded) - repaid;
      long left = paid - refunded - repaid;
      boolean fits = move >= 0 ? money.minorUnits() <= owedBefore : money.minorUnits() <= left;
      assertEquals(fits, result.isApplied(), result::message);
      if (result.isApplied()) {
        if (move >= 0) {
          repaid += money.minorUnits();
        } else {
          refunded += money.minorUnits();
        }
      }
      RepaymentStatus status = ledger.repayment(LOAN).orElseThrow();
      assertEquals(repaid, status.repaid().minorUnits());
      assertTrue(status.repaid().minorUnits() <= status.owed().minorUnits(), status::toString);
      assertTrue(status.owed().minorUnits() <= Math.min(terms, paid - refunded), status::toString);
      assertTrue(refunded + repaid <= paid, "never more back than was paid");
      assertFalse(status.outstanding().isNegative(), status::toString);
    }
    RemainingBudget family = ledger.remainingBudget(FAMILY, LocalDate.of(2019, 6, 3)).get(0);
    assertEquals(paid - refunded - (restores ? repaid : 0), family.spent().minorUnits(),
        "repaid money restores the allowance exactly when the scheme says");
    ledger.verifyJournal();
  }
}
