package io.github.varscale.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.varscale.Distribution;
import io.github.varscale.Fans;
import io.github.varscale.FixedInitializer;
import io.github.varscale.Layout;
import io.github.varscale.Mode;
import io.github.varscale.ModelTensor;
import io.github.varscale.TensorSpec;
import io.github.varscale.VarianceScaling;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sample models compiled with the processor: their generated initializers fill the fields as
 * the annotations say, and the reports the sample prints describe those values.
 */
class SampleModelsTest {
  private static final long SEED = 42;

  private static final Map<String, TensorReport> REPORTS =
      SampleModels.reports(SEED).stream()
          .collect(Collectors.toMap(TensorReport::name, Function.identity()));

  /**
   * Fans and variances worked out by hand from the shapes, layouts and axes (API.md's rules, which
   * are Keras's and JAX's): the target variance is {@code scale / n}, {@code scale = numerator /
   * denominator}.
   */
  @ParameterizedTest
  @CsvSource({
    // tensor,       fan_in, fan_out, mode,    distribution,  scale,  n
    "Mlp.w1,           784,   256,  FAN_IN,  TRUNCATED_NORMAL, 2, 1,  784",
    "Mlp.w2,           256,   128,  FAN_OUT, NORMAL,           2, 1,  128",
    // FAN_AVG: n = (128 + 10) / 2
    "Mlp.w3,           128,    10,  FAN_AVG, UNIFORM,          1, 1,   69",
    // OUT_IN [16, 1, 5, 5]: receptive field 25, fan_in = 1 * 25, fan_out = 16 * 25
    "SmallCnn.conv1,    25,   400,  FAN_IN,  NORMAL,           2, 1,   25",
    // OUT_IN [32, 16, 3, 3]: receptive field 9, fan_in = 16 * 9, fan_out = 32 * 9
    "SmallCnn.conv2,   144,   288,  FAN_IN,  NORMAL,           2, 1,  144",
    // OUT_IN [10, 32 * 7 * 7]: U(+-1/sqrt(1568)) has variance (1/3) / 1568
    "SmallCnn.fc,     1568,    10,  FAN_IN,  UNIFORM,          1, 3, 1568",
    // [dModel, heads, headDim] = [64, 4, 16], inAxes 0, outAxes {1, 2}: JAX's rule gives
    // fan_in = 64 and fan_out = 4 * 16, the fans of the [64, 64] projection it is
    "TinyGpt.blocks.0.attention.query,  64, 64, FAN_AVG, UNIFORM, 1, 1, 64",
    // [heads, headDim, dModel], inAxes {0, 1}, outAxes 2
    "TinyGpt.blocks.0.attention.output, 64, 64, FAN_AVG, UNIFORM, 1, 1, 64",
    // [experts, dModel, 4 * dModel] = [2, 64, 256] with batch axis 0: each expert's own fans
    "TinyGpt.blocks.0.feedForward.up,   64, 256, FAN_IN, TRUNCATED_NORMAL, 2, 1, 64",
    // FAN_AVG of [2, 256, 64], batch axis 0: n = (256 + 64) / 2
    "TinyGpt.blocks.0.feedForward.down, 256, 64, FAN_AVG, UNIFORM, 1, 1, 160",
  })
  void reportsTheDeclaredSettingsAndTheirFans(
      String name,
      long fanIn,
      long fanOut,
      Mode mode,
      Distribution distribution,
      double scaleNumerator,
      double scaleDenominator,
      double n) {
    TensorReport report = REPORTS.get(name);
    assertEquals(new Fans(fanIn, fanOut), report.fans());
    VarianceScaling scaling = (VarianceScaling) report.spec().initializer();
    assertEquals(mode, scaling.mode());
    assertEquals(distribution, scaling.distribution());
    double target = scaleNumerator / scaleDenominator / n;
    assertEquals(target, report.targetVariance(), 1e-15 * target);
  }

