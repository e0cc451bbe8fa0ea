package org.devolvedbudgets.examples.replay;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.devolvedbudgets.examples.pilots.PilotSite;
import org.devolvedbudgets.jdbc.JdbcLedgerStore;
import org.devolvedbudgets.jdbc.JournalSchema;
import org.devolvedbudgets.examples.scenario.ScenarioReport;
import org.devolvedbudgets.examples.scenario.Scenarios;
import org.devolvedbudgets.json.read.FileReadException;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.text.SafeText;
import org.devolvedbudgets.rules.Decision;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.evaluation.PseudonymisedCsv;
import org.devolvedbudgets.rules.ledger.LedgerStoreException;
import org.jspecify.annotations.Nullable;

/**
 * The command line: replays a year of each of the three pilots, or runs scenario files.
 *
 * <pre>
 * Usage: replay [--seed N] [--families N] [--out DIR] [--journal FILE | --postgres URL]
 *               [--scenario FILE]... [--debug] [--help]
 * </pre>
 *
 * <p>Exit codes: 0 success; 1 a scenario's expectation was not met; 2 bad arguments or a malformed file (the
 * message names the file, the JSON path and the problem; a stack trace only with {@code --debug}).
 *
 * <p>This class is stateless and thread-safe; {@link #run} writes only to the streams and the directory given.
 */
public final class Replay {

  /** The seed used when {@code --seed} is not given. */
  public static final long DEFAULT_SEED = 2019L;

  /** Where the journals are kept when neither {@code --journal} nor {@code --postgres} is given. */
  public static final Path DEFAULT_JOURNAL = Path.of("target", "replay-journal.sqlite");

  /** How many decisions of each pilot's log are printed. */
  public static final int LOG_SAMPLE = 6;

