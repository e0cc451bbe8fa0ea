package org.devolvedbudgets.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.devolvedbudgets.cli.report.HtmlReport;
import org.devolvedbudgets.examples.pilots.PilotSite;
import org.devolvedbudgets.examples.replay.PilotYear;
import org.devolvedbudgets.examples.replay.ReportTables;
import org.devolvedbudgets.jdbc.JdbcLedgerStore;
import org.devolvedbudgets.jdbc.JournalSchema;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.rules.Decision;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.evaluation.ConsortFlow;
import org.devolvedbudgets.rules.evaluation.PseudonymisedCsv;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code budget replay}: a year (2019/20) of each pilot, Hillingdon, Wigan and Darlington, through the real
 * ledger with seeded synthetic families and requests, the journal kept in a database; prints a sample of each
 * decision log and each evaluation report, and writes each pilot's HTML report.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    header = "Replays a year of the three pilots and prints their reports.",
    description = {"Simulates a year (2019/20) of each pilot, Hillingdon, Wigan and Darlington, through the real "
        + "ledger with seeded synthetic families and requests, keeping the journal in a database; prints a sample "
        + "of each decision log and each pilot's evaluation report, and writes each pilot's HTML report."},
    footerHeading = "%nExamples:%n",
    footer = {"  budget replay                          the default year; SQLite in target/",
        "  budget replay --seed 7 --families 1000 --out csv/",
        "  budget replay --postgres 'jdbc:postgresql://localhost/budgets?user=me'"})
final class ReplayCommand implements Callable<Integer> {

  /** The seed used when {@code --seed} is not given. */
  static final long DEFAULT_SEED = 2019L;

  /** Where the journals are kept when neither {@code --journal} nor {@code --postgres} is given. */
  static final Path DEFAULT_JOURNAL = Path.of("target", "replay-journal.sqlite");

  /** Where the HTML reports go when {@code --html} is not given. */
  static final Path DEFAULT_HTML = Path.of("target", "replay-reports");

