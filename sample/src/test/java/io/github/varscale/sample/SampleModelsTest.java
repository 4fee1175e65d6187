package io.github.varscale.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.varscale.Distribution;
import io.github.varscale.Fans;
import io.github.varscale.Layout;
import io.github.varscale.Mode;
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
   * Fans and variances worked out by hand from the shapes, layouts and presets (API.md rules):
   * the target variance is {@code scale / n} with {@code scale = numerator / denominator}.
   */
  @ParameterizedTest
  @CsvSource({
    // tensor,       layout, fan_in, fan_out, mode,    distribution,  scale,  n
    "Mlp.w1,         IN_OUT,   784,   256,  FAN_IN,  TRUNCATED_NORMAL, 2, 1,  784",
    "Mlp.w2,         IN_OUT,   256,   128,  FAN_OUT, NORMAL,           2, 1,  128",
    // FAN_AVG: n = (128 + 10) / 2
    "Mlp.w3,         IN_OUT,   128,    10,  FAN_AVG, UNIFORM,          1, 1,   69",
    // OUT_IN [16, 1, 5, 5]: receptive field 25, fan_in = 1 * 25, fan_out = 16 * 25
    "SmallCnn.conv1, OUT_IN,    25,   400,  FAN_IN,  NORMAL,           2, 1,   25",
    // OUT_IN [32, 16, 3, 3]: receptive field 9, fan_in = 16 * 9, fan_out = 32 * 9
    "SmallCnn.conv2, OUT_IN,   144,   288,  FAN_IN,  NORMAL,           2, 1,  144",
    // OUT_IN [10, 32 * 7 * 7]: U(+-1/sqrt(1568)) has variance (1/3) / 1568
    "SmallCnn.fc,    OUT_IN,  1568,    10,  FAN_IN,  UNIFORM,          1, 3, 1568",
  })
  void reportsTheDeclaredSettingsAndTheirFans(
      String name,
      Layout layout,
      long fanIn,
      long fanOut,
      Mode mode,
      Distribution distribution,
      double scaleNumerator,
      double scaleDenominator,
      double n) {
    TensorReport report = REPORTS.get(name);
    assertEquals(layout, report.layout());
    assertEquals(new Fans(fanIn, fanOut), report.fans());
    assertEquals(mode, report.mode());
    assertEquals(distribution, report.distribution());
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
    assertEquals(size, report.count(), name);
    assertEquals(size, report.shape().stream().reduce(1, Math::multiplyExact), name);
  }

  /**
   * The measured variance estimates the target from {@code N} values. With mean 0 and kurtosis
   * {@code k}, the variance of one squared value is {@code (k - 1) v^2}, so the estimate's standard
   * error is {@code v sqrt((k - 1) / N)}; {@code k} is 1.8 for a uniform law, 2.37 for a normal
   * cut at two standard deviations and 3 for a normal, so {@code k = 3} bounds all three.
   * Subtracting the sample mean shifts the estimate by {@code O(v / N)}, far below that. Five
   * standard errors make a false failure practically impossible at a fixed seed, while still
   * catching a wrong variance: the smallest tensor (400 values) allows 35%, the largest 1.6%.
   */
  @Test
  void measuredVarianceIsTheTargetWithinFiveStandardErrors() {
    for (TensorReport report : REPORTS.values()) {
      double standardError = report.targetVariance() * Math.sqrt(2.0 / report.count());
      assertEquals(
          report.targetVariance(),
          report.measuredVariance(),
          5 * standardError,
          report.name());
    }
  }

  /**
   * Every value lies within the law's bound; and with hundreds of values the largest comes close
   * to it. For a uniform law, P(all N below 0.9 L) = 0.9^N, at most 0.9^1280 (about 1e-59). For
   * the truncated normal, one value lies beyond 1.8 s with probability 2 (Phi(2) - Phi(1.8)) / (2
   * Phi(2) - 1) = 0.028, so all N = 200704 lie below 0.9 * 2 s with probability 0.972^200704.
   */
  @Test
  void largestMagnitudeIsBoundedByTheLaw() {
    for (TensorReport report : REPORTS.values()) {
      double bound = report.settings().bound(report.fans());
      assertTrue(report.maxAbs() <= bound, report.name() + ": " + report.maxAbs() + " > " + bound);
      if (report.distribution() != Distribution.NORMAL) {
        assertTrue(report.maxAbs() > 0.9 * bound, report.name() + ": " + report.maxAbs());
      }
    }
  }

  /** API.md: a field's values are those {@code VarianceScaling.fill} gives for its key. */
  @Test
  void initializersWriteWhatTheRuntimeFillGivesForTheFieldsKey() {
    Mlp mlp = SampleModels.mlp(SEED);
    SmallCnn cnn = SampleModels.cnn(SEED);
    assertSameAsFill(mlp.w1, "Mlp", "w1", 2.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL,
        Layout.IN_OUT, 784, 256);
    assertSameAsFill(mlp.w2, "Mlp", "w2", 2.0, Mode.FAN_OUT, Distribution.NORMAL,
        Layout.IN_OUT, 256, 128);
    assertSameAsFill(mlp.w3, "Mlp", "w3", 1.0, Mode.FAN_AVG, Distribution.UNIFORM,
        Layout.IN_OUT, 128, 10);
    assertSameAsFill(cnn.conv1, "SmallCnn", "conv1", 2.0, Mode.FAN_IN, Distribution.NORMAL,
        Layout.OUT_IN, 16, 1, 5, 5);
    assertSameAsFill(cnn.conv2, "SmallCnn", "conv2", 2.0, Mode.FAN_IN, Distribution.NORMAL,
        Layout.OUT_IN, 32, 16, 3, 3);
    assertSameAsFill(cnn.fc, "SmallCnn", "fc", 1 / 3.0, Mode.FAN_IN, Distribution.UNIFORM,
        Layout.OUT_IN, 10, 1568);
  }

  private static void assertSameAsFill(
      Object field,
      String model,
      String name,
      double scale,
      Mode mode,
      Distribution distribution,
      Layout layout,
      int... shape) {
    VarianceScaling scaling = VarianceScaling.of(scale, mode, distribution);
    String key = "io.github.varscale.sample." + model + "#" + name;
    Fans fans = Fans.of(layout, shape);
    double[] expected;
    if (field instanceof double[]) {
      expected = new double[Arrays.stream(shape).reduce(1, Math::multiplyExact)];
      scaling.fill(expected, fans, SEED, key);
    } else {
      float[] values = new float[Arrays.stream(shape).reduce(1, Math::multiplyExact)];
      scaling.fill(values, fans, SEED, key);
      expected = Tensors.flatten(values);
    }
    assertArrayEquals(expected, Tensors.flatten(field), key);
  }

  @Test
  void sameSeedGivesTheSameValuesAndAnotherSeedOthers() {
    assertArrayEquals(SampleModels.cnn(7).conv2[3][5][1], SampleModels.cnn(7).conv2[3][5][1]);
    assertArrayEquals(SampleModels.mlp(7).w1, SampleModels.mlp(7).w1);
    assertFalse(Arrays.equals(SampleModels.mlp(7).w1, SampleModels.mlp(8).w1));
  }

  @Test
  void fieldsWithoutAnnotationsAreLeftAlone() {
    Mlp mlp = SampleModels.mlp(SEED);
    for (float[] bias : List.of(mlp.b1, mlp.b2)) {
      assertEquals(0.0, Tensors.maxAbs(Tensors.flatten(bias)));
    }
    assertEquals(0.0, Tensors.maxAbs(mlp.b3));
  }
}
