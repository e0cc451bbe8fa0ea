package org.devolvedbudgets.json.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.devolvedbudgets.json.scheme.SchemeFiles;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.devolvedbudgets.rules.ledger.LedgerEvent;
import org.junit.jupiter.api.Test;

/** The journal format: exact inverses over real ledgers' events, and strict, safe reading. */
class JournalFormatTest {

  private static final ConfigurationHistory SCHEME = SchemeFiles.read(
      Path.of("src/test/resources/journal/golden.scheme.json"));
  private static final SchemeId ID = SCHEME.schemeId();
  private static final List<String> GOLDEN = lines();

  private static List<String> lines() {
    try {
      return java.nio.file.Files.readAllLines(Path.of("src/test/resources/journal/golden-format-1.jsonl"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theRandomLedgersWriteEveryTypeOfEvent() {
    Set<String> types = new HashSet<>();
    for (long seed = 1; seed <= 10; seed++) {
      RandomLedgers.journal(SCHEME, seed, 200).forEach(event -> types.add(JournalFormat.typeOf(event)));
    }
    assertEquals(9, types.size(), "the random ledgers wrote every type: " + types);
  }

  @Test
  void writeAndReadAreExactInversesOverRandomLedgers() {
    qt().withExamples(60).forAll(longs().all(), integers().between(1, 80)).checkAssert((seed, operations) -> {
      String previous = JournalFormat.GENESIS;
      for (LedgerEvent event : RandomLedgers.journal(SCHEME, seed, operations)) {
        String line = JournalFormat.write(ID, event, previous);
        JournalFormat.Line read = JournalFormat.read(line);
        assertEquals(ID, read.scheme());
        assertEquals(event, read.event(), line);
        assertEquals(java.util.Optional.of(previous), read.previous());
        assertEquals(line, JournalFormat.write(ID, read.event(), previous));
        assertFalse(line.contains("\n"), "one line per event");
        String body = JournalFormat.body(ID, event, previous);
        JournalFormat.Line row = JournalFormat.readRow(JournalFormat.FORMAT, JournalFormat.typeOf(event),
            event.sequence(), ID, event.familyId(), event instanceof LedgerEvent.RequestEvent
                ? ((LedgerEvent.RequestEvent) event).requestId() : null, event.operationId().orElse(null), body);
        assertEquals(read, row, "a row's body with its columns is the line");
        assertTrue(body.length() < line.length(), "the body repeats none of the columns");
        previous = JournalFormat.digest(line);
      }
    });
  }

  @Test
  void aJournalFileIsReadBackWhole() {
    List<LedgerEvent> events = RandomLedgers.journal(SCHEME, 42, 200);
    StringWriter out = new StringWriter();
    JournalFiles.write(ID, events, out);
    assertEquals(events.size(), out.toString().lines().count());
    assertEquals(events, JournalFiles.read(ID, new StringReader(out.toString())));
  }

  @Test
  void aJournalOfAnotherSchemeOrOutOfSequenceIsRefusedNamingTheLine() {
    String journal = String.join("\n", GOLDEN);
    JournalFormatException other = assertThrows(JournalFormatException.class,
        () -> JournalFiles.read(SchemeId.of("another"), new StringReader(journal)));
    assertTrue(other.getMessage().startsWith("$.scheme: line 1: the event belongs to scheme"), other.getMessage());
    String gap = String.join("\n", GOLDEN.get(0), GOLDEN.get(2));
    JournalFormatException sequence = assertThrows(JournalFormatException.class,
        () -> JournalFiles.read(ID, new StringReader(gap)));
    assertEquals("$.sequence: line 2: event 3 where event 2 belongs", sequence.getMessage());
  }

  @Test
  void readingIsStrictAndNeverQuotesAValueWhole() {
    String posted = GOLDEN.get(3);
    List<String[]> cases = List.of(
        new String[] {"\"format\":1", "\"format\":" + (JournalFormat.FORMAT + 1), "$.format"},
        new String[] {"\"requestId\":", "\"operationId\":\"op-1\",\"requestId\":", "$.operationId"},
        new String[] {"\"at\":", "\"colour\":\"red\",\"at\":", "$.colour"},
        new String[] {"\"amount\":\"GBP 100.00\"", "\"amount\":\"GBP 100.001\"", "$.amount"},
        new String[] {"\"amount\":\"GBP 100.00\"", "\"amount\":100", "$.amount"},
        new String[] {"\"type\":\"Posted\"", "\"type\":\"Paid\"", "$.type"},
        new String[] {"\"actor\":\"W-0042\"", "\"actor\":\"Jo Bloggs\"", "$.actor"},
        new String[] {"\"sequence\":4,", "\"sequence\":0,", "$.sequence"},
        new String[] {"\"recordedAt\":\"", "\"recordedAt\":\"soon", "$.recordedAt"},
        new String[] {",\"released\":\"GBP 20.00\"", "", "$.released"});
    for (String[] change : cases) {
      assertTrue(posted.contains(change[0]), change[0]);
      JournalFormatException e = assertThrows(JournalFormatException.class,
          () -> JournalFormat.read(posted.replace(change[0], change[1])), change[1]);
      assertEquals(change[2], e.jsonPath(), e::getMessage);
      assertFalse(e.getMessage().contains("Bloggs"), e.getMessage());
    }
    assertThrows(JournalFormatException.class, () -> JournalFormat.read(posted + "{}"));
    assertThrows(JournalFormatException.class, () -> JournalFormat.read("[]"));
    assertThrows(JournalFormatException.class, () -> JournalFormat.read(posted.replace("\"type\"",
        "\"type\":\"Posted\",\"type\"")));
    JournalFormatException model = assertThrows(JournalFormatException.class,
        () -> JournalFormat.read(GOLDEN.get(1).replace("\"outcome\":\"APPROVED\"", "\"outcome\":\"DECLINED\"")));
    assertTrue(model.getMessage().contains("is not a valid event"), model.getMessage());
  }

  @Test
  void formatFourIsReadJustAsStrictlyInOnePass() throws java.io.IOException {
    List<String> golden = java.nio.file.Files.readAllLines(Path.of("src/test/resources/journal/golden-format-4.jsonl"));
    String posted = golden.stream().filter(line -> line.contains("\"type\":\"Posted\"")).findFirst().orElseThrow();
    List<String[]> cases = List.of(
        new String[] {"\"at\":", "\"colour\":\"red\",\"at\":", "$.colour"},
        new String[] {"\"at\":", "\"role\":\"TEAM_MANAGER\",\"at\":", "$.role"},
        new String[] {"\"amount\":\"GBP 100.00\"", "\"amount\":\"GBP 100.001\"", "$.amount"},
        new String[] {"\"amount\":\"GBP 100.00\"", "\"amount\":100", "$.amount"},
        new String[] {"\"actor\":\"W-0042\"", "\"actor\":\"Jo Bloggs\"", "$.actor"},
        new String[] {"\"sequence\":", "\"sequence\":-", "$.sequence"},
        new String[] {"\"previous\":\"", "\"previous\":\"x", "$.previous"},
        new String[] {"\"type\":\"Posted\"", "\"type\":\"Paid\"", "$.type"},
        new String[] {",\"at\":\"", ",\"at\":\"soon", "$.at"},
        new String[] {"\"recordedAt\"", "\"at\":\"2019-06-04T11:00:00Z\",\"recordedAt\"", "$.at"},
        new String[] {"\"sequence\":", "\"sequence\":1,\"sequence\":", "$.sequence"});
    for (String[] change : cases) {
      assertTrue(posted.contains(change[0]), change[0]);
      JournalFormatException e = assertThrows(JournalFormatException.class,
          () -> JournalFormat.read(posted.replace(change[0], change[1])), change[1]);
      assertEquals(change[2], e.jsonPath(), e::getMessage);
      assertFalse(e.getMessage().contains("Bloggs"), e.getMessage());
    }
    assertThrows(JournalFormatException.class, () -> JournalFormat.read(posted + "{}"));
    assertThrows(JournalFormatException.class, () -> JournalFormat.read(posted.replace(",\"at\":\"", ",\"a\":\"")));
    JournalFormatException missing = assertThrows(JournalFormatException.class,
        () -> JournalFormat.read(posted.replaceAll(",\"at\":\"[^\"]*\"", "")));
    assertEquals("$.at", missing.jsonPath());
    LedgerEvent event = JournalFormat.read(posted).event();
    String body = JournalFormat.body(ID, event, JournalFormat.GENESIS);
    JournalFormatException column = assertThrows(JournalFormatException.class, () -> JournalFormat.readRow(4,
        "Posted", event.sequence(), ID, event.familyId(),
        ((LedgerEvent.RequestEvent) event).requestId(), null, body.replace("{", "{\"sequence\":9,")));
    assertEquals("$.sequence", column.jsonPath(), "a column's field is not in a row's body");
  }
}
