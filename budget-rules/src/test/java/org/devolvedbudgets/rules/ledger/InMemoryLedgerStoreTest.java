package org.devolvedbudgets.rules.ledger;

/** The in-memory store meets the store contract. */
class InMemoryLedgerStoreTest extends LedgerStoreContractTest {

  @Override
  protected LedgerStore newStore() {
    return new InMemoryLedgerStore();
  }
}
