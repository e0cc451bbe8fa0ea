package org.devolvedbudgets.examples.scenario;

import java.util.HashMap;
import java.util.Map;
import org.devolvedbudgets.examples.replay.SimulatedClock;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.ledger.BudgetLedger;

/** One run of a scenario: its ledger, its clock and the requests submitted so far. Confined to one thread. */
final class ScenarioRun {

  final String file;
  final SimulatedClock clock;
  final BudgetLedger ledger;
  final Map<RequestId, SpendRequest> requests = new HashMap<>();

  ScenarioRun(String file, SimulatedClock clock, BudgetLedger ledger) {
    this.file = file;
    this.clock = clock;
    this.ledger = ledger;
  }

  SpendRequest request(RequestId id, int step) {
    SpendRequest request = requests.get(id);
    if (request == null) {
      throw new ScenarioFileException(file, "$.steps[" + (step - 1) + "].request",
          "names request " + id + ", which no earlier step submitted", null);
    }
    return request;
  }
}
