package org.devolvedbudgets.jdbc;

import org.devolvedbudgets.rules.TestPilots;
import org.devolvedbudgets.rules.ledger.JournalWentBackContractTest;
import org.devolvedbudgets.rules.ledger.LedgerStore;
import org.junit.jupiter.api.AfterEach;

/** A journal in a real PostgreSQL database (skipped, loudly, where PostgreSQL is not installed) cut short under live ledgers, as a restore or a failover would. */
class PostgresJournalWentBackTest extends JournalWentBackContractTest {

  private DatabaseJournal journal;

  @Override
  protected LedgerStore newJournal() {
    journal = DatabaseJournal.postgres(TestPilots.wigan().schemeId());
    return journal.store();
  }

  @Override
  protected LedgerStore sameJournal(LedgerStore store) {
    return journal.store();
  }

  @Override
  protected void cutAfter(LedgerStore store, long sequence) {
    journal.cutAfter(sequence);
  }

  @AfterEach
  void close() {
    if (journal != null) {
      journal.close();
    }
  }
}
