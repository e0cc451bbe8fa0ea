package org.devolvedbudgets.model.spend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.EqualsTester;
import java.time.Instant;
import java.util.List;
import org.devolvedbudgets.model.id.ChildId;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.junit.jupiter.api.Test;

class SpendRequestTest {

  static SpendRequest.Builder valid() {
    return SpendRequest.builder()
        .id(RequestId.of("R-000789"))
        .familyId(FamilyId.of("F-000123"))
        .teamId(TeamId.of("hillingdon-vat"))
        .requestedBy(WorkerId.of("W-0042"))
        .amount(Money.parse("GBP 240.00"))
        .category(SpendCategory.RELATIONSHIP_BUILDING)
        .subcategory(Subcategory.GYM_MEMBERSHIP)
        .description("Six months' gym membership for Jo Bloggs")
        .paymentMethod(PaymentMethod.PURCHASE_CARD)
        .requestedAt(Instant.parse("2019-06-03T10:15:00Z"));
  }

  @Test
  void buildsWithDefaults() {
    SpendRequest request = valid().build();
    assertEquals(Money.parse("GBP 240.00"), request.amount());
    assertEquals(List.of(), request.childIds());
    assertFalse(request.vatRecoverable());
    assertTrue(request.evidenceReference().isEmpty());
    assertEquals("", SpendRequest.builder().from(request).description("").build().description());
  }

  @Test
  void toStringNeverShowsTheFreeTextDescription() {
    String text = valid().evidenceReference("INV-2019-0001").build().toString();
    assertFalse(text.contains("Bloggs"), text);
    assertFalse(text.contains("gym membership"), text);
    assertEquals("SpendRequest{id=R-000789, familyId=F-000123, childIds=[], teamId=hillingdon-vat, "
        + "requestedBy=W-0042, amount=GBP 240.00, category=RELATIONSHIP_BUILDING, "
        + "subcategory=RELATIONSHIP_BUILDING/gym-membership, requestedAt=2019-06-03T10:15:00Z, requestedOn=2019-06-03, "
        + "paymentMethod=PURCHASE_CARD, vatRecoverable=false, evidenceReference=INV-2019-0001}", text);
  }

  @Test
  void requestedOnIsTheDateInLondon() {
    // 23:30 UTC on 31 March 2020 is 00:30 BST on 1 April: the new financial year.
    assertEquals(java.time.LocalDate.of(2020, 4, 1),
        valid().requestedAt(Instant.parse("2020-03-31T23:30:00Z")).build().requestedOn());
    // In winter London is on GMT: 23:30 UTC on 31 December 2019 is still 31 December.
    assertEquals(java.time.LocalDate.of(2019, 12, 31),
        valid().requestedAt(Instant.parse("2019-12-31T23:30:00Z")).build().requestedOn());
  }

  @Test
  void keepsNonPositiveAndForeignAmountsForTheRulesToDecline() {
    assertEquals(Money.parse("GBP -5.00"), valid().amount(Money.parse("GBP -5.00")).build().amount());
    assertEquals(Money.parse("EUR 5.00"), valid().amount(Money.parse("EUR 5.00")).build().amount());
  }

  @Test
  void reportsEveryInconsistencyAtOnce() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> valid()
        .category(SpendCategory.PRACTICAL)
        .subcategory(Subcategory.COUNSELLING)
        .addChildIds(ChildId.of("C-1"), ChildId.of("C-2"), ChildId.of("C-1"))
        .description("x".repeat(2001))
        .evidenceReference("has space")
        .build());
    assertEquals("SpendRequest R-000789 is invalid: "
        + "subcategory THERAPEUTIC/counselling does not belong to category PRACTICAL; "
        + "childIds[2] names child C-1 a second time; "
        + "description must be at most 2000 characters, but was 2001; "
        + "evidenceReference must be 1 to 128 characters without white space or control characters, "
        + "but was 9 characters", e.getMessage());
  }

  @Test
  void vatIsNeverRecoverableOnACar() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> valid()
        .category(SpendCategory.PRACTICAL).subcategory(Subcategory.CAR).vatRecoverable(true).build());
    assertTrue(e.getMessage().endsWith("vatRecoverable must be false for a car: VAT on buying a car is blocked"));
    assertTrue(valid().category(SpendCategory.PRACTICAL).subcategory(Subcategory.BEDDING).vatRecoverable(true).build()
        .vatRecoverable());
  }

  @Test
  void namesMissingAndNullAttributes() {
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> SpendRequest.builder().id(RequestId.of("R-1")).build());
    assertTrue(missing.getMessage().contains("familyId"), missing.getMessage());
    assertTrue(missing.getMessage().contains("amount"), missing.getMessage());
    NullPointerException nullAmount = assertThrows(NullPointerException.class, () -> valid().amount(null));
    assertEquals("amount", nullAmount.getMessage());
  }

  @Test
  void equalityCoversEveryAttribute() {
    new EqualsTester()
        .addEqualityGroup(valid().build(), valid().build())
        .addEqualityGroup(valid().amount(Money.parse("GBP 240.01")).build())
        .addEqualityGroup(valid().description("other").build())
        .addEqualityGroup(valid().requestedAt(Instant.parse("2019-06-03T10:15:01Z")).build())
        .testEquals();
  }
}
