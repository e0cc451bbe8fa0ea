package org.devolvedbudgets.rules.ledger;

import static org.devolvedbudgets.rules.TestPilots.REUNIFICATION;
import static org.devolvedbudgets.rules.TestPilots.WORKER;
import static org.devolvedbudgets.rules.TestPilots.gbp;
import static org.devolvedbudgets.rules.TestPilots.on;
import static org.devolvedbudgets.rules.TestPilots.wigan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.OperationId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.ledger.JournalMismatchException.Reason;
import org.devolvedbudgets.rules.position.RemainingBudget;
import org.junit.jupiter.api.Test;

/**
 * A journal that goes back (restored from an older backup, a standby promoted while behind) under live ledgers: the
 * ledgers notice the next time they read the store, stop with a coded reason naming the lost range, write nothing,
 * answer nothing from memory and list what they had acknowledged; no cap is exceeded; a rebuilt ledger starts on
 * the shorter journal and verifies. Every store runs it: extend this class (it is published in budget-rules' test
 * jar).
 */
public abstract class JournalWentBackContractTest {

  private static final Instant START = on(2019, 6, 3);
  private static final LocalDate JUNE = LocalDate.of(2019, 6, 3);
  private static final FamilyId FAMILY = FamilyId.of("F-1");

  /**
   * Returns a new, empty journal for one test.
   *
   * @return the store
   */
  protected abstract LedgerStore newJournal();

  /**
   * Returns another store over the same journal, as a second application server opens on the same database.
   *
   * @param journal a store {@link #newJournal()} returned
   * @return a store sharing its journal
   */
  protected abstract LedgerStore sameJournal(LedgerStore journal);

  /**
   * Deletes every event of the journal after {@code sequence}, behind the ledgers' backs.
   *
   * @param journal a store {@link #newJournal()} returned
   * @param sequence the last event kept
   */
  protected abstract void cutAfter(LedgerStore journal, long sequence);

  private static BudgetLedger server(LedgerStore store) {
    return BudgetLedger.builder(wigan()).store(store).clock(new TestClock(START)).build();
  }

  private static SpendRequest request(String id, String amount) {
    return org.devolvedbudgets.rules.TestPilots.request(REUNIFICATION, amount).id(RequestId.of(id))
        .familyId(FAMILY).build();
  }

  @Test
  void aJournalCutShortAndWrittenAgainStopsTheStaleLedgersAndNoCapIsExceeded() {
    LedgerStore journal = newJournal();
    BudgetLedger a = server(journal);
    BudgetLedger b = server(sameJournal(journal));
    for (int i = 1; i <= 4; i++) {
      assertEquals(Outcome.APPROVED, a.submit(request("R-" + i, "450.00")).outcome());
    }
    assertTrue(a.post(OperationId.of("op-pay-1"), RequestId.of("R-1"), gbp("450.00"), WORKER, START).isApplied());
    b.catchUp();
    long before = journal.lastSequence();
    assertEquals(9, before);

    cutAfter(journal, 4); // survive; and the payment are lost
    BudgetLedger rebuilt = server(sameJournal(journal));
    for (int i = 5; i <= 10; i++) { // writes past the old end: 900 held + 6 x 500 = 3,900 of 4,000
      assertEquals(Outcome.APPROVED, rebuilt.submit(request("R-" + i, "500.00")).outcome());
    }
    long length = journal.lastSequence();
    assertTrue(length > before);

    JournalMismatchException stale = assertThrows(JournalMismatchException.class,
        () -> a.submit(request("R-11", "100.00")));
    assertEquals(Reason.JOURNAL_DIVERGED, stale.reason());
    assertEquals("JOURNAL_DIVERGED", stale.code());
    assertFalse(stale.isRetryable());
    assertEquals(5, stale.sequence(), "the first event of A's that the journal no longer holds");
    assertEquals(9, stale.lastSequence());
    assertTrue(stale.getMessage().contains("events 5 to 9"), stale.getMessage());
    assertEquals(length, journal.lastSequence(), "the stale ledger wrote nothing");
    assertEquals(List.of("R-3", "R-3", "R-4", "R-4", "R-1"), a.lostChanges().stream()
        .map(event -> ((LedgerEvent.RequestEvent) event).requestId().value()).toList());
    assertEquals(OperationId.of("op-pay-1"), a.lostChanges().get(4).operationId().orElseThrow());

    assertThrows(JournalMismatchException.class, () -> a.submit(request("R-1", "450.00")),
        "a retry is not answered from memory");
    assertThrows(JournalMismatchException.class, () -> a.remainingBudget(FAMILY, JUNE),
        "nor is a query");
    JournalMismatchException alsoStale = assertThrows(JournalMismatchException.class, b::catchUp);
    assertEquals(Reason.JOURNAL_DIVERGED, alsoStale.reason());
    assertTrue(b.lostChanges().isEmpty(), "B appended none of the lost events");
    assertEquals(length, journal.lastSequence());

    BudgetLedger later = server(sameJournal(journal));
    later.verifyJournal();
    RemainingBudget family = later.remainingBudget(FAMILY, JUNE).get(0);
    assertEquals(gbp("3900.00"), family.spent().plus(family.reserved()));
    assertFalse(family.remaining().isNegative());
  }

