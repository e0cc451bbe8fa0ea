package org.devolvedbudgets.rules.ledger;

import static org.devolvedbudgets.rules.TestPilots.gbp;
import static org.devolvedbudgets.rules.TestPilots.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.LondonTime;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.scheme.ApprovalPolicy;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.ApprovalTier;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.Approver;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.TestPilots;
import org.devolvedbudgets.rules.position.RemainingBudget;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Model-based: random sequences of submits, retries, approvals, posts, voids, refunds and expiry sweeps run
 * against the ledger and against a few lines of reference model, compared after every step: balances, each
 * reservation, and the approval queue (exactly the requests awaiting approval and not lapsed, in the order made). QuickTheories
 * prints the seed ("Seed was ...") and the shrunk sequence; replay with {@code qt().withFixedSeed(seed)}.
 *
 * <p>The scheme: £1,000 per family over the pilot (hard), a worker's own authority up to £200, a team manager
 * above, holds of 14 office days, refunds that restore the allowance. The model knows that a lapsed hold counts
 * as released and expired at once, and that the ledger records the expiry when it next touches the family
 * (so the sweep reports only the rest).
 */
class LedgerModelTest {

  private static final Instant START = on(2019, 6, 3);
  private static final LocalDate DAY = LocalDate.of(2019, 6, 3);
  private static final long CAP = 100_000;
  private static final long OWN_AUTHORITY = 20_000;
  private static final int FAMILIES = 3;
  private static final WorkerId WORKER = WorkerId.of("W-1");
  private static final Approver MANAGER = Approver.of(WorkerId.of("W-2"), ApprovalRole.TEAM_MANAGER, TeamId.of("T-1"));

  private static PilotConfiguration scheme() {
    return TestPilots.base("Model", "Reference scheme")
        .allTeamsEligible(true)
        .addAllowances(Allowance.builder().id(AllowanceId.of("per-family")).name("Per family").cap(Money.ofMinor(TestPilots.GBP, CAP))
            .scope(AllowanceScope.FAMILY).build())
        .approvalPolicy(ApprovalPolicy.builder()
            .addTiers(ApprovalTier.upTo(ApprovalRole.SOCIAL_WORKER, Money.ofMinor(TestPilots.GBP, OWN_AUTHORITY)))
            .addTiers(ApprovalTier.unlimited(ApprovalRole.TEAM_MANAGER))
            .build())
        .build();
  }

  /** The reference model of one request. */
  private static final class Model {
    final SpendRequest request;
    final int family;
    final long amount;
    @Nullable ReservationStatus status; // null: declined
    @Nullable Instant expiresAt;
    long posted;
    long refunded;

    Model(SpendRequest request, int family, long amount) {
      this.request = request;
      this.family = family;
      this.amount = amount;
    }

    /** The status as the ledger reports it at {@code now}: a lapsed hold is expired, recorded or not. */
    @Nullable ReservationStatus effective(Instant now) {
      return lapsed(now) ? ReservationStatus.EXPIRED : status;
    }

    boolean lapsed(Instant now) {
      return status == ReservationStatus.AWAITING_APPROVAL && !now.isBefore(expiresAt);
    }

    long used(Instant now) {
      ReservationStatus effective = effective(now);
      if (effective == null) {
        return 0;
      }
      return (effective.isOpen() ? amount : 0) + posted - refunded;
    }
  }

  private static final class Run {
    final TestClock clock = new TestClock(START);
    final BudgetLedger ledger = BudgetLedger.builder(scheme()).clock(clock).build();
    final List<Model> requests = new ArrayList<>();
    final List<String> trace = new ArrayList<>();

