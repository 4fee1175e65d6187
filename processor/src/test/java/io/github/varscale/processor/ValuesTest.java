package io.github.varscale.processor;

import static com.google.common.truth.Truth.assertThat;
import static io.github.varscale.processor.Compilations.STRICT;
import static io.github.varscale.processor.Compilations.compile;

import io.github.varscale.Distribution;
import io.github.varscale.FanAxes;
import io.github.varscale.FixedInitializer;
import io.github.varscale.Initializer;
import io.github.varscale.Layout;
import io.github.varscale.Mode;
import io.github.varscale.VarianceScaling;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated initializers write the runtime's values for the same initializer, key, shape and
 * fans, flat and nested, float and double, for every law and fixed initializer; and their
 * constants are the formulas of API.md (Keras's {@code VarianceScaling}) written out here, not the
 * runtime's computation.
 */
class ValuesTest {
  private static final long SEED = 20261123L;
  /** Keras's truncation correction: the stddev of a unit normal cut to [-2, 2]. */
  private static final double TRUNCATED = 0.87962566103423978;

  private static Loaded loaded;

  @BeforeAll
  static void compileModels() {
    loaded = compile(STRICT, Models.all()).load();
  }

  private static float[] floats(Initializer initializer, FanAxes axes, String key, int... shape) {
    float[] values = new float[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
    initializer.fill(values, axes, shape, SEED, key);
    return values;
  }

  private static double[] doubles(Initializer initializer, FanAxes axes, String key,
      int... shape) {
    double[] values = new double[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
    initializer.fill(values, axes, shape, SEED, key);
    return values;
  }

  private static FanAxes layout(Layout layout) {
    return FanAxes.of(layout);
  }

  @Test
  void varianceScaledFieldsHoldTheRuntimesValues() {
    Object mlp = loaded.create("p.Mlp");
    loaded.call("p.MlpInitializer", "initialize", mlp, SEED);
    assertThat((float[]) Loaded.get(mlp, "w1")).isEqualTo(floats(
        VarianceScaling.of(2.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL),
        layout(Layout.IN_OUT), "p.Mlp#w1", 784, 256));
    double[][] hidden = (double[][]) Loaded.get(mlp, "hidden_weights");
    assertThat(hidden).hasLength(256);
    assertThat(Flat.doubles(hidden)).isEqualTo(doubles(
        VarianceScaling.of(1.0, Mode.FAN_AVG, Distribution.UNIFORM),
        layout(Layout.IN_OUT), "p.Mlp#hidden_weights", 256, 10));
    // A nested array holds the flat tensor in row-major order.
    assertThat(Flat.floats(Loaded.get(mlp, "conv"))).isEqualTo(floats(
        VarianceScaling.of(0.5, Mode.FAN_GEO_AVG, Distribution.NORMAL),
        layout(Layout.OUT_IN), "p.Mlp#conv", 8, 3, 3, 4));
    assertThat((double[]) Loaded.get(mlp, "bias")).isEqualTo(doubles(
        VarianceScaling.of(1.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL),
        layout(Layout.IN_OUT), "p.Mlp#bias", 10));
    assertThat((float[]) Loaded.get(mlp, "scalar")).isEqualTo(floats(
        VarianceScaling.of(1.0, Mode.FAN_OUT, Distribution.TRUNCATED_NORMAL),
        layout(Layout.IN_OUT), "p.Mlp#scalar"));
    assertThat((float[]) Loaded.get(mlp, "b1")).isEqualTo(new float[256]);
    assertThat(Loaded.get(mlp, "notAnnotated")).isNull();
  }

  @Test
  void fixedInitializersHoldTheRuntimesValues() {
    Object fixed = loaded.create("p.Fixed");
    loaded.call("p.FixedInitializer", "initialize", fixed, SEED);
    FanAxes in = layout(Layout.IN_OUT);
    assertThat(Flat.doubles(Loaded.get(fixed, "zeros"))).isEqualTo(new double[6]);
    assertThat((float[]) Loaded.get(fixed, "ones")).isEqualTo(new float[] {1, 1, 1, 1});
    assertThat(Flat.floats(Loaded.get(fixed, "constant")))
        .isEqualTo(new float[] {0.25f, 0.25f, 0.25f, 0.25f});
    float[] normal = (float[]) Loaded.get(fixed, "normal");
    assertThat(normal).isEqualTo(
        floats(FixedInitializer.randomNormal(1, 0.02), in, "p.Fixed#normal", 16, 8));
    double[] truncated = Flat.doubles(Loaded.get(fixed, "truncated"));
    assertThat(truncated).isEqualTo(
        doubles(FixedInitializer.truncatedNormal(0, 0.5), in, "p.Fixed#truncated", 5, 6));
    double[] uniform = (double[]) Loaded.get(fixed, "uniform");
    assertThat(uniform).isEqualTo(
        doubles(FixedInitializer.randomUniform(-0.1, 0.3), in, "p.Fixed#uniform", 12));
    // Keras's laws, independently of the runtime: the truncated normal within mean +- 2 stddev,
    // the uniform law within its bounds, the normal law's values near its mean.
    for (double value : truncated) {
      assertThat(Math.abs(value)).isAtMost(1.0);
    }
    for (double value : uniform) {
      assertThat(value).isIn(com.google.common.collect.Range.closed(-0.1, 0.3));
    }
    double mean = 0;
    for (float value : normal) {
      mean += value / (double) normal.length;
    }
    assertThat(mean).isWithin(5 * 0.02 / Math.sqrt(normal.length)).of(1.0);
  }

  @Test
  void explicitAndBatchAxesGiveTheRuntimesValues() {
    Object axes = loaded.create("p.Axes");
    loaded.call("p.AxesInitializer", "initialize", axes, SEED);
    assertThat((float[]) Loaded.get(axes, "query")).isEqualTo(floats(
        VarianceScaling.of(1.0, Mode.FAN_AVG, Distribution.UNIFORM),
        FanAxes.explicit(new int[] {0}, new int[] {1, 2}), "p.Axes#query", 512, 8, 64));
    assertThat(Flat.doubles(Loaded.get(axes, "experts"))).isEqualTo(doubles(
        VarianceScaling.of(2.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL),
        FanAxes.of(Layout.IN_OUT, 0), "p.Axes#experts", 8, 64, 32));
    assertThat((float[]) Loaded.get(axes, "conv")).isEqualTo(floats(
        VarianceScaling.of(1.0, Mode.FAN_GEO_AVG, Distribution.TRUNCATED_NORMAL),
        FanAxes.of(Layout.OUT_IN, 3), "p.Axes#conv", 16, 4, 3, 5));
    assertThat(Flat.floats(Loaded.get(axes, "mixed"))).isEqualTo(floats(
        VarianceScaling.of(2.0, Mode.FAN_IN, Distribution.UNIFORM),
        FanAxes.explicit(new int[] {1}, new int[] {-1}), "p.Axes#mixed", 3, 4, 3, 6));
  }

  @Test
  void allocatedFieldsAreFilledInPlace() {
    Object mlp = loaded.create("p.Mlp");
    float[] w1 = new float[784 * 256];
    double[][] hidden = new double[256][10];
    Loaded.set(mlp, "w1", w1);
    Loaded.set(mlp, "hidden_weights", hidden);
    loaded.call("p.MlpInitializer", "initialize", mlp, SEED);
    assertThat(Loaded.get(mlp, "w1")).isSameInstanceAs(w1);
    assertThat(Loaded.get(mlp, "hidden_weights")).isSameInstanceAs(hidden);
    assertThat(hidden[255][9]).isEqualTo(doubles(
        VarianceScaling.of(1.0, Mode.FAN_AVG, Distribution.UNIFORM),
        layout(Layout.IN_OUT), "p.Mlp#hidden_weights", 256, 10)[2559]);
  }

  @Test
  void otherFieldsAndTheirOrderChangeNoFieldsValues() {
    String before = """
        package r;
        import io.github.varscale.*;
        public class Net {
          @HeNormal @Shape({5, 4}) float[] a;
          @GlorotUniform @Shape({3, 3}) float[][] b;
        }
        """;
    String after = """
        package r;
        import io.github.varscale.*;
        public class Net {
          @LecunNormal @Shape({7}) double[] added;
          @GlorotUniform @Shape({3, 3}) float[][] b;
          float[] plain;
          @HeNormal @Shape({5, 4}) float[] a;
        }
        """;
    Loaded first = compile(STRICT, Compilations.source("r.Net", before)).load();
    Loaded second = compile(STRICT, Compilations.source("r.Net", after)).load();
    Object one = first.create("r.Net");
    Object two = second.create("r.Net");
    first.call("r.NetInitializer", "initialize", one, SEED);
    second.call("r.NetInitializer", "initialize", two, SEED);
    assertThat((float[]) Loaded.get(two, "a")).isEqualTo((float[]) Loaded.get(one, "a"));
    assertThat(Flat.floats(Loaded.get(two, "b"))).isEqualTo(Flat.floats(Loaded.get(one, "b")));
    // Another seed gives other values: the comparison above is not vacuous.
    first.call("r.NetInitializer", "initialize", one, SEED + 1);
    assertThat((float[]) Loaded.get(two, "a")).isNotEqualTo((float[]) Loaded.get(one, "a"));
  }

  @Test
  void constantsAreKerasFormulas() {
    // He normal [784, 256]: v = 2 / fan_in, truncated: stddev = sqrt(v) / 0.8796...
    assertConstants("p.MlpInitializer$W1", 784, 256, 784 * 256);
    assertThat(loaded.constant("p.MlpInitializer$W1", "VARIANCE")).isEqualTo(2.0 / 784);
    assertThat(loaded.constant("p.MlpInitializer$W1", "STDDEV"))
        .isEqualTo(Math.sqrt(2.0 / 784) / TRUNCATED);
    assertThat(loaded.constant("p.MlpInitializer$W1", "KEY")).isEqualTo("p.Mlp#w1");
    // Glorot uniform [256, 10]: v = 1 / ((fan_in + fan_out) / 2), limit = sqrt(3 v).
    assertConstants("p.MlpInitializer$HiddenWeights", 256, 10, 2560);
    assertThat(loaded.constant("p.MlpInitializer$HiddenWeights", "VARIANCE"))
        .isEqualTo(1.0 / 133.0);
    assertThat(loaded.constant("p.MlpInitializer$HiddenWeights", "LIMIT"))
        .isEqualTo(Math.sqrt(3.0 / 133.0));
    // PyTorch's [out, in, kh, kw] = [8, 3, 3, 4]: rf = 12, fan_in = 36, fan_out = 96; the
    // geometric mean of the fans; an untruncated normal's stddev is sqrt(v).
    assertConstants("p.MlpInitializer$Conv", 36, 96, 288);
    assertThat(loaded.constant("p.MlpInitializer$Conv", "VARIANCE"))
        .isEqualTo(0.5 / Math.sqrt(36.0 * 96.0));
    assertThat(loaded.constant("p.MlpInitializer$Conv", "STDDEV"))
        .isEqualTo(Math.sqrt(0.5 / Math.sqrt(36.0 * 96.0)));
    // A scalar has fans of 1.
    assertConstants("p.MlpInitializer$Scalar", 1, 1, 1);
    assertThat(loaded.constant("p.MlpInitializer$Scalar", "VARIANCE")).isEqualTo(1.0);
    assertThat(loaded.constant("p.MlpInitializer$Scalar", "STDDEV")).isEqualTo(1 / TRUNCATED);
    // A rank-1 shape: both fans are its dimension.
    assertConstants("p.MlpInitializer$Bias", 10, 10, 10);
    assertThat(loaded.constant("p.MlpInitializer$Bias", "VARIANCE")).isEqualTo(0.1);
    // Fixed initializers have fans and a size, no variance.
    assertConstants("p.FixedInitializer$Normal", 16, 8, 128);
    assertThat(hasField("p.FixedInitializer$Normal", "VARIANCE")).isFalse();
  }

  @Test
  void axesConstantsAreJaxsFormulas() {
    // jax.nn.initializers.variance_scaling(in_axis=0, out_axis=(1, 2)) on [512, 8, 64].
    assertConstants("p.AxesInitializer$Query", 512, 8 * 64, 512 * 8 * 64);
    assertThat(loaded.constant("p.AxesInitializer$Query", "LIMIT"))
        .isEqualTo(Math.sqrt(3 * 1.0 / ((512 + 8 * 64) / 2.0)));
    // batch_axis=0 on [8, 64, 32]: the experts count in neither fan.
    assertConstants("p.AxesInitializer$Experts", 64, 32, 8 * 64 * 32);
    assertThat(loaded.constant("p.AxesInitializer$Experts", "STDDEV"))
        .isEqualTo(Math.sqrt(2.0 / 64) / TRUNCATED);
    // OUT_IN [16, 4, 3, 5] with batch axis 3: rf = 3, fan_in = 4 * 3, fan_out = 16 * 3.
    assertConstants("p.AxesInitializer$Conv", 12, 48, 16 * 4 * 3 * 5);
    assertThat(loaded.constant("p.AxesInitializer$Conv", "VARIANCE"))
        .isEqualTo(1.0 / Math.sqrt(12.0 * 48.0));
    // in_axis=1, out_axis=-1 on [3, 4, 3, 6]: rf = 3 * 3 from the other axes.
    assertConstants("p.AxesInitializer$Mixed", 4 * 9, 6 * 9, 3 * 4 * 3 * 6);
    assertThat(loaded.constant("p.AxesInitializer$Mixed", "LIMIT"))
        .isEqualTo(Math.sqrt(3 * 2.0 / 36));
  }

  private static void assertConstants(String nestedClass, int fanIn, int fanOut, int size) {
    assertThat(loaded.constant(nestedClass, "FAN_IN")).isEqualTo(fanIn);
    assertThat(loaded.constant(nestedClass, "FAN_OUT")).isEqualTo(fanOut);
    assertThat(loaded.constant(nestedClass, "SIZE")).isEqualTo(size);
  }

  private static boolean hasField(String className, String field) {
    return Arrays.stream(loaded.type(className).getFields())
        .anyMatch(f -> f.getName().equals(field));
  }
}
