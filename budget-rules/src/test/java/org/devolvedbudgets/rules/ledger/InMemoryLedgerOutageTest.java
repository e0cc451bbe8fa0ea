package org.devolvedbudgets.rules.ledger;

/** The outage contract over one in-memory journal shared by several ledgers. */
class InMemoryLedgerOutageTest extends LedgerOutageContractTest {

  @Override
  protected LedgerStore newJournal() {
    return new InMemoryLedgerStore();
  }

  @Override
  protected LedgerStore sameJournal(LedgerStore journal) {
    return journal;
  }
}