    void step(int command) {
      int kind = command % 8;
      int pick = (command / 8) % 6;
      long amount = 1 + (command / 48) % 60_000;
      Model target = requests.isEmpty() ? null : requests.get(pick % requests.size());
      if (kind <= 1 || target == null) {
        submit((command / 48) % FAMILIES, amount);
        return;
      }
      RequestId id = target.request.id();
      Instant now = clock.instant();
      if (kind != 2 && kind != 7) {
        touch(target.family, now);
      }
      switch (kind) {
        case 2:
          trace.add("retry " + id);
          Submission first = ledger.submission(id).orElseThrow();
          long events = ledger.lastSequence();
          assertSame(first, ledger.submit(target.request));
          assertEquals(events, ledger.lastSequence());
          break;
        case 3: {
          trace.add("approve " + id);
          LedgerRefusal expected = target.status == null ? LedgerRefusal.NOT_AWAITING_APPROVAL
              : target.status == ReservationStatus.EXPIRED ? LedgerRefusal.RESERVATION_EXPIRED
              : target.status != ReservationStatus.AWAITING_APPROVAL ? LedgerRefusal.NOT_AWAITING_APPROVAL
              : null;
          check(expected, ledger.approve(id, MANAGER, now));
          if (expected == null) {
            target.status = ReservationStatus.APPROVED;
          }
          break;
        }
        case 4: {
          long paid = 1 + (amount - 1) % target.amount;
          trace.add("post " + id + " " + paid);
          LedgerRefusal expected = target.status == null ? LedgerRefusal.NOTHING_RESERVED
              : target.status == ReservationStatus.AWAITING_APPROVAL ? LedgerRefusal.NOT_APPROVED
              : target.status != ReservationStatus.APPROVED ? LedgerRefusal.ALREADY_RESOLVED : null;
          check(expected, ledger.post(id, Money.ofMinor(TestPilots.GBP, paid), WORKER, now));
          if (expected == null) {
            target.status = ReservationStatus.POSTED;
            target.posted = paid;
          }
          break;
        }
        case 5: {
          trace.add("void " + id);
          LedgerRefusal expected = target.status == null ? LedgerRefusal.NOTHING_RESERVED
              : !target.status.isOpen() ? LedgerRefusal.ALREADY_RESOLVED : null;
          check(expected, ledger.voidReservation(id, WORKER, now));
          if (expected == null) {
            target.status = ReservationStatus.VOIDED;
          }
          break;
        }
        case 6: {
          long back = 1 + (amount - 1) % 30_000;
          trace.add("refund " + id + " " + back);
          LedgerRefusal expected = target.status == null ? LedgerRefusal.NOTHING_RESERVED
              : target.status != ReservationStatus.POSTED ? LedgerRefusal.NOT_POSTED
              : back > target.posted - target.refunded ? LedgerRefusal.REFUND_EXCEEDS_REMAINING : null;
          check(expected, ledger.refund(id, Money.ofMinor(TestPilots.GBP, back), WORKER, now));
          if (expected == null) {
            target.refunded += back;
          }
          break;
        }
        default: {
          clock.advance(Duration.ofDays(3));
          Instant later = clock.instant();
          trace.add("expire at " + later);
          List<RequestId> expected = new ArrayList<>();
          for (Model model : requests) {
            if (model.status == ReservationStatus.AWAITING_APPROVAL && !later.isBefore(model.expiresAt)) {
              model.status = ReservationStatus.EXPIRED;
              expected.add(model.request.id());
            }
          }
          assertEquals(new TreeSet<>(expected), ledger.expire(later).stream().map(Reservation::requestId)
              .collect(Collectors.toCollection(TreeSet::new)), trace::toString);
          break;
        }
      }
    }

    private void submit(int family, long amount) {
      RequestId id = RequestId.of("R-" + requests.size());
      SpendRequest request = SpendRequest.builder()
          .id(id).familyId(FamilyId.of("F-" + family)).teamId(TeamId.of("T-1")).requestedBy(WORKER)
          .amount(Money.ofMinor(TestPilots.GBP, amount))
          .category(org.devolvedbudgets.model.spend.SpendCategory.PRACTICAL)
          .paymentMethod(org.devolvedbudgets.model.spend.PaymentMethod.PURCHASE_CARD)
          .requestedAt(START)
          .build();
      trace.add("submit " + id + " F-" + family + " " + amount);
      Model model = new Model(request, family, amount);
      Instant now = clock.instant();
      touch(family, now);
      long used = requests.stream().filter(other -> other.family == family).mapToLong(other -> other.used(now))
          .sum();
      Outcome expected = used + amount > CAP ? Outcome.DECLINED
          : amount > OWN_AUTHORITY ? Outcome.NEEDS_APPROVAL : Outcome.APPROVED;
      Submission submission = ledger.submit(request);
      assertEquals(expected, submission.outcome(), trace::toString);
      if (expected != Outcome.DECLINED) {
        model.status = expected == Outcome.APPROVED ? ReservationStatus.APPROVED
            : ReservationStatus.AWAITING_APPROVAL;
        model.expiresAt = expected == Outcome.APPROVED ? null
            : clock.instant().atZone(LondonTime.ZONE).plusDays(14).toInstant();
        assertEquals(Optional.ofNullable(model.expiresAt),
            submission.reservation().orElseThrow().expiresAt(), trace::toString);
      }
      requests.add(model);
    }

