package org.devolvedbudgets.rules.ledger;

import static org.devolvedbudgets.rules.TestPilots.FAMILY;
import static org.devolvedbudgets.rules.TestPilots.REUNIFICATION;
import static org.devolvedbudgets.rules.TestPilots.WIGAN_FAMILY_ID;
import static org.devolvedbudgets.rules.TestPilots.WORKER;
import static org.devolvedbudgets.rules.TestPilots.gbp;
import static org.devolvedbudgets.rules.TestPilots.on;
import static org.devolvedbudgets.rules.TestPilots.request;
import static org.devolvedbudgets.rules.TestPilots.wigan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.devolvedbudgets.rules.Fingerprint;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.position.RemainingBudget;
import org.junit.jupiter.api.Test;

/**
 * What the journal says about the rules it was decided under: allowances keep their money by id when renamed, a
 * ledger refuses a journal of another scheme or of changed rules, and no description reaches an event.
 */
class SchemeIdentityTest {

  /** Wigan's version 2 from 1 October 2019: the allowance renamed and its cap raised, its id kept. */
  private static PilotConfiguration renamed() {
    Allowance family = wigan().allowances().get(0);
    return PilotConfiguration.builder().from(wigan()).version(2).effectiveFrom(LocalDate.of(2019, 10, 1))
        .scheme("Family support budget")
        .allowances(List.of(Allowance.builder().from(family).name("Family budget").cap(gbp("4100.00")).build()))
        .build();
  }

  private static BudgetLedger ledgerWithSpending(ConfigurationHistory history, InMemoryLedgerStore store) {
    BudgetLedger ledger = BudgetLedger.builder(history).store(store).clock(new TestClock(on(2019, 6, 3))).build();
    ledger.submit(request(REUNIFICATION, "400.00").id(RequestId.of("R-1")).build());
    assertTrue(ledger.post(RequestId.of("R-1"), gbp("400.00"), WORKER, on(2019, 6, 4)).isApplied());
    return ledger;
  }

  @Test
  void anAllowanceRenamedInALaterVersionKeepsItsMoney() {
    ConfigurationHistory history = ConfigurationHistory.of(List.of(wigan(), renamed()));
    BudgetLedger ledger = ledgerWithSpending(history, new InMemoryLedgerStore());
    RemainingBudget october = ledger.remainingBudget(FAMILY, LocalDate.of(2019, 10, 2)).get(0);
    assertEquals("Family budget", october.allowanceName());
    assertEquals(WIGAN_FAMILY_ID, october.allowanceId());
    assertEquals(gbp("400.00"), october.spent(), "the spending of June still counts under the new name");
    assertEquals(gbp("3700.00"), october.remaining());
    SpendRequest tooMuch = request(REUNIFICATION, "3800.00").id(RequestId.of("R-2"))
        .requestedAt(on(2019, 10, 2)).build();
    assertEquals(Outcome.DECLINED, ledger.submit(tooMuch).outcome());
  }

  @Test
  void aHistoryKeepsOneSchemeIdButMayRenameTheScheme() {
    PilotConfiguration otherScheme = PilotConfiguration.builder().from(renamed())
        .schemeId(SchemeId.of("another-scheme")).build();
    assertThrows(org.devolvedbudgets.model.scheme.ConfigurationException.class,
        () -> ConfigurationHistory.of(List.of(wigan(), otherScheme)));
    assertEquals(SchemeId.of("wigan-devolved-budgets"), ConfigurationHistory.of(List.of(wigan(), renamed()))
        .schemeId());
  }

