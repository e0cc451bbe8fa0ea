package org.devolvedbudgets.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.devolvedbudgets.examples.pilots.Pilots;
import org.devolvedbudgets.rules.FindingCode;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.evaluation.EvaluationReport;
import org.devolvedbudgets.rules.evaluation.RequestStatus;
import org.devolvedbudgets.rules.ledger.BudgetLedger;
import org.devolvedbudgets.rules.ledger.InMemoryLedgerStore;
import org.devolvedbudgets.rules.ledger.LedgerEvent;
import org.devolvedbudgets.rules.ledger.LedgerResult;
import org.junit.jupiter.api.Test;

/**
 * Each benchmark measures what it says: run once, here, its operation gives the result the benchmark is named
 * for. No timing is asserted (speed lives in the JMH runs).
 */
class BenchmarkStatesTest {

  @Test
  void moneyBenchmarksAgree() {
    MoneyBenchmark benchmark = new MoneyBenchmark();
    assertTrue(benchmark.rawLong());
    assertEquals(benchmark.rawLong(), benchmark.money());
    assertEquals(benchmark.rawLong(), benchmark.moneta());
  }

  @Test
  void decideBenchmarksDecideAsNamed() {
    DecideBenchmark benchmark = new DecideBenchmark();
    assertEquals(Outcome.APPROVED, benchmark.approved().outcome());
    assertEquals(Outcome.APPROVED, benchmark.naiveApproved().outcome());
    assertEquals(List.of(FindingCode.TEAM_NOT_ELIGIBLE, FindingCode.CASH_NOT_ALLOWED,
        FindingCode.EXCEEDS_FAMILY_ALLOWANCE), benchmark.declined().codes());
    assertEquals(benchmark.declined().codes(), benchmark.naiveDeclined().codes());
  }

  @Test
  void ledgerBenchmarkSubmitsAndPostsEveryTime() {
    LedgerBenchmark.Shared shared = new LedgerBenchmark.Shared();
    LedgerBenchmark.Worker worker = new LedgerBenchmark.Worker();
    worker.setUp(0);
    LedgerBenchmark benchmark = new LedgerBenchmark();
    for (int i = 0; i < 2_500; i++) {
      LedgerResult result = i % 2 == 0 ? benchmark.oneThread(shared, worker)
          : benchmark.twoThreadsSameFamily(shared, worker);
      assertTrue(result.isApplied(), result::toString);
    }
    assertEquals(7_500, shared.ledger.lastSequence());
  }

  @Test
  void journalsHoldEveryKindOfOutcome() {
    List<LedgerEvent> journal = Journals.wiganYear(3_000);
    EvaluationReport report = EvaluationReport.of(Pilots.wigan(), journal, Pilots.TERM);
    assertEquals(3_000, report.requests().size());
    Set<RequestStatus> seen = EnumSet.noneOf(RequestStatus.class);
    report.requests().forEach(request -> seen.add(request.status()));
    assertTrue(seen.containsAll(EnumSet.of(RequestStatus.POSTED, RequestStatus.DECLINED)), seen::toString);
    assertTrue(report.neededApproval().part() > 0, report::toString);
    assertTrue(report.count(RequestStatus.DECLINED) < 300, () -> "declined " + report.count(RequestStatus.DECLINED));
    assertEquals(Journals.wiganYear(3_000), journal, "deterministic");
  }

  @Test
  void replayBenchmarkRebuildsTheBalances() {
    List<LedgerEvent> journal = Journals.wiganEvents(5_000);
    assertEquals(5_000, journal.size());
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    store.append(0, journal);
    BudgetLedger ledger = BudgetLedger.builder(Pilots.wigan()).store(store).build();
    assertEquals(5_000, ledger.lastSequence());
    ledger.verifyJournal();
  }
}
