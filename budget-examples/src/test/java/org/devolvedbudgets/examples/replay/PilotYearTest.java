package org.devolvedbudgets.examples.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.devolvedbudgets.examples.pilots.PilotSite;
import org.devolvedbudgets.rules.evaluation.EvaluationReport;
import org.devolvedbudgets.rules.ledger.BudgetLedger;
import org.devolvedbudgets.rules.ledger.LedgerStore;
import org.junit.jupiter.api.Test;

class PilotYearTest {

  @Test
  void aSimulatedYearReplaysToTheSameBalancesAndReport() {
    PilotYear.Result result = PilotYear.of(PilotSite.wigan(), 11).run();
    LedgerStore store = result.store();

    BudgetLedger replayed = BudgetLedger.builder(PilotSite.wigan().history()).store(store).build();
    replayed.verifyJournal();

    EvaluationReport again = EvaluationReport.of(PilotSite.wigan().history(), store.readAll(), result.report().range());
    assertEquals(result.report().spent(), again.spent());
    assertEquals(result.report().uptake(), again.uptake());
    assertEquals(60, result.report().eligibleFamilies());
  }
}