  static final String USAGE = String.join("\n",
      "Usage: replay [--seed N] [--families N] [--out DIR] [--journal FILE | --postgres URL]",
      "              [--scenario FILE]... [--debug] [--help]",
      "",
      "With no --scenario, simulates a year (2019/20) of each pilot, Hillingdon, Wigan and Darlington, through",
      "the real ledger with seeded synthetic families and requests, keeping the journal in a database, and prints",
      "a sample of each decision log and each pilot's evaluation report.",
      "",
      "  --seed N        the random seed (default " + DEFAULT_SEED + "); the same seed gives the same output",
      "  --families N    eligible families in every pilot, 1 to " + PilotYear.MAX_FAMILIES
          + " (default: Hillingdon 100, Wigan 60, Darlington 21)",
      "  --out DIR       also write each pilot's pseudonymised CSV (one row per request) to DIR; identifiers are",
      "                  hashed with a fresh random key that is not kept",
      "  --journal FILE  keep the journals in this SQLite file, which must not hold these pilots' journals yet",
      "                  (default " + DEFAULT_JOURNAL + ", replaced on each run)",
      "  --postgres URL  keep the journals in PostgreSQL instead: a JDBC URL such as",
      "                  jdbc:postgresql://localhost/budgets?user=me (the table is created if missing)",
      "  --scenario FILE run a scenario file instead (repeatable) and report each step; see SCENARIOS.md",
      "  --debug         print stack traces for errors",
      "  --help          print this help",
      "",
      "Exit codes: 0 success, 1 a scenario step did not do what it expected, 2 bad arguments or a malformed file.");

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.UK)
      .withZone(BudgetPeriod.ZONE);

  private Replay() {}

  /**
   * Runs the command and exits with its code (only when the code is not 0, so a caller's JVM survives success).
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Runs the command.
   *
   * @param args the arguments, not null
   * @param out where results go, not null
   * @param err where errors go, not null
   * @return the exit code: 0, 1 or 2
   * @throws NullPointerException if an argument is null
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    requireNonNull(args, "args");
    requireNonNull(out, "out");
    requireNonNull(err, "err");
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("replay: " + e.getMessage());
      err.println("Try --help.");
      return 2;
    }
    if (options.help) {
      out.println(USAGE);
      return 0;
    }
    try {
      return options.scenarios.isEmpty() ? replay(options, out) : scenarios(options, out, err);
    } catch (FileReadException e) {
      fileProblem(e, options, err);
      return 2;
    } catch (LedgerStoreException | IllegalStateException e) {
      err.println("replay: the journal's database: " + e.getMessage());
      if (options.debug) {
        e.printStackTrace(err);
      }
      return 2;
    } catch (IOException | UncheckedIOException e) {
      err.println("replay: cannot write: " + e.getMessage());
      if (options.debug) {
        e.printStackTrace(err);
      }
      return 2;
    }
  }

  /**
   * Runs every scenario file, even after one cannot be read, and returns the worst exit code: 0 all passed, 1 a
   * step did not do what it expected, 2 a file could not be read or run (its problems go to {@code err}).
   */
  private static int scenarios(Options options, PrintStream out, PrintStream err) {
    int worst = 0;
    for (Path file : options.scenarios) {
      try {
        ScenarioReport report = Scenarios.run(file);
        out.print(report.render());
        worst = Math.max(worst, report.passed() ? 0 : 1);
      } catch (FileReadException e) {
        fileProblem(e, options, err);
        worst = 2;
      }
    }
    return worst;
  }

  private static void fileProblem(FileReadException e, Options options, PrintStream err) {
    e.getMessage().lines().forEach(line -> err.println("replay: " + line));
    if (options.debug) {
      e.printStackTrace(err);
    }
  }

  private static int replay(Options options, PrintStream out) throws IOException {
    byte[] key = PseudonymisedCsv.newKey();
    if (options.outDir != null) {
      Files.createDirectories(options.outDir);
    }
    try (HikariDataSource journal = openJournal(options, out)) {
      for (PilotSite site : PilotSite.all()) {
        JdbcLedgerStore store = JdbcLedgerStore.of(journal, site.history().schemeId());
        if (store.lastSequence() != 0) {
          throw new IllegalStateException("the journal of scheme " + store.scheme() + " already holds "
              + store.lastSequence() + " events; give a new --journal file or database");
        }
        replay(site, store, options, key, out);
      }
    }
    return 0;
  }

  /** Opens the journals' database, its schema created: the default SQLite file afresh, or the one given. */
  private static HikariDataSource openJournal(Options options, PrintStream out) throws IOException {
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(2);
    config.setPoolName("replay-journal");
    if (options.postgresUrl != null) {
      config.setJdbcUrl(options.postgresUrl);
      int query = options.postgresUrl.indexOf('?');
      out.println("Journal: PostgreSQL, " + (query < 0 ? options.postgresUrl : options.postgresUrl.substring(0,
          query)));
    } else {
      Path file = (options.journal != null ? options.journal : DEFAULT_JOURNAL).toAbsolutePath();
      if (options.journal == null) {
        for (String suffix : List.of("", "-wal", "-shm")) {
          Files.deleteIfExists(Path.of(file + suffix));
        }
      }
      Files.createDirectories(file.getParent());
      config.setDataSource(JdbcLedgerStore.sqlite(file));
      out.println("Journal: SQLite file " + file);
    }
    out.println();
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      JournalSchema.createIfMissing(dataSource);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return dataSource;
  }

  private static void replay(PilotSite site, JdbcLedgerStore store, Options options, byte[] key, PrintStream out)
      throws IOException {
    PilotYear year = options.families == null ? PilotYear.of(site, options.seed)
        : PilotYear.of(site, options.seed, options.families);
    PilotYear.Result result = year.run(store);
    out.println("=".repeat(100));
    out.println(site.name() + ": decision log, first " + LOG_SAMPLE + " of " + result.log().size()
        + " requests (seed " + options.seed + ")");
    out.println();
    for (PilotYear.LogLine line : result.log().subList(0, Math.min(LOG_SAMPLE, result.log().size()))) {
      out.println(logLine(line));
    }
    out.println();
    out.print(ReportTables.render(result.report()));
    if (options.outDir != null) {
      Path file = options.outDir.resolve(site.name().toLowerCase(Locale.ROOT) + "-requests.csv");
      try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        PseudonymisedCsv.write(result.report(), key, writer);
      }
      out.println();
      out.println("  Wrote " + file + " (" + result.report().requests().size() + " rows)");
    }
    out.println();
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

  /** The parsed command line. */
  static final class Options {
    long seed = DEFAULT_SEED;
    @Nullable Integer families;
    @Nullable Path outDir;
    @Nullable Path journal;
    @Nullable String postgresUrl;
    final List<Path> scenarios = new ArrayList<>();
    boolean debug;
    boolean help;

    static Options parse(String[] args) {
      Options options = new Options();
      for (int i = 0; i < args.length; i++) {
        String arg = requireNonNull(args[i], "args contains null");
        switch (arg) {
          case "--help":
          case "-h":
            options.help = true;
            break;
          case "--debug":
            options.debug = true;
            break;
          case "--seed":
            options.seed = number(arg, value(args, ++i, arg), Long.MIN_VALUE, Long.MAX_VALUE);
            break;
          case "--families":
            options.families = (int) number(arg, value(args, ++i, arg), 1, PilotYear.MAX_FAMILIES);
            break;
          case "--out":
            options.outDir = Path.of(value(args, ++i, arg));
            break;
          case "--scenario":
            options.scenarios.add(Path.of(value(args, ++i, arg)));
            break;
          case "--journal":
            options.journal = Path.of(value(args, ++i, arg));
            break;
          case "--postgres":
            options.postgresUrl = value(args, ++i, arg);
            if (!options.postgresUrl.startsWith("jdbc:postgresql:")) {
              throw new IllegalArgumentException("--postgres must be a JDBC URL starting jdbc:postgresql:, but was "
                  + SafeText.excerpt(options.postgresUrl));
            }
            break;
          default:
            throw new IllegalArgumentException("unknown argument " + SafeText.excerpt(arg));
        }
      }
      if (options.journal != null && options.postgresUrl != null) {
        throw new IllegalArgumentException("give --journal or --postgres, not both");
      }
      return options;
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }

    private static long number(String option, String text, long min, long max) {
      long value;
      try {
        value = Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " must be a whole number, but was " + SafeText.excerpt(text), e);
      }
      if (value < min || value > max) {
        throw new IllegalArgumentException(option + " must be " + min + " to " + max + ", but was " + value);
      }
      return value;
    }
  }
}