  @Test
  void aLedgerRefusesAJournalOfAnotherScheme() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    ledgerWithSpending(ConfigurationHistory.of(wigan()), store);
    PilotConfiguration other = PilotConfiguration.builder().from(wigan()).schemeId(SchemeId.of("elsewhere"))
        .build();
    JournalMismatchException e = assertThrows(JournalMismatchException.class,
        () -> BudgetLedger.builder(other).store(store).build());
    assertEquals(JournalMismatchException.Reason.OTHER_SCHEME, e.reason());
    assertEquals(1, e.sequence());
  }

  @Test
  void aLedgerRefusesAJournalDecidedUnderAVersionItLacksOrHasWithOtherRules() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    ledgerWithSpending(ConfigurationHistory.of(wigan()), store);
    PilotConfiguration edited = PilotConfiguration.builder().from(wigan()).cashAllowed(true).build();
    JournalMismatchException changed = assertThrows(JournalMismatchException.class,
        () -> BudgetLedger.builder(edited).store(store).build());
    assertEquals(JournalMismatchException.Reason.VERSION_CHANGED, changed.reason());
    assertTrue(changed.getMessage().contains(Fingerprint.of(wigan()).hex()), changed.getMessage());

    PilotConfiguration onlyLater = PilotConfiguration.builder().from(wigan()).version(2).build();
    assertEquals(JournalMismatchException.Reason.UNKNOWN_VERSION, assertThrows(JournalMismatchException.class,
        () -> BudgetLedger.builder(onlyLater).store(store).build()).reason());

    // Adding a version is the way to change the rules: the journal still folds.
    BudgetLedger later = BudgetLedger.builder(ConfigurationHistory.of(List.of(wigan(), renamed()))).store(store)
        .build();
    assertEquals(3, later.lastSequence());
    assertEquals(gbp("400.00"), later.remainingBudget(FAMILY, LocalDate.of(2019, 10, 2)).get(0).spent());
  }

  @Test
  void noDescriptionReachesTheJournalAndARetryIsComparedByFingerprint() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    BudgetLedger ledger = ledgerWithSpending(ConfigurationHistory.of(wigan()), store);
    SpendRequest original = request(REUNIFICATION, "400.00").id(RequestId.of("R-1")).build();
    LedgerEvent.Submitted submitted = (LedgerEvent.Submitted) store.readAll().get(0);
    assertEquals("", submitted.request().description());
    assertEquals(original.withoutDescription(), submitted.request());
    assertEquals(Fingerprint.of(original), submitted.requestFingerprint());
    assertEquals(Fingerprint.of(wigan()), submitted.configurationFingerprint());
    assertEquals(wigan().schemeId(), submitted.schemeId());
    store.readAll().forEach(event -> assertTrue(!event.toString().contains("Cinema"), event::toString));

    assertEquals(ledger.submit(original).decision(), submitted.decision(), "an identical retry");
    IdempotencyConflictException description = assertThrows(IdempotencyConflictException.class,
        () -> ledger.submit(SpendRequest.builder().from(original).description("Bowling").build()));
    assertEquals(List.of("description"), description.fields());
    IdempotencyConflictException both = assertThrows(IdempotencyConflictException.class,
        () -> ledger.submit(SpendRequest.builder().from(original).description("Bowling").amount(gbp("1.00"))
            .build()));
    assertEquals(List.of("amount", "description"), both.fields());
    IdempotencyConflictException amountOnly = assertThrows(IdempotencyConflictException.class,
        () -> ledger.submit(SpendRequest.builder().from(original).amount(gbp("1.00")).build()));
    assertEquals(List.of("amount"), amountOnly.fields());
  }

  @Test
  void aSubmittedEventRefusesARequestWithItsDescription() {
    SpendRequest original = request(REUNIFICATION, "400.00").build();
    BudgetLedger ledger = BudgetLedger.builder(wigan()).clock(new TestClock(on(2019, 6, 3))).build();
    ledger.submit(original);
    LedgerEvent.Submitted event = (LedgerEvent.Submitted) ledger.store().readAll().get(0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LedgerEvent.Submitted(
        event.sequence(), event.recordedAt(), event.actor(), event.familyId(), original, event.requestFingerprint(),
        event.schemeId(), event.configurationFingerprint(), event.decision()));
    assertTrue(e.getMessage().startsWith("request must be recorded without its description"), e.getMessage());
    assertTrue(!e.getMessage().contains("Cinema"), e.getMessage());
  }

  @Test
  void theCanonicalFormOfAConfigurationIsWrittenOutInFull() {
    assertEquals(String.join("\n",
        "devolved-budgets configuration 1",
        "council 5:Wigan",
        "schemeId wigan-devolved-budgets",
        "scheme 46:Reunification and edge of care devolved budget",
        "version 1",
        "effectiveFrom 2019-04-01",
        "currency GBP",
        "term 2019-04-01 2021-04-01",
        "allTeamsEligible false",
        "eligibleTeam wigan-edge-of-care",
        "eligibleTeam wigan-reunification",
        "allocation ALL_ELIGIBLE",
        "allowance family-fy",
        "allowance.name 29:Per family per financial year",
        "allowance.cap GBP 400000",
        "allowance.scope FAMILY",
        "allowance.period FINANCIAL_YEAR",
        "allowance.enforcement HARD",
        "allowance.category -",
        "approvalTier SOCIAL_WORKER GBP 50000",
        "approvalTier TEAM_MANAGER -",
        "cumulativeThreshold -",
        "allowedCategory PRACTICAL",
        "allowedCategory RELATIONSHIP_BUILDING",
        "allowedCategory THERAPEUTIC",
        "cashAllowed false",
        "refundRestoresAllowance true",
        ""), Fingerprint.canonicalForm(wigan()));
    // The SHA-256 of exactly that text (sha256sum agrees): a change to the form would break every journal.
    assertEquals(Fingerprint.parse("86b89b667e6cc4bd7f4a93666c6d574c0389c8b11f9033287c02c3ac2af99b9f"),
        Fingerprint.of(wigan()));
  }

  @Test
  void fingerprintsDifferWithAnyAttributeAndParseOnlyTheirOwnForm() {
    PilotConfiguration base = wigan();
    List<PilotConfiguration> changed = List.of(
        PilotConfiguration.builder().from(base).cashAllowed(true).build(),
        PilotConfiguration.builder().from(base).refundRestoresAllowance(false).build(),
        PilotConfiguration.builder().from(base).scheme("Reunification and edge of care devolved budget.").build(),
        PilotConfiguration.builder().from(base).allowances(List.of(Allowance.builder()
            .from(base.allowances().get(0)).cap(gbp("4000.01")).build())).build());
    for (PilotConfiguration configuration : changed) {
      assertNotEquals(Fingerprint.of(base), Fingerprint.of(configuration));
    }
    assertEquals(Fingerprint.of(base), Fingerprint.of(PilotConfiguration.builder().from(base).build()));
    String hex = Fingerprint.of(base).hex();
    assertEquals(hex, Fingerprint.parse(hex).toString());
    for (String bad : List.of("", hex.toUpperCase(java.util.Locale.ROOT), hex.substring(1), hex + "0",
        hex.substring(1) + "g")) {
      assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse(bad), bad);
    }
  }

  @Test
  void aFingerprintIsTheDigestOfTheCanonicalFormWhateverTheText() throws Exception {
    for (String description : List.of("", "Cinema", "Caf\u00e9 \u2615 \ud83d\ude00", "lone \ud800 surrogate",
        "x".repeat(2000))) {
      SpendRequest request = SpendRequest.builder().from(request(REUNIFICATION, "1.00").build())
          .description(description).evidenceReference("R\u00e9f-1").build();
      byte[] expected = java.security.MessageDigest.getInstance("SHA-256").digest(Fingerprint.canonicalForm(request)
          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertEquals(java.util.HexFormat.of().formatHex(expected), Fingerprint.of(request).hex(), description);
      assertTrue(Fingerprint.canonicalForm(request).contains("\ndescription "
          + description.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + ":"), description);
    }
  }
}
