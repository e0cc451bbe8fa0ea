package org.devolvedbudgets.model.scheme;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;

/** Small shared values for the scheme tests. */
final class Fixtures {

  static final CurrencyUnit GBP = Monetary.getCurrency("GBP");
  static final BudgetPeriod TERM_2019 = BudgetPeriod.of(LocalDate.of(2019, 4, 1), LocalDate.of(2020, 4, 1));

  private Fixtures() {}

  /** Each problem as {@code "CODE path"}, the part of a problem that is a stable contract. */
  static List<String> codesAndPaths(ConfigurationException e) {
    return e.problems().stream().map(p -> p.code() + " " + p.path()).collect(Collectors.toList());
  }

  static Money gbp(String amount) {
    return Money.parse("GBP " + amount);
  }

  static ApprovalPolicy ownAuthorityUpTo500() {
    return ApprovalPolicy.builder()
        .addTiers(ApprovalTier.upTo(ApprovalRole.SOCIAL_WORKER, gbp("500.00")))
        .addTiers(ApprovalTier.upTo(ApprovalRole.TEAM_MANAGER, gbp("1000.00")))
        .addTiers(ApprovalTier.unlimited(ApprovalRole.HEAD_OF_SERVICE))
        .build();
  }

  static PilotConfiguration.Builder minimalConfiguration() {
    return PilotConfiguration.builder()
        .council("Example")
        .schemeId(SchemeId.of("devolved-budget"))
        .scheme("Devolved budget")
        .version(1)
        .effectiveFrom(TERM_2019.start())
        .currency(GBP)
        .term(TERM_2019)
        .addEligibleTeams(TeamId.of("team-a"))
        .approvalPolicy(ownAuthorityUpTo500());
  }
}
