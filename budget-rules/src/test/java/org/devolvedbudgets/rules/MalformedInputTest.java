package org.devolvedbudgets.rules;

import static org.devolvedbudgets.rules.TestPilots.REUNIFICATION;
import static org.devolvedbudgets.rules.TestPilots.WIGAN_FAMILY;
import static org.devolvedbudgets.rules.TestPilots.request;
import static org.devolvedbudgets.rules.TestPilots.wigan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.testing.NullPointerTester;
import java.time.LocalDate;
import java.util.Optional;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.scheme.AllocationMethod;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.devolvedbudgets.rules.allocation.Arm;
import org.devolvedbudgets.rules.position.BudgetPosition;
import org.devolvedbudgets.rules.position.Usage;
import org.devolvedbudgets.rules.position.UsageKey;
import org.junit.jupiter.api.Test;

/** A position that does not belong to its request is a programming error, and says so. */
class MalformedInputTest {

  @Test
  void rejectsAnAllocationRecordForAnotherFamily() {
    AllocationRecord other = AllocationRecord.of(FamilyId.of("F-999"), AllocationMethod.ALL_ELIGIBLE,
        Arm.NOT_RANDOMISED, Optional.empty(), LocalDate.of(2019, 4, 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpendRules.decide(wigan(),
        request(REUNIFICATION, "10.00").build(), BudgetPosition.builder().allocation(other).build()));
    assertEquals("position's allocation record is for family F-999, but the request is for family F-000123",
        e.getMessage());
  }

  @Test
  void rejectsAUsageInAnotherCurrency() {
    SpendRequest request = request(REUNIFICATION, "10.00").build();
    UsageKey key = SpendRules.usageKeys(wigan(), request).get(0);
    BudgetPosition euros = BudgetPosition.builder()
        .usage(TestPilots.WIGAN_FAMILY_ID, request.familyId(), Usage.of(key.period(), Money.parse("EUR 1.00"),
            Money.parse("EUR 0.00")))
        .build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SpendRules.decide(wigan(), request, euros));
    assertEquals("position's usage of 'Per family per financial year' is in EUR, but the scheme is in GBP",
        e.getMessage());
  }

  @Test
  void rejectsNullNamingTheParameter() {
    SpendRequest request = request(REUNIFICATION, "10.00").build();
    assertEquals("configuration", assertThrows(NullPointerException.class,
        () -> SpendRules.decide((PilotConfiguration) null, request, BudgetPosition.empty())).getMessage());
    assertEquals("position", assertThrows(NullPointerException.class,
        () -> SpendRules.decide(wigan(), request, null)).getMessage());
    new NullPointerTester()
        .setDefault(PilotConfiguration.class, wigan())
        .setDefault(ConfigurationHistory.class, ConfigurationHistory.of(wigan()))
        .setDefault(SpendRequest.class, request)
        .setDefault(BudgetPosition.class, BudgetPosition.empty())
        .setDefault(FamilyId.class, request.familyId())
        .setDefault(LocalDate.class, LocalDate.of(2019, 6, 3))
        .setDefault(Decision.class, SpendRules.decide(wigan(), request, BudgetPosition.empty()))
        .setDefault(Approver.class, Approver.of(WorkerId.of("W-7"), ApprovalRole.HEAD_OF_SERVICE))
        .testAllPublicStaticMethods(SpendRules.class);
  }
}
