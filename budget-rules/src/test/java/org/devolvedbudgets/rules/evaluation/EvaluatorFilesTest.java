package org.devolvedbudgets.rules.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.rules.TestPilots;
import org.devolvedbudgets.rules.allocation.Arm;
import org.devolvedbudgets.rules.ledger.Journals;
import org.devolvedbudgets.rules.ledger.LedgerEvent;
import org.junit.jupiter.api.Test;

/** The evaluator's CSV files: the dictionary names exactly their columns; the CONSORT counts and allocation log. */
class EvaluatorFilesTest {

  private static final List<LedgerEvent> JOURNAL = Journals.manyFamilies(20);
  private static final EvaluationReport REPORT = EvaluationReport.of(TestPilots.darlington(), JOURNAL,
      BudgetPeriod.of(LocalDate.of(2019, 4, 1), LocalDate.of(2020, 4, 1)));

  @Test
  void theDictionaryNamesEveryColumnOfEachCsvAndEachCsvEveryColumnOfItsDictionary() {
    StringBuilder requests = new StringBuilder();
    PseudonymisedCsv.write(REPORT, PseudonymisedCsv.newKey(), requests);
    assertEquals(DataDictionary.REQUESTS.header(), requests.toString().lines().findFirst().orElseThrow());
    StringBuilder allocations = new StringBuilder();
    AllocationLog.write(JOURNAL, PseudonymisedCsv.newKey(), allocations);
    assertEquals(DataDictionary.ALLOCATIONS.header(), allocations.toString().lines().findFirst().orElseThrow());
    StringBuilder consort = new StringBuilder();
    ConsortFlow.of(JOURNAL, REPORT).writeCsv(consort);
    assertEquals(DataDictionary.CONSORT.header(), consort.toString().lines().findFirst().orElseThrow());
    for (DataDictionary dictionary : List.of(DataDictionary.REQUESTS, DataDictionary.ALLOCATIONS,
        DataDictionary.CONSORT)) {
      StringBuilder markdown = new StringBuilder();
      dictionary.writeMarkdown(markdown);
      StringBuilder csv = new StringBuilder();
      dictionary.writeCsv(csv);
      assertEquals(dictionary.columns().size() + 1, csv.toString().lines().count());
      for (DataDictionary.Column column : dictionary.columns()) {
        assertTrue(markdown.toString().contains("| `" + column.name() + "` |"), column.name());
        assertTrue(csv.toString().contains("\r\n" + column.name() + ","), column.name());
      }
    }
  }

  @Test
  void theConsortFlowCountsEachArmByIntentionToTreat() {
    ConsortFlow flow = ConsortFlow.of(JOURNAL, REPORT);
    int treated = 0;
    int control = 0;
    for (LedgerEvent event : JOURNAL) {
      if (event instanceof LedgerEvent.Allocated) {
        if (((LedgerEvent.Allocated) event).record().arm() == Arm.TREATMENT) {
          treated++;
        } else {
          control++;
        }
      }
    }
    assertTrue(treated > 0 && control > 0 && treated + control == 20, treated + " and " + control);
    // every family asked five times; only the treated were paid (90.00 less a 10.00 refund)
    assertEquals(List.of(new ConsortFlow.ArmFlow(Arm.TREATMENT, treated, treated, treated, treated),
        new ConsortFlow.ArmFlow(Arm.CONTROL, control, control, 0, control)), flow.arms());
    StringBuilder csv = new StringBuilder();
    flow.writeCsv(csv);
    assertTrue(csv.toString().contains("\r\nCONTROL," + control + "," + control + ",0," + control + "\r\n"), csv.toString());
    assertThrows(IllegalArgumentException.class, () -> new ConsortFlow.ArmFlow(Arm.CONTROL, 1, 2, 0, 1));
  }

  @Test
  void theAllocationLogHasARowPerAllocationWithTheFamilyPseudonymisedAsInTheRequests() {
    byte[] key = PseudonymisedCsv.newKey();
    StringBuilder log = new StringBuilder();
    assertEquals(20, AllocationLog.write(JOURNAL, key, log));
    String first = log.toString().lines().skip(1).findFirst().orElseThrow();
    assertTrue(first.startsWith(PseudonymisedCsv.pseudonym(key, "family",
        org.devolvedbudgets.model.id.FamilyId.of("F-0")) + ",5-9,"), first);
    assertTrue(first.endsWith(",2019-06-01,RANDOMISED"), first);
    assertTrue(!log.toString().contains("F-0"), "no family id in the clear");
    assertThrows(IllegalArgumentException.class, () -> AllocationLog.write(List.of(), new byte[4], log));
  }
}
