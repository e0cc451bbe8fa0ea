package org.devolvedbudgets.rules.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory store meets the store contract. */
class InMemoryLedgerStoreTest extends LedgerStoreContractTest {

  @Override
  protected LedgerStore newStore() {
    return new InMemoryLedgerStore();
  }

  @Test
  void saysHowManyEventsItHoldsAndNothingElse() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    List<LedgerEvent> journal = Journals.everyKindOfEvent();
    store.append(0, journal);
    assertEquals("InMemoryLedgerStore[" + journal.size() + " events]", store.toString());
  }
}