  @Test
  void generatedConstantsAgreeWithTheReports() {
    assertConstants("Mlp.w1", MlpInitializer.W1.FAN_IN, MlpInitializer.W1.FAN_OUT,
        MlpInitializer.W1.VARIANCE, MlpInitializer.W1.SIZE);
    assertConstants("Mlp.w2", MlpInitializer.W2.FAN_IN, MlpInitializer.W2.FAN_OUT,
        MlpInitializer.W2.VARIANCE, MlpInitializer.W2.SIZE);
    assertConstants("Mlp.w3", MlpInitializer.W3.FAN_IN, MlpInitializer.W3.FAN_OUT,
        MlpInitializer.W3.VARIANCE, MlpInitializer.W3.SIZE);
    assertConstants("SmallCnn.conv1", SmallCnnInitializer.Conv1.FAN_IN,
        SmallCnnInitializer.Conv1.FAN_OUT, SmallCnnInitializer.Conv1.VARIANCE,
        SmallCnnInitializer.Conv1.SIZE);
    assertConstants("SmallCnn.conv2", SmallCnnInitializer.Conv2.FAN_IN,
        SmallCnnInitializer.Conv2.FAN_OUT, SmallCnnInitializer.Conv2.VARIANCE,
        SmallCnnInitializer.Conv2.SIZE);
    assertConstants("SmallCnn.fc", SmallCnnInitializer.Fc.FAN_IN,
        SmallCnnInitializer.Fc.FAN_OUT, SmallCnnInitializer.Fc.VARIANCE,
        SmallCnnInitializer.Fc.SIZE);
  }

  private static void assertConstants(
      String name, int fanIn, int fanOut, double variance, int size) {
    TensorReport report = REPORTS.get(name);
    assertEquals(new Fans(fanIn, fanOut), report.fans(), name);
    // Both are scale / max(1, n) in double arithmetic: they must agree to the last bit.
    assertEquals(variance, report.targetVariance(), 0.0, name);
    assertEquals(size, report.spec().size(), name);
    assertEquals(size, Arrays.stream(report.spec().shape()).reduce(1, Math::multiplyExact), name);
  }

  /**
   * The measured variance estimates the target from {@code N} values. With mean 0 and kurtosis
   * {@code k}, the variance of one squared value is {@code (k - 1) v^2}, so the estimate's standard
   * error is {@code v sqrt((k - 1) / N)}; {@code k} is 1.8 for a uniform law, 2.37 for a normal
   * cut at two standard deviations and 3 for a normal, so {@code k = 3} bounds all three.
   * Subtracting the sample mean shifts the estimate by {@code O(v / N)}, far below that. Five
   * standard errors make a false failure practically impossible at a fixed seed, while still
   * catching a wrong variance: the smallest random tensor (128 values) allows 63%, the largest
   * 1.6%. Constants have variance 0, which the measurement gives exactly.
   */
  @Test
  void measuredVarianceIsTheTargetWithinFiveStandardErrors() {
    for (TensorReport report : REPORTS.values()) {
      double standardError = report.targetVariance() * Math.sqrt(2.0 / report.spec().size());
      assertEquals(
          report.targetVariance(),
          report.measuredVariance(),
          5 * standardError,
          report.name());
    }
  }

  /**
   * Every value lies within the law's bound; and with hundreds of values the largest comes close
   * to it. For a uniform law, P(all N below 0.9 L) = 0.9^N, at most 0.9^128 (about 1e-6). For
   * the truncated normal, one value lies beyond 1.8 s with probability 2 (Phi(2) - Phi(1.8)) / (2
   * Phi(2) - 1) = 0.028, so all of the smallest such tensor's N = 65536 lie below 0.9 * 2 s with
   * probability 0.972^65536.
   */
  @Test
  void largestMagnitudeIsBoundedByTheLaw() {
    for (TensorReport report : REPORTS.values()) {
      if (!(report.spec().initializer() instanceof VarianceScaling scaling)) {
        continue;
      }
      double bound = scaling.bound(report.fans());
      assertTrue(report.maxAbs() <= bound, report.name() + ": " + report.maxAbs() + " > " + bound);
      if (scaling.distribution() != Distribution.NORMAL) {
        assertTrue(report.maxAbs() > 0.9 * bound, report.name() + ": " + report.maxAbs());
      }
    }
  }

