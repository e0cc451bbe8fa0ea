package org.devolvedbudgets.rules.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.devolvedbudgets.model.id.OperationId;
import org.devolvedbudgets.model.id.RequestId;
import org.junit.jupiter.api.Test;

/**
 * The ledger's exceptions share one parent with a stable code and whether a retry can help, and none of them is a
 * bad-input exception that a generic handler would swallow as the caller's mistake.
 */
class LedgerExceptionsTest {

  private static final List<LedgerException> ALL = List.of(
      new LedgerUnavailableException(LedgerUnavailableException.Reason.CANNOT_CONFIRM, 3, null),
      new OperationConflictException(OperationId.of("op-1"), List.of("amount")),
      new IdempotencyConflictException(RequestId.of("R-1"), List.of("amount")),
      new JournalMismatchException(JournalMismatchException.Reason.JOURNAL_SHRANK, 5, 9, "lost"),
      new LedgerInvariantException("broken"));

  @Test
  void everyLedgerExceptionHasACodeAndSaysWhetherARetryCanHelp() {
    assertEquals(List.of("CANNOT_CONFIRM", "OPERATION_CONFLICT", "REQUEST_CONFLICT", "JOURNAL_SHRANK",
        "INVARIANT_BROKEN"), ALL.stream().map(LedgerException::code).toList());
    assertEquals(List.of(true, false, false, false, false),
        ALL.stream().map(LedgerException::isRetryable).toList());
    for (LedgerException exception : ALL) {
      // Checked at run time: the compiler already knows a sealed LedgerException can be neither.
      assertFalse(IllegalArgumentException.class.isInstance(exception), exception.getClass().getSimpleName());
      assertFalse(IllegalStateException.class.isInstance(exception), exception.getClass().getSimpleName());
    }
  }

  @Test
  void aJournalThatWentBackNamesTheRangeItLost() {
    JournalMismatchException shrank = (JournalMismatchException) ALL.get(3);
    assertEquals(5, shrank.sequence());
    assertEquals(9, shrank.lastSequence());
    assertEquals("JOURNAL_SHRANK: lost", shrank.getMessage());
    assertTrue(new JournalMismatchException(JournalMismatchException.Reason.OUT_OF_ORDER, 4, "gap").lastSequence()
        == 4);
  }
}
