package org.devolvedbudgets.jdbc;

import org.devolvedbudgets.rules.TestPilots;
import org.devolvedbudgets.rules.ledger.LedgerOutageContractTest;
import org.devolvedbudgets.rules.ledger.LedgerStore;
import org.junit.jupiter.api.AfterEach;

/** Servers that lose their database, over a journal in a real PostgreSQL database (skipped, loudly, where PostgreSQL is not installed). */
class PostgresLedgerOutageTest extends LedgerOutageContractTest {

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

  @AfterEach
  void close() {
    if (journal != null) {
      journal.close();
    }
  }
}
