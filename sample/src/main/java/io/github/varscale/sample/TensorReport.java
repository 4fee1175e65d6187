package io.github.varscale.sample;

import io.github.varscale.Fans;
import io.github.varscale.ModelTensor;
import io.github.varscale.TensorSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One tensor of an initialized model: what its declaration asks for, from the generated
 * initializer's {@code tensors(model)}, and what its values measure.
 *
 * @param name {@code <model>.<path>}
 * @param spec the tensor's description: shape, fans, initializer
 * @param measuredMean the values' mean
 * @param measuredVariance the values' variance around their mean
 * @param maxAbs the largest magnitude among the values
 */
record TensorReport(
    String name, TensorSpec spec, double measuredMean, double measuredVariance, double maxAbs) {

  /** Measures {@code tensor} of the model called {@code model}. */
  static TensorReport of(String model, ModelTensor tensor) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(tensor, "tensor");
    double[] flat = new double[Math.toIntExact(tensor.spec().size())];
    tensor.get(0, flat, 0, flat.length);
    return new TensorReport(
        model + "." + tensor.path(),
        tensor.spec(),
        Tensors.mean(flat),
        Tensors.variance(flat),
        Tensors.maxAbs(flat));
  }

  Fans fans() {
    return spec.fans();
  }

  /** The variance the initializer's law has for these fans. */
  double targetVariance() {
    return spec.initializer().variance(spec.fans());
  }

  /** The table the sample prints: one row per tensor. */
  static String table(List<TensorReport> reports) {
    TextTable table =
        new TextTable(
            TextTable.Column.left("tensor"),
            TextTable.Column.left("shape"),
            TextTable.Column.right("fan_in"),
            TextTable.Column.right("fan_out"),
            TextTable.Column.left("initializer"),
            TextTable.Column.right("target var"),
            TextTable.Column.right("measured var"),
            TextTable.Column.right("mean"),
            TextTable.Column.right("max |w|"));
    for (TensorReport r : reports) {
      table.addRow(
          r.name(),
          Arrays.toString(r.spec().shape()),
          Long.toString(r.fans().fanIn()),
          Long.toString(r.fans().fanOut()),
          r.spec().initializerName(),
          Tensors.scientific(r.targetVariance()),
          Tensors.scientific(r.measuredVariance()),
          Tensors.scientific(r.measuredMean()),
          Tensors.scientific(r.maxAbs()));
    }
    return table.render();
  }
}
