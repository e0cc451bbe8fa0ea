package org.devolvedbudgets.cli;

import java.nio.file.Path;

/** The files budget-examples ships, where the tests find them in the repository. */
final class Shipped {

  /** The scenario files. */
  static final Path SCENARIOS = Path.of("..", "budget-examples", "src", "main", "resources", "scenarios");

  /** The pilots' scheme files. */
  static final Path SCHEMES = Path.of("..", "budget-examples", "src", "main", "resources", "schemes");

  private Shipped() {}
}
