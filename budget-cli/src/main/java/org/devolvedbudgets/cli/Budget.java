package org.devolvedbudgets.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.devolvedbudgets.json.read.FileReadException;
import org.devolvedbudgets.model.text.SafeText;
import org.devolvedbudgets.rules.ledger.LedgerStoreException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code budget} command: the library's work from a shell. With no subcommand it runs {@code replay}.
 *
 * <p>Exit codes: {@value #OK} success; {@value #FOUND} the work ran and found something (a scenario step that did
 * not do what it expected, lint warnings, a journal that does not reproduce its balances); {@value #BAD_INPUT} bad
 * arguments, a file or database that cannot be read or written, or problems in a scheme file. Errors are one line
 * each, naming the file and path; a stack trace only with {@code --debug}.
 *
 * <p>Colour is used only when standard output is a terminal, and never when {@code NO_COLOR} is set.
 *
 * <p>Each run builds its own command objects; {@link #run} is thread-safe as long as the streams are.
 */
@Command(name = "budget", mixinStandardHelpOptions = true, versionProvider = Budget.Version.class,
    description = {"Devolved budgets for children's social care: replay the pilots, run scenario files, check "
        + "scheme files, report from a journal, and verify or export journals.",
        "With no subcommand, runs `replay`."},
    subcommands = {ReplayCommand.class, ScenarioCommand.class, CheckCommand.class, ReportCommand.class,
        JournalCommand.class, AutoComplete.GenerateCompletion.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:the work found something: a scenario step failed, lint warnings, a journal "
        + "that does not verify", "2:bad arguments, an unreadable file or database, problems in a scheme file"},
    footerHeading = "%nExamples:%n",
    footer = {"  budget                                 replay a year of the three pilots",
        "  budget check scheme.json               check a scheme file before it goes live",
        "  budget report --scheme s.json --journal j.sqlite --html report.html",
        "  source <(budget generate-completion)   tab completion in bash or zsh"})
public final class Budget implements Callable<Integer> {

  /** Exit code: success. */
  public static final int OK = 0;
  /** Exit code: the work ran and found something (failed steps, warnings, a journal that does not verify). */
  public static final int FOUND = 1;
  /** Exit code: bad arguments, unreadable input, or problems in a scheme file. */
  public static final int BAD_INPUT = 2;

  @Spec
  CommandSpec spec = CommandSpec.create();

  @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces for errors.")
  boolean debug;

  /** Creates the command; picocli calls this. */
  public Budget() {}

  /**
   * Runs the command and exits with its code (only when not 0, so that a caller's JVM survives success).
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != OK) {
      System.exit(code);
    }
  }

  /**
   * Runs the command.
   *
   * @param args the arguments, not null
   * @param out where results go, not null
   * @param err where errors and progress go, not null
   * @return the exit code: {@value #OK}, {@value #FOUND} or {@value #BAD_INPUT}
   * @throws NullPointerException if an argument is null
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    requireNonNull(args, "args");
    requireNonNull(out, "out");
    requireNonNull(err, "err");
    boolean debug = Arrays.asList(args).contains("--debug");
    CommandLine command = new CommandLine(new Budget());
    Ansi ansi = colour(out == System.out);
    command.setColorScheme(CommandLine.Help.defaultColorScheme(ansi));
    command.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    command.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    command.setExecutionExceptionHandler((e, failed, parsed) -> {
      PrintWriter errors = failed.getErr();
      errors.println(message(failed.getCommandSpec().qualifiedName(), e));
      if (debug) {
        e.printStackTrace(errors);
      }
      errors.flush();
      return BAD_INPUT;
    });
    return command.execute(args);
  }

  /** Colour only on a terminal, never with {@code NO_COLOR} (https://no-color.org). */
  static Ansi colour(boolean toTerminalStream) {
    String noColor = System.getenv("NO_COLOR");
    if (noColor != null && !noColor.isEmpty()) {
      return Ansi.OFF;
    }
    return toTerminalStream && System.console() != null ? Ansi.AUTO : Ansi.OFF;
  }

  /** One line per problem, prefixed with the command, never quoting input raw. */
  private static String message(String command, Exception e) {
    String prefix = command + ": ";
    if (e instanceof FileReadException) {
      return prefix + String.join("\n" + prefix, e.getMessage().lines().toArray(String[]::new));
    }
    if (e instanceof CliException) {
      return prefix + e.getMessage();
    }
    if (e instanceof LedgerStoreException) {
      return prefix + "the journal's database: " + e.getMessage();
    }
    if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
      return prefix + "cannot read or write a file: " + SafeText.escapeUnsafe(String.valueOf(e.getMessage()));
    }
    return prefix + e.getClass().getSimpleName() + ": " + SafeText.escapeUnsafe(String.valueOf(e.getMessage()))
        + " (--debug shows where)";
  }

  @Override
  public Integer call() throws Exception {
    CommandLine replay = spec.commandLine().getSubcommands().get("replay");
    return replay.execute();
  }

  /** The version, from {@code version.properties}, which the build fills in. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws java.io.IOException {
      java.util.Properties properties = new java.util.Properties();
      try (java.io.InputStream in = Budget.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {"budget " + properties.getProperty("version", "(unknown version)"),
          "Java " + System.getProperty("java.version")};
    }
  }
}
