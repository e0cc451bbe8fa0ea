package org.devolvedbudgets.rules.ledger;

import static org.devolvedbudgets.rules.TestPilots.EDGE_OF_CARE;
import static org.devolvedbudgets.rules.TestPilots.REUNIFICATION;
import static org.devolvedbudgets.rules.TestPilots.WORKER;
import static org.devolvedbudgets.rules.TestPilots.gbp;
import static org.devolvedbudgets.rules.TestPilots.hillingdon;
import static org.devolvedbudgets.rules.TestPilots.on;
import static org.devolvedbudgets.rules.TestPilots.wigan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.Approver;
import org.devolvedbudgets.rules.FindingCode;
import org.devolvedbudgets.rules.TestPilots;
import org.junit.jupiter.api.Test;

/**
 * The approval queue: a manager's work list of requests awaiting approval, oldest first, by the rules' own test of
 * who may approve what, with each request's role, reasons, age and lapse; on every server once it has caught up.
 */
class ApprovalQueueTest {

  private static final Instant START = on(2019, 6, 3);
  private static final Approver REUNIFICATION_MANAGER = Approver.of(WorkerId.of("W-0007"),
      ApprovalRole.TEAM_MANAGER, REUNIFICATION);
  private static final Approver EDGE_MANAGER = Approver.of(WorkerId.of("W-0008"), ApprovalRole.TEAM_MANAGER,
      EDGE_OF_CARE);

  private final TestClock clock = new TestClock(START);

  private BudgetLedger ledger(LedgerStore store) {
    return BudgetLedger.builder(wigan()).store(store).clock(clock).build();
  }

  private static SpendRequest request(String id, TeamId team, String worker, String amount) {
    return TestPilots.request(team, amount).id(RequestId.of(id)).familyId(FamilyId.of("F-" + id))
        .requestedBy(WorkerId.of(worker)).build();
  }

  private static List<String> ids(List<AwaitingApproval> queue) {
    return queue.stream().map(item -> item.requestId().value()).toList();
  }

  @Test
  void aManagerSeesTheirTeamsRequestsAwaitingApprovalOldestFirst() {
    BudgetLedger ledger = ledger(new InMemoryLedgerStore());
    ledger.submit(request("R-1", REUNIFICATION, "W-0042", "750.00"));
    clock.advance(Duration.ofMinutes(5));
    ledger.submit(request("R-2", EDGE_OF_CARE, "W-0043", "800.00"));
    clock.advance(Duration.ofMinutes(5));
    ledger.submit(request("R-3", REUNIFICATION, "W-0042", "120.00")); // within the worker's authority
    ledger.submit(request("R-4", REUNIFICATION, "W-0044", "900.00"));
    clock.advance(Duration.ofHours(1));

    assertEquals(List.of("R-1", "R-4"), ids(ledger.approvalQueue(REUNIFICATION_MANAGER)));
    assertEquals(List.of("R-2"), ids(ledger.approvalQueue(EDGE_MANAGER)));
    assertEquals(List.of("R-1", "R-2", "R-4"), ids(ledger.approvalQueue()));
    assertEquals(List.of("R-1", "R-4"), ids(ledger.approvalQueue(REUNIFICATION)));

    AwaitingApproval first = ledger.approvalQueue(REUNIFICATION_MANAGER).get(0);
    assertEquals(ApprovalRole.TEAM_MANAGER, first.requiredRole());
    assertEquals(gbp("750.00"), first.amount());
    assertEquals(WorkerId.of("W-0042"), first.requestedBy());
    assertEquals(START, first.heldSince());
    assertEquals(Duration.ofMinutes(70), first.age());
    assertEquals(ledger.reservation(RequestId.of("R-1")).orElseThrow().expiresAt().orElseThrow(),
        first.holdLapsesAt());
    assertTrue(first.reasons().contains(FindingCode.APPROVAL_REQUIRED), first.reasons().toString());
  }

  @Test
  void nobodySeesTheirOwnRequestNorOneAboveTheirRole() {
    BudgetLedger ledger = BudgetLedger.builder(hillingdon()).clock(clock).build();
    TeamId team = TestPilots.VAT;
    ledger.submit(request("R-1", team, "W-0007", "700.00")); // the manager's own request
    ledger.submit(request("R-2", team, "W-0042", "1200.00")); // needs a head of service
    Approver manager = Approver.of(WorkerId.of("W-0007"), ApprovalRole.TEAM_MANAGER, team);
    Approver head = Approver.of(WorkerId.of("W-0001"), ApprovalRole.HEAD_OF_SERVICE);
    assertEquals(List.of(), ids(ledger.approvalQueue(manager)));
    assertEquals(List.of("R-1", "R-2"), ids(ledger.approvalQueue(head)));
    assertEquals(ApprovalRole.HEAD_OF_SERVICE, ledger.approvalQueue(head).get(1).requiredRole());
  }

  @Test
  void aRequestLeavesTheQueueWhenApprovedRejectedVoidedOrLapsed() {
    BudgetLedger ledger = ledger(new InMemoryLedgerStore());
    for (int i = 1; i <= 4; i++) {
      ledger.submit(request("R-" + i, REUNIFICATION, "W-0042", "750.00"));
    }
    ledger.approve(RequestId.of("R-1"), REUNIFICATION_MANAGER, START.plusSeconds(1));
    ledger.reject(RequestId.of("R-2"), REUNIFICATION_MANAGER, START.plusSeconds(1));
    ledger.voidReservation(RequestId.of("R-3"), WORKER, START.plusSeconds(1));
    assertEquals(List.of("R-4"), ids(ledger.approvalQueue()));
    clock.advance(Duration.ofDays(30));
    assertEquals(List.of(), ids(ledger.approvalQueue()), "a lapsed hold is out before its expiry is recorded");
    assertEquals(1, ledger.expire(clock.instant()).size(), "and the sweep still finds it");
    ledger.verifyJournal();
  }

  @Test
  void afterCatchingUpAServerListsRequestsMadeOnAnotherAndApprovesThem() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    BudgetLedger a = ledger(store);
    BudgetLedger b = ledger(store);
    a.submit(request("R-1", REUNIFICATION, "W-0042", "750.00"));
    a.submit(request("R-2", REUNIFICATION, "W-0042", "760.00"));
    assertEquals(List.of(), ids(b.approvalQueue(REUNIFICATION_MANAGER)), "B has not read the journal yet");
    b.catchUp();
    List<AwaitingApproval> queue = b.approvalQueue(REUNIFICATION_MANAGER);
    assertEquals(List.of("R-1", "R-2"), ids(queue));
    assertTrue(b.approve(queue.get(0).requestId(), REUNIFICATION_MANAGER, START.plusSeconds(60)).isApplied());
    a.catchUp();
    assertEquals(List.of("R-2"), ids(a.approvalQueue(REUNIFICATION_MANAGER)));
  }
}
