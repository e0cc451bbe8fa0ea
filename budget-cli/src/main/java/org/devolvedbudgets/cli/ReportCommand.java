package org.devolvedbudgets.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.devolvedbudgets.cli.report.HtmlReport;
import org.devolvedbudgets.examples.replay.ReportTables;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.text.SafeText;
import org.devolvedbudgets.rules.ConfigurationHistory;
import org.devolvedbudgets.rules.evaluation.AllocationLog;
import org.devolvedbudgets.rules.evaluation.ConsortFlow;
import org.devolvedbudgets.rules.evaluation.DataDictionary;
import org.devolvedbudgets.rules.evaluation.EvaluationReport;
import org.devolvedbudgets.rules.evaluation.PseudonymisedCsv;
import org.devolvedbudgets.rules.ledger.LedgerEvent;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code budget report}: the evaluation report of a scheme from its journal, for a date range: text on standard
 * output, and on request an HTML page, the pseudonymised CSV with its data dictionary, the allocation log and the
 * CONSORT counts.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    header = "Reports on a scheme from its journal: text, HTML, CSV.",
    description = {"The evaluation report of a scheme from its journal (SQLite or PostgreSQL), for the requests "
        + "made in a date range: uptake, outcomes, spend, amounts, times, and for a randomised scheme the flow by "
        + "arm. Text on standard output; --html, --csv, --allocations and --consort write files for managers and "
        + "evaluators. Identifiers in the CSV files are pseudonymised; the HTML page names no family or person."},
    footerHeading = "%nExamples:%n",
    footer = {"  budget report --scheme darlington.json --journal target/replay-journal.sqlite",
        "  budget report --scheme wigan.json --postgres 'jdbc:postgresql://db/budgets' \\",
        "      --from 2019-04-01 --to 2020-04-01 --html wigan.html \\",
        "      --csv wigan.csv --key-file evaluation.key"})
final class ReportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec = CommandSpec.create();

  @Mixin
  JournalOptions journal = new JournalOptions();

  @Option(names = "--from", paramLabel = "DATE", description = "The first day reported on, ISO-8601 "
      + "(default: the scheme's first day).")
  @Nullable LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "The day after the last reported on (default: the "
      + "day after the scheme's term ends).")
  @Nullable LocalDate to;

  @Option(names = "--html", paramLabel = "FILE", description = "Write the report as one self-contained HTML page.")
  @Nullable Path html;

  @Option(names = "--csv", paramLabel = "FILE", description = "Write the pseudonymised requests, a row each, and "
      + "beside them their data dictionary (NAME-dictionary.md and NAME-dictionary.csv).")
  @Nullable Path csv;

  @Option(names = "--allocations", paramLabel = "FILE", description = "Write the allocation log: family "
      + "pseudonym, stratum, arm, date, method.")
  @Nullable Path allocations;

  @Option(names = "--consort", paramLabel = "FILE", description = "Write the CONSORT counts per arm as CSV.")
  @Nullable Path consort;

  @Option(names = "--key-file", paramLabel = "FILE", description = "The pseudonyms' secret key, 32 bytes or more "
      + "(the same key gives the same pseudonyms across exports, so they join); default: a fresh random key that "
      + "is not kept.")
  @Nullable Path keyFile;

  /** Creates the command; picocli calls this. */
  ReportCommand() {}

  @Override
  public Integer call() throws IOException {
    ConfigurationHistory history = journal.history();
    BudgetPeriod term = history.versions().get(0).term();
    LocalDate start = from != null ? from : term.start();
    LocalDate end = to != null ? to : term.end();
    if (!start.isBefore(end)) {
      throw new ParameterException(spec.commandLine(), "--from must be before --to, but was " + start + " and "
          + end);
    }
    List<LedgerEvent> events = journal.events(history, spec.commandLine().getErr());
    byte[] key = keyFile == null ? PseudonymisedCsv.newKey() : key(keyFile); // checked before anything is written
    EvaluationReport report = EvaluationReport.of(history, events, BudgetPeriod.of(start, end));
    ConsortFlow flow = ConsortFlow.of(events, report);
    spec.commandLine().getOut().print(ReportTables.render(report));
    List<String> wrote = new java.util.ArrayList<>();
    if (html != null) {
      HtmlReport.write(report, flow, html);
      wrote.add("HTML report: " + html.toAbsolutePath());
    }
    if (csv != null) {
      try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
        PseudonymisedCsv.write(report, key, out);
      }
      String name = csv.getFileName().toString().replaceFirst("\\.csv$", "");
      Path markdown = csv.resolveSibling(name + "-dictionary.md");
      Path table = csv.resolveSibling(name + "-dictionary.csv");
      try (Writer out = Files.newBufferedWriter(markdown, StandardCharsets.UTF_8)) {
        DataDictionary.REQUESTS.writeMarkdown(out);
      }
      try (Writer out = Files.newBufferedWriter(table, StandardCharsets.UTF_8)) {
        DataDictionary.REQUESTS.writeCsv(out);
      }
      wrote.add("Requests: " + csv.toAbsolutePath() + " (" + report.requests().size() + " rows; dictionary "
          + markdown.getFileName() + ", " + table.getFileName() + ")");
    }
    if (allocations != null) {
      int rows;
      try (Writer out = Files.newBufferedWriter(allocations, StandardCharsets.UTF_8)) {
        rows = AllocationLog.write(events, key, out);
      }
      wrote.add("Allocation log: " + allocations.toAbsolutePath() + " (" + rows + " rows)");
    }
    if (consort != null) {
      try (Writer out = Files.newBufferedWriter(consort, StandardCharsets.UTF_8)) {
        flow.writeCsv(out);
      }
      wrote.add("CONSORT counts: " + consort.toAbsolutePath());
    }
    if (!wrote.isEmpty()) {
      spec.commandLine().getOut().println();
      wrote.forEach(line -> spec.commandLine().getOut().println(line));
    }
    spec.commandLine().getOut().flush();
    return Budget.OK;
  }

  private static byte[] key(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new CliException("--key-file: no such file: " + SafeText.escapeUnsafe(file.toString()));
    }
    byte[] key = Files.readAllBytes(file);
    if (key.length < PseudonymisedCsv.MIN_KEY_BYTES) {
      throw new CliException("--key-file: the key must be at least " + PseudonymisedCsv.MIN_KEY_BYTES
          + " bytes, but " + SafeText.escapeUnsafe(file.toString()) + " holds " + key.length);
    }
    try {
      PseudonymisedCsv.pseudonym(key, "family", org.devolvedbudgets.model.id.FamilyId.of("key-check"));
    } catch (IllegalArgumentException e) {
      throw new CliException("--key-file: " + e.getMessage()); // too few distinct bytes: says how many, never which
    }
    return key;
  }
}
