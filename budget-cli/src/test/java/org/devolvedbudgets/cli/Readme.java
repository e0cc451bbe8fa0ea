package org.devolvedbudgets.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's README, for tests that hold its shown output to what the command prints. */
final class Readme {

  private Readme() {}

  /** The {@code text} block after the first line starting with {@code marker}. */
  static String textBlockAfter(String marker) throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int at = readme.indexOf(marker);
    assertTrue(at >= 0, "README has " + marker);
    int start = readme.indexOf("```text\n", at) + "```text\n".length();
    return readme.substring(start, readme.indexOf("```", start));
  }
}
