package org.devolvedbudgets.examples.scenario;

import java.util.HashMap;
import java.util.Map;
import org.devolvedbudgets.examples.replay.SimulatedClock;
import org.devolvedbudgets.json.read.FileProblemCode;
import org.devolvedbudgets.json.read.FileReadException;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.devolvedbudgets.rules.ledger.BudgetLedger;
import org.devolvedbudgets.rules.ledger.Submission;

/**
 * One run of a scenario: its scheme, ledger and clock, and the requests submitted so far with what their first
 * submission returned. Confined to one thread.
 */
final class ScenarioRun {

  final String file;
  final ConfigurationHistory history;
  final SimulatedClock clock;
  final BudgetLedger ledger;
  final Map<RequestId, SpendRequest> requests = new HashMap<>();
  final Map<RequestId, Submission> submissions = new HashMap<>();

  ScenarioRun(String file, ConfigurationHistory history, SimulatedClock clock, BudgetLedger ledger) {
    this.file = file;
    this.history = history;
    this.clock = clock;
    this.ledger = ledger;
  }

  SpendRequest request(RequestId id, int step) {
    SpendRequest request = requests.get(id);
    if (request == null) {
      throw new FileReadException(file, FileProblemCode.BAD_VALUE, "$.steps[" + (step - 1) + "].request",
          "names request " + id + ", which no earlier step submitted", null);
    }
    return request;
  }
}
