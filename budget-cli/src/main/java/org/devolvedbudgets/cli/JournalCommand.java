package org.devolvedbudgets.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.devolvedbudgets.jdbc.JdbcLedgerStore;
import org.devolvedbudgets.jdbc.JournalCheck;
import org.devolvedbudgets.json.journal.JournalFormat;
import org.devolvedbudgets.json.journal.JournalFiles;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.devolvedbudgets.rules.ledger.BudgetLedger;
import org.devolvedbudgets.rules.ledger.JournalMismatchException;
import org.devolvedbudgets.rules.ledger.LedgerInvariantException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code budget journal}: a journal's own checks and its export. */
@Command(name = "journal", mixinStandardHelpOptions = true, header = "Verifies or exports a scheme's journal.",
    description = "Verifies or exports a scheme's journal.",
    subcommands = {JournalCommand.Verify.class, JournalCommand.Head.class, JournalCommand.Export.class})
final class JournalCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec = CommandSpec.create();

  /** Creates the command; picocli calls this. */
  JournalCommand() {}

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return Budget.BAD_INPUT;
  }

  /** {@code budget journal verify}. */
  @Command(name = "verify", mixinStandardHelpOptions = true,
      header = "Proves the journal is the one the library wrote, and that it folds.",
      description = {"Checks every row from the table itself (never a snapshot): its line's chain of digests, its "
          + "own digest column and the columns it is looked up by; with --head, that nothing up to the head kept "
          + "elsewhere was changed or removed. Then folds the journal into a new ledger under the scheme file's "
          + "rules and replays it again to check that it reproduces every balance, reservation and allocation. "
          + "Every problem is printed with its code."},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:the journal verifies", "1:a row was changed, copied or removed, or the journal does not "
          + "fold or reproduce its balances", "2:the scheme file or the database cannot be read, or --head is not "
          + "SEQUENCE:DIGEST"},
      footerHeading = "%nExamples:%n",
      footer = {"  budget journal verify --scheme darlington.json --journal journal.sqlite",
          "  budget journal verify --scheme darlington.json --journal journal.sqlite --head 1042:3f9a...c07e"})
  static final class Verify implements Callable<Integer> {

    @Spec
    CommandSpec spec = CommandSpec.create();

    @Mixin
    JournalOptions journal = new JournalOptions();

    @Option(names = "--head", paramLabel = "SEQUENCE:DIGEST", description = "A head printed earlier by "
        + "'budget journal head' and kept elsewhere: proves nothing up to it was changed or removed since.")
    @Nullable String head;

    /** Creates the command; picocli calls this. */
    Verify() {}

    @Override
    public Integer call() {
      JournalCheck.Head kept;
      try {
        kept = head == null ? null : JournalCheck.Head.parse(head);
      } catch (IllegalArgumentException e) {
        throw new CliException("--head: " + e.getMessage());
      }
      ConfigurationHistory history = journal.history();
      PrintWriter out = spec.commandLine().getOut();
      try (HikariDataSource dataSource = journal.open()) {
        JdbcLedgerStore store = JdbcLedgerStore.of(dataSource, history.schemeId()).withoutSnapshots();
        List<JournalCheck.Problem> problems = JournalCheck.check(dataSource, history.schemeId(), kept);
        if (!problems.isEmpty()) {
          out.println("Journal of scheme " + history.schemeId() + " in " + journal.describe() + ": does not verify: "
              + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
          problems.forEach(problem -> out.println("  " + problem));
          out.flush();
          return Budget.FOUND;
        }
        try {
          BudgetLedger ledger = BudgetLedger.builder(history).store(store).build();
          ledger.verifyJournal();
          out.println("Journal of scheme " + history.schemeId() + " in " + journal.describe() + ": "
              + ledger.lastSequence() + " events, verified" + (kept == null ? "" : ", up to the head " + kept));
          return Budget.OK;
        } catch (JournalMismatchException | LedgerInvariantException e) {
          out.println("Journal of scheme " + history.schemeId() + " in " + journal.describe()
              + ": does not verify: " + e.getMessage());
          return Budget.FOUND;
        } finally {
          out.flush();
        }
      }
    }
  }

  /** {@code budget journal head}. */
  @Command(name = "head", mixinStandardHelpOptions = true,
      header = "Prints the journal's head: its last event's sequence and digest.",
      description = {"Prints SEQUENCE:DIGEST for the journal's last event. Keep it somewhere the database's "
          + "administrators cannot change (a finance system, a signed e-mail); 'budget journal verify --head' then "
          + "proves nothing up to it was changed or removed since."},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:printed", "1:the journal is empty, or its last event was written before the chain",
          "2:the scheme file or the database cannot be read"},
      footerHeading = "%nExamples:%n",
      footer = {"  budget journal head --scheme wigan.json --journal journal.sqlite"})
  static final class Head implements Callable<Integer> {

    @Spec
    CommandSpec spec = CommandSpec.create();

    @Mixin
    JournalOptions journal = new JournalOptions();

    /** Creates the command; picocli calls this. */
    Head() {}

    @Override
    public Integer call() {
      ConfigurationHistory history = journal.history();
      try (HikariDataSource dataSource = journal.open()) {
        Optional<JournalCheck.Head> head = JournalCheck.head(dataSource, history.schemeId());
        if (head.isEmpty()) {
          spec.commandLine().getErr().println("budget journal head: " + journal.describe() + " holds no chained "
              + "event of scheme " + history.schemeId());
          return Budget.FOUND;
        }
        spec.commandLine().getOut().println(head.get());
        spec.commandLine().getOut().flush();
        return Budget.OK;
      }
    }
  }

  /** {@code budget journal export}. */
  @Command(name = "export", mixinStandardHelpOptions = true,
      header = "Writes the journal as JSON Lines.",
      description = {"Writes the journal as JSON Lines in the journal format (JOURNAL.md), one event a line, each "
          + "in its canonical form with the digests the database recorded, to a file or standard output."},
      footerHeading = "%nExamples:%n",
      footer = {"  budget journal export --scheme wigan.json --journal journal.sqlite > wigan.jsonl"})
  static final class Export implements Callable<Integer> {

    @Spec
    CommandSpec spec = CommandSpec.create();

    @Mixin
    JournalOptions journal = new JournalOptions();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard "
        + "output.")
    @Nullable Path output;

    /** Creates the command; picocli calls this. */
    Export() {}

    @Override
    public Integer call() throws IOException {
      ConfigurationHistory history = journal.history();
      List<JournalFormat.Line> lines = journal.lines(history, spec.commandLine().getErr());
      if (output != null) {
        try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
          JournalFiles.writeLines(lines, out);
        }
        spec.commandLine().getErr().println("Wrote " + lines.size() + " events to " + output.toAbsolutePath());
      } else {
        JournalFiles.writeLines(lines, spec.commandLine().getOut());
      }
      spec.commandLine().getOut().flush();
      return Budget.OK;
    }
  }
}
