package org.devolvedbudgets.rules.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import java.time.LocalDate;
import java.util.Optional;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.scheme.AgeBand;
import org.devolvedbudgets.model.scheme.AllocationMethod;
import org.junit.jupiter.api.Test;

class AllocationRecordTest {

  private static final FamilyId FAMILY = FamilyId.of("F-1");
  private static final LocalDate DAY = LocalDate.of(2019, 5, 1);

  @Test
  void armMustFitTheMethod() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
        AllocationRecord.of(FAMILY, AllocationMethod.RANDOMISED, Arm.NOT_RANDOMISED, Optional.empty(), DAY));
    assertEquals("arm NOT_RANDOMISED does not fit method RANDOMISED: a randomised allocation is TREATMENT or "
        + "CONTROL, any other is NOT_RANDOMISED", e.getMessage());
    assertThrows(IllegalArgumentException.class, () ->
        AllocationRecord.of(FAMILY, AllocationMethod.DISCRETIONARY, Arm.CONTROL, Optional.empty(), DAY));
    assertFalse(Arm.CONTROL.hasBudget());
  }

  @Test
  void recordsAreValues() {
    new EqualsTester()
        .addEqualityGroup(
            AllocationRecord.of(FAMILY, AllocationMethod.RANDOMISED, Arm.TREATMENT, Optional.of(AgeBand.of(0, 4)), DAY),
            AllocationRecord.of(FAMILY, AllocationMethod.RANDOMISED, Arm.TREATMENT, Optional.of(AgeBand.of(0, 4)), DAY))
        .addEqualityGroup(
            AllocationRecord.of(FAMILY, AllocationMethod.RANDOMISED, Arm.CONTROL, Optional.of(AgeBand.of(0, 4)), DAY))
        .addEqualityGroup(
            AllocationRecord.of(FAMILY, AllocationMethod.RANDOMISED, Arm.TREATMENT, Optional.empty(), DAY))
        .addEqualityGroup(AllocationRecord.of(FAMILY, AllocationMethod.ALL_ELIGIBLE, Arm.NOT_RANDOMISED,
            Optional.empty(), DAY.plusDays(1)))
        .testEquals();
    new NullPointerTester()
        .setDefault(FamilyId.class, FAMILY)
        .setDefault(LocalDate.class, DAY)
        .testAllPublicStaticMethods(AllocationRecord.class);
  }
}
