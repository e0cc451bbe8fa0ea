package org.devolvedbudgets.examples.replay;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.rules.allocation.Arm;
import org.devolvedbudgets.rules.evaluation.Distribution;
import org.devolvedbudgets.rules.evaluation.EvaluationReport;
import org.devolvedbudgets.rules.evaluation.FamilyUtilisation;
import org.devolvedbudgets.rules.evaluation.RequestStatus;
import org.devolvedbudgets.rules.evaluation.Share;

/**
 * Renders an {@link EvaluationReport} as aligned text tables for a console: families and uptake, requests by
 * outcome, spend by category, team and arm, the amount distribution, times to decision and payment, and
 * budget utilisation. Amounts are shown as {@code £1,234.56}; durations in days and hours.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class ReportTables {

  private ReportTables() {}

  /**
   * Renders a report.
   *
   * @param report the report, not null
   * @return the text, lines ended by {@code \n}
   * @throws NullPointerException if {@code report} is null
   */
  public static String render(EvaluationReport report) {
    requireNonNull(report, "report");
    StringBuilder out = new StringBuilder();
    out.append(report.configuration().council()).append(": ").append(report.configuration().scheme())
        .append(", ").append(report.range().start()).append(" to ").append(report.range().end().minusDays(1))
        .append('\n');
    int requests = report.requests().size();
    out.append('\n').append(TextTable.withHeader("Families", "")
        .row("eligible", Integer.toString(report.eligibleFamilies()))
        .row("with at least one request", Integer.toString(report.familiesWithRequests()))
        .row("uptake", report.uptake().toString())
        .render("  "));
    TextTable outcomes = TextTable.withHeader("Requests", "")
        .row("made", Integer.toString(requests))
        .row("approved (went ahead)", share(report.approved(), requests))
        .row("  of which paid", Integer.toString(report.count(RequestStatus.POSTED)))
        .row("declined by the rules", share(report.declined(), requests))
        .row("rejected by a manager", share(report.rejected(), requests))
        .row("expired awaiting approval", share(report.expired(), requests))
        .row("still awaiting approval", share(report.count(RequestStatus.AWAITING_APPROVAL), requests))
        .row("needed a manager's approval", report.neededApproval().toString());
    if (report.decidedUnderFreeze().part() > 0) { // only schemes that froze spending show these
      outcomes.row("decided under a spending freeze", report.decidedUnderFreeze().toString())
          .row("  held back by the freeze", report.heldBackByFreeze().toString());
    }
    out.append('\n').append(outcomes.render("  "));
    if (report.evidenceRequired() > 0) { // only schemes that ask for evidence show these
      out.append('\n').append(TextTable.withHeader("Evidence after payment", "")
          .row("spends that needed evidence", Integer.toString(report.evidenceRequired()))
          .row("with all of it on time", report.evidenceOnTime().toString())
          .row("with evidence overdue", Integer.toString(report.evidenceOverdue()))
          .row("median days to evidence", report.daysToEvidence().median().map(Object::toString).orElse("none yet"))
          .render("  "));
    }
    if (!report.repayments().isEmpty()) { // only schemes that gave help subject to repayment show these
      out.append('\n').append(TextTable.withHeader("Help given subject to repayment", "")
          .row("spends", Integer.toString(report.repayments().size()))
          .row("owed", money(report.repaymentOwed()))
          .row("repaid", money(report.repaid()))
          .row("outstanding", money(report.repaymentOutstanding()))
          .row("  of which overdue", money(report.repaymentOverdue()))
          .render("  "));
    }
    TextTable spend = TextTable.withHeader("Spend (paid less refunded)", "amount", "share");
    for (Map.Entry<SpendCategory, Money> entry : report.spentByCategory().entrySet()) {
      spend.row(entry.getKey().displayName(), money(entry.getValue()), percent(entry.getValue(), report.spent()));
    }
    spend.row("total", money(report.spent()), percent(report.spent(), report.spent()));
    out.append('\n').append(spend.render("  "));
    TextTable teams = TextTable.withHeader("Spend by team", "amount", "share");
    for (Map.Entry<TeamId, Money> entry : report.spentByTeam().entrySet()) {
      teams.row(entry.getKey().value(), money(entry.getValue()), percent(entry.getValue(), report.spent()));
    }
    out.append('\n').append(teams.render("  "));
    if (!report.spentByArm().isEmpty()) {
      TextTable arms = TextTable.withHeader("Spend by arm", "amount", "share");
      for (Map.Entry<Arm, Money> entry : report.spentByArm().entrySet()) {
        arms.row(entry.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '), money(entry.getValue()),
            percent(entry.getValue(), report.spent()));
      }
      out.append('\n').append(arms.render("  "));
    }
    Distribution<Money> amounts = report.amounts();
    out.append('\n').append(TextTable.withHeader("Amounts requested", "min", "median", "90th", "max")
        .row(amounts.count() + " requests", money(amounts.min()), money(amounts.median()), money(amounts.p90()),
            money(amounts.max()))
        .render("  "));
    out.append('\n').append(TextTable.withHeader("Time from request", "median", "90th", "requests")
        .row("to decision", duration(report.timeToDecision().median()), duration(report.timeToDecision().p90()),
            Integer.toString(report.timeToDecision().count()))
        .row("to payment", duration(report.timeToPayment().median()), duration(report.timeToPayment().p90()),
            Integer.toString(report.timeToPayment().count()))
        .render("  "));
    out.append('\n').append(utilisation(report));
    return out.toString();
  }

  private static String utilisation(EvaluationReport report) {
    List<FamilyUtilisation> rows = report.utilisation();
    long withSpend = rows.stream().filter(row -> row.spent().isPositive()).count();
    TextTable table = TextTable.withHeader("Budget utilisation per family", "");
    table.row("families with any spend", withSpend + " of " + rows.size());
    Optional<Money> allowance = report.familyAllowance();
    if (allowance.isEmpty()) {
      Distribution<Money> spent = Distribution.of(rows.stream().map(FamilyUtilisation::spent).toList());
      table.row("spent per family: median", money(spent.median()))
          .row("spent per family: 90th percentile", money(spent.p90()))
          .row("spent per family: largest", money(spent.max()))
          .row("(no per-family allowance to measure against)", "");
    } else {
      Distribution<BigDecimal> used = Distribution.of(rows.stream()
          .map(row -> row.percentUsed().orElseThrow()).toList());
      table.row("allowance per family", money(allowance.get()))
          .row("used: median", used.median().map(p -> p + "%").orElse("-"))
          .row("used: 90th percentile", used.p90().map(p -> p + "%").orElse("-"))
          .row("used: largest", used.max().map(p -> p + "%").orElse("-"));
    }
    return table.render("  ");
  }

  private static String share(int part, int whole) {
    return Share.of(part, whole).toString();
  }

  private static String percent(Money part, Money whole) {
    return Share.of(part.minorUnits(), whole.minorUnits()).percent() + "%";
  }

  private static String money(Money amount) {
    return amount.format(Locale.UK);
  }

  private static String money(Optional<Money> amount) {
    return amount.map(ReportTables::money).orElse("-");
  }

  private static String duration(Optional<Duration> duration) {
    if (duration.isEmpty()) {
      return "-";
    }
    Duration d = duration.get();
    if (d.isZero()) {
      return "at once";
    }
    long days = d.toDays();
    long hours = d.minusDays(days).toHours();
    long minutes = d.minusDays(days).minusHours(hours).toMinutes();
    if (days > 0) {
      return days + "d " + hours + "h";
    }
    return hours > 0 ? hours + "h " + minutes + "m" : minutes + "m";
  }
}
