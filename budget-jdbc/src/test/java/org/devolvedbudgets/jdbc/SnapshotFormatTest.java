package org.devolvedbudgets.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.devolvedbudgets.json.journal.JournalFormat;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.rules.TestPilots;
import org.devolvedbudgets.rules.ledger.Journals;
import org.devolvedbudgets.rules.ledger.LedgerEvent;
import org.junit.jupiter.api.Test;

/** The snapshot's compact form decodes to exactly the events it was made from, and refuses damaged bytes. */
class SnapshotFormatTest {

  private static final SchemeId DARLINGTON = TestPilots.darlington().schemeId();
  private static final List<LedgerEvent> JOURNAL = Journals.manyFamilies(40);

  @Test
  void decodingReturnsEveryEventOfEveryKindExactly() throws Exception {
    Set<String> kinds = new HashSet<>();
    boolean operationIds = false;
    boolean teams = false;
    for (LedgerEvent event : JOURNAL) {
      kinds.add(JournalFormat.typeOf(event));
      operationIds |= event.operationId().isPresent();
      teams |= event instanceof LedgerEvent.Approved && ((LedgerEvent.Approved) event).team().isPresent();
    }
    assertEquals(Set.of("Allocated", "Submitted", "Reserved", "Approved", "Rejected", "Posted", "Voided",
        "Expired", "Refunded"), kinds);
    assertTrue(operationIds && teams, "the journal has operation ids and approvers' teams");
    assertTrue(JOURNAL.equals(SnapshotFormat.decode(SnapshotFormat.encode(JOURNAL), DARLINGTON)), "whole");
    List<LedgerEvent> middle = JOURNAL.subList(17, 250);
    assertTrue(middle.equals(SnapshotFormat.decode(SnapshotFormat.encode(middle), DARLINGTON)), "a run");
  }

  @Test
  void evidenceRepaymentsAndTheOverdueFiguresOfADecisionDecodeExactly() throws Exception {
    List<LedgerEvent> journal = Journals.withEvidenceAndRepayment();
    assertTrue(journal.stream().anyMatch(event -> event instanceof LedgerEvent.EvidenceReceived
        && event.operationId().isPresent()), "evidence under an operation id");
    assertTrue(journal.stream().anyMatch(event -> event instanceof LedgerEvent.Submitted
        && ((LedgerEvent.Submitted) event).decision().findings().stream()
            .anyMatch(finding -> finding.overdueEvidence().isPresent())), "a finding with overdue evidence");
    assertTrue(journal.stream().anyMatch(event -> event instanceof LedgerEvent.Repaid), "a repayment");
    assertEquals(journal, SnapshotFormat.decode(SnapshotFormat.encode(journal), DARLINGTON));
  }

  @Test
  void itIsSmallerThanTheJournalsJson() {
    long json = JOURNAL.stream().mapToLong(event -> JournalFormat.write(DARLINGTON, event, JournalFormat.GENESIS).length() + 1L).sum();
    long compact = SnapshotFormat.encode(JOURNAL).length;
    assertTrue(compact * 3 < json, compact + " bytes against " + json + " of JSON");
  }

  @Test
  void damagedOrForeignBytesAreRefusedNotMisread() {
    byte[] chunk = SnapshotFormat.encode(JOURNAL.subList(0, 100));
    assertThrows(SnapshotFormat.BadChunkException.class,
        () -> SnapshotFormat.decode(Arrays.copyOf(chunk, chunk.length - 1), DARLINGTON), "truncated");
    byte[] longer = Arrays.copyOf(chunk, chunk.length + 1);
    assertThrows(SnapshotFormat.BadChunkException.class, () -> SnapshotFormat.decode(longer, DARLINGTON),
        "trailing bytes");
    byte[] magic = chunk.clone();
    magic[0] ^= 1;
    assertThrows(SnapshotFormat.BadChunkException.class, () -> SnapshotFormat.decode(magic, DARLINGTON), "magic");
    byte[] format = chunk.clone();
    format[4] = SnapshotFormat.FORMAT + 1;
    SnapshotFormat.BadChunkException newer = assertThrows(SnapshotFormat.BadChunkException.class,
        () -> SnapshotFormat.decode(format, DARLINGTON));
    assertTrue(newer.getMessage().contains("format " + (SnapshotFormat.FORMAT + 1)), newer.getMessage());
    format[4] = 1;
    assertThrows(SnapshotFormat.BadChunkException.class, () -> SnapshotFormat.decode(format, DARLINGTON),
        "a chunk written before evidence, whose findings have no overdue evidence flag, is ignored");
    assertThrows(SnapshotFormat.BadChunkException.class,
        () -> SnapshotFormat.decode(chunk, SchemeId.of("another-scheme")), "another scheme's events");
  }
}
