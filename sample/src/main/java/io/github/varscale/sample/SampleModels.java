package io.github.varscale.sample;

import java.util.List;

/** The sample's models, initialized by their generated initializers. */
final class SampleModels {
  private SampleModels() {}

  static Mlp mlp(long seed) {
    Mlp mlp = new Mlp();
    MlpInitializer.initialize(mlp, seed);
    return mlp;
  }

  static SmallCnn cnn(long seed) {
    SmallCnn cnn = new SmallCnn();
    SmallCnnInitializer.initialize(cnn, seed);
    return cnn;
  }

  /** One report per weight tensor of both models, in declaration order. */
  static List<TensorReport> reports(long seed) {
    Mlp mlp = mlp(seed);
    SmallCnn cnn = cnn(seed);
    return List.of(
        TensorReport.of(mlp, "w1"),
        TensorReport.of(mlp, "w2"),
        TensorReport.of(mlp, "w3"),
        TensorReport.of(cnn, "conv1"),
        TensorReport.of(cnn, "conv2"),
        TensorReport.of(cnn, "fc"));
  }
}
