package io.github.varscale.sample;

import java.util.List;

/** The propagation experiment as text: one table per activation, one column per scheme. */
final class PropagationReport {
  /**
   * How many layers the table shows at most besides the inputs: every layer up to this depth,
   * evenly spaced ones beyond it (the chart has them all).
   */
  static final int ROWS = 32;

  /** A series stays in the band when every layer's std is within this factor of the inputs'. */
  static final double BAND = 2.0;

  private PropagationReport() {}

  static String table(List<Propagation.Series> all, Propagation.Activation activation) {
    List<Propagation.Series> series =
        all.stream().filter(s -> s.activation() == activation).toList();
    TextTable.Column[] columns = new TextTable.Column[series.size() + 1];
    columns[0] = TextTable.Column.left(activation.label() + " layer");
    for (int s = 0; s < series.size(); s++) {
      columns[s + 1] = TextTable.Column.right(series.get(s).scheme().label());
    }
    TextTable table = new TextTable(columns);
    int depth = series.get(0).std().length - 1;
    int step = Math.max(1, (depth + ROWS - 1) / ROWS);
    for (int layer = 0; layer <= depth; layer++) {
      if (layer % step == 0 || layer == depth) {
        String[] row = new String[columns.length];
        row[0] = Integer.toString(layer);
        for (int s = 0; s < series.size(); s++) {
          row[s + 1] = Tensors.scientific(series.get(s).std()[layer]);
        }
        table.addRow(row);
      }
    }
    String[] verdict = new String[columns.length];
    verdict[0] = "within " + (int) BAND + "x of the inputs";
    for (int s = 0; s < series.size(); s++) {
      verdict[s + 1] = staysInBand(series.get(s).std()) ? "yes" : "no";
    }
    table.addRow(verdict);
    return table.render();
  }

  /** Whether every layer's std is within a factor {@link #BAND} of the inputs' ({@code std[0]}). */
  static boolean staysInBand(double[] std) {
    for (double s : std) {
      if (!(s >= std[0] / BAND && s <= std[0] * BAND)) {
        return false;
      }
    }
    return true;
  }
}
