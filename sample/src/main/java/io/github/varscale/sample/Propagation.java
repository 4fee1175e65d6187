package io.github.varscale.sample;

import io.github.varscale.Distribution;
import io.github.varscale.Fans;
import io.github.varscale.Layout;
import io.github.varscale.Mode;
import io.github.varscale.VarianceScaling;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The experiment that shows why variance scaling exists: a batch of standard normal inputs goes
 * through a deep stack of {@code width x width} fully connected layers (no biases), and the
 * standard deviation of each layer's output is recorded. With a variance that does not follow the
 * fan-in, each layer multiplies the activations' scale by a constant factor, so it vanishes or
 * explodes geometrically with depth; He's {@code 2 / fan_in} exactly compensates ReLU halving the
 * second moment, and LeCun's and Glorot's {@code 1 / fan_in} keep tanh in its linear range.
 */
final class Propagation {
  private Propagation() {}

  /** The nonlinearity after every layer. */
  enum Activation {
    RELU("ReLU"),
    TANH("tanh");

    private final String label;

    Activation(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }

    double apply(double x) {
      return this == RELU ? Math.max(0.0, x) : Math.tanh(x);
    }
  }

  /**
   * A way to initialize every layer.
   *
   * @param label the name shown in the table and the chart
   * @param id the part of the layers' keys that tells schemes apart
   * @param scaling the law each layer's weights are drawn from
   */
  record Scheme(String label, String id, VarianceScaling scaling) {

    /** He, Glorot and LeCun (Keras's truncated normals), and two fixed-variance normals. */
    static List<Scheme> all(int width) {
      Distribution truncated = Distribution.TRUNCATED_NORMAL;
      return List.of(
          new Scheme("He", "he", VarianceScaling.of(2.0, Mode.FAN_IN, truncated)),
          new Scheme("Glorot", "glorot", VarianceScaling.of(1.0, Mode.FAN_AVG, truncated)),
          new Scheme("LeCun", "lecun", VarianceScaling.of(1.0, Mode.FAN_IN, truncated)),
          fixed("N(0, 0.01^2)", "fixed-0.01", 0.01, width),
          fixed("N(0, 1)", "fixed-1", 1.0, width));
    }

    /**
     * {@code N(0, stddev^2)} whatever the width, as in code that hard-codes a standard deviation.
     * Every layer here has fan_in = width, so {@code scale = stddev^2 * width} gives exactly that.
     */
    static Scheme fixed(String label, String id, double stddev, int width) {
      return new Scheme(
          label, id, VarianceScaling.of(stddev * stddev * width, Mode.FAN_IN, Distribution.NORMAL));
    }
  }

  /**
   * The size of the experiment.
   *
   * @param depth the number of layers, at least 1
   * @param width the units in every layer, and the inputs' dimension, at least 1
   * @param batch the number of inputs, at least 2
   * @param seed drives the inputs and every weight
   */
  record Settings(int depth, int width, int batch, long seed) {
    Settings {
      require(depth >= 1, "depth", depth, ">= 1");
      require(width >= 1, "width", width, ">= 1");
      require(batch >= 2, "batch", batch, ">= 2");
      // Both the activations and one layer's weights are single Java arrays.
      require((long) width * width <= Integer.MAX_VALUE - 8, "width", width, "<= 46340");
      require((long) batch * width <= Integer.MAX_VALUE - 8, "batch * width", (long) batch * width,
          "<= " + (Integer.MAX_VALUE - 8));
    }

    private static void require(boolean ok, String name, long value, String rule) {
      if (!ok) {
        throw new IllegalArgumentException(name + " must be " + rule + ", found " + value);
      }
    }
  }

  /** A tanh unit whose output is beyond this is saturated: its gradient is below 0.02. */
  static final double SATURATED = 0.99;

  /**
   * The output of one network.
   *
   * @param scheme how its weights were drawn
   * @param activation its nonlinearity
   * @param std {@code std[0]} is the inputs' standard deviation, {@code std[l]} that of layer
   *     {@code l}'s output, over the whole batch and all units
   * @param saturated the fraction of the last layer's outputs whose magnitude exceeds {@link
   *     #SATURATED}
   */
  record Series(Scheme scheme, Activation activation, double[] std, double saturated) {}

  /**
   * Runs every scheme with every activation; the series come scheme by scheme in the order of
   * {@link Scheme#all}, each with ReLU first. The result depends only on {@code settings}.
   */
  static List<Series> run(Settings settings) {
    Objects.requireNonNull(settings, "settings");
    double[] inputs = new double[settings.batch() * settings.width()];
    VarianceScaling.of(1.0, Mode.FAN_IN, Distribution.NORMAL)
        .fill(inputs, new Fans(1, 1), settings.seed(), "propagation#inputs");
    List<Scheme> schemes = Scheme.all(settings.width());
    // Schemes are independent; each runs sequentially, so the result is the same on any pool.
    return IntStream.range(0, schemes.size())
        .parallel()
        .mapToObj(i -> run(schemes.get(i), inputs, settings))
        .flatMap(List::stream)
        .toList();
  }

  private static List<Series> run(Scheme scheme, double[] inputs, Settings settings) {
    Activation[] activations = Activation.values();
    double[][] states = new double[activations.length][];
    double[][] stds = new double[activations.length][settings.depth() + 1];
    for (int a = 0; a < activations.length; a++) {
      states[a] = inputs;
      stds[a][0] = Math.sqrt(Tensors.variance(inputs));
    }
    int width = settings.width();
    Fans fans = Fans.of(Layout.IN_OUT, width, width);
    float[] weights = new float[width * width];
    double[] wide = new double[weights.length];
    for (int layer = 1; layer <= settings.depth(); layer++) {
      // The same weights for both activations: only the nonlinearity differs between them.
      scheme.scaling()
          .fill(weights, fans, settings.seed(), "propagation#" + scheme.id() + "#layer" + layer);
      for (int k = 0; k < weights.length; k++) {
        wide[k] = weights[k];
      }
      for (int a = 0; a < activations.length; a++) {
        states[a] = layer(states[a], wide, width, activations[a]);
        stds[a][layer] = Math.sqrt(Tensors.variance(states[a]));
      }
    }
    return IntStream.range(0, activations.length)
        .mapToObj(a -> new Series(scheme, activations[a], stds[a], saturated(states[a])))
        .toList();
  }

  private static double saturated(double[] outputs) {
    long count = java.util.Arrays.stream(outputs).filter(y -> Math.abs(y) > SATURATED).count();
    return count / (double) outputs.length;
  }

  /** {@code activation(x W)} for a batch {@code x} of rows and {@code W} in {@code [in, out]}. */
  private static double[] layer(double[] x, double[] weights, int width, Activation activation) {
    int batch = x.length / width;
    double[] y = new double[x.length];
    for (int b = 0; b < batch; b++) {
      int row = b * width;
      for (int i = 0; i < width; i++) {
        double xi = x[row + i];
        int w = i * width;
        // The innermost loop runs over contiguous rows of W and y, so the JIT can vectorize it.
        for (int j = 0; j < width; j++) {
          y[row + j] += xi * weights[w + j];
        }
      }
      for (int j = 0; j < width; j++) {
        y[row + j] = activation.apply(y[row + j]);
      }
    }
    return y;
  }
}