  /** How many decisions of each pilot's log are printed. */
  static final int LOG_SAMPLE = 6;

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.UK)
      .withZone(BudgetPeriod.ZONE);

  @Spec
  CommandSpec spec = CommandSpec.create();

  @Option(names = "--seed", paramLabel = "N", description = "The random seed (default: ${DEFAULT-VALUE}); the "
      + "same seed gives the same output.")
  long seed = DEFAULT_SEED;

  @Option(names = "--families", paramLabel = "N", description = "Eligible families in every pilot, 1 to "
      + PilotYear.MAX_FAMILIES + " (default: Hillingdon 100, Wigan 60, Darlington 21).")
  @Nullable Integer families;

  @Option(names = "--out", paramLabel = "DIR", description = "Also write each pilot's pseudonymised CSV (one "
      + "row per request) to DIR; identifiers are hashed with a fresh random key that is not kept.")
  @Nullable Path out;

  @Option(names = "--html", paramLabel = "DIR", description = "Where each pilot's HTML evaluation report goes "
      + "(default: ${DEFAULT-VALUE}).")
  Path html = DEFAULT_HTML;

  /** The journal's place: a SQLite file or PostgreSQL; the default SQLite file when neither is given. */
  static final class Where {
    @Option(names = "--journal", paramLabel = "FILE", required = true, description = "Keep the journals in this "
        + "SQLite file, which must not hold these pilots' journals yet (default: " + "target/replay-journal.sqlite"
        + ", replaced on each run).")
    @Nullable Path sqlite;

    @Option(names = "--postgres", paramLabel = "URL", required = true, description = "Keep the journals in "
        + "PostgreSQL instead: a JDBC URL such as jdbc:postgresql://localhost/budgets?user=me (the tables are "
        + "created if missing).")
    @Nullable String postgres;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  @Nullable Where where;

  /** Creates the command; picocli calls this. */
  ReplayCommand() {}

  @Override
  public Integer call() throws IOException {
    if (families != null && (families < 1 || families > PilotYear.MAX_FAMILIES)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--families must be from 1 to "
          + PilotYear.MAX_FAMILIES + ", but was " + families);
    }
    PrintWriter print = spec.commandLine().getOut();
    Progress progress = Progress.onTerminal(spec.commandLine().getErr());
    byte[] key = PseudonymisedCsv.newKey();
    if (out != null) {
      Files.createDirectories(out);
    }
    Files.createDirectories(html);
    try (HikariDataSource journal = openJournal(print)) {
      for (PilotSite site : PilotSite.all()) {
        JdbcLedgerStore store = JdbcLedgerStore.of(journal, site.history().schemeId());
        if (store.lastSequence() != 0) {
          throw new CliException("the journal of scheme " + store.scheme() + " already holds "
              + store.lastSequence() + " events; give a new --journal file or database");
        }
        progress.start("Replaying " + site.name());
        replay(site, store, key, print, progress);
      }
    }
    print.println("HTML reports: " + html.toAbsolutePath());
    print.flush();
    return Budget.OK;
  }

  /** Opens the journals' database, its schema created: the default SQLite file afresh, or the one given. */
  private HikariDataSource openJournal(PrintWriter print) throws IOException {
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(2);
    config.setPoolName("replay-journal");
    if (where != null && where.postgres != null) {
      config.setJdbcUrl(where.postgres);
      int query = where.postgres.indexOf('?');
      print.println("Journal: PostgreSQL, " + (query < 0 ? where.postgres : where.postgres.substring(0, query)));
    } else {
      Path given = where == null ? null : where.sqlite;
      Path file = (given != null ? given : DEFAULT_JOURNAL).toAbsolutePath();
      if (given == null) {
        for (String suffix : List.of("", "-wal", "-shm")) {
          Files.deleteIfExists(Path.of(file + suffix));
        }
      }
      Files.createDirectories(file.getParent());
      config.setDataSource(JdbcLedgerStore.sqlite(file));
      print.println("Journal: SQLite file " + file);
    }
    print.println();
    print.flush();
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      JournalSchema.createIfMissing(dataSource);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return dataSource;
  }

  private void replay(PilotSite site, JdbcLedgerStore store, byte[] key, PrintWriter print, Progress progress)
      throws IOException {
    PilotYear year = families == null ? PilotYear.of(site, seed) : PilotYear.of(site, seed, families);
    PilotYear.Result result = year.run(store, progress::update);
    progress.done();
    print.println("=".repeat(100));
    print.println(site.name() + ": decision log, first " + LOG_SAMPLE + " of " + result.log().size()
        + " requests (seed " + seed + ")");
    print.println();
    for (PilotYear.LogLine line : result.log().subList(0, Math.min(LOG_SAMPLE, result.log().size()))) {
      print.println(logLine(line));
    }
    print.println();
    print.print(ReportTables.render(result.report()));
    String name = site.name().toLowerCase(Locale.ROOT);
    if (out != null) {
      Path file = out.resolve(name + "-requests.csv");
      try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        PseudonymisedCsv.write(result.report(), key, writer);
      }
      print.println();
      print.println("  Wrote " + file + " (" + result.report().requests().size() + " rows)");
    }
    Path page = html.resolve(name + ".html");
    HtmlReport.write(result.report(), ConsortFlow.of(store.readAll(), result.report()), page);
    print.println();
    print.println("  HTML report: " + page.toAbsolutePath());
    print.println();
    print.flush();
  }

  private static String logLine(PilotYear.LogLine line) {
    Decision decision = line.decision();
    StringBuilder text = new StringBuilder();
    text.append("  ").append(WHEN.format(line.at())).append("  ").append(line.request().id().value())
        .append("  ").append(String.format(Locale.UK, "%10s", line.request().amount().format(Locale.UK)))
        .append("  ").append(String.format(Locale.UK, "%-21s",
            line.request().category().name().toLowerCase(Locale.ROOT).replace('_', ' ')))
        .append("  ").append(decision.outcome());
    if (decision.outcome() == Outcome.NEEDS_APPROVAL) {
      text.append(" (").append(decision.requiredRole().orElseThrow().name().toLowerCase(Locale.ROOT)
          .replace('_', ' ')).append(')');
    }
    if (!decision.findings().isEmpty()) {
      text.append("\n      ").append(decision.findings().get(0).code()).append(": ")
          .append(decision.findings().get(0).message());
    }
    return text.toString();
  }
}
