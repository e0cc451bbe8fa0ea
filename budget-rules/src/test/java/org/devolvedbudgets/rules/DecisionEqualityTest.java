package org.devolvedbudgets.rules;

import static org.devolvedbudgets.rules.TestPilots.VAT;
import static org.devolvedbudgets.rules.TestPilots.hillingdon;
import static org.devolvedbudgets.rules.TestPilots.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.common.testing.EqualsTester;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.rules.position.BudgetPosition;
import org.junit.jupiter.api.Test;

/** Decisions, findings and figures are values: a ledger's journal compares them after a round trip. */
class DecisionEqualityTest {

  private static Decision decide(String id, String amount) {
    return SpendRules.decide(hillingdon(), request(VAT, amount).id(RequestId.of(id)).build(),
        BudgetPosition.empty());
  }

  @Test
  void decisionsFindingsAndFiguresAreEqualExactlyWhenEveryPartIs() {
    Decision exception = decide("R-1", "1800.00");
    assertEquals(exception, decide("R-1", "1800.00"));
    assertNotEquals(exception, decide("R-1", "1900.00"));
    new EqualsTester()
        .addEqualityGroup(decide("R-1", "113.00"), decide("R-1", "113.00"))
        .addEqualityGroup(decide("R-2", "113.00"))
        .addEqualityGroup(decide("R-1", "700.00"), decide("R-1", "700.00"))
        .addEqualityGroup(exception, decide("R-1", "1800.00"))
        .addEqualityGroup(decide("R-1", "1900.00"))
        .testEquals();
    new EqualsTester()
        .addEqualityGroup(exception.findings().get(0), decide("R-1", "1800.00").findings().get(0))
        .addEqualityGroup(exception.findings().get(1))
        .testEquals();
    new EqualsTester()
        .addEqualityGroup(exception.findings().get(0).figures().orElseThrow(),
            decide("R-1", "1800.00").findings().get(0).figures().orElseThrow())
        .addEqualityGroup(decide("R-1", "1900.00").findings().get(0).figures().orElseThrow())
        .testEquals();
  }
}
