package org.devolvedbudgets.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.devolvedbudgets.jdbc.JdbcLedgerStore;
import org.devolvedbudgets.json.journal.JournalFiles;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.devolvedbudgets.rules.ledger.BudgetLedger;
import org.devolvedbudgets.rules.ledger.JournalMismatchException;
import org.devolvedbudgets.rules.ledger.LedgerEvent;
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
    subcommands = {JournalCommand.Verify.class, JournalCommand.Export.class})
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
      header = "Checks that the journal folds and reproduces its balances.",
      description = {"Folds the journal into a new ledger under the scheme file's rules, from the rows alone (never "
          + "a snapshot), and replays it again to check that it reproduces every balance, reservation and "
          + "allocation."},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:the journal verifies", "1:it does not fold, or does not reproduce its balances (the first "
          + "difference is printed)", "2:the scheme file or the database cannot be read"},
      footerHeading = "%nExamples:%n",
      footer = {"  budget journal verify --scheme darlington.json --journal journal.sqlite"})
  static final class Verify implements Callable<Integer> {

    @Spec
    CommandSpec spec = CommandSpec.create();

    @Mixin
    JournalOptions journal = new JournalOptions();

    /** Creates the command; picocli calls this. */
    Verify() {}

    @Override
    public Integer call() {
      ConfigurationHistory history = journal.history();
      PrintWriter out = spec.commandLine().getOut();
      try (HikariDataSource dataSource = journal.open()) {
        JdbcLedgerStore store = JdbcLedgerStore.of(dataSource, history.schemeId()).withoutSnapshots();
        try {
          BudgetLedger ledger = BudgetLedger.builder(history).store(store).build();
          ledger.verifyJournal();
          out.println("Journal of scheme " + history.schemeId() + " in " + journal.describe() + ": "
              + ledger.lastSequence() + " events, verified");
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

  /** {@code budget journal export}. */
  @Command(name = "export", mixinStandardHelpOptions = true,
      header = "Writes the journal as JSON Lines.",
      description = {"Writes the journal as JSON Lines in the journal format (JOURNAL.md), one event a line, to a "
          + "file or standard output."},
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
      List<LedgerEvent> events = journal.events(history, spec.commandLine().getErr());
      if (output != null) {
        JournalFiles.write(history.schemeId(), events, output);
        spec.commandLine().getErr().println("Wrote " + events.size() + " events to " + output.toAbsolutePath());
      } else {
        JournalFiles.write(history.schemeId(), events, spec.commandLine().getOut());
      }
      spec.commandLine().getOut().flush();
      return Budget.OK;
    }
  }
}
