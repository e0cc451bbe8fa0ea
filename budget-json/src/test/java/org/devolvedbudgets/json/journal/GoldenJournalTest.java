package org.devolvedbudgets.json.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.devolvedbudgets.json.scheme.SchemeFiles;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.allocation.Arm;
import org.devolvedbudgets.rules.ledger.BudgetLedger;
import org.devolvedbudgets.rules.ledger.InMemoryLedgerStore;
import org.devolvedbudgets.rules.ledger.LedgerEvent;
import org.devolvedbudgets.rules.ledger.ReservationStatus;
import org.devolvedbudgets.rules.position.RemainingBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The journal format's golden files: journals written by released versions, checked into the tests and never
 * written again. Each must still be read, fold into a ledger, and give the balances worked out by hand. A new
 * format version adds its own golden file here; every old one must keep passing.
 */
class GoldenJournalTest {

  private static final Path DIR = Path.of("src/test/resources/journal");
  private static final ConfigurationHistory SCHEME = SchemeFiles.read(DIR.resolve("golden.scheme.json"));
  /** The golden scheme with an evidence policy, which format 3's golden journal was written under. */
  private static final ConfigurationHistory SCHEME_3 = SchemeFiles.read(DIR.resolve("golden-3.scheme.json"));

  private static ConfigurationHistory schemeOf(String golden) {
    return golden.endsWith("-3.jsonl") || golden.endsWith("-4.jsonl") ? SCHEME_3 : SCHEME;
  }

  private static Money gbp(String amount) {
    return Money.parse("GBP " + amount);
  }

  @ParameterizedTest
  @ValueSource(strings = {"golden-format-1.jsonl", "golden-format-2.jsonl", "golden-format-3.jsonl",
      "golden-format-4.jsonl"})
  void everyFormatReadsFoldsAndGivesTheFiguresWorkedOutByHand(String golden) {
    ConfigurationHistory scheme = schemeOf(golden);
    List<LedgerEvent> events = JournalFiles.read(scheme.schemeId(), DIR.resolve(golden));
    boolean three = scheme == SCHEME_3;
    assertEquals(three ? 27 : 19, events.size());
    Set<String> types = new TreeSet<>();
    events.forEach(event -> types.add(JournalFormat.typeOf(event)));
    Set<String> expected = new TreeSet<>(Set.of("Allocated", "Submitted", "Reserved", "Approved", "Rejected",
        "Posted", "Voided", "Expired", "Refunded"));
    if (three) {
      expected.add("EvidenceReceived");
      expected.add("Repaid");
    }
    assertEquals(expected, types, "every event type");

    InMemoryLedgerStore store = new InMemoryLedgerStore();
    store.append(0, events);
    BudgetLedger ledger = BudgetLedger.builder(scheme).store(store).build();
    ledger.verifyJournal();
    // £120 for two children, £100 paid, £30 refunded (restoring): £70, £35 each child. R-2 voided. R-3 £800
    // approved by the team manager and paid. R-4 rejected. R-5 lapsed on 17 June. R-6 declined.
    // Format 3 adds R-7, £40 awaiting a team manager's approval because R-1's evidence was overdue, whose hold has
    // lapsed by now (the ledger's clock is the system's); and R-8, £200 paid subject to repayment, £100 repaid,
    // which the scheme's repayments restore: £100 more spent.
    List<RemainingBudget> july = ledger.remainingBudget(GoldenScript.FAMILY, LocalDate.of(2019, 7, 10));
    RemainingBudget family = july.get(0);
    assertEquals(gbp(three ? "970.00" : "870.00"), family.spent());
    assertEquals(gbp("0.00"), family.reserved());
    assertEquals(gbp(three ? "3030.00" : "3130.00"), family.remaining());
    for (RemainingBudget child : july.subList(1, july.size())) {
      assertEquals(gbp("35.00"), child.spent(), child::toString);
      assertEquals(gbp("265.00"), child.remaining(), child::toString);
    }
    assertEquals(3, july.size());
    assertEquals(Arm.TREATMENT, ledger.allocation(GoldenScript.FAMILY).orElseThrow().arm());
    assertEquals(ReservationStatus.EXPIRED, ledger.reservation(RequestId.of("R-5")).orElseThrow().status());
    assertEquals(ReservationStatus.POSTED, ledger.reservation(RequestId.of("R-3")).orElseThrow().status());
    assertEquals(Outcome.DECLINED, ledger.submission(RequestId.of("R-6")).orElseThrow().outcome());
    assertEquals(gbp("30.00"), ledger.reservation(RequestId.of("R-1")).orElseThrow().refunded());
  }

