package org.devolvedbudgets.model.spend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.google.common.testing.EqualsTester;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
    assertEquals("SpendRequest{id=R-000789, familyId=F-000123, childIds=[], childShares={}, teamId=hillingdon-vat, "
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
        + "evidenceReference must be 1 to 128 characters without white space, control or bidirectional formatting "
        + "characters, "
        + "but was 9 characters", e.getMessage());
  }

  @Test
  void childrenShareTheAmountEquallyUnlessTheRequestSaysHow() {
    ChildId first = ChildId.of("C-1");
    ChildId second = ChildId.of("C-2");
    ChildId third = ChildId.of("C-3");
    SpendRequest equal = valid().amount(Money.parse("GBP 100.00")).addChildIds(first, second, third).build();
    assertEquals(List.of(first, second, third), List.copyOf(equal.sharesByChild().keySet()));
    assertEquals(List.of(Money.parse("GBP 33.34"), Money.parse("GBP 33.33"), Money.parse("GBP 33.33")),
        List.copyOf(equal.sharesByChild().values()));
    SpendRequest given = valid().amount(Money.parse("GBP 600.00")).addChildIds(first, second)
        .putChildShares(second, Money.parse("GBP 200.00")).putChildShares(first, Money.parse("GBP 400.00")).build();
    assertEquals(Map.of(first, Money.parse("GBP 400.00"), second, Money.parse("GBP 200.00")), given.sharesByChild());
    assertEquals(List.of(first, second), List.copyOf(given.sharesByChild().keySet()));
    assertEquals(Map.of(), valid().build().sharesByChild());
  }

  @Test
  void equalSharesAlwaysAddUpToTheAmountAndDifferByAtMostAPenny() {
    qt().forAll(longs().between(-1_000_000_000L, 1_000_000_000L), integers().between(1, 12))
        .checkAssert((pence, children) -> {
          SpendRequest.Builder builder = valid().amount(Money.ofMinor(Money.parse("GBP 1").currency(), pence));
          for (int i = 0; i < children; i++) {
            builder.addChildIds(ChildId.of("C-" + i));
          }
          List<Long> shares = builder.build().sharesByChild().values().stream().map(Money::minorUnits)
              .collect(Collectors.toList());
          assertEquals(children, shares.size());
          assertEquals(pence, shares.stream().mapToLong(Long::longValue).sum());
          long most = shares.stream().mapToLong(Long::longValue).max().orElseThrow();
          long least = shares.stream().mapToLong(Long::longValue).min().orElseThrow();
          assertTrue(most - least <= 1, shares::toString);
        });
  }

  @Test
  void givenSharesMustBeForTheNamedChildrenAndAddUpToTheAmount() {
    ChildId first = ChildId.of("C-1");
    ChildId second = ChildId.of("C-2");
    SpendRequest.Builder siblings = valid().amount(Money.parse("GBP 600.00")).addChildIds(first, second);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SpendRequest.builder().from(siblings.build())
        .putChildShares(first, Money.parse("GBP 300.00")).putChildShares(second, Money.parse("GBP 299.99")).build())
        .getMessage().endsWith("childShares must add up to the amount GBP 600.00, but add up to GBP 599.99"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SpendRequest.builder().from(siblings.build())
        .putChildShares(first, Money.parse("GBP 600.00")).build())
        .getMessage().contains("childShares must give a share for each of the 2 children in childIds"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SpendRequest.builder().from(siblings.build())
        .putChildShares(first, Money.parse("GBP 700.00")).putChildShares(second, Money.parse("GBP -100.00")).build())
        .getMessage().contains("childShares[C-2] must not be negative, but was GBP -100.00"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SpendRequest.builder().from(siblings.build())
        .putChildShares(first, Money.parse("EUR 300.00")).putChildShares(second, Money.parse("GBP 300.00")).build())
        .getMessage().contains("childShares[C-1] EUR 300.00 must be in GBP, the amount's currency"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SpendRequest.builder().from(siblings.build())
        .putChildShares(first, Money.ofMinor(Money.parse("GBP 1").currency(), Long.MAX_VALUE))
        .putChildShares(second, Money.ofMinor(Money.parse("GBP 1").currency(), Long.MAX_VALUE)).build())
        .getMessage().endsWith("but add up to more than Money can hold"));
  }

  @Test
  void aFarFutureTimeIsRejectedNamingTheParameter() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> valid().requestedAt(Instant.MAX).build());
    assertTrue(e.getMessage().startsWith("requestedAt +1000000000-12-31T23:59:59.999999999Z is outside the dates "),
        e.getMessage());
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
