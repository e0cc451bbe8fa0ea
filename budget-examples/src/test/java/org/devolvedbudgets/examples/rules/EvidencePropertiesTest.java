package org.devolvedbudgets.examples.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import javax.money.Monetary;
import org.devolvedbudgets.examples.generators.DomainGenerators;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.period.LondonTime;
import org.devolvedbudgets.model.scheme.ApprovalPolicy;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.ApprovalTier;
import org.devolvedbudgets.model.scheme.EvidencePolicy;
import org.devolvedbudgets.model.scheme.EvidenceRequirement;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.EvidenceKind;
import org.devolvedbudgets.model.spend.PaymentMethod;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.Decision;
import org.devolvedbudgets.rules.FindingCode;
import org.devolvedbudgets.rules.Fingerprint;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.SpendRules;
import org.devolvedbudgets.rules.ledger.BudgetLedger;
import org.devolvedbudgets.rules.ledger.EvidenceDue;
import org.devolvedbudgets.rules.position.BudgetPosition;
import org.devolvedbudgets.rules.position.OverdueEvidence;
import org.junit.jupiter.api.Test;

/** Evidence after payment over generated times and schemes: London days, and what overdue evidence may do. */
class EvidencePropertiesTest {

  private static final LocalDate FIRST = LocalDate.of(2019, 4, 1);
  private static final WorkerId WORKER = WorkerId.of("W-0042");

  /** A scheme of ten years that approves every spend at once, asking for a receipt within {@code days}. */
  private static PilotConfiguration scheme(int days) {
    return PilotConfiguration.builder()
        .council("Northshire").schemeId(SchemeId.of("northshire-s17")).scheme("Section 17 payments")
        .version(1).effectiveFrom(FIRST).currency(Monetary.getCurrency("GBP"))
        .term(BudgetPeriod.of(FIRST, FIRST.plusYears(10))).allTeamsEligible(true)
        .approvalPolicy(ApprovalPolicy.builder().addTiers(ApprovalTier.unlimited(ApprovalRole.SOCIAL_WORKER)).build())
        .evidencePolicy(EvidencePolicy.builder().addRequirements(EvidenceRequirement.builder()
            .addAccepts(EvidenceKind.RECEIPT).dueWithinDays(days).build())
            .whenOverdue(EvidencePolicy.WhenOverdue.DECLINE).build())
        .build();
  }

  private static SpendRequest request(String id, Instant at) {
    return SpendRequest.builder().id(RequestId.of(id)).familyId(FamilyId.of("F-1")).teamId(TeamId.of("T-1"))
        .requestedBy(WORKER).amount(Money.parse("GBP 30.00")).category(SpendCategory.PRACTICAL)
        .paymentMethod(PaymentMethod.PREPAID_CARD).requestedAt(at).build();
  }

  /** Instants within two hours of midnight UTC, where London's day and UTC's differ for an hour in summer. */
  private static Instant nearMidnight(int day, int minutes) {
    return FIRST.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant().plus(minutes, ChronoUnit.MINUTES);
  }