    /** What the ledger does first when an operation touches a family: records its lapsed holds as expired. */
    private void touch(int family, Instant now) {
      for (Model model : requests) {
        if (model.family == family && model.lapsed(now)) {
          model.status = ReservationStatus.EXPIRED;
        }
      }
    }

    private void check(@Nullable LedgerRefusal expected, LedgerResult result) {
      assertEquals(Optional.ofNullable(expected), result.refusal(), () -> trace + " -> " + result);
    }

    void compare() {
      Instant now = clock.instant();
      for (int family = 0; family < FAMILIES; family++) {
        int f = family;
        long spent = requests.stream().filter(model -> model.family == f && model.status != null)
            .mapToLong(model -> model.posted - model.refunded).sum();
        long held = requests.stream().filter(model -> model.family == f && model.effective(now) != null
            && model.effective(now).isOpen()).mapToLong(model -> model.amount).sum();
        RemainingBudget budget = ledger.remainingBudget(FamilyId.of("F-" + family), DAY).get(0);
        assertEquals(List.of(spent, held), List.of(budget.spent().minorUnits(), budget.reserved().minorUnits()),
            trace::toString);
      }
      for (Model model : requests) {
        assertEquals(Optional.ofNullable(model.effective(now)),
            ledger.reservation(model.request.id()).map(Reservation::status), trace::toString);
      }
      // The approval queue holds exactly the requests awaiting approval and not lapsed, in the order made.
      assertEquals(requests.stream().filter(model -> model.effective(now) == ReservationStatus.AWAITING_APPROVAL)
              .map(model -> model.request.id()).collect(Collectors.toList()),
          ledger.approvalQueue().stream().map(AwaitingApproval::requestId).collect(Collectors.toList()),
          trace::toString);
    }
  }

  @Test
  void theLedgerAgreesWithTheReferenceModelAfterEveryStep() {
    qt().forAll(lists().of(integers().allPositive()).ofSizeBetween(1, 80)).checkAssert(commands -> {
      Run run = new Run();
      for (int command : commands) {
        run.step(command);
        run.compare();
      }
      run.ledger.verifyJournal();
      BudgetLedger replayed = BudgetLedger.builder(scheme()).store(run.ledger.store()).clock(run.clock).build();
      for (int family = 0; family < FAMILIES; family++) {
        assertEquals(run.ledger.remainingBudget(FamilyId.of("F-" + family), DAY).toString(),
            replayed.remainingBudget(FamilyId.of("F-" + family), DAY).toString());
      }
    });
  }

  /** Encodes a step: its kind (0-1 submit, 2 retry, 3 approve, 4 post, 5 void, 6 refund, 7 expire). */
  private static int command(int kind, int pick, int amount) {
    return kind + 8 * pick + 48 * (amount - 1);
  }

  @Test
  void theModelSeesEveryOutcomeAndRefusal() {
    Run run = new Run();
    int[] commands = {
      command(0, 0, 101),       // £1.01 for F-1, approved at once
      command(0, 0, 30_001),    // £300.01 for F-0, awaiting approval
      command(3, 1, 1),         // approve R-1
      command(3, 1, 1),         // approve R-1 again: NOT_AWAITING_APPROVAL
      command(4, 0, 51),        // post £0.51 of R-0
      command(4, 0, 1),         // post R-0 again: ALREADY_RESOLVED
      command(6, 0, 101),       // refund £1.01 of R-0: REFUND_EXCEEDS_REMAINING
      command(6, 0, 11),        // refund £0.11 of R-0
      command(5, 1, 1),         // void R-1
      command(0, 0, 60_000),    // £600.00 for F-2, awaiting approval
      command(0, 0, 59_997),    // £599.97 for F-2, declined
      command(7, 0, 1), command(7, 0, 1), command(7, 0, 1), command(7, 0, 1), command(7, 0, 1), // R-2 expires
      command(2, 2, 1),         // retry R-2
    };
    for (int command : commands) {
      run.step(command);
      run.compare();
    }
    assertEquals(List.of(ReservationStatus.POSTED, ReservationStatus.VOIDED, ReservationStatus.EXPIRED),
        run.requests.subList(0, 3).stream().map(model -> model.status).collect(Collectors.toList()),
        run.trace::toString);
    assertEquals(null, run.requests.get(3).status, run.trace::toString);
    assertEquals(gbp("0.40"), run.ledger.remainingBudget(FamilyId.of("F-1"), DAY).get(0).spent());
  }
}
