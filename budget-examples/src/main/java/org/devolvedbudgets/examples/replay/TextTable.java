package org.devolvedbudgets.examples.replay;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table of text laid out in aligned columns: the first column left-aligned, the others right-aligned (they
 * hold numbers), two spaces between columns, a rule under the header. Not thread-safe.
 */
final class TextTable {

  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  private TextTable(String... header) {
    this.columns = header.length;
    rows.add(header.clone());
  }

  /** Returns a table with a header row. */
  static TextTable withHeader(String... header) {
    if (header.length == 0) {
      throw new IllegalArgumentException("header must name at least one column");
    }
    return new TextTable(header);
  }

  /** Adds a row of exactly as many cells as the header has. */
  TextTable row(String... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException("a row needs " + columns + " cells, but had " + cells.length + ": "
          + Arrays.toString(cells));
    }
    for (String cell : cells) {
      requireNonNull(cell, "cell");
    }
    rows.add(cells.clone());
    return this;
  }

  /** Renders the table, every line indented by {@code indent} and ended by a newline. */
  String render(String indent) {
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < columns; i++) {
        String cell = rows.get(r)[i];
        String pad = " ".repeat(widths[i] - cell.length());
        if (i > 0) {
          line.append("  ");
        }
        line.append(i == 0 ? cell + pad : pad + cell);
      }
      out.append(line.toString().stripTrailing()).append('\n');
      if (r == 0) {
        int total = Arrays.stream(widths).sum() + 2 * (columns - 1);
        out.append(indent).append("-".repeat(total)).append('\n');
      }
    }
    return out.toString();
  }
}
