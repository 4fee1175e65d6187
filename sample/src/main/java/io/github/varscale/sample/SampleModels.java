package io.github.varscale.sample;

import io.github.varscale.ModelTensor;
import io.github.varscale.TensorSpec;
import java.util.ArrayList;
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

  static TinyGpt gpt(long seed) {
    TinyGpt gpt = new TinyGpt(TinyGpt.SAMPLE);
    TinyGptInitializer.initialize(gpt, seed);
    return gpt;
  }

  /**
   * One report per tensor of the perceptron and the convolutional network, and of the GPT's
   * embeddings and first block (the other blocks are alike but for their values).
   */
  static List<TensorReport> reports(long seed) {
    List<TensorReport> reports = new ArrayList<>();
    for (ModelTensor tensor : MlpInitializer.tensors(mlp(seed))) {
      reports.add(TensorReport.of("Mlp", tensor));
    }
    for (ModelTensor tensor : SmallCnnInitializer.tensors(cnn(seed))) {
      reports.add(TensorReport.of("SmallCnn", tensor));
    }
    for (ModelTensor tensor : TinyGptInitializer.tensors(gpt(seed))) {
      if (!tensor.path().startsWith("blocks.") || tensor.path().startsWith("blocks.0.")) {
        reports.add(TensorReport.of("TinyGpt", tensor));
      }
    }
    return reports;
  }

  /** The specs of the GPT, which {@code Summary} tabulates and a checkpoint is written from. */
  static List<TensorSpec> gptSpecs() {
    return TinyGptInitializer.specs(new TinyGpt(TinyGpt.SAMPLE));
  }
}
