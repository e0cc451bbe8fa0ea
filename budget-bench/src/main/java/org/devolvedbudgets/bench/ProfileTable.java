package org.devolvedbudgets.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Lays the quick profile's results out as a table: each benchmark's figure, its allocation, the ratio of the
 * naive alternative to the library where there is one, and the performance budget's target with whether it is
 * met. The targets are the ones in issue 6 and README's "Performance" section.
 */
public final class ProfileTable {

  private static final String MONEY = "MoneyBenchmark.";
  private static final String DECIDE = "DecideBenchmark.";
  private static final String LEDGER = "LedgerBenchmark.";

  private ProfileTable() {}

  /** A row: what was measured, how it reads, and the target it is held to (if any). */
  private record Row(String label, String result, String allocated, String ratio, String target,
      @Nullable Boolean met) {}

  /**
   * Renders the table.
   *
   * @param results the measurements by {@code Class.method}, not null; missing ones show as "not run"
   * @param machine a line describing the machine and JVM, not null
   * @return the table and a line counting the targets met, not null
   */
  public static String render(Map<String, Measurement> results, String machine) {
    Function<String, @Nullable Measurement> get = results::get;
    List<Row> rows = new ArrayList<>();

    Measurement rawLong = get.apply(MONEY + "rawLong");
    Measurement money = get.apply(MONEY + "money");
    Measurement moneta = get.apply(MONEY + "moneta");
    rows.add(timed("Money plus-and-compare: long pence", rawLong, "", "", null));
    Double moneyOverLong = ratio(money, rawLong);
    rows.add(timed("Money plus-and-compare: Money", money, "", "<= 5 x long"
        + (moneyOverLong == null ? "" : String.format(Locale.ROOT, " (%.1f x)", moneyOverLong)),
        moneyOverLong == null ? null : moneyOverLong <= 5));
    rows.add(timed("Money plus-and-compare: Moneta Money", moneta, times(ratio(moneta, money)), "", null));

    Measurement approved = get.apply(DECIDE + "approved");
    Measurement naiveApproved = get.apply(DECIDE + "naiveApproved");
    Measurement declined = get.apply(DECIDE + "declined");
    Measurement naiveDeclined = get.apply(DECIDE + "naiveDeclined");
    rows.add(timed("decide(): approved", approved, "", "<= 150 ns, <= 64 B",
        approved == null ? null : approved.score() <= 150 && approved.bytesPerOp() <= 64));
    Double naiveOverOurs = ratio(naiveApproved, approved);
    rows.add(timed("naive decide(): approved", naiveApproved, times(naiveOverOurs), ">= 20 x",
        naiveOverOurs == null ? null : naiveOverOurs >= 20));
    rows.add(timed("decide(): declined, 3 findings", declined, "", "", null));
    rows.add(timed("naive decide(): declined", naiveDeclined, times(ratio(naiveDeclined, declined)), "", null));

    Measurement one = get.apply(LEDGER + "oneThread");
    Measurement two = get.apply(LEDGER + "twoThreadsDifferentFamilies");
    Measurement same = get.apply(LEDGER + "twoThreadsSameFamily");
    rows.add(throughput("ledger submit+post: 1 thread", one, "<= 1 us/op",
        one == null ? null : 1 / one.score() <= 1));
    Double scaling = one == null || two == null ? null : two.score() / one.score();
    rows.add(throughput("ledger submit+post: 2 threads, own families", two, ">= 1.6 x 1 thread"
        + (scaling == null ? "" : String.format(Locale.ROOT, " (%.2f x)", scaling)),
        scaling == null ? null : scaling >= 1.6));
    rows.add(throughput("ledger submit+post: 2 threads, one family", same, "", null));

    Measurement replay = get.apply("ReplayBenchmark.replay");
    Double eventsPerSecond = replay == null ? null : ReplayBenchmark.EVENTS / (replay.score() / 1000);
    rows.add(new Row("replay 1,000,000 events into balances",
        replay == null ? "not run" : String.format(Locale.ROOT, "%,.0f ms = %.1f M events/s", replay.score(),
            eventsPerSecond / 1e6), allocated(replay), "", ">= 10 M events/s",
        eventsPerSecond == null ? null : eventsPerSecond >= 10e6));
    Measurement report = get.apply("ReportBenchmark.report");
    rows.add(new Row("evaluation report, 1,000,000 requests", report == null ? "not run"
        : String.format(Locale.ROOT, "%,.0f ms", report.score()), allocated(report), "", "<= 500 ms",
        report == null ? null : report.score() <= 500));

    return layOut(rows, machine);
  }

  private static Row timed(String label, @Nullable Measurement m, String ratio, String target,
      @Nullable Boolean met) {
    return new Row(label, m == null ? "not run" : nanos(m.score()) + " " + m.unit(), allocated(m), ratio, target,
        met);
  }

  private static Row throughput(String label, @Nullable Measurement m, String target, @Nullable Boolean met) {
    return new Row(label, m == null ? "not run"
        : String.format(Locale.ROOT, "%.2f us/op (%.2f M ops/s)", 1 / m.score(), m.score()), allocated(m), "",
        target, met);
  }

  private static String nanos(double value) {
    return value < 100 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%,.0f", value);
  }

  private static String allocated(@Nullable Measurement m) {
    if (m == null || Double.isNaN(m.bytesPerOp())) {
      return "";
    }
    double bytes = m.bytesPerOp();
    return bytes >= 1e6 ? String.format(Locale.ROOT, "%,.0f MB/op", bytes / 1e6)
        : String.format(Locale.ROOT, "%,.0f B/op", bytes);
  }

  private static @Nullable Double ratio(@Nullable Measurement slower, @Nullable Measurement faster) {
    return slower == null || faster == null ? null : slower.score() / faster.score();
  }

  private static String times(@Nullable Double ratio) {
    return ratio == null ? "" : String.format(Locale.ROOT, "%.1f x", ratio);
  }

  private static String layOut(List<Row> rows, String machine) {
    String[] header = {"Benchmark", "Result", "Allocated", "Naive / ours", "Target", "Met"};
    List<String[]> cells = new ArrayList<>();
    cells.add(header);
    int targets = 0;
    int met = 0;
    for (Row row : rows) {
      String verdict = row.met() == null ? (row.target().isEmpty() ? "" : "not run") : row.met() ? "yes" : "NO";
      if (!row.target().isEmpty()) {
        targets++;
        met += Boolean.TRUE.equals(row.met()) ? 1 : 0;
      }
      cells.add(new String[] {row.label(), row.result(), row.allocated(), row.ratio(), row.target(), verdict});
    }
    int[] widths = new int[header.length];
    for (String[] line : cells) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
    }
    StringBuilder text = new StringBuilder();
    text.append(machine).append('\n').append('\n');
    for (int n = 0; n < cells.size(); n++) {
      appendLine(text, cells.get(n), widths);
      if (n == 0) {
        String[] rule = new String[widths.length];
        for (int i = 0; i < widths.length; i++) {
          rule[i] = "-".repeat(widths[i]);
        }
        appendLine(text, rule, widths);
      }
    }
    text.append('\n').append(met).append(" of ").append(targets).append(" targets met.\n");
    return text.toString();
  }

  private static void appendLine(StringBuilder text, String[] line, int[] widths) {
    StringBuilder out = new StringBuilder("| ");
    for (int i = 0; i < line.length; i++) {
      out.append(line[i]).append(" ".repeat(widths[i] - line[i].length())).append(i < line.length - 1 ? " | " : " |");
    }
    text.append(out).append('\n');
  }
}
