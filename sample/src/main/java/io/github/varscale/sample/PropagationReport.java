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
    table.addRow(verdict(activation, series));
    return table.render();
  }

  /**
   * The last row. For ReLU, whether the scale survives: every layer within {@link #BAND} of the
   * inputs. For tanh, whose outputs are bounded, a scale near the inputs' can hide dead units, so
   * the row counts the saturated ones instead, which no longer learn.
   */
  private static String[] verdict(
      Propagation.Activation activation, List<Propagation.Series> series) {
    String[] verdict = new String[series.size() + 1];
    boolean relu = activation == Propagation.Activation.RELU;
    verdict[0] = relu
        ? "within " + (int) BAND + "x of the inputs"
        : "last layer saturated, |y| > " + Propagation.SATURATED;
    for (int s = 0; s < series.size(); s++) {
      Propagation.Series one = series.get(s);
      verdict[s + 1] = relu
          ? (staysInBand(one.std()) ? "yes" : "no")
          : String.format(java.util.Locale.ROOT, "%.0f%%", 100 * one.saturated());
    }
    return verdict;
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
