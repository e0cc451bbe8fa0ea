package org.devolvedbudgets.rules;

import static org.devolvedbudgets.rules.TestPilots.gbp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.money.CurrencyMismatchException;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.junit.jupiter.api.Test;

/** The public factories a store uses to rebuild what the journal recorded refuse parts that do not fit together. */
class RecordedPartsTest {

  private static final RequestId ID = RequestId.of("R-1");
  private static final Finding ROUTES = Finding.of(FindingCode.APPROVAL_REQUIRED, "Above £500.00.", null,
      ApprovalRole.TEAM_MANAGER);
  private static final Finding DECLINES = Finding.of(FindingCode.CASH_NOT_ALLOWED, "No cash.", null, null);

  @Test
  void aDecisionsOutcomeRoleTierAndFindingsMustAgree() {
    Decision.of(ID, Outcome.APPROVED, List.of(), null, -1, 1);
    Decision.of(ID, Outcome.NEEDS_APPROVAL, List.of(ROUTES), ApprovalRole.TEAM_MANAGER, 1, 2);
    Decision.of(ID, Outcome.DECLINED, List.of(ROUTES, DECLINES), null, -1, 1);
    assertThrows(IllegalArgumentException.class, () -> Decision.of(ID, Outcome.APPROVED, List.of(ROUTES), null,
        -1, 1));
    assertThrows(IllegalArgumentException.class, () -> Decision.of(ID, Outcome.APPROVED, List.of(),
        ApprovalRole.TEAM_MANAGER, -1, 1));
    assertThrows(IllegalArgumentException.class, () -> Decision.of(ID, Outcome.NEEDS_APPROVAL, List.of(ROUTES),
        null, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> Decision.of(ID, Outcome.NEEDS_APPROVAL, List.of(ROUTES),
        ApprovalRole.TEAM_MANAGER, -1, 1));
    assertThrows(IllegalArgumentException.class, () -> Decision.of(ID, Outcome.NEEDS_APPROVAL,
        List.of(ROUTES, DECLINES), ApprovalRole.TEAM_MANAGER, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> Decision.of(ID, Outcome.DECLINED, List.of(ROUTES), null,
        -1, 1));
    assertEquals("configurationVersion must be at least 1, but was 0", assertThrows(
        IllegalArgumentException.class, () -> Decision.of(ID, Outcome.APPROVED, List.of(), null, -1, 0))
        .getMessage());
  }

  @Test
  void aFindingHasASafeMessageAndARoleExactlyWhenItRoutes() {
    assertThrows(IllegalArgumentException.class, () -> Finding.of(FindingCode.CASH_NOT_ALLOWED, "", null, null));
    assertThrows(IllegalArgumentException.class, () -> Finding.of(FindingCode.CASH_NOT_ALLOWED, "a\u202eb",
        null, null));
    assertThrows(IllegalArgumentException.class, () -> Finding.of(FindingCode.CASH_NOT_ALLOWED, "x".repeat(1001),
        null, null));
    assertThrows(IllegalArgumentException.class, () -> Finding.of(FindingCode.CASH_NOT_ALLOWED, "No cash.", null,
        ApprovalRole.DIRECTOR));
    assertThrows(IllegalArgumentException.class, () -> Finding.of(FindingCode.APPROVAL_REQUIRED, "Above.",
        null, null));
  }

  @Test
  void figuresAreInOneCurrencyAndInRange() {
    Figures figures = Figures.of("Per family", gbp("4000.00"), gbp("3900.00"), gbp("50.00"), gbp("100.00"), null);
    assertEquals(gbp("50.00"), figures.remaining());
    assertThrows(IllegalArgumentException.class, () -> Figures.of("Per family", gbp("0.00"), gbp("0.00"),
        gbp("0.00"), gbp("1.00"), null));
    assertThrows(IllegalArgumentException.class, () -> Figures.of("Per family", gbp("1.00"), gbp("-0.01"),
        gbp("0.00"), gbp("1.00"), null));
    assertThrows(IllegalArgumentException.class, () -> Figures.of("", gbp("1.00"), gbp("0.00"), gbp("0.00"),
        gbp("1.00"), null));
    assertEquals("requested EUR 1.00 must be in GBP, the limit's currency", assertThrows(
        CurrencyMismatchException.class, () -> Figures.of("Per family", gbp("1.00"), gbp("0.00"), gbp("0.00"),
            Money.parse("EUR 1.00"), null)).getMessage());
  }
}