  @Test
  void evidenceOverdueIsComputedInLondonDays() {
    qt().withExamples(300).forAll(integers().between(1, 3000), integers().between(-120, 120),
        integers().between(0, 30), integers().between(-1, 40)).checkAssert((day, minutes, days, after) -> {
          Instant paidAt = nearMidnight(day, minutes);
          Instant later = paidAt.plus(Math.max(0, after), ChronoUnit.DAYS).plus(Math.abs(minutes), ChronoUnit.MINUTES);
          BudgetLedger ledger = BudgetLedger.builder(scheme(days)).clock(Clock.fixed(later, ZoneOffset.UTC)).build();
          ledger.submit(request("R-1", paidAt));
          ledger.post(RequestId.of("R-1"), Money.parse("GBP 30.00"), WORKER, paidAt);
          EvidenceDue due = ledger.evidence(RequestId.of("R-1")).get(0);
          LocalDate londonDay = LocalDate.ofInstant(paidAt, LondonTime.ZONE);
          assertEquals(londonDay, due.paidOn(), "paid on the London day, whatever UTC says");
          assertEquals(londonDay.plusDays(days), due.dueOn());
          LocalDate judged = LocalDate.ofInstant(later, LondonTime.ZONE);
          assertEquals(judged.isAfter(due.dueOn()), due.isOverdueOn(judged));
          assertEquals(judged.isAfter(due.dueOn()) ? List.of(due) : List.of(), ledger.evidenceOverdue(WORKER, judged));
          Decision next = ledger.submit(request("R-2", later)).decision();
          assertEquals(judged.isAfter(due.dueOn()), next.codes().contains(FindingCode.EVIDENCE_OVERDUE),
              next::toString);
          next.findings().stream().filter(finding -> finding.code() == FindingCode.EVIDENCE_OVERDUE).findFirst()
              .ifPresent(finding -> assertEquals(Optional.of(OverdueEvidence.of(1, Money.parse("GBP 30.00"),
                  due.dueOn().plusDays(1))), finding.overdueEvidence()));
          if (after >= 0) {
            ledger.recordEvidence(RequestId.of("R-1"), EvidenceKind.RECEIPT, "RCPT-1", WORKER, later);
            EvidenceDue received = ledger.evidence(RequestId.of("R-1")).get(0);
            assertEquals(!judged.isAfter(due.dueOn()), received.isOnTime(), received::toString);
            assertEquals(Optional.of(ChronoUnit.DAYS.between(londonDay, judged)), received.daysToEvidence());
            assertEquals(List.of(), ledger.evidenceDue(WORKER));
          }
        });
  }

  @Test
  void overdueEvidenceDoesWhatTheSchemeSaysAndNothingElse() {
    qt().withExamples(300).forAll(DomainGenerators.evidenceConfigurations()).checkAssert(configuration -> {
      EvidencePolicy policy = configuration.evidencePolicy().orElseThrow();
      PilotConfiguration without = PilotConfiguration.builder().from(configuration)
          .evidencePolicy(Optional.empty()).build();
      qt().withExamples(20).forAll(DomainGenerators.spendRequests(configuration)).checkAssert(request -> {
        OverdueEvidence overdue = OverdueEvidence.of(2, Money.ofMinor(configuration.currency(), 8_500),
            request.requestedOn().minusDays(3));
        Decision plain = SpendRules.decide(without, request, BudgetPosition.empty());
        assertEquals(plain, SpendRules.decide(configuration, request, BudgetPosition.empty()),
            "nothing overdue: decided as if the scheme asked for no evidence");
        Decision decision = SpendRules.decide(configuration, request,
            BudgetPosition.builder().overdueEvidence(overdue).build());
        switch (policy.whenOverdue()) {
          case NOTHING:
            assertEquals(plain, decision);
            break;
          case DECLINE:
            assertEquals(Outcome.DECLINED, decision.outcome(), decision::toString);
            assertTrue(decision.codes().contains(FindingCode.EVIDENCE_OVERDUE), decision::toString);
            break;
          default:
            assertNotEquals(Outcome.APPROVED, decision.outcome(), decision::toString);
            assertTrue(decision.codes().contains(FindingCode.EVIDENCE_OVERDUE_APPROVAL_REQUIRED), decision::toString);
            if (decision.outcome() == Outcome.NEEDS_APPROVAL) {
              assertTrue(decision.requiredRole().orElseThrow().isAtLeast(policy.approvedBy().orElseThrow()),
                  decision::toString);
            }
        }
      });
    });
  }

  @Test
  void aVersionWithoutAnEvidencePolicyKeepsItsFingerprint() {
    qt().withExamples(200).forAll(DomainGenerators.evidenceConfigurations()).checkAssert(configuration -> {
      PilotConfiguration without = PilotConfiguration.builder().from(configuration)
          .evidencePolicy(Optional.empty()).build();
      assertTrue(!Fingerprint.canonicalForm(without).contains("evidence"), "no policy, no evidence line");
      assertNotEquals(Fingerprint.of(without), Fingerprint.of(configuration));
    });
  }
}
