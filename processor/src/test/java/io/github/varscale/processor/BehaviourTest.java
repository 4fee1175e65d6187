package io.github.varscale.processor;

import static com.google.common.truth.Truth.assertThat;
import static io.github.varscale.processor.Compilations.Loaded.get;
import static io.github.varscale.processor.Compilations.Loaded.set;
import static io.github.varscale.processor.Compilations.compile;
import static io.github.varscale.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.varscale.Distribution;
import io.github.varscale.Fans;
import io.github.varscale.Layout;
import io.github.varscale.Mode;
import io.github.varscale.VarianceScaling;
import java.util.Arrays;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compiles real models with the processor and runs the generated initializers: their values must be
 * those of the runtime API for the same key, settings and shape.
 */
class BehaviourTest {
  private static final long SEED = 20261123L;
  private static Compilations.Loaded loaded;

  @BeforeAll
  static void compileModels() {
    loaded =
        new Compilations.Loaded(
            compile(Compilations.STRICT, Models.MLP, Models.SIZES, Models.DEEP));
  }

  private static float[] runtimeFloats(
      double scale, Mode mode, Distribution distribution, Layout layout, String key, int... shape) {
    float[] expected = new float[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
    VarianceScaling.of(scale, mode, distribution).fill(expected, Fans.of(layout, shape), SEED, key);
    return expected;
  }

  private static double[] runtimeDoubles(
      double scale, Mode mode, Distribution distribution, Layout layout, String key, int... shape) {
    double[] expected = new double[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
    VarianceScaling.of(scale, mode, distribution).fill(expected, Fans.of(layout, shape), SEED, key);
    return expected;
  }

  private static float[] flatten(float[][][][] nested) {
    return Arrays.stream(nested)
        .flatMap(Arrays::stream)
        .flatMap(Arrays::stream)
        .reduce(new float[0], BehaviourTest::concat);
  }

  private static float[] concat(float[] a, float[] b) {
    float[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static double[] flatten(double[][] nested) {
    return Arrays.stream(nested).flatMapToDouble(Arrays::stream).toArray();
  }

  private static float[] flatten(float[][] nested) {
    return Arrays.stream(nested).reduce(new float[0], BehaviourTest::concat);
  }

  @Test
  void nullFieldsAreAllocatedAndFilledWithTheRuntimesValues() throws Throwable {
    Object mlp = loaded.newModel("p.Mlp");
    loaded.initialize("p.MlpInitializer", mlp, SEED);

    assertThat((float[]) get(mlp, "w1"))
        .isEqualTo(
            runtimeFloats(
                2.0,
                Mode.FAN_IN,
                Distribution.TRUNCATED_NORMAL,
                Layout.IN_OUT,
                "p.Mlp#w1",
                784,
                256));
    double[][] hidden = (double[][]) get(mlp, "hidden_weights");
    assertThat(hidden.length).isEqualTo(256);
    assertThat(flatten(hidden))
        .isEqualTo(
            runtimeDoubles(
                1.0,
                Mode.FAN_AVG,
                Distribution.UNIFORM,
                Layout.IN_OUT,
                "p.Mlp#hidden_weights",
                256,
                10));
    // A nested array holds the flat tensor in row-major order.
    assertThat(flatten((float[][][][]) get(mlp, "conv")))
        .isEqualTo(
            runtimeFloats(
                0.5, Mode.FAN_AVG, Distribution.NORMAL, Layout.OUT_IN, "p.Mlp#conv", 8, 3, 3, 4));
    assertThat((double[]) get(mlp, "bias"))
        .isEqualTo(
            runtimeDoubles(
                1.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL, Layout.IN_OUT, "p.Mlp#bias", 10));
    assertThat((float[]) get(mlp, "scalar"))
        .isEqualTo(
            runtimeFloats(
                1.0, Mode.FAN_OUT, Distribution.TRUNCATED_NORMAL, Layout.IN_OUT, "p.Mlp#scalar"));
    assertThat(get(mlp, "notAnnotated")).isNull();
  }

  @Test
  void allocatedFieldsAreFilledInPlace() throws Throwable {
    Object mlp = loaded.newModel("p.Mlp");
    float[] w1 = new float[784 * 256];
    double[][] hidden = new double[256][10];
    set(mlp, "w1", w1);
    set(mlp, "hidden_weights", hidden);
    loaded.initialize("p.MlpInitializer", mlp, SEED);
    assertThat(get(mlp, "w1")).isSameInstanceAs(w1);
    assertThat(get(mlp, "hidden_weights")).isSameInstanceAs(hidden);
    assertThat(hidden[255][9])
        .isEqualTo(
            runtimeDoubles(
                1.0,
                Mode.FAN_AVG,
                Distribution.UNIFORM,
                Layout.IN_OUT,
                "p.Mlp#hidden_weights",
                256,
                10)[2559]);
  }

  @Test
  void constantsAreTheRuntimesNumbers() throws Throwable {
    Fans fans = Fans.of(Layout.OUT_IN, 8, 3, 3, 4);
    VarianceScaling normal = VarianceScaling.of(0.5, Mode.FAN_AVG, Distribution.NORMAL);
    assertThat(loaded.constant("p.MlpInitializer$Conv", "FAN_IN")).isEqualTo(36);
    assertThat(loaded.constant("p.MlpInitializer$Conv", "FAN_OUT")).isEqualTo(96);
    assertThat(loaded.constant("p.MlpInitializer$Conv", "SIZE")).isEqualTo(288);
    assertThat(loaded.constant("p.MlpInitializer$Conv", "VARIANCE"))
        .isEqualTo(normal.variance(fans));
    assertThat(loaded.constant("p.MlpInitializer$Conv", "STDDEV"))
        .isEqualTo(Math.sqrt(normal.variance(fans)));

    Fans dense = Fans.of(Layout.IN_OUT, 256, 10);
    VarianceScaling glorot = VarianceScaling.of(1.0, Mode.FAN_AVG, Distribution.UNIFORM);
    assertThat(loaded.constant("p.MlpInitializer$HiddenWeights", "VARIANCE"))
        .isEqualTo(1.0 / 133.0); // n = (256 + 10) / 2
    assertThat(loaded.constant("p.MlpInitializer$HiddenWeights", "LIMIT"))
        .isEqualTo(glorot.bound(dense));

    Fans w1 = Fans.of(Layout.IN_OUT, 784, 256);
    VarianceScaling he = VarianceScaling.of(2.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL);
    assertThat(loaded.constant("p.MlpInitializer$W1", "VARIANCE")).isEqualTo(2.0 / 784);
    assertThat(2 * (double) loaded.constant("p.MlpInitializer$W1", "STDDEV"))
        .isEqualTo(he.bound(w1));
    assertThat(loaded.constant("p.MlpInitializer$W1", "KEY")).isEqualTo("p.Mlp#w1");
  }

  @Test
  void subclassFillsInheritedFieldsUnderTheirDeclaringClassesKey() throws Throwable {
    Object deep = loaded.newModel("p.Deep");
    loaded.initialize("p.DeepInitializer", deep, SEED);
    Object mlp = loaded.newModel("p.Mlp");
    loaded.initialize("p.MlpInitializer", mlp, SEED);
    for (String field : new String[] {"w1", "conv", "bias"}) {
      assertThat(get(deep, field)).isNotNull();
    }
    assertThat((float[]) get(deep, "w1")).isEqualTo((float[]) get(mlp, "w1"));
    assertThat(flatten((float[][]) get(deep, "head")))
        .isEqualTo(
            runtimeFloats(
                2.0, Mode.FAN_IN, Distribution.UNIFORM, Layout.IN_OUT, "p.Deep#head", 10, 3));
  }

  @Test
  void nestedModelClassesUseTheirCanonicalNameAsKey() throws Throwable {
    Object block = loaded.newModel("p.Deep$Block");
    loaded.initialize("p.Deep_BlockInitializer", block, SEED);
    assertThat(flatten((double[][]) get(block, "kernel")))
        .isEqualTo(
            runtimeDoubles(
                1.0,
                Mode.FAN_IN,
                Distribution.UNIFORM,
                Layout.OUT_IN,
                "p.Deep.Block#kernel",
                4,
                2));
  }

  @Test
  void wrongShapeIsRefusedBeforeAnyFieldChanges() throws Throwable {
    Object deep = loaded.newModel("p.Deep");
    float[] w1 = new float[784 * 256];
    set(deep, "w1", w1);
    set(deep, "head", new float[10][4]); // declared [10, 3]
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> loaded.initialize("p.DeepInitializer", deep, SEED));
    assertThat(e)
        .hasMessageThat()
        .isEqualTo("p.Deep.head must be null or have shape [10, 3], found head[0].length = 4");
    assertThat(w1).isEqualTo(new float[784 * 256]);
    assertThat(get(deep, "conv")).isNull();

    // The superclass's fields are checked before the subclass writes its own.
    set(deep, "head", null);
    set(deep, "bias", new double[11]);
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> loaded.initialize("p.DeepInitializer", deep, SEED));
    assertThat(e)
        .hasMessageThat()
        .isEqualTo(
            "p.Mlp.bias must be null or have length 10 (shape [10]), found bias.length = 11");
    assertThat(get(deep, "head")).isNull();
    assertThat(w1).isEqualTo(new float[784 * 256]);
  }

  @Test
  void raggedAndNullSubArraysAreRefused() throws Throwable {
    Object mlp = loaded.newModel("p.Mlp");
    float[][][][] conv = new float[8][3][3][4];
    conv[7][2] = null;
    set(mlp, "conv", conv);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> loaded.initialize("p.MlpInitializer", mlp, SEED));
    assertThat(e)
        .hasMessageThat()
        .isEqualTo("p.Mlp.conv must be null or have shape [8, 3, 3, 4], found conv[7][2] = null");
    conv[7][2] = new float[3][5];
    e =
        assertThrows(
            IllegalArgumentException.class, () -> loaded.initialize("p.MlpInitializer", mlp, SEED));
    assertThat(e).hasMessageThat().endsWith("found conv[7][2][0].length = 5");
    set(mlp, "conv", new float[7][3][3][4]);
    e =
        assertThrows(
            IllegalArgumentException.class, () -> loaded.initialize("p.MlpInitializer", mlp, SEED));
    assertThat(e).hasMessageThat().endsWith("found conv.length = 7");
    assertThat(get(mlp, "w1")).isNull();
  }

  @Test
  void nullModelIsRefused() {
    NullPointerException e =
        assertThrows(
            NullPointerException.class, () -> loaded.initialize("p.MlpInitializer", null, SEED));
    assertThat(e).hasMessageThat().isEqualTo("model");
  }

  @Test
  void otherFieldsNeitherTheirOrderChangeAFieldsValues() throws Throwable {
    JavaFileObject before =
        source(
            "r.Net",
            "package r;",
            "import io.github.varscale.*;",
            "public class Net {",
            "  @HeNormal @Shape({5, 4}) float[] a;",
            "  @GlorotUniform @Shape({3, 3}) float[][] b;",
            "}");
    JavaFileObject after =
        source(
            "r.Net",
            "package r;",
            "import io.github.varscale.*;",
            "public class Net {",
            "  @LecunNormal @Shape({7}) double[] added;",
            "  @GlorotUniform @Shape({3, 3}) float[][] b;",
            "  float[] plain;",
            "  @HeNormal @Shape({5, 4}) float[] a;",
            "}");
    Compilations.Loaded first = new Compilations.Loaded(compile(Compilations.STRICT, before));
    Compilations.Loaded second = new Compilations.Loaded(compile(Compilations.STRICT, after));
    Object one = first.newModel("r.Net");
    Object two = second.newModel("r.Net");
    first.initialize("r.NetInitializer", one, SEED);
    second.initialize("r.NetInitializer", two, SEED);
    assertThat((float[]) get(two, "a")).isEqualTo((float[]) get(one, "a"));
    assertThat(flatten((float[][]) get(two, "b"))).isEqualTo(flatten((float[][]) get(one, "b")));
    // A different seed gives different values: the comparison above is not vacuous.
    first.initialize("r.NetInitializer", one, SEED + 1);
    assertThat((float[]) get(two, "a")).isNotEqualTo((float[]) get(one, "a"));
  }
}