  /** API.md: a field's values are those the runtime's fill gives for its key and shape. */
  @Test
  void initializersWriteWhatTheRuntimeFillGivesForTheFieldsKey() {
    Mlp mlp = SampleModels.mlp(SEED);
    SmallCnn cnn = SampleModels.cnn(SEED);
    assertSameAsFill(mlp.w1, "Mlp#w1", VarianceScaling.of(2.0, Mode.FAN_IN,
        Distribution.TRUNCATED_NORMAL), Layout.IN_OUT, 784, 256);
    assertSameAsFill(mlp.w2, "Mlp#w2", VarianceScaling.of(2.0, Mode.FAN_OUT, Distribution.NORMAL),
        Layout.IN_OUT, 256, 128);
    assertSameAsFill(mlp.w3, "Mlp#w3", VarianceScaling.of(1.0, Mode.FAN_AVG, Distribution.UNIFORM),
        Layout.IN_OUT, 128, 10);
    assertSameAsFill(cnn.conv1, "SmallCnn#conv1", VarianceScaling.of(2.0, Mode.FAN_IN,
        Distribution.NORMAL), Layout.OUT_IN, 16, 1, 5, 5);
    assertSameAsFill(cnn.fc, "SmallCnn#fc", VarianceScaling.of(1 / 3.0, Mode.FAN_IN,
        Distribution.UNIFORM), Layout.OUT_IN, 10, 1568);
    TinyGpt gpt = SampleModels.gpt(SEED);
    assertSameAsFill(gpt.tokenEmbedding, "TinyGpt#tokenEmbedding",
        FixedInitializer.randomNormal(0.0, 0.02), Layout.IN_OUT, 512, 64);
  }

  private static void assertSameAsFill(Object field, String key,
      io.github.varscale.Initializer initializer, Layout layout, int... shape) {
    String fullKey = "io.github.varscale.sample." + key;
    int size = Arrays.stream(shape).reduce(1, Math::multiplyExact);
    double[] expected;
    if (field instanceof double[]) {
      expected = new double[size];
      initializer.fill(expected, layout, shape, SEED, fullKey);
    } else {
      float[] values = new float[size];
      initializer.fill(values, layout, shape, SEED, fullKey);
      expected = NestedArrays.flatten(values);
    }
    assertArrayEquals(expected, NestedArrays.flatten(field), fullKey);
  }

  /** Each block's tensors are keyed by its own path, so the four blocks get independent values. */
  @Test
  void everyBlockOfTheGptHasItsOwnValues() {
    TinyGpt gpt = SampleModels.gpt(SEED);
    assertEquals(TinyGpt.SAMPLE.layers(), gpt.blocks.size());
    for (int i = 0; i < gpt.blocks.size(); i++) {
      for (int j = i + 1; j < gpt.blocks.size(); j++) {
        assertFalse(Arrays.deepEquals(gpt.blocks.get(i).attention.query,
            gpt.blocks.get(j).attention.query), "blocks " + i + " and " + j);
      }
    }
    List<String> keys = TinyGptInitializer.tensors(gpt).stream().map(ModelTensor::key).toList();
    assertTrue(keys.contains("io.github.varscale.sample.TinyGpt#blocks.3.attention.query"), keys
        .toString());
  }

  /** The specs describe the tensors the initialized model holds, in the same order. */
  @Test
  void specsDescribeTheInitializedTensors() {
    List<TensorSpec> specs = SampleModels.gptSpecs();
    List<ModelTensor> tensors = TinyGptInitializer.tensors(SampleModels.gpt(SEED));
    assertEquals(tensors.stream().map(ModelTensor::spec).toList(), specs);
    // 2 embeddings; in each of 4 blocks 2 norms of 2, attention's 6 and the experts' 5; 2 in
    // the final norm.
    assertEquals(2 + (2 * 2 + 6 + 5) * 4 + 2, specs.size());
  }

  @Test
  void sameSeedGivesTheSameValuesAndAnotherSeedOthers() {
    assertArrayEquals(SampleModels.cnn(7).conv2[3][5][1], SampleModels.cnn(7).conv2[3][5][1]);
    assertArrayEquals(SampleModels.mlp(7).w1, SampleModels.mlp(7).w1);
    assertFalse(Arrays.equals(SampleModels.mlp(7).w1, SampleModels.mlp(8).w1));
  }

  @Test
  void biasesAndNormsStartAsKerasStartsThem() {
    Mlp mlp = SampleModels.mlp(SEED);
    for (float[] bias : List.of(mlp.b1, mlp.b2)) {
      assertEquals(0.0, Tensors.maxAbs(NestedArrays.flatten(bias)));
    }
    assertEquals(MlpInitializer.B1.SIZE, mlp.b1.length);
    assertEquals(0.0, Tensors.maxAbs(mlp.b3));
    LayerNorm norm = SampleModels.gpt(SEED).finalNorm;
    for (float gain : norm.gain) {
      assertEquals(1.0f, gain);
    }
    assertEquals(0.0, Tensors.maxAbs(NestedArrays.flatten(norm.offset)));
  }
}
