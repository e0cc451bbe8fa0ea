package org.devolvedbudgets.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress for long work, on standard error, only when the command runs on a terminal (so that redirected or
 * piped output, and tests, stay clean): a line saying what is being done, and then how long it took.
 */
final class Progress {

  private final PrintWriter err;
  private final boolean shown;
  private long started;

  private Progress(PrintWriter err, boolean shown) {
    this.err = err;
    this.shown = shown;
  }

  /** Progress shown when there is a terminal, hidden otherwise. */
  static Progress onTerminal(PrintWriter err) {
    return new Progress(err, System.console() != null);
  }

  /** Says what starts now. */
  void start(String what) {
    started = System.nanoTime();
    if (shown) {
      err.print(what + "... ");
      err.flush();
    }
  }

  /** Says the work started last is done, and how long it took. */
  void done() {
    if (shown) {
      err.println(String.format(Locale.UK, "done in %.1f s", (System.nanoTime() - started) / 1e9));
      err.flush();
    }
  }
}
