package org.devolvedbudgets.json.read;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Collects every problem found while reading one file, so that reading goes on past the first: each part is read
 * in {@link #attempt}, and what it could not read is kept, to be thrown together by {@link #throwIfAny}. Problems
 * found in a {@link JsonDocument} are given their line and column when thrown.
 *
 * <p>Not thread-safe; one per read.
 */
public final class ProblemCollector {

  private final JsonDocument document;
  private final List<FileProblem> found = new ArrayList<>();
  private @Nullable Throwable firstCause;

  /**
   * Creates a collector for problems in a document.
   *
   * @param document the document being read, not null
   */
  public ProblemCollector(JsonDocument document) {
    this.document = java.util.Objects.requireNonNull(document, "document");
  }

  /**
   * Reads a part; if it throws a {@link FileReadException}, keeps its problems and returns null.
   *
   * @param <T> what the part reads
   * @param read reads the part, not null
   * @return what was read, or null if it had problems
   */
  public <T> @Nullable T attempt(Supplier<T> read) {
    try {
      return read.get();
    } catch (FileReadException e) {
      add(e);
      return null;
    }
  }

  /**
   * Reads a part that returns nothing.
   *
   * @param read reads the part, not null
   * @return true if it had no problem
   */
  public boolean succeeded(Runnable read) {
    try {
      read.run();
      return true;
    } catch (FileReadException e) {
      add(e);
      return false;
    }
  }

  /**
   * Keeps every problem of an exception.
   *
   * @param e the exception, not null
   */
  public void add(FileReadException e) {
    found.addAll(e.problems());
    if (firstCause == null) {
      firstCause = e.getCause() != null ? e.getCause() : e;
    }
  }

  /**
   * Keeps one problem.
   *
   * @param problem the problem, not null
   */
  public void add(FileProblem problem) {
    found.add(java.util.Objects.requireNonNull(problem, "problem"));
  }

  /**
   * Returns whether no problem was kept.
   *
   * @return true if none
   */
  public boolean isEmpty() {
    return found.isEmpty();
  }

  /**
   * Returns the problems kept so far, each with its line and column where the document knows them.
   *
   * @return an immutable list, not null
   */
  public List<FileProblem> problems() {
    return found.stream().map(problem -> problem.at(document.locationOf(problem.jsonPath()))).toList();
  }

  /**
   * Throws every problem kept, if any.
   *
   * @throws FileReadException with every problem, if any was kept
   */
  public void throwIfAny() {
    if (!found.isEmpty()) {
      throw new FileReadException(document.name(), problems(), firstCause);
    }
  }
}