  @Test
  void theRequestsFingerprintStillStandsForTheRequestAsMadeDescriptionIncluded() {
    LedgerEvent.Submitted first = (LedgerEvent.Submitted) JournalFiles.read(SCHEME.schemeId(),
        DIR.resolve("golden-format-1.jsonl")).get(1);
    org.devolvedbudgets.model.spend.SpendRequest asMade = GoldenScript.request("R-1", "120.00",
        org.devolvedbudgets.model.spend.SpendCategory.RELATIONSHIP_BUILDING, 6, 3)
        .addChildIds(org.devolvedbudgets.model.id.ChildId.of("C-1"), org.devolvedbudgets.model.id.ChildId.of("C-2"))
        .subcategory(org.devolvedbudgets.model.spend.Subcategory.DAY_OUT).build();
    assertEquals(first.requestFingerprint(), org.devolvedbudgets.rules.Fingerprint.of(asMade),
        "the request's canonical form is unchanged since format 1");
    assertEquals(first.configurationFingerprint(), SCHEME.fingerprint(1).orElseThrow(),
        "the configuration's canonical form is unchanged since format 1");
  }

  @Test
  void formatFourIsWrittenBackByteForByte() throws IOException {
    List<String> lines = Files.readAllLines(DIR.resolve("golden-format-4.jsonl"));
    for (String line : lines) {
      JournalFormat.Line read = JournalFormat.read(line);
      assertEquals(line, JournalFormat.write(read.scheme(), read.event(), read.previous().orElseThrow()));
      assertEquals(line, read.canonical());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"golden-format-1.jsonl", "golden-format-2.jsonl", "golden-format-3.jsonl"})
  void anOlderLineIsExportedAsTheThirdFormatsLineWithoutItsNewFields(String golden) throws IOException {
    List<String> lines = Files.readAllLines(DIR.resolve(golden));
    String version = "\"format\":" + golden.charAt("golden-format-".length()) + ",";
    for (String line : lines) {
      JournalFormat.Line read = JournalFormat.read(line);
      assertFalse(read.isChained(), "the chain starts at format 4");
      assertEquals(line.replace(version, "\"format\":3,"), read.canonical());
    }
  }

  @Test
  void formatFourHoldsTheSameEventsAsFormatThreeItWasWrittenFrom() {
    assertEquals(JournalFiles.read(SCHEME_3.schemeId(), DIR.resolve("golden-format-3.jsonl")),
        JournalFiles.read(SCHEME_3.schemeId(), DIR.resolve("golden-format-4.jsonl")));
  }

