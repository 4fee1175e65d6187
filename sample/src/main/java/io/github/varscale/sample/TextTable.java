package io.github.varscale.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A plain-text table with aligned columns, for the sample's console output. */
final class TextTable {

  /** A column's title and whether its cells line up on the right (numbers) or the left. */
  record Column(String title, boolean rightAligned) {
    static Column left(String title) {
      return new Column(title, false);
    }

    static Column right(String title) {
      return new Column(title, true);
    }
  }

  private static final String GAP = "  ";

  private final List<Column> columns;
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(Column... columns) {
    this.columns = List.of(columns);
  }

  /** Adds a row; it must have one cell per column. */
  TextTable addRow(String... cells) {
    if (cells.length != columns.size()) {
      throw new IllegalArgumentException(
          "cells must have " + columns.size() + " entries, found " + cells.length);
    }
    for (String cell : cells) {
      Objects.requireNonNull(cell, "cells");
    }
    rows.add(List.of(cells));
    return this;
  }

  /** The header, then one line per row, each ending with a line separator. */
  String render() {
    int[] widths = new int[columns.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = columns.get(c).title().length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder();
    appendLine(out, columns.stream().map(Column::title).toList(), widths);
    for (List<String> row : rows) {
      appendLine(out, row, widths);
    }
    return out.toString();
  }

  private void appendLine(StringBuilder out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      if (c > 0) {
        line.append(GAP);
      }
      String cell = cells.get(c);
      String padding = " ".repeat(widths[c] - cell.length());
      line.append(columns.get(c).rightAligned() ? padding + cell : cell + padding);
    }
    out.append(line.toString().stripTrailing()).append(System.lineSeparator());
  }
}
