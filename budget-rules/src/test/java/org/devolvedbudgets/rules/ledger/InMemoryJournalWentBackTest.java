package org.devolvedbudgets.rules.ledger;

/** A journal in memory that loses its tail under live ledgers. */
class InMemoryJournalWentBackTest extends JournalWentBackContractTest {

  @Override
  protected LedgerStore newJournal() {
    return new RewindableStore();
  }

  @Override
  protected LedgerStore sameJournal(LedgerStore journal) {
    return journal;
  }

  @Override
  protected void cutAfter(LedgerStore journal, long sequence) {
    ((RewindableStore) journal).cutAfter(sequence);
  }
}
