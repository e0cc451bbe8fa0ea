package org.devolvedbudgets.rules;

import static org.devolvedbudgets.rules.TestPilots.FAMILY;
import static org.devolvedbudgets.rules.TestPilots.REUNIFICATION;
import static org.devolvedbudgets.rules.TestPilots.WIGAN_FAMILY;
import static org.devolvedbudgets.rules.TestPilots.at;
import static org.devolvedbudgets.rules.TestPilots.gbp;
import static org.devolvedbudgets.rules.TestPilots.request;
import static org.devolvedbudgets.rules.TestPilots.wigan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.position.BudgetPosition;
import org.devolvedbudgets.rules.position.RemainingBudget;
import org.devolvedbudgets.rules.position.Usage;
import org.devolvedbudgets.rules.position.UsageKey;
import org.junit.jupiter.api.Test;

/** Wigan: £4,000 per family per financial year. */
class WiganRulesTest {

  /** The family has £3,999.99 spent in the financial year of {@code when}. */
  private static BudgetPosition spentAlmostEverything(SpendRequest request) {
    BudgetPosition.Builder position = BudgetPosition.builder();
    for (UsageKey key : SpendRules.usageKeys(wigan(), request)) {
      position.usage(key, Usage.of(key.period(), gbp("3999.99"), gbp("0.00")));
    }
    return position.build();
  }

  private static Decision decide(String amount, Instant when, BudgetPosition position) {
    return SpendRules.decide(wigan(), request(REUNIFICATION, amount).requestedAt(when).build(), position);
  }

  @Test
  void threeThousandNineHundredAndNinetyNineNinetyNineSpentPlusTwoPenceIsOverFourThousand() {
    Instant june = at(2019, 6, 3, 10, 0);
    SpendRequest request = request(REUNIFICATION, "0.02").requestedAt(june).build();
    Decision decision = SpendRules.decide(wigan(), request, spentAlmostEverything(request));
    assertEquals(Outcome.DECLINED, decision.outcome());
    assertEquals(List.of(FindingCode.EXCEEDS_FAMILY_ALLOWANCE), decision.codes());
    Finding finding = decision.findings().get(0);
    assertEquals("£0.02 would take family F-000123 over the £4,000.00 limit 'Per family per financial year': "
        + "£3,999.99 spent and £0.00 reserved leave £0.01 until 1 April 2020.", finding.message());
    Figures figures = finding.figures().orElseThrow();
    assertEquals(gbp("4000.00"), figures.limit());
    assertEquals(gbp("3999.99"), figures.spent());
    assertEquals(gbp("0.00"), figures.reserved());
    assertEquals(gbp("0.02"), figures.requested());
    assertEquals(gbp("0.01"), figures.remaining());
    assertEquals(Optional.of(LocalDate.of(2020, 4, 1)), figures.resetsOn());

    SpendRequest penny = request(REUNIFICATION, "0.01").requestedAt(june).build();
    assertEquals(Outcome.APPROVED, SpendRules.decide(wigan(), penny, spentAlmostEverything(penny)).outcome());
  }

  @Test
  void theAllowanceResetsAtMidnightOnFirstAprilInLondon() {
    Instant lastMinute = at(2020, 3, 31, 23, 59);
    Instant firstMinute = at(2020, 4, 1, 0, 0);
    SpendRequest late = request(REUNIFICATION, "100.00").requestedAt(lastMinute).build();
    SpendRequest early = request(REUNIFICATION, "100.00").requestedAt(firstMinute).build();
    UsageKey lateKey = SpendRules.usageKeys(wigan(), late).get(0);
    UsageKey earlyKey = SpendRules.usageKeys(wigan(), early).get(0);
    assertEquals("FinancialYear[2019-04-01, 2020-04-01)", lateKey.period().toString());
    assertEquals("FinancialYear[2020-04-01, 2021-04-01)", earlyKey.period().toString());
    assertEquals(AllowanceScope.FAMILY, lateKey.scope());
    assertEquals(FAMILY.value(), lateKey.holder());

    // A family that used £3,999.99 in 2019-20 is declined at 23:59 on 31 March...
    assertEquals(Outcome.DECLINED, decide("100.00", lastMinute, spentAlmostEverything(late)).outcome());
    // ...and starts afresh a minute later: its 2020-21 usage is what counts.
    BudgetPosition newYear = BudgetPosition.builder()
        .usage(earlyKey, Usage.of(earlyKey.period(), gbp("0.00"), gbp("0.00"))).build();
    assertEquals(Outcome.APPROVED, decide("100.00", firstMinute, newYear).outcome());
  }

  @Test
  void aPositionCountedInTheWrongYearIsRejectedNotSilentlyUsed() {
    Instant firstMinute = at(2020, 4, 1, 0, 0);
    SpendRequest late = request(REUNIFICATION, "100.00").requestedAt(at(2020, 3, 31, 23, 59)).build();
    BudgetPosition lastYear = spentAlmostEverything(late);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> decide("100.00", firstMinute, lastYear));
    assertEquals("position's usage of 'Per family per financial year' for F-000123 covers "
        + "FinancialYear[2019-04-01, 2020-04-01), which does not contain 2020-04-01", e.getMessage());
  }

  @Test
  void reservedMoneyCountsAgainstTheAllowanceLikeSpentMoney() {
    SpendRequest request = request(REUNIFICATION, "500.00").build();
    UsageKey key = SpendRules.usageKeys(wigan(), request).get(0);
    BudgetPosition held = BudgetPosition.builder()
        .usage(key, Usage.of(key.period(), gbp("3000.00"), gbp("600.00"))).build();
    Decision decision = SpendRules.decide(wigan(), request, held);
    assertEquals(Outcome.DECLINED, decision.outcome());
    assertEquals(gbp("400.00"), decision.findings().get(0).figures().orElseThrow().remaining());
  }

  @Test
  void answersHowMuchIsLeftForAFamilyOnADate() {
    LocalDate day = LocalDate.of(2019, 11, 5);
    BudgetPeriod year = BudgetPeriod.of(LocalDate.of(2019, 4, 1), LocalDate.of(2020, 4, 1));
    SpendRequest probe = request(REUNIFICATION, "1.00").requestedAt(at(2019, 11, 5, 9, 0)).build();
    UsageKey key = SpendRules.usageKeys(wigan(), probe).get(0);
    BudgetPosition position = BudgetPosition.builder()
        .usage(TestPilots.WIGAN_FAMILY_ID, FAMILY, Usage.of(key.period(), gbp("1250.00"), gbp("300.00"))).build();
    List<RemainingBudget> remaining = SpendRules.remainingBudget(wigan(), FAMILY, day, position);
    assertEquals(1, remaining.size());
    RemainingBudget family = remaining.get(0);
    assertEquals(gbp("4000.00"), family.limit());
    assertEquals(gbp("1250.00"), family.spent());
    assertEquals(gbp("300.00"), family.reserved());
    assertEquals(gbp("2450.00"), family.remaining());
    assertEquals(Optional.of(LocalDate.of(2020, 4, 1)), family.resetsOn());
    assertEquals(year.start(), family.period().orElseThrow().start());
    assertEquals("Per family per financial year (F-000123): £4,000.00 limit, £1,250.00 spent, £300.00 reserved, "
        + "£2,450.00 remaining, resets on 2020-04-01", family.toString());

    RemainingBudget untouched = SpendRules.remainingBudget(wigan(), FAMILY, day, BudgetPosition.empty()).get(0);
    assertEquals(gbp("4000.00"), untouched.remaining());
  }
}
