package org.devolvedbudgets.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.devolvedbudgets.json.read.FileReadException;
import org.devolvedbudgets.json.scheme.LintWarning;
import org.devolvedbudgets.json.scheme.SchemeFiles;
import org.devolvedbudgets.json.scheme.SchemeLint;
import org.devolvedbudgets.model.text.SafeText;
import org.devolvedbudgets.rules.ConfigurationHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code budget check SCHEME-FILE...}: every problem and every lint warning in scheme files, each with its file,
 * line, JSON path and code; for a finance or service manager before a scheme goes live.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    header = "Checks scheme files for problems and lint warnings.",
    description = {"Checks scheme files (JSON or YAML) before they go live: every problem that stops a file being "
        + "read (with its line, column and JSON path) and every lint warning (legal but probably unintended), "
        + "each with its code."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every file is clean", "1:warnings only", "2:a file has problems, or cannot be read"},
    footerHeading = "%nExamples:%n",
    footer = {"  budget check budget-examples/src/main/resources/schemes/*.json",
        "  budget check wigan-2020.yaml && echo 'ready to go live'"})
final class CheckCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec = CommandSpec.create();

  @Parameters(paramLabel = "SCHEME-FILE", arity = "1..*", description = "Scheme files, JSON or YAML.")
  List<Path> files = new ArrayList<>();

  /** Creates the command; picocli calls this. */
  CheckCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Ansi ansi = spec.commandLine().getColorScheme().ansi();
    int worst = Budget.OK;
    for (Path file : files) {
      String shown = SafeText.escapeUnsafe(file.toString());
      try {
        ConfigurationHistory history = SchemeFiles.read(file);
        List<LintWarning> warnings = SchemeLint.check(history);
        for (LintWarning warning : warnings) {
          out.println(ansi.string("@|yellow warning|@ ") + shown + ": " + warning.jsonPath() + ": "
              + warning.message() + " [" + warning.code() + "]");
        }
        if (warnings.isEmpty()) {
          out.println(ansi.string("@|green ok|@ ") + shown + ": scheme " + history.schemeId() + ", "
              + history.versions().size() + " version(s), no problems, no warnings");
        } else {
          worst = Math.max(worst, Budget.FOUND);
        }
      } catch (FileReadException e) {
        e.getMessage().lines().forEach(line -> out.println(ansi.string("@|red problem|@ ") + line));
        worst = Budget.BAD_INPUT;
      }
    }
    out.flush();
    return worst;
  }
}
