package org.devolvedbudgets.examples.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Collects every problem found while reading one file, so that reading goes on past the first: each part is read
 * in {@link #attempt}, and what it could not read is kept to be thrown together by {@link #throwIfAny}. Not
 * thread-safe; one per read.
 */
final class FileProblems {

  private final String file;
  private final List<ScenarioFileException.Problem> found = new ArrayList<>();
  private @Nullable Throwable firstCause;

  FileProblems(String file) {
    this.file = file;
  }

  /** Reads a part; if it has problems, keeps them and returns null. */
  <T> @Nullable T attempt(Supplier<T> read) {
    try {
      return read.get();
    } catch (ScenarioFileException e) {
      add(e);
      return null;
    }
  }

  /** Reads a part that returns nothing; returns whether it had no problem. */
  boolean succeeded(Runnable read) {
    try {
      read.run();
      return true;
    } catch (ScenarioFileException e) {
      add(e);
      return false;
    }
  }

  void add(ScenarioFileException e) {
    found.addAll(e.problems());
    if (firstCause == null) {
      firstCause = e.getCause() != null ? e.getCause() : e;
    }
  }

  void add(String jsonPath, String message) {
    found.add(new ScenarioFileException.Problem(jsonPath, message));
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  void throwIfAny() {
    if (!found.isEmpty()) {
      throw new ScenarioFileException(file, found, firstCause);
    }
  }
}