  /**
   * The journal is cut short and written again to exactly the stale ledger's length, so its append at its own
   * last sequence finds the journal ending where it expects: the store refuses it all the same, since another
   * event stands there, and the ledger stops instead of appending after events it never read.
   */
  @Test
  void aJournalWrittenAgainToTheStaleLedgersLengthRefusesItsAppend() {
    LedgerStore journal = newJournal();
    BudgetLedger a = server(journal);
    for (int i = 1; i <= 3; i++) {
      a.submit(request("R-" + i, "450.00"));
    }
    cutAfter(journal, 2);
    BudgetLedger rebuilt = server(sameJournal(journal));
    rebuilt.submit(request("R-4", "450.00"));
    rebuilt.submit(request("R-5", "450.00"));
    assertEquals(6, journal.lastSequence(), "the stale ledger's own length");

    JournalMismatchException stale = assertThrows(JournalMismatchException.class,
        () -> a.submit(request("R-6", "450.00")));
    assertEquals(Reason.JOURNAL_DIVERGED, stale.reason());
    assertEquals(3, stale.sequence());
    assertEquals(6, journal.lastSequence(), "nothing appended after events the stale ledger never read");
    server(sameJournal(journal)).verifyJournal();
  }

  @Test
  void aJournalThatShrankIsNoticedAndARetryIsNeverAnsweredFromMemory() {
    LedgerStore journal = newJournal();
    BudgetLedger a = server(journal);
    for (int i = 1; i <= 3; i++) {
      a.submit(request("R-" + i, "100.00"));
    }
    cutAfter(journal, 2);

    JournalMismatchException shrank = assertThrows(JournalMismatchException.class,
        () -> a.submit(request("R-3", "100.00")));
    assertEquals(Reason.JOURNAL_SHRANK, shrank.reason());
    assertEquals(3, shrank.sequence());
    assertEquals(6, shrank.lastSequence());
    assertEquals(4, a.lostChanges().size());
    assertThrows(JournalMismatchException.class, a::catchUp);
    assertThrows(JournalMismatchException.class, a::approvalQueue);
    assertEquals(2, journal.lastSequence());

    BudgetLedger rebuilt = server(sameJournal(journal));
    assertTrue(rebuilt.submission(RequestId.of("R-3")).isEmpty(), "R-3 is in no journal");
    assertEquals(Outcome.APPROVED, rebuilt.submit(request("R-3", "100.00")).outcome());
    Money spent = rebuilt.remainingBudget(FAMILY, JUNE).get(0).reserved();
    assertEquals(gbp("200.00"), spent);
    rebuilt.verifyJournal();
  }

  @Test
  void aCatchUpNoticesAJournalThatShrankEvenWithNothingNewToRead() {
    LedgerStore journal = newJournal();
    BudgetLedger a = server(journal);
    a.submit(request("R-1", "100.00"));
    a.submit(request("R-2", "100.00"));
    cutAfter(journal, 2);
    JournalMismatchException shrank = assertThrows(JournalMismatchException.class, a::catchUp);
    assertEquals(Reason.JOURNAL_SHRANK, shrank.reason());
    assertTrue(shrank.getMessage().contains("the journal ends at sequence 2, before this ledger's last event 4"),
        shrank.getMessage());
  }
}
