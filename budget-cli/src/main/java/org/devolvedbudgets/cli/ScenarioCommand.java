package org.devolvedbudgets.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.devolvedbudgets.examples.scenario.ScenarioReport;
import org.devolvedbudgets.examples.scenario.Scenarios;
import org.devolvedbudgets.json.read.FileReadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code budget scenario FILE...}: runs scenario files and reports each step (SCENARIOS.md). */
@Command(name = "scenario", mixinStandardHelpOptions = true,
    header = "Runs scenario files and reports every step.",
    description = {"Runs scenario files (SCENARIOS.md) through a fresh ledger each and reports every step: what "
        + "it expected and what happened. Every file is run, even after one cannot be read."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every step of every file did what it expected", "1:a step did not",
        "2:a file could not be read or run (its problems are printed, each with its JSON path)"},
    footerHeading = "%nExamples:%n",
    footer = {"  budget scenario budget-examples/src/main/resources/scenarios/*.json"})
final class ScenarioCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec = CommandSpec.create();

  @ParentCommand
  @Nullable Budget parent;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario files, JSON or YAML.")
  List<Path> files = new ArrayList<>();

  /** Creates the command; picocli calls this. */
  ScenarioCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int worst = Budget.OK;
    for (Path file : files) {
      try {
        ScenarioReport report = Scenarios.run(file);
        out.print(report.render());
        worst = Math.max(worst, report.passed() ? Budget.OK : Budget.FOUND);
      } catch (FileReadException e) {
        e.getMessage().lines().forEach(line -> err.println("budget scenario: " + line));
        if (parent != null && parent.debug) {
          e.printStackTrace(err);
        }
        worst = Budget.BAD_INPUT;
      }
    }
    out.flush();
    err.flush();
    return worst;
  }
}
