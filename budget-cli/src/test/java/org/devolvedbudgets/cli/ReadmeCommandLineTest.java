package org.devolvedbudgets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** README shows the command's help as the command prints it, and every subcommand has help with examples. */
class ReadmeCommandLineTest {

  @Test
  void theReadmesHelpIsWhatBudgetHelpPrints() throws IOException {
    String shown = Readme.textBlockAfter("<!-- budget-help");
    Run help = Run.budget("--help");
    assertEquals(0, help.code());
    assertEquals(help.out(), shown);
  }

  @Test
  void everySubcommandHasHelpWithExamplesAndTheVersionIsTheProjects() {
    for (String[] command : new String[][] {{"replay"}, {"scenario"}, {"check"}, {"report"}, {"journal", "verify"},
        {"journal", "export"}}) {
      String[] args = new String[command.length + 1];
      System.arraycopy(command, 0, args, 0, command.length);
      args[command.length] = "--help";
      Run help = Run.budget(args);
      assertEquals(0, help.code(), String.join(" ", command));
      assertTrue(help.out().contains("Usage: budget " + String.join(" ", command)), help.out());
      assertTrue(help.out().contains("Examples:\n  budget " + command[0]), help.out());
    }
    Run version = Run.budget("--version");
    assertEquals(0, version.code());
    assertTrue(version.out().matches("budget [0-9]+\\.[0-9]+\\.[0-9]+(-SNAPSHOT)?\\nJava .*\\n"), version.out());
    Run completion = Run.budget("generate-completion");
    assertEquals(0, completion.code());
    assertTrue(completion.out().contains("complete -F _complete_budget"), "a bash completion script");
  }
}
