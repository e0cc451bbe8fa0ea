package org.devolvedbudgets.cli.report;

import static java.util.Objects.requireNonNull;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.rules.allocation.Arm;
import org.devolvedbudgets.rules.evaluation.ConsortFlow;
import org.devolvedbudgets.rules.evaluation.EvaluationReport;
import org.devolvedbudgets.rules.evaluation.FamilyUtilisation;
import org.devolvedbudgets.rules.evaluation.RequestStatus;
import org.devolvedbudgets.rules.evaluation.RequestSummary;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * An {@link EvaluationReport} as one self-contained HTML page, for a service manager or an evaluator: it works
 * opened from disk with no network (every chart is a PNG inside the page, drawn by JFreeChart; the style is
 * inline; nothing is fetched, and its Content-Security-Policy forbids fetching anything). It shows the uptake funnel; for a randomised scheme the CONSORT-style flow per arm;
 * spend by category, team and arm; the distribution of amounts on a log scale; times to decision and to payment;
 * and budget utilisation per family. Every chart has a title, a text alternative and the table of its numbers
 * beside it, so the page reads the same to a screen reader and prints well.
 *
 * <p>Nothing personal: no family, child, worker or request is named; teams appear by their ids, which name
 * teams, not people. A small inline script marks each chart {@code data-drawn="yes"} once the browser has
 * decoded it, so a test (or an accessibility checker) can tell every chart was drawn.
 *
 * <p>Why PNG and not SVG: JFreeChart draws PNG with the JDK alone; SVG would need a second library, and a page of
 * a dozen charts stays well under a megabyte.
 *
 * <p>Stateless and thread-safe; drawing needs no display ({@code java.awt.headless} is set).
 */
public final class HtmlReport {

  /** Each chart's size in pixels. */
  static final int WIDTH = 720;
  static final int HEIGHT = 340;

  private static final Color BAR = new Color(0x1d, 0x70, 0xb8);
  private static final Color SECOND = new Color(0xf4, 0x77, 0x38);
  private static final Color THIRD = new Color(0x00, 0x70, 0x3c);
  private static final Color FOURTH = new Color(0x4c, 0x2c, 0x92);

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private HtmlReport() {}

  /** One chart: its title, axis labels, and its numbers by category then series. */
  private record Chart(String id, String title, String categoryLabel, String valueLabel, boolean money,
      List<String> series, Map<String, double[]> rows) {}

