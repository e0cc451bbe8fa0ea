package org.devolvedbudgets.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.devolvedbudgets.examples.pilots.Pilots;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.PaymentMethod;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.position.BudgetPosition;
import org.devolvedbudgets.rules.position.Usage;

/**
 * The requests and positions the decision benchmarks decide, under Wigan's scheme (a £4,000 allowance per family
 * per financial year; a social worker approves up to £500 on their own): one a worker approves at once, one
 * declined for three reasons.
 */
public final class Fixtures {

  /** Wigan's scheme, from the published fixtures. */
  public static final PilotConfiguration WIGAN = Pilots.wigan();

  /** A weekday morning in the middle of the pilot year, 14 October 2019 at 10:00 in London. */
  public static final Instant MID_YEAR = LocalDate.of(2019, 10, 14).atTime(LocalTime.of(10, 0))
      .atZone(BudgetPeriod.ZONE).toInstant();

  /** The financial year containing {@link #MID_YEAR}. */
  public static final BudgetPeriod FINANCIAL_YEAR = BudgetPeriod.of(LocalDate.of(2019, 4, 1), LocalDate.of(2020, 4, 1));

  /**
   * Wigan's scheme with each family's allowance raised to £100m, so that a benchmark submitting millions of
   * requests for one family measures the same approved path throughout rather than running the allowance out.
   */
  public static final PilotConfiguration WIGAN_AMPLE = PilotConfiguration.builder().from(WIGAN)
      .allowances(List.of(Allowance.builder().from(WIGAN.allowances().get(0))
          .cap(Money.parse("GBP 100000000.00")).build()))
      .build();

  private static final FamilyId FAMILY = FamilyId.of("wig-reu-f1");
  private static final WorkerId WORKER = WorkerId.of("wig-reu-sw1");

  private Fixtures() {}

  /**
   * A typical request a worker approves at once: £120.00 of therapy for an eligible family that has used £1,200
   * of its £4,000, paid by prepaid card.
   *
   * @return the request, not null
   */
  public static SpendRequest approvedRequest() {
    return SpendRequest.builder()
        .id(RequestId.of("bench-approved"))
        .familyId(FAMILY)
        .teamId(Pilots.WIGAN_REUNIFICATION)
        .requestedBy(WORKER)
        .amount(Money.parse("GBP 120.00"))
        .category(SpendCategory.THERAPEUTIC)
        .requestedAt(MID_YEAR)
        .paymentMethod(PaymentMethod.PREPAID_CARD)
        .build();
  }

  /**
   * The approved request's position: £1,000 spent and £200 reserved of the family's allowance this financial
   * year.
   *
   * @return the position, not null
   */
  public static BudgetPosition approvedPosition() {
    return familyHasUsed("GBP 1000.00", "GBP 200.00");
  }

  /**
   * A request declined with three findings: from a team outside the scheme, in cash, and for £300.00 when the
   * family has only £200 of its allowance left.
   *
   * @return the request, not null
   */
  public static SpendRequest declinedRequest() {
    return SpendRequest.builder()
        .id(RequestId.of("bench-declined"))
        .familyId(FAMILY)
        .teamId(TeamId.of("wigan-early-help"))
        .requestedBy(WORKER)
        .amount(Money.parse("GBP 300.00"))
        .category(SpendCategory.PRACTICAL)
        .requestedAt(MID_YEAR)
        .paymentMethod(PaymentMethod.CASH)
        .build();
  }

  /**
   * The declined request's position: £3,500 spent and £300 reserved of the family's allowance.
   *
   * @return the position, not null
   */
  public static BudgetPosition declinedPosition() {
    return familyHasUsed("GBP 3500.00", "GBP 300.00");
  }

  private static BudgetPosition familyHasUsed(String posted, String reserved) {
    return BudgetPosition.builder()
        .usage(Pilots.WIGAN_PER_FAMILY_ID, FAMILY,
            Usage.of(FINANCIAL_YEAR, Money.parse(posted), Money.parse(reserved)))
        .build();
  }
}
