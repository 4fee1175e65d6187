package io.github.varscale.safetensors;

import io.github.varscale.Distribution;
import io.github.varscale.FanAxes;
import io.github.varscale.FixedInitializer;
import io.github.varscale.Initializer;
import io.github.varscale.Layout;
import io.github.varscale.Mode;
import io.github.varscale.ModelTensor;
import io.github.varscale.TensorSpec;
import io.github.varscale.VarianceScaling;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small models of hand-made specs, and their tensors as flat or nested arrays. */
final class Fixtures {
  static final Initializer HE_NORMAL =
      VarianceScaling.of(2.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL);
  static final Initializer GLOROT_UNIFORM =
      VarianceScaling.of(1.0, Mode.FAN_AVG, Distribution.UNIFORM);
  static final Initializer EMBEDDING = FixedInitializer.randomNormal(0.0, 0.02);

  private Fixtures() {}

  /** A tensor of {@code shape} under key {@code "test.Model#<path>"}, fans by {@code IN_OUT}. */
  static TensorSpec spec(String path, Class<?> type, Initializer initializer, String name,
      int... shape) {
    return TensorSpec.of(path, "test.Model#" + path, type, shape, FanAxes.of(Layout.IN_OUT),
        initializer, name);
  }

  /**
   * A small model of every kind of tensor: an embedding, a rank-3 kernel, a matrix, a vector of
   * ones, a bias of zeros, a scalar.
   */
  static List<TensorSpec> model(Class<?> type) {
    return List.of(
        spec("embed", type, EMBEDDING, "RandomNormal", 50, 16),
        spec("blocks.0.conv", type, HE_NORMAL, "HeNormal", 3, 16, 8),
        spec("blocks.0.dense", type, GLOROT_UNIFORM, "GlorotUniform", 8, 12),
        spec("blocks.0.norm", type, FixedInitializer.ones(), "Ones", 12),
        spec("blocks.0.bias", type, FixedInitializer.zeros(), "Zeros", 12),
        spec("scale", type, FixedInitializer.constant(0.5), "Constant"));
  }

  /** The same model with the element types mixed: floats and doubles in turn. */
  static List<TensorSpec> mixedModel() {
    List<TensorSpec> floats = model(float.class);
    List<TensorSpec> doubles = model(double.class);
    List<TensorSpec> mixed = new ArrayList<>();
    for (int i = 0; i < floats.size(); i++) {
      mixed.add(i % 2 == 0 ? floats.get(i) : doubles.get(i));
    }
    return mixed;
  }

  /** A tensor of {@code spec} held by a new flat array of zeros. */
  static ModelTensor flat(TensorSpec spec) {
    int size = Math.toIntExact(spec.size());
    return ModelTensor.of(spec,
        spec.elementType() == float.class ? new float[size] : new double[size]);
  }

  /** A tensor of {@code spec} held by a new nested array of zeros, flat for rank 0 and 1. */
  static ModelTensor nested(TensorSpec spec) {
    return spec.rank() < 2 ? flat(spec)
        : ModelTensor.of(spec, Array.newInstance(spec.elementType(), spec.shape()));
  }

  static List<ModelTensor> flat(List<TensorSpec> specs) {
    return specs.stream().map(Fixtures::flat).toList();
  }

  static List<ModelTensor> nested(List<TensorSpec> specs) {
    return specs.stream().map(Fixtures::nested).toList();
  }

  /** The tensors, initialized for {@code seed}. */
  static List<ModelTensor> initialized(List<ModelTensor> tensors, long seed) {
    tensors.forEach(t -> t.initialize(seed));
    return tensors;
  }

  /** Every tensor's values as doubles, flat, in order. */
  static double[][] values(List<ModelTensor> tensors) {
    double[][] values = new double[tensors.size()][];
    for (int i = 0; i < values.length; i++) {
      ModelTensor tensor = tensors.get(i);
      values[i] = new double[Math.toIntExact(tensor.spec().size())];
      tensor.get(0, values[i], 0, values[i].length);
    }
    return values;
  }

  /** Sets every element of every tensor to {@code value}. */
  static void fill(List<ModelTensor> tensors, double value) {
    for (ModelTensor tensor : tensors) {
      double[] values = new double[Math.toIntExact(tensor.spec().size())];
      java.util.Arrays.fill(values, value);
      tensor.set(0, values, 0, values.length);
    }
  }

  static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