  /**
   * The chain checked as JOURNAL.md tells a reader to check it, with no library: each line's {@code previous} is the
   * SHA-256 of the line before, as bytes, and the first's is 64 zeros. Here by the JDK's digest over the raw lines,
   * and by {@code sha256sum} where the machine has it.
   */
  @Test
  void theChainIsCheckedWithoutTheLibraryFromTheRawLines() throws Exception {
    List<String> lines = Files.readAllLines(DIR.resolve("golden-format-4.jsonl"), StandardCharsets.UTF_8);
    String previous = "0".repeat(64);
    java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
    for (String line : lines) {
      int at = line.lastIndexOf("\"previous\":\"") + "\"previous\":\"".length();
      assertEquals(previous, line.substring(at, at + 64), line);
      previous = java.util.HexFormat.of().formatHex(sha256.digest(line.getBytes(StandardCharsets.UTF_8)));
    }
    assertEquals(previous, JournalFormat.digest(lines.get(lines.size() - 1)), "the head");
    java.nio.file.Path last = Files.createTempFile("last-line", ".txt");
    Files.writeString(last, lines.get(lines.size() - 1), StandardCharsets.UTF_8);
    try {
      Process sum = new ProcessBuilder("sha256sum", last.toString()).redirectErrorStream(true).start();
      String printed = new String(sum.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (sum.waitFor() == 0) {
        assertEquals(previous, printed.substring(0, 64), "sha256sum agrees");
      }
    } catch (IOException noSha256sum) {
      // the JDK's digest above is the independent check on a machine without coreutils
    } finally {
      Files.delete(last);
    }
  }

  @Test
  void anEditedOrReorderedOrCutJournalDoesNotReadAsOne() throws IOException {
    List<String> lines = Files.readAllLines(DIR.resolve("golden-format-4.jsonl"));
    List<List<String>> changed = List.of(
        replaced(lines, indexOf(lines, "\"type\":\"Posted\""), "\"amount\":\"GBP 100.00\"",
            "\"amount\":\"GBP 10.00\""),
        removed(lines, 10),
        swapped(lines, 3, 4));
    for (List<String> journal : changed) {
      JournalFormatException broken = org.junit.jupiter.api.Assertions.assertThrows(JournalFormatException.class,
          () -> JournalFiles.read(SCHEME_3.schemeId(), new java.io.StringReader(String.join("\n", journal))));
      assertTrue(broken.getMessage().contains("previous") || broken.getMessage().contains("sequence"),
          broken::getMessage);
    }
  }

  private static int indexOf(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    throw new AssertionError("no line holds " + text);
  }

  private static List<String> replaced(List<String> lines, int index, String from, String to) {
    List<String> copy = new java.util.ArrayList<>(lines);
    assertTrue(copy.get(index).contains(from), copy.get(index));
    copy.set(index, copy.get(index).replace(from, to));
    return copy;
  }

  private static List<String> removed(List<String> lines, int index) {
    List<String> copy = new java.util.ArrayList<>(lines);
    copy.remove(index);
    return copy;
  }

  private static List<String> swapped(List<String> lines, int first, int second) {
    List<String> copy = new java.util.ArrayList<>(lines);
    java.util.Collections.swap(copy, first, second);
    return copy;
  }

  @Test
  void formatThreeKeepsTheEvidenceTheOverdueFiguresADecisionWasMadeOnAndRepayments() {
    List<LedgerEvent> events = JournalFiles.read(SCHEME_3.schemeId(), DIR.resolve("golden-format-3.jsonl"));
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    store.append(0, events);
    BudgetLedger ledger = BudgetLedger.builder(SCHEME_3).store(store).build();
    ledger.verifyJournal();
    LedgerEvent.Submitted routed = (LedgerEvent.Submitted) events.get(20);
    org.devolvedbudgets.rules.Finding finding = routed.decision().findings().get(0);
    assertEquals(org.devolvedbudgets.rules.FindingCode.EVIDENCE_OVERDUE_APPROVAL_REQUIRED, finding.code());
    assertEquals(java.util.Optional.of(org.devolvedbudgets.rules.position.OverdueEvidence.of(1, gbp("100.00"),
        LocalDate.of(2019, 6, 12))), finding.overdueEvidence(), "R-1's £100, due by 11 June");
    assertTrue(ledger.evidence(RequestId.of("R-3")).get(0).isOnTime(), "R-3's receipt came on 7 June");
    assertEquals(java.util.Optional.of(29L), ledger.evidence(RequestId.of("R-1")).get(0).daysToEvidence(),
        "R-1's card data came on 3 July, 29 days after it was paid");
    assertEquals(List.of(RequestId.of("R-8")), ledger.evidenceDue(GoldenScript.WORKER).stream()
        .map(org.devolvedbudgets.rules.ledger.EvidenceDue::requestId).toList(), "only R-8's receipt is outstanding");
    assertEquals(List.of(), ledger.evidence(RequestId.of("R-2")), "voided: never paid");
    org.devolvedbudgets.rules.ledger.RepaymentStatus repayment = ledger.repayment(RequestId.of("R-8")).orElseThrow();
    assertEquals(gbp("100.00"), repayment.outstanding());
    assertEquals(LocalDate.of(2019, 9, 1), repayment.terms().instalments().get(1).dueOn());
    assertEquals(java.util.Set.of(), repayment.terms().meansAssessment().orElseThrow().benefits());
    assertEquals(gbp("100.00"), repayment.overdueOn(LocalDate.of(2019, 9, 2)), "September's instalment");
  }

  @Test
  void anOlderFormatHasNoEvidenceAndNoRepayments() throws IOException {
    List<String> lines = Files.readAllLines(DIR.resolve("golden-format-3.jsonl"));
    String evidence = lines.get(19).replace("\"format\":3,", "\"format\":2,");
    JournalFormatException type = org.junit.jupiter.api.Assertions.assertThrows(JournalFormatException.class,
        () -> JournalFormat.read(evidence));
    assertTrue(type.getMessage().contains("format 3"), type::getMessage);
    String overdue = lines.get(20).replace("\"format\":3,", "\"format\":2,");
    JournalFormatException field = org.junit.jupiter.api.Assertions.assertThrows(JournalFormatException.class,
        () -> JournalFormat.read(overdue));
    assertTrue(field.getMessage().contains("overdueEvidence"), field::getMessage);
    String repaid = lines.get(26).replace("\"format\":3,", "\"format\":2,");
    JournalFormatException repaidType = org.junit.jupiter.api.Assertions.assertThrows(JournalFormatException.class,
        () -> JournalFormat.read(repaid));
    assertTrue(repaidType.getMessage().contains("format 3"), repaidType::getMessage);
    String terms = lines.get(23).replace("\"format\":3,", "\"format\":2,");
    JournalFormatException termsField = org.junit.jupiter.api.Assertions.assertThrows(JournalFormatException.class,
        () -> JournalFormat.read(terms));
    assertTrue(termsField.getMessage().contains("repayment"), termsField::getMessage);
  }

  @Test
  void formatTwoRecordsTheOperationIdsSoRetriesAfterARestartReturnTheFirstResult() {
    List<LedgerEvent> events = JournalFiles.read(SCHEME.schemeId(), DIR.resolve("golden-format-2.jsonl"));
    assertEquals(7, events.stream().filter(event -> event.operationId().isPresent()).count());
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    store.append(0, events);
    BudgetLedger ledger = BudgetLedger.builder(SCHEME).store(store).build();
    org.devolvedbudgets.rules.ledger.LedgerResult again = ledger.refund(
        org.devolvedbudgets.model.id.OperationId.of("op-refund-R-1"), RequestId.of("R-1"), gbp("30.00"),
        GoldenScript.WORKER, GoldenScript.at(6, 10, 12));
    assertTrue(again.isApplied());
    assertEquals(gbp("30.00"), ledger.reservation(RequestId.of("R-1")).orElseThrow().refunded(), "not twice");
    assertEquals(19, ledger.lastSequence());
    LedgerEvent.Approved approved = (LedgerEvent.Approved) events.stream()
        .filter(event -> event instanceof LedgerEvent.Approved).findFirst().orElseThrow();
    assertEquals(java.util.Optional.of(GoldenScript.TEAM), approved.team(), "format 2 keeps the approver's team");
  }

  @ParameterizedTest
  @ValueSource(strings = {"golden-format-1.jsonl", "golden-format-2.jsonl", "golden-format-3.jsonl",
      "golden-format-4.jsonl"})
  void theGoldenJournalsHoldNoFreeText(String golden) throws IOException {
    String journal = Files.readString(DIR.resolve(golden));
    assertFalse(journal.contains("Free text"), "descriptions never reach the journal");
    assertFalse(journal.contains("description"), "not even the field");
    assertTrue(journal.contains("\"requestFingerprint\""), "the request's fingerprint stands for it");
  }

  @ParameterizedTest
  @ValueSource(strings = {"golden-format-1.jsonl", "golden-format-2.jsonl", "golden-format-3.jsonl",
      "golden-format-4.jsonl"})
  void journalMdDocumentsEveryFieldTheGoldenJournalsHold(String golden) throws IOException {
    String doc = Files.readString(Path.of("../JOURNAL.md"));
    List<String> lines = Files.readAllLines(DIR.resolve(golden));
    tools.jackson.databind.ObjectMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
    Set<String> fields = new TreeSet<>();
    for (String line : lines) {
      collect(json.readTree(line), fields);
    }
    for (String field : fields) {
      assertTrue(doc.contains(field + "`"), () -> "JOURNAL.md documents " + field);
    }
    int example = doc.indexOf("```json\n") + "```json\n".length();
    if (golden.endsWith("-" + JournalFormat.FORMAT + ".jsonl")) {
      assertEquals(lines.subList(0, 3), doc.substring(example, doc.indexOf("```", example)).lines().toList(),
          "JOURNAL.md's example is the newest golden journal's start");
    }
  }

  private static void collect(tools.jackson.databind.JsonNode node, Set<String> fields) {
    if (node.isObject()) {
      for (String name : node.propertyNames()) {
        tools.jackson.databind.JsonNode value = node.get(name);
        boolean container = value.isObject() || value.isArray() && value.size() > 0 && value.get(0).isObject();
        if (!container || name.equals("childShares") || name.equals("charges") || name.equals("findings")) {
          fields.add(name); // a leaf, or a container documented by its own name
        }
        if (!name.equals("childShares")) { // keyed by child ids, not field names
          collect(value, fields);
        }
      }
    } else if (node.isArray()) {
      node.forEach(item -> collect(item, fields));
    }
  }
}
