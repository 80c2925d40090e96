package io.stratus.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of text in columns two spaces apart, with a header row: left-aligned, or with every column
 * after the first right-aligned for figures. Not thread-safe.
 */
public final class TextTable {

  private static final String GAP = "  ";

  private final List<List<String>> rows = new ArrayList<>();
  private final boolean numbersRight;

  /** A table whose columns are all left-aligned. */
  public TextTable(String... header) {
    this(false, header);
  }

  private TextTable(boolean numbersRight, String... header) {
    this.numbersRight = numbersRight;
    rows.add(List.of(header));
  }

  /**
   * A table whose first column is left-aligned and whose other columns, figures, are right-aligned.
   */
  public static TextTable withNumericColumns(String... header) {
    return new TextTable(true, header);
  }

  /** Adds a row; it must have as many cells as the header. */
  public TextTable row(String... cells) {
    if (cells.length != rows.get(0).size()) {
      throw new IllegalArgumentException(
          "a row needs " + rows.get(0).size() + " cells, got " + cells.length);
    }
    rows.add(List.of(cells));
    return this;
  }

  /** The table, one line per row, each line ending in a newline. */
  public String render() {
    int columns = rows.get(0).size();
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        String cell = row.get(c);
        String padding = " ".repeat(widths[c] - cell.length());
        line.append(c == 0 ? "" : GAP);
        line.append(numbersRight && c > 0 ? padding + cell : cell + padding);
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }
}
