package org.devolvedbudgets.rules.evaluation;

import static org.devolvedbudgets.rules.TestPilots.at;
import static org.devolvedbudgets.rules.TestPilots.gbp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.rules.TestPilots;
import org.devolvedbudgets.rules.ledger.BudgetLedger;
import org.devolvedbudgets.rules.ledger.InMemoryLedgerStore;
import org.junit.jupiter.api.Test;

class PseudonymisedCsvTest {

  /** 32 bytes with 32 distinct values: a fixed key, so the tests are repeatable. */
  private static final byte[] KEY = "0123456789abcdefghijklmnopqrstuv".getBytes(StandardCharsets.US_ASCII);
  private static final BudgetPeriod YEAR = BudgetPeriod.of(LocalDate.of(2019, 4, 1), LocalDate.of(2020, 4, 1));

  private static EvaluationReport twoRequests() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    BudgetLedger ledger = BudgetLedger.builder(TestPilots.wigan()).store(store)
        .clock(Clock.fixed(at(2019, 6, 3, 10, 0), BudgetPeriod.ZONE)).build();
    ledger.submit(TestPilots.request(TestPilots.REUNIFICATION, "12.50").requestedAt(at(2019, 6, 3, 9, 0)).build());
    ledger.post(RequestId.of("R-000001"), gbp("12.50"), TestPilots.WORKER, at(2019, 6, 3, 11, 30));
    ledger.submit(TestPilots.request(TestPilots.REUNIFICATION, "600.00").id(RequestId.of("R-000002"))
        .requestedAt(at(2019, 6, 3, 9, 0)).build());
    return EvaluationReport.of(TestPilots.wigan(), store.readAll(), YEAR);
  }

  private static List<String> lines(EvaluationReport report, byte[] key) {
    StringBuilder out = new StringBuilder();
    PseudonymisedCsv.write(report, key, out);
    assertTrue(out.toString().endsWith("\r\n"));
    return Arrays.asList(out.toString().split("\r\n"));
  }

  @Test
  void writesOneRowPerRequestWithHashedIdsAndNoFreeText() {
    List<String> lines = lines(twoRequests(), KEY);

    assertEquals(3, lines.size());
    assertEquals(PseudonymisedCsv.HEADER, lines.get(0));
    String family = PseudonymisedCsv.pseudonym(KEY, "family", FamilyId.of("F-000123"));
    String[] paid = lines.get(1).split(",", -1);
    assertEquals(PseudonymisedCsv.HEADER.split(",").length, paid.length);
    assertEquals(family, paid[1]);
    assertEquals(20, paid[0].length());
    assertEquals(List.of("NOT_RANDOMISED", "", "2019-06-03", "RELATIONSHIP_BUILDING", "", "PURCHASE_CARD", "GBP",
        "12.50", "APPROVED", "", "", "1", "POSTED", "60", "12.50", "150", ""),
        Arrays.asList(paid).subList(4, paid.length));
    String[] awaiting = lines.get(2).split(",", -1);
    assertEquals(family, awaiting[1], "the same family has the same pseudonym in every row");
    assertEquals(List.of("NEEDS_APPROVAL", "APPROVAL_REQUIRED", "TEAM_MANAGER", "1", "AWAITING_APPROVAL", "", "",
        "", ""), Arrays.asList(awaiting).subList(12, awaiting.length));
    String all = String.join("\n", lines);
    assertFalse(all.contains("F-000123") || all.contains("W-0042") || all.contains("R-000001"), all);
    assertFalse(all.contains("Cinema"), "no description");
  }

  @Test
  void anotherKeyGivesUnlinkablePseudonyms() {
    byte[] other = KEY.clone();
    other[0] ^= 1;
    FamilyId family = FamilyId.of("F-000123");

    assertNotEquals(PseudonymisedCsv.pseudonym(KEY, "family", family),
        PseudonymisedCsv.pseudonym(other, "family", family));
    assertNotEquals(PseudonymisedCsv.pseudonym(KEY, "family", family),
        PseudonymisedCsv.pseudonym(KEY, "request", RequestId.of("F-000123")), "kinds are hashed apart");
    assertEquals(PseudonymisedCsv.pseudonym(KEY, "family", family), PseudonymisedCsv.pseudonym(KEY, "family", family));
  }

  @Test
  void rejectsTriviallyWeakKeysWhoseKnowledgeWouldReidentifyEveryone() {
    for (byte[] weak : List.of(new byte[32], "password12345678password12345678".getBytes(StandardCharsets.US_ASCII),
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".getBytes(StandardCharsets.US_ASCII))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> PseudonymisedCsv.pseudonym(weak, "family", FamilyId.of("F-1")));
      assertTrue(e.getMessage().startsWith("key must hold at least 16 distinct byte values, but holds "),
          e.getMessage());
      assertFalse(e.getMessage().contains("password"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class,
        () -> PseudonymisedCsv.pseudonym(new byte[16], "family", FamilyId.of("F-1")), "16 zero bytes");
  }

  @Test
  void newKeysAreAcceptedAndDiffer() {
    byte[] first = PseudonymisedCsv.newKey();
    byte[] second = PseudonymisedCsv.newKey();
    assertEquals(PseudonymisedCsv.MIN_KEY_BYTES, first.length);
    assertFalse(Arrays.equals(first, second));
    assertEquals(20, PseudonymisedCsv.pseudonym(first, "family", FamilyId.of("F-1")).length());
  }

  @Test
  void rejectsAShortKeyWithoutShowingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PseudonymisedCsv.write(twoRequests(), "secret".getBytes(StandardCharsets.US_ASCII), new StringBuilder()));

    assertEquals("key must be at least 32 bytes, but was 6 bytes", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> PseudonymisedCsv.pseudonym(KEY, "child", FamilyId.of("F-1")));
  }
}
