package org.devolvedbudgets.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress for long work, on standard error, only when the command runs on a terminal (so that redirected or
 * piped output, and tests, stay clean): a line saying what is being done and how far it has got, rewritten in
 * place, and then how long it took.
 */
final class Progress {

  private final PrintWriter err;
  private final boolean shown;
  private long started;
  private String what = "";
  private int shownPercent = -1;

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
    this.what = what;
    started = System.nanoTime();
    shownPercent = -1;
    if (shown) {
      err.print(what + "... ");
      err.flush();
    }
  }

  /** Says how far the work has got, from 0 to 1, rewriting the line when the whole percentage changes. */
  void update(double done) {
    int percent = (int) Math.floor(Math.max(0, Math.min(1, done)) * 100);
    if (shown && percent != shownPercent) {
      shownPercent = percent;
      err.print("\r" + what + "... " + percent + "%");
      err.flush();
    }
  }

  /** Says the work started last is done, and how long it took. */
  void done() {
    if (shown) {
      err.println("\r" + what + "... " + String.format(Locale.UK, "done in %.1f s",
          (System.nanoTime() - started) / 1e9));
      err.flush();
    }
  }
}
