package org.devolvedbudgets.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.devolvedbudgets.examples.pilots.Pilots;
import org.devolvedbudgets.examples.replay.SimulatedClock;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.spend.PaymentMethod;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.Approver;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.ledger.BudgetLedger;
import org.devolvedbudgets.rules.ledger.LedgerEvent;
import org.devolvedbudgets.rules.ledger.Submission;

/**
 * Builds large journals for the replay and report benchmarks by running requests through a real
 * {@link BudgetLedger} under Wigan's scheme, so every journal is one the ledger itself wrote.
 *
 * <p>The year's requests are spread evenly over the pilot's term, twelve per family, the families split between
 * Wigan's two teams. Amounts cycle through £5 to £550 (about one in eleven is over a worker's £500 and waits
 * for a team manager, who approves it two hours later); a family that would go over its £4,000 is declined.
 * Everything approved is paid in full a day later. Deterministic: the same count gives the same journal.
 */
public final class Journals {

  private static final int REQUESTS_PER_FAMILY = 12;
  private static final WorkerId WORKER = WorkerId.of("wig-sw1");
  private static final List<TeamId> TEAMS = List.of(Pilots.WIGAN_REUNIFICATION, Pilots.WIGAN_EDGE_OF_CARE);

  private Journals() {}

  /**
   * Runs {@code requests} requests through a new ledger and returns its journal.
   *
   * @param requests how many requests, 1 or more
   * @return the journal, in sequence order; about three events per request
   */
  public static List<LedgerEvent> wiganYear(int requests) {
    Instant start = Pilots.TERM.startInstant();
    long step = Duration.between(start, Pilots.TERM.endInstant()).toMillis() / requests;
    SimulatedClock clock = new SimulatedClock(start);
    BudgetLedger ledger = BudgetLedger.builder(Pilots.wigan()).clock(clock).build();
    FamilyId[] families = new FamilyId[Math.max(1, requests / REQUESTS_PER_FAMILY)];
    for (int i = 0; i < families.length; i++) {
      families[i] = FamilyId.of("wig-f" + i);
    }
    for (int i = 0; i < requests; i++) {
      Instant at = start.plusMillis(step * i);
      clock.advanceTo(at);
      SpendRequest request = SpendRequest.builder()
          .id(RequestId.of("r" + i))
          .familyId(families[i % families.length])
          .teamId(TEAMS.get(i % families.length % 2))
          .requestedBy(WORKER)
          .amount(Money.ofMinor(Pilots.GBP, 500 + (i * 7_919L) % 54_500))
          .category(SpendCategory.values()[i % 3])
          .requestedAt(at)
          .paymentMethod(PaymentMethod.PREPAID_CARD)
          .build();
      Submission submission = ledger.submit(request);
      Outcome outcome = submission.decision().outcome();
      if (outcome == Outcome.DECLINED) {
        continue;
      }
      if (outcome == Outcome.NEEDS_APPROVAL) {
        Approver manager = Approver.of(WorkerId.of("wig-tm1"), ApprovalRole.TEAM_MANAGER, request.teamId());
        ledger.approve(request.id(), manager, at.plus(Duration.ofHours(2)));
      }
      ledger.post(request.id(), request.amount(), WORKER, at.plus(Duration.ofDays(1)));
    }
    return ledger.store().readAll();
  }

  /**
   * Returns a journal of exactly {@code events} events: the start of a longer one. Any prefix of a journal is a
   * journal, the ledger's state at that moment.
   *
   * @param events how many events, 1 or more
   * @return the journal, not null
   */
  public static List<LedgerEvent> wiganEvents(int events) {
    List<LedgerEvent> journal = wiganYear(events / 2);
    if (journal.size() < events) {
      throw new IllegalStateException(journal.size() + " events made, " + events + " wanted");
    }
    return List.copyOf(journal.subList(0, events));
  }
}