  /**
   * Writes the page, replacing the file.
   *
   * @param report the report, not null
   * @param flow the CONSORT flow of the same events, not null
   * @param file the page to write, not null
   * @throws NullPointerException if an argument is null
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(EvaluationReport report, ConsortFlow flow, Path file) {
    requireNonNull(file, "file");
    String page = render(report, flow);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(page);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the HTML report", e);
    }
  }

  /**
   * Renders the page.
   *
   * @param report the report, not null
   * @param flow the CONSORT flow of the same events, not null
   * @return the page's HTML, not null
   * @throws NullPointerException if an argument is null
   */
  public static String render(EvaluationReport report, ConsortFlow flow) {
    requireNonNull(report, "report");
    requireNonNull(flow, "flow");
    List<Chart> charts = charts(report, flow);
    StringBuilder html = new StringBuilder(64 * 1024);
    String scheme = report.configuration().council() + ": " + report.configuration().scheme();
    html.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        // The page may fetch nothing at all: a browser refuses any request, so it stays self-contained.
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
            + "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n")
        .append("<title>Evaluation report: ").append(escape(scheme)).append("</title>\n<style>\n")
        .append("body{font-family:system-ui,-apple-system,'Segoe UI',Arial,sans-serif;margin:2rem auto;"
            + "max-width:1180px;padding:0 1rem;color:#0b0c0c;line-height:1.4}\n")
        .append("h1{font-size:1.8rem;margin-bottom:.2rem}h2{font-size:1.3rem;margin-top:2.2rem;"
            + "border-top:1px solid #b1b4b6;padding-top:1rem}\n")
        .append(".summary{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}.summary div{background:#f3f2f1;"
            + "padding:.7rem 1rem;min-width:9rem}.summary b{display:block;font-size:1.5rem}\n")
        .append(".chart{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}figure{margin:0}"
            + "img{max-width:100%;height:auto}\n")
        .append("table{border-collapse:collapse;font-size:.9rem}caption{text-align:left;font-weight:600;"
            + "padding-bottom:.3rem}th,td{border-bottom:1px solid #b1b4b6;padding:.25rem .6rem;text-align:right}"
            + "th:first-child,td:first-child{text-align:left}\n")
        .append("footer{margin-top:3rem;font-size:.85rem;color:#505a5f}\n</style>\n</head>\n<body>\n<main>\n");
    html.append("<h1>").append(escape(scheme)).append("</h1>\n<p>Requests made from ")
        .append(report.range().start()).append(" to ").append(report.range().end().minusDays(1))
        .append(" (Europe/London), and everything that happened to them since.</p>\n");
    html.append("<div class=\"summary\">")
        .append(summary("Eligible families", Integer.toString(report.eligibleFamilies())))
        .append(summary("Uptake", report.uptake().toString()))
        .append(summary("Requests", Integer.toString(report.requests().size())))
        .append(summary("Approved", Integer.toString(report.approved())))
        .append(summary("Spent", report.spent().format(Locale.UK)))
        .append(summary("Median time to payment", report.timeToPayment().median().map(HtmlReport::duration)
            .orElse("none paid")));
    if (report.decidedUnderFreeze().part() > 0) {
      html.append(summary("Decided under a spending freeze", report.decidedUnderFreeze().toString()))
          .append(summary("Held back by the freeze", report.heldBackByFreeze().toString()));
    }
    if (report.evidenceRequired() > 0) {
      html.append(summary("Evidence on time", report.evidenceOnTime().toString()))
          .append(summary("Evidence overdue", Integer.toString(report.evidenceOverdue())))
          .append(summary("Median days to evidence", report.daysToEvidence().median().map(Object::toString)
              .orElse("none yet")));
    }
    if (!report.repayments().isEmpty()) {
      html.append(summary("Repaid", report.repaid().format(Locale.UK)))
          .append(summary("Repayment outstanding", report.repaymentOutstanding().format(Locale.UK)))
          .append(summary("Repayment overdue", report.repaymentOverdue().format(Locale.UK)));
    }
    html.append("</div>\n");
    for (Chart chart : charts) {
      html.append(section(chart));
    }
    html.append("</main>\n<footer>Made by the devolved-budgets library from the scheme's journal. Counts are of "
        + "requests made in the range; money is paid less refunded. No family, child or person is named.</footer>\n")
        .append("<script>\n(function(){var charts=document.querySelectorAll('img[data-chart]');"
            + "function mark(img){img.setAttribute('data-drawn',img.naturalWidth>0?'yes':'no');}"
            + "charts.forEach(function(img){if(img.complete){mark(img);}else{img.addEventListener('load',"
            + "function(){mark(img);});img.addEventListener('error',function(){mark(img);});}});})();\n"
            + "</script>\n</body>\n</html>\n");
    return html.toString();
  }

  private static List<Chart> charts(EvaluationReport report, ConsortFlow flow) {
    List<Chart> charts = new ArrayList<>();
    Set<FamilyId> approved = new HashSet<>();
    Set<FamilyId> paid = new HashSet<>();
    Set<RequestStatus> wentAhead = EnumSet.of(RequestStatus.APPROVED, RequestStatus.VOIDED, RequestStatus.POSTED);
    for (RequestSummary request : report.requests()) {
      if (wentAhead.contains(request.status())) {
        approved.add(request.familyId());
      }
      if (request.paid().minorUnits() > 0) {
        paid.add(request.familyId());
      }
    }
    Map<String, double[]> funnel = new LinkedHashMap<>();
    funnel.put("eligible", new double[] {report.eligibleFamilies()});
    funnel.put("requested", new double[] {report.familiesWithRequests()});
    funnel.put("approved", new double[] {approved.size()});
    funnel.put("paid", new double[] {paid.size()});
    charts.add(new Chart("uptake", "Uptake funnel: families at each stage", "stage", "families", false,
        List.of("families"), funnel));

    boolean randomised = flow.arms().stream().anyMatch(arm -> arm.arm() != Arm.NOT_RANDOMISED);
    if (randomised) {
      List<String> arms = new ArrayList<>();
      flow.arms().forEach(arm -> arms.add(arm.arm().name().toLowerCase(Locale.ROOT)));
      Map<String, double[]> stages = new LinkedHashMap<>();
      String[] names = {"allocated", "applied", "received", "analysed (ITT)"};
      for (int stage = 0; stage < names.length; stage++) {
        double[] values = new double[arms.size()];
        for (int i = 0; i < arms.size(); i++) {
          ConsortFlow.ArmFlow arm = flow.arms().get(i);
          values[i] = stage == 0 ? arm.allocated() : stage == 1 ? arm.applied() : stage == 2 ? arm.received()
              : arm.analysed();
        }
        stages.put(names[stage], values);
      }
      charts.add(new Chart("consort", "CONSORT-style flow: families by arm", "stage", "families", false, arms,
          stages));
    }

    Map<String, double[]> byCategory = new LinkedHashMap<>();
    report.spentByCategory().forEach((category, money) -> byCategory.put(words(category.name()),
        new double[] {pounds(money)}));
    String currency = report.configuration().currency().getCurrencyCode();
    String spent = "spent (" + currency + ")";
    charts.add(new Chart("category", "Spend by category", "category", spent, true, List.of(spent), byCategory));
    Map<String, double[]> byTeam = new LinkedHashMap<>();
    report.spentByTeam().forEach((team, money) -> byTeam.put(team.value(), new double[] {pounds(money)}));
    charts.add(new Chart("team", "Spend by team", "team", spent, true, List.of(spent), byTeam));
    Map<String, double[]> byArm = new LinkedHashMap<>();
    report.spentByArm().forEach((arm, money) -> byArm.put(words(arm.name()), new double[] {pounds(money)}));
    charts.add(new Chart("arm", "Spend by arm", "arm", spent, true, List.of(spent), byArm));

    long[] decades = {100, 1_000, 10_000, 100_000, 1_000_000};
    String[] decadeNames = {"under 1", "1 to 10", "10 to 100", "100 to 1,000", "1,000 to 10,000",
        "10,000 or more"};
    double[] amounts = new double[decadeNames.length];
    for (RequestSummary request : report.requests()) {
      amounts[bin(request.amount().minorUnits(), decades)]++;
    }
    Map<String, double[]> amountRows = new LinkedHashMap<>();
    for (int i = 0; i < decadeNames.length; i++) {
      amountRows.put(currency + " " + decadeNames[i], new double[] {amounts[i]});
    }
    charts.add(new Chart("amounts", "Amounts requested, in bins a factor of ten wide (a log scale)",
        "amount requested", "requests", false, List.of("requests"), amountRows));

    long[] limits = {1, Duration.ofHours(1).toSeconds(), Duration.ofDays(1).toSeconds(),
        Duration.ofDays(7).toSeconds(), Duration.ofDays(28).toSeconds()};
    String[] timeNames = {"at once", "under an hour", "under a day", "under a week", "under four weeks",
        "four weeks or more"};
    double[][] times = new double[timeNames.length][2];
    for (RequestSummary request : report.requests()) {
      request.timeToDecision().ifPresent(time -> times[bin(time.toSeconds(), limits)][0]++);
      request.timeToPayment().ifPresent(time -> times[bin(time.toSeconds(), limits)][1]++);
    }
    Map<String, double[]> timeRows = new LinkedHashMap<>();
    for (int i = 0; i < timeNames.length; i++) {
      timeRows.put(timeNames[i], times[i]);
    }
    charts.add(new Chart("times", "Time from request to decision and to payment", "time taken", "requests",
        false, List.of("to decision", "to payment"), timeRows));

    String[] useNames = {"none", "up to 25%", "25% to 50%", "50% to 75%", "75% to 100%", "more than 100%"};
    double[] uses = new double[useNames.length];
    for (FamilyUtilisation family : report.utilisation()) {
      Optional<BigDecimal> used = family.percentUsed();
      if (used.isPresent()) {
        double percent = used.get().doubleValue();
        uses[percent <= 0 ? 0 : percent <= 25 ? 1 : percent <= 50 ? 2 : percent <= 75 ? 3 : percent <= 100 ? 4
            : 5]++;
      }
    }
    Map<String, double[]> useRows = new LinkedHashMap<>();
    for (int i = 0; i < useNames.length; i++) {
      useRows.put(useNames[i], new double[] {uses[i]});
    }
    charts.add(new Chart("utilisation", "Budget utilisation: families by share of their allowance spent",
        "share of allowance spent", "families", false, List.of("families"), useRows));
    return charts;
  }

  /** The index of the first limit the value is below, or the last bin. */
  private static int bin(long value, long[] limits) {
    for (int i = 0; i < limits.length; i++) {
      if (value < limits[i]) {
        return i;
      }
    }
    return limits.length;
  }

  private static String section(Chart chart) {
    StringBuilder html = new StringBuilder();
    html.append("<section id=\"").append(chart.id()).append("\">\n<h2>").append(escape(chart.title()))
        .append("</h2>\n<div class=\"chart\">\n<figure><img data-chart src=\"data:image/png;base64,")
        .append(png(chart)).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
        .append("\" alt=\"").append(escape(alternative(chart))).append("\"></figure>\n<table>\n<caption>")
        .append(escape(chart.title())).append(": the numbers</caption>\n<thead><tr><th scope=\"col\">")
        .append(escape(chart.categoryLabel())).append("</th>");
    for (String series : chart.series()) {
      html.append("<th scope=\"col\">").append(escape(series)).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    chart.rows().forEach((category, values) -> {
      html.append("<tr><th scope=\"row\">").append(escape(category)).append("</th>");
      for (double value : values) {
        html.append("<td>").append(escape(number(chart, value))).append("</td>");
      }
      html.append("</tr>\n");
    });
    if (chart.rows().isEmpty()) {
      html.append("<tr><td colspan=\"").append(chart.series().size() + 1).append("\">none</td></tr>\n");
    }
    return html.append("</tbody>\n</table>\n</div>\n</section>\n").toString();
  }

  /** The chart in words, for its {@code alt}: what is plotted and each number. */
  private static String alternative(Chart chart) {
    StringBuilder text = new StringBuilder("Bar chart: ").append(chart.title()).append(". ");
    List<String> parts = new ArrayList<>();
    chart.rows().forEach((category, values) -> {
      StringBuilder part = new StringBuilder(category).append(": ");
      for (int i = 0; i < values.length; i++) {
        part.append(i == 0 ? "" : ", ").append(chart.series().size() > 1 ? chart.series().get(i) + " " : "")
            .append(number(chart, values[i]));
      }
      parts.add(part.toString());
    });
    return text.append(parts.isEmpty() ? "No data." : String.join("; ", parts) + ".").toString();
  }

  private static String number(Chart chart, double value) {
    return chart.money() ? String.format(Locale.UK, "%,.2f", value) : String.format(Locale.UK, "%,.0f", value);
  }

  private static String png(Chart chart) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    chart.rows().forEach((category, values) -> {
      for (int i = 0; i < values.length; i++) {
        data.addValue(values[i], chart.series().get(i), category);
      }
    });
    JFreeChart drawn = ChartFactory.createBarChart(chart.title(), chart.categoryLabel(), chart.valueLabel(), data,
        PlotOrientation.VERTICAL, chart.series().size() > 1, false, false);
    drawn.setBackgroundPaint(Color.WHITE);
    CategoryPlot plot = drawn.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xb1, 0xb4, 0xb6));
    BarRenderer bars = (BarRenderer) plot.getRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    Color[] colours = {BAR, SECOND, THIRD, FOURTH};
    for (int i = 0; i < chart.series().size(); i++) {
      bars.setSeriesPaint(i, colours[i % colours.length]);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(bytes, drawn, WIDTH, HEIGHT);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw the chart " + chart.id(), e);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  private static String summary(String label, String value) {
    return "<div>" + escape(label) + "<b>" + escape(value) + "</b></div>";
  }

  private static double pounds(Money money) {
    return money.toBigDecimal().doubleValue();
  }

  private static String words(String constant) {
    String text = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String duration(Duration duration) {
    long hours = duration.toHours();
    return hours < 1 ? duration.toMinutes() + " min" : hours < 48 ? hours + " h" : duration.toDays() + " days";
  }

  /** Escapes text for HTML content and attribute values. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&':
          out.append("&amp;");
          break;
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&#39;");
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }
}
