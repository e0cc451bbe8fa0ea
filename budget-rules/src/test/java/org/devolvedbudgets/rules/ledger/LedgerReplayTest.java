package org.devolvedbudgets.rules.ledger;

import static org.devolvedbudgets.rules.TestPilots.WORKER;
import static org.devolvedbudgets.rules.TestPilots.darlington;
import static org.devolvedbudgets.rules.TestPilots.gbp;
import static org.devolvedbudgets.rules.TestPilots.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.Fingerprint;
import org.devolvedbudgets.rules.TestPilots;
import org.junit.jupiter.api.Test;

/** Balances are a fold of the journal: replaying reproduces them, and a journal that breaks a rule is refused. */
class LedgerReplayTest {

  private static final List<LedgerEvent> JOURNAL = Journals.everyKindOfEvent();
  private static final LocalDate JUNE = LocalDate.of(2019, 6, 10);

  private static InMemoryLedgerStore storeWith(List<LedgerEvent> events) {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    store.append(0, events);
    return store;
  }

  @Test
  void aLedgerBuiltOnAJournalReproducesEveryBalanceAndResult() {
    BudgetLedger replayed = BudgetLedger.builder(darlington()).store(storeWith(JOURNAL)).build();
    replayed.verifyJournal();
    assertEquals(JOURNAL.size(), replayed.lastSequence());
    FamilyId family = Journals.treatedFamily(0);
    // R-0-1 posted 90 then refunded 10; R-0-4 approved 400 and held; R-0-5 expired; the rest released.
    assertEquals(gbp("80.00"), replayed.remainingBudget(family, JUNE).get(0).spent());
    assertEquals(gbp("400.00"), replayed.remainingBudget(family, JUNE).get(0).reserved());
    assertEquals(ReservationStatus.EXPIRED, replayed.reservation(RequestId.of("R-0-5")).orElseThrow().status());
    assertEquals(gbp("10.00"), replayed.reservation(RequestId.of("R-0-1")).orElseThrow().refunded());
    LedgerEvent.Submitted submitted = (LedgerEvent.Submitted) JOURNAL.stream()
        .filter(event -> event instanceof LedgerEvent.Submitted).findFirst().orElseThrow();
    assertEquals("", submitted.request().description(), "the journal keeps no description");
    SpendRequest original = SpendRequest.builder().from(submitted.request())
        .description(TestPilots.request(TestPilots.DARLINGTON_TEAM, "1.00").build().description()).build();
    assertEquals(submitted.requestFingerprint(), Fingerprint.of(original), "what the journal recorded was this");
    Submission retry = replayed.submit(original);
    assertEquals(submitted.decision(), retry.decision(), "a retry after a restart returns the original decision");
    assertSame(retry, replayed.submit(original));
    IdempotencyConflictException conflict = assertThrows(IdempotencyConflictException.class,
        () -> replayed.submit(submitted.request()));
    assertEquals(List.of("description"), conflict.fields(), "without its description it is another request");
    assertEquals(JOURNAL.size(), replayed.lastSequence());
  }

  @Test
  void aReplayedLedgerCarriesOnWhereTheJournalEnds() {
    BudgetLedger replayed = BudgetLedger.builder(darlington()).store(storeWith(JOURNAL)).build();
    assertTrue(replayed.post(RequestId.of("R-0-4"), gbp("400.00"), WORKER, on(2019, 7, 1)).isApplied());
    assertEquals(JOURNAL.size() + 1, replayed.store().lastSequence());
    replayed.verifyJournal();
  }

  @Test
  void refusesAJournalThatResolvesAReservationTwice() {
    LedgerEvent.Posted posted = (LedgerEvent.Posted) JOURNAL.stream()
        .filter(event -> event instanceof LedgerEvent.Posted).findFirst().orElseThrow();
    List<LedgerEvent> broken = new ArrayList<>(JOURNAL);
    broken.add(new LedgerEvent.Posted(JOURNAL.size() + 1, posted.recordedAt(), posted.actor(), posted.familyId(),
        posted.requestId(), posted.amount(), posted.released(), posted.at(), Optional.empty()));
    JournalMismatchException refused = assertThrows(JournalMismatchException.class,
        () -> BudgetLedger.builder(darlington()).store(storeWith(broken)).build());
    assertEquals(JournalMismatchException.Reason.CANNOT_FOLD, refused.reason());
    assertEquals(JOURNAL.size() + 1, refused.sequence());
    assertEquals("CANNOT_FOLD: event " + (JOURNAL.size() + 1) + " (Posted) cannot be applied: the reservation was already "
        + "resolved (POSTED)", refused.getMessage());
  }

  @Test
  void refusesAJournalThatRefundsMoreThanWasSpent() {
    LedgerEvent.Refunded refund = (LedgerEvent.Refunded) JOURNAL.stream()
        .filter(event -> event instanceof LedgerEvent.Refunded).findFirst().orElseThrow();
    List<LedgerEvent> broken = new ArrayList<>(JOURNAL);
    broken.add(new LedgerEvent.Refunded(JOURNAL.size() + 1, refund.recordedAt(), refund.actor(),
        refund.familyId(), refund.requestId(), gbp("80.01"), true, refund.at(), Optional.empty()));
    assertTrue(assertThrows(JournalMismatchException.class,
        () -> BudgetLedger.builder(darlington()).store(storeWith(broken)).build()).getMessage()
        .endsWith("it is more than the GBP 80.00 left of the spend"));
  }

  @Test
  void whenAnotherWriterAppendsTheLedgerCatchesUpInsteadOfStopping() {
    InMemoryLedgerStore store = storeWith(JOURNAL);
    BudgetLedger first = BudgetLedger.builder(darlington()).store(store).build();
    BudgetLedger second = BudgetLedger.builder(darlington()).store(store).build();
    assertTrue(first.voidReservation(RequestId.of("R-0-4"), WORKER, on(2019, 7, 1)).isApplied());
    assertTrue(second.voidReservation(RequestId.of("R-1-4"), WORKER, on(2019, 7, 1)).isApplied());
    assertEquals(ReservationStatus.VOIDED, second.reservation(RequestId.of("R-0-4")).orElseThrow().status(),
        "the second caught up with the first's void before making its own");
    assertEquals(JOURNAL.size() + 2, second.lastSequence());
    second.verifyJournal();
    first.verifyJournal();
    BudgetLedger.builder(darlington()).store(store).build().verifyJournal();
  }

  @Test
  void aFamilyKeepsItsFirstAllocation() {
    BudgetLedger ledger = BudgetLedger.builder(darlington()).store(storeWith(JOURNAL)).build();
    FamilyId family = Journals.treatedFamily(0);
    assertEquals(LocalDate.of(2019, 6, 1),
        ledger.allocate(family, 3, LocalDate.of(2019, 9, 1), WORKER).allocatedOn());
    assertThrows(IllegalArgumentException.class, () -> ledger.recordAllocation(
        org.devolvedbudgets.rules.allocation.Allocations.allocate(darlington(), family, 3,
            LocalDate.of(2019, 9, 1)), WORKER));
    assertEquals(JOURNAL.size(), ledger.lastSequence());
    assertEquals(TestPilots.DARLINGTON_FAMILY, ledger.remainingBudget(family, JUNE).get(0).allowanceName());
  }
}
