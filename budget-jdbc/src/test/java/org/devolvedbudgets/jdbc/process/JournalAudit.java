package org.devolvedbudgets.jdbc.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.rules.ledger.BudgetLedger;
import org.devolvedbudgets.rules.ledger.LedgerEvent;
import org.devolvedbudgets.rules.ledger.LedgerStore;
import org.devolvedbudgets.rules.position.RemainingBudget;

/** Checks a journal against what the servers were told succeeded. */
final class JournalAudit {

  private JournalAudit() {}

  /**
   * A new ledger starts on the journal and verifies it; every acknowledged submission and operation is in it
   * exactly once; no family is over its cap.
   *
   * @return how many acknowledged lines were checked
   */
  static int check(LedgerStore store, List<Path> logs) throws IOException {
    BudgetLedger ledger = BudgetLedger.builder(LedgerServer.SCHEME).store(store).build();
    ledger.verifyJournal();
    List<LedgerEvent> journal = store.readAll();
    Map<String, Integer> submitted = new HashMap<>();
    Map<String, Integer> operations = new HashMap<>();
    for (LedgerEvent event : journal) {
      if (event instanceof LedgerEvent.Submitted) {
        submitted.merge(((LedgerEvent.Submitted) event).requestId().value(), 1, Integer::sum);
      }
      event.operationId().ifPresent(id -> operations.merge(id.value(), 1, Integer::sum));
    }
    submitted.forEach((id, n) -> assertEquals(1, n, () -> id + " submitted " + n + " times"));
    operations.forEach((id, n) -> assertEquals(1, n, () -> id + " recorded " + n + " times"));
    int acknowledged = 0;
    for (Path log : logs) {
      for (String line : Files.readAllLines(log)) {
        String[] parts = line.split(" ");
        if (parts[0].equals("SUBMIT")) {
          assertEquals(1, submitted.getOrDefault(parts[1], 0), () -> "acknowledged " + line);
          acknowledged++;
        } else if (parts[0].equals("OP")) {
          assertEquals(1, operations.getOrDefault(parts[1], 0), () -> "acknowledged " + line);
          acknowledged++;
        }
      }
    }
    Money cap = LedgerServer.SCHEME.allowances().get(0).cap();
    for (int f = 0; f < LedgerServer.FAMILIES; f++) {
      for (RemainingBudget budget : ledger.remainingBudget(FamilyId.of("F-" + f), LocalDate.of(2019, 6, 3))) {
        assertTrue(!budget.spent().plus(budget.reserved()).isGreaterThan(cap), budget::toString);
      }
    }
    return acknowledged;
  }
}
