package org.devolvedbudgets.json.journal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.devolvedbudgets.model.id.ChildId;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.model.spend.Subcategory;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.devolvedbudgets.rules.ledger.BudgetLedger;
import org.devolvedbudgets.rules.ledger.LedgerEvent;

/**
 * Journals written by the real ledger from a random sequence of operations (allocations, submissions of every
 * category with and without children, approvals, rejections, payments, voids, refunds, sweeps), for properties
 * of the journal format. The same seed gives the same journal.
 */
final class RandomLedgers {

  private RandomLedgers() {}

  static List<LedgerEvent> journal(ConfigurationHistory scheme, long seed, int operations) {
    Random random = new Random(seed);
    MutableClock clock = new MutableClock(GoldenScript.at(4, 2, 9));
    BudgetLedger ledger = BudgetLedger.builder(scheme).clock(clock).build();
    List<RequestId> made = new ArrayList<>();
    for (int i = 0; i < operations; i++) {
      clock.advance(Duration.ofMinutes(1 + random.nextInt(60 * 24)));
      Instant now = clock.instant();
      FamilyId family = FamilyId.of("F-" + random.nextInt(8));
      int kind = random.nextInt(10);
      try {
        if (kind == 0 || ledger.allocation(family).isEmpty()) {
          ledger.allocate(family, random.nextInt(17), GoldenScript.at(4, 1, 12).atZone(java.time.ZoneOffset.UTC)
              .toLocalDate().plusDays(random.nextInt(5)), GoldenScript.WORKER);
        } else if (kind < 5 || made.isEmpty()) {
          RequestId id = RequestId.of("R-" + seed + "-" + i);
          SpendCategory category = SpendCategory.values()[random.nextInt(3)];
          SpendRequest.Builder request = SpendRequest.builder().id(id).familyId(family).teamId(GoldenScript.TEAM)
              .requestedBy(GoldenScript.WORKER).amount(Money.ofMinor(Money.parse("GBP 0.01").currency(),
                  1 + random.nextInt(120_000))).category(category).requestedAt(now.minusSeconds(60))
              .paymentMethod(org.devolvedbudgets.model.spend.PaymentMethod.values()[random.nextInt(3)])
              .vatRecoverable(random.nextBoolean());
          if (category == SpendCategory.RELATIONSHIP_BUILDING) {
            request.addChildIds(ChildId.of("C-" + family.value() + "-1"));
            if (random.nextBoolean()) {
              request.addChildIds(ChildId.of("C-" + family.value() + "-2"));
            }
            request.subcategory(Subcategory.DAY_OUT);
          }
          if (random.nextInt(4) == 0) {
            request.evidenceReference("REF-" + i);
          }
          ledger.submit(request.build());
          made.add(id);
        } else {
          RequestId id = made.get(random.nextInt(made.size()));
          switch (kind) {
            case 5:
              ledger.approve(id, GoldenScript.MANAGER, now);
              break;
            case 6:
              ledger.reject(id, GoldenScript.MANAGER, now);
              break;
            case 7:
              ledger.post(id, Money.parse("GBP 1.00").multipliedBy(1 + random.nextInt(3)), GoldenScript.WORKER,
                  now);
              break;
            case 8:
              if (random.nextBoolean()) {
                ledger.voidReservation(id, GoldenScript.WORKER, now);
              } else {
                ledger.refund(id, Money.parse("GBP 0.50"), GoldenScript.WORKER, now);
              }
              break;
            default:
              ledger.expire(now);
              break;
          }
        }
      } catch (IllegalArgumentException e) {
        // an operation the library refuses as impossible (more paid than held, a refund of what was not paid):
        // nothing is recorded, and the sequence goes on
      }
    }
    return ledger.store().readAll();
  }
}
