package org.devolvedbudgets.rules.ledger;

import static org.devolvedbudgets.rules.TestPilots.REUNIFICATION;
import static org.devolvedbudgets.rules.TestPilots.gbp;
import static org.devolvedbudgets.rules.TestPilots.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.scheme.EvidencePolicy;
import org.devolvedbudgets.model.spend.EvidenceKind;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.FindingCode;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.TestPilots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One worker's evidence, changed from several threads at once for several families: receipts recorded while the
 * same worker's new requests are decided. Nothing is lost, nothing is counted twice, and every decision saw the
 * evidence as it stood before or after each change.
 */
class EvidenceConcurrencyTest {

  private static final WorkerId WORKER = TestPilots.WORKER;
  private static final int FAMILIES = 8;
  private static final int SPENDS = 25;

  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
  }

  @Test
  void receiptsRecordedWhileTheSameWorkerSpendsForOtherFamiliesAreNeverLostOrDoubled() throws Exception {
    TestClock clock = new TestClock(on(2019, 6, 20));
    BudgetLedger ledger = BudgetLedger.builder(EvidenceTest.scheme(EvidencePolicy.WhenOverdue.DECLINE,
        Optional.empty())).clock(clock).build();
    // Every family has one spend paid on 3 June whose receipt is overdue from 11 June.
    for (int f = 0; f < FAMILIES; f++) {
      SpendRequest old = request("R-" + f + "-old", f, on(2019, 6, 3));
      ledger.submit(old);
      ledger.post(old.id(), old.amount(), WORKER, on(2019, 6, 3));
    }
    List<Future<int[]>> results = new ArrayList<>();
    for (int f = 0; f < FAMILIES; f++) {
      int family = f;
      Callable<int[]> work = () -> {
        int declined = 0;
        int approved = 0;
        for (int i = 0; i < SPENDS; i++) {
          if (i == SPENDS / 2) {
            assertTrue(ledger.recordEvidence(RequestId.of("R-" + family + "-old"), EvidenceKind.RECEIPT,
                "RCPT-" + family, WORKER, on(2019, 6, 20)).isApplied());
          }
          SpendRequest next = request("R-" + family + "-" + i, family, on(2019, 6, 20));
          Outcome outcome = ledger.submit(next).outcome();
          if (outcome == Outcome.DECLINED) {
            declined++;
          } else {
            approved++;
            assertTrue(ledger.post(next.id(), next.amount(), WORKER, on(2019, 6, 20)).isApplied());
            assertTrue(ledger.recordEvidence(next.id(), EvidenceKind.CARD_TRANSACTION, "TXN-" + family + "-" + i,
                WORKER, on(2019, 6, 20)).isApplied());
          }
        }
        return new int[] {declined, approved};
      };
      results.add(pool.submit(work));
    }
    int approved = 0;
    for (Future<int[]> result : results) {
      approved += result.get(60, TimeUnit.SECONDS)[1];
    }
    assertEquals(List.of(), ledger.evidenceDue(WORKER), "every receipt and card record counted once");
    assertTrue(approved > 0, "once every old receipt was in, requests went ahead");
    for (LedgerEvent event : ledger.store().readAll()) {
      if (event instanceof LedgerEvent.Submitted) {
        LedgerEvent.Submitted submitted = (LedgerEvent.Submitted) event;
        submitted.decision().findings().stream().filter(finding -> finding.code() == FindingCode.EVIDENCE_OVERDUE)
            .map(finding -> finding.overdueEvidence().orElseThrow()).forEach(overdue -> {
              assertTrue(overdue.spends() >= 1 && overdue.spends() <= FAMILIES, overdue::toString);
              assertEquals(gbp("30.00").multipliedBy(overdue.spends()), overdue.paid(), "a consistent count and sum");
              assertEquals(java.time.LocalDate.of(2019, 6, 11), overdue.since());
            });
      }
    }
    ledger.verifyJournal();
    BudgetLedger restarted = BudgetLedger.builder(EvidenceTest.scheme(EvidencePolicy.WhenOverdue.DECLINE,
        Optional.empty())).clock(clock).store(ledger.store()).build();
    assertEquals(List.of(), restarted.evidenceDue(WORKER));
  }

  private static SpendRequest request(String id, int family, Instant at) {
    return TestPilots.request(REUNIFICATION, "30.00").id(RequestId.of(id)).familyId(FamilyId.of("F-" + family))
        .requestedAt(at).build();
  }
}
