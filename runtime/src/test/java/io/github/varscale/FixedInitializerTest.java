package io.github.varscale;

import static io.github.varscale.Refusals.assertNpe;
import static io.github.varscale.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fixed initializers' settings, constants, refusals and descriptions. Their laws are tested
 * in {@link FixedStatisticsTest}, their bits in {@link FixedFormulaTest} and {@link
 * DeterminismTest}.
 */
class FixedInitializerTest {
  private static final Fans FANS = new Fans(4, 5);
  private static final List<FixedInitializer> RANDOM = List.of(
      FixedInitializer.randomNormal(0.5, 0.02),
      FixedInitializer.truncatedNormal(-1.0, 0.3),
      FixedInitializer.randomUniform(-3.0, 5.0));

  /**
   * A constant is {@code Arrays.fill} of {@code (float) value} or {@code value}: the same bits in
   * every element written, whatever the seed, key and fans, and nothing outside the slice.
   */
  @ParameterizedTest
  @ValueSource(doubles = {0.0, 1.0, -0.0, 0.1, -2.5, 1e-40, 3.4e38, -1e-300})
  void constantsWriteTheValueRoundedOnce(double value) {
    FixedInitializer constant = FixedInitializer.constant(value);
    float[] floats = new float[12];
    double[] doubles = new double[12];
    Arrays.fill(floats, Float.NaN);
    Arrays.fill(doubles, Double.NaN);
    constant.fill(floats, 2, 8, 1L << 40, FANS, 7L, "a");
    constant.fill(doubles, 2, 8, 3, new Fans(1, 1), -1L, "b");
    for (int i = 0; i < 12; i++) {
      boolean written = i >= 2 && i < 10;
      assertEquals(written ? Float.floatToRawIntBits((float) value)
          : Float.floatToRawIntBits(Float.NaN), Float.floatToRawIntBits(floats[i]), "float " + i);
      assertEquals(written ? Double.doubleToRawLongBits(value)
          : Double.doubleToRawLongBits(Double.NaN), Double.doubleToRawLongBits(doubles[i]),
          "double " + i);
    }
  }

  @Test
  void zerosAndOnesArePositiveZeroAndOne() {
    float[] floats = {Float.NaN, -0.0f, 5f};
    FixedInitializer.zeros().fill(floats, FANS, 1L, "z");
    for (float x : floats) {
      assertEquals(0, Float.floatToRawIntBits(x), "+0.0f, not " + x);
    }
    double[] doubles = new double[3];
    FixedInitializer.ones().fill(doubles, Layout.IN_OUT, new int[] {3}, 1L, "o");
    assertArrayEquals(new double[] {1, 1, 1}, doubles);
    assertSame(FixedInitializer.zeros(), FixedInitializer.zeros());
    assertSame(FixedInitializer.ones(), FixedInitializer.ones());
  }

  /** The fixed laws ignore the fans: any fans give the same values. */
  @Test
  void randomValuesIgnoreTheFans() {
    for (FixedInitializer init : RANDOM) {
      float[] a = new float[1001];
      float[] b = new float[1001];
      init.fill(a, new Fans(1, 1), 3L, "w");
      init.fill(b, new Fans(1L << 40, 17), 3L, "w");
      assertArrayEquals(a, b, init.toString());
      init.fill(b, new Fans(1, 1), 4L, "w");
      assertTrue(countEqual(a, b) < 10, init + ": another seed gives other values");
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void nonFiniteSettingsAreRefusedNamingTheArgument(double bad) {
    assertRefused("value must be a finite number", () -> FixedInitializer.constant(bad),
        "found " + bad);
    assertRefused("mean must be a finite number", () -> FixedInitializer.randomNormal(bad, 1),
        "found " + bad);
    assertRefused("mean must be a finite number", () -> FixedInitializer.truncatedNormal(bad, 1),
        "found " + bad);
    assertRefused("stddev must be a finite number > 0",
        () -> FixedInitializer.randomNormal(0, bad), "found " + bad);
    assertRefused("stddev must be a finite number > 0",
        () -> FixedInitializer.truncatedNormal(0, bad), "found " + bad);
    assertRefused("minval must be a finite number", () -> FixedInitializer.randomUniform(bad, 1),
        "found " + bad);
    assertRefused("maxval must be a finite number", () -> FixedInitializer.randomUniform(0, bad),
        "found " + bad);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -0.0, -1.0, -Double.MIN_VALUE})
  void aStddevThatIsNotPositiveIsRefused(double stddev) {
    assertRefused("stddev must be a finite number > 0",
        () -> FixedInitializer.randomNormal(0, stddev), "found " + stddev);
    assertRefused("stddev must be a finite number > 0",
        () -> FixedInitializer.truncatedNormal(0, stddev), "found " + stddev);
  }

  @Test
  void anEmptyOrReversedIntervalIsRefused() {
    assertRefused("minval must be < maxval", () -> FixedInitializer.randomUniform(1, 1),
        "minval 1.0", "maxval 1.0");
    assertRefused("minval must be < maxval", () -> FixedInitializer.randomUniform(0.5, -0.5),
        "minval 0.5", "maxval -0.5");
    assertRefused("minval must be < maxval", () -> FixedInitializer.randomUniform(-0.0, 0.0));
  }

  @Test
  void tinyAndHugeFiniteSettingsAreAccepted() {
    double[] x = new double[4];
    // z times the least subnormal: a multiple of it, with |z| < 6.
    FixedInitializer.randomNormal(0, Double.MIN_VALUE).fill(x, FANS, 1, "k");
    assertTrue(Arrays.stream(x).allMatch(v -> Math.abs(v) <= 6 * Double.MIN_VALUE));
    FixedInitializer.randomUniform(-Double.MAX_VALUE, Double.MAX_VALUE).fill(x, FANS, 1, "k");
    assertTrue(Arrays.stream(x).allMatch(Double::isFinite), Arrays.toString(x));
    FixedInitializer.randomUniform(1.0, Math.nextUp(1.0)).fill(x, FANS, 1, "k");
    assertTrue(Arrays.stream(x).allMatch(v -> v == 1.0 || v == Math.nextUp(1.0)));
  }

  /**
   * Values that would overflow the element type are refused before anything is written: a float
   * tensor of U[-1e300, 1e300], say, which a double tensor holds.
   */
  @Test
  void valuesThatOverflowTheElementTypeAreRefusedWritingNothing() {
    for (FixedInitializer tooBig : List.of(
        FixedInitializer.randomUniform(-1e300, 1e300),
        FixedInitializer.randomUniform(0, 3.5e38),
        FixedInitializer.constant(-1e39),
        FixedInitializer.randomNormal(0, 1e38),
        FixedInitializer.truncatedNormal(3e38, 1e38))) {
      float[] floats = new float[8];
      Arrays.fill(floats, 7f);
      String message = assertRefused(tooBig.toString(), () -> tooBig.fill(floats, FANS, 1, "k"),
          "overflow a float");
      assertTrue(message.contains("would write values up to " + tooBig.maxMagnitude(FANS)),
          message);
      assertRefused(tooBig.toString(), () -> tooBig.fill(floats, 0, 4, 2, FANS, 1, "k"));
      assertRefused(tooBig.toString(), () -> tooBig.fill(floats, Layout.IN_OUT,
          new int[] {2, 4}, 1, "k"));
      float[] sevens = new float[8];
      Arrays.fill(sevens, 7f);
      assertArrayEquals(sevens, floats, tooBig + ": nothing written");
      double[] doubles = new double[8];
      tooBig.fill(doubles, FANS, 1, "k");
      assertTrue(Arrays.stream(doubles).allMatch(Double::isFinite), tooBig + " in doubles");
    }
    // 2 stddev of 1e38 is still a float; the untruncated normal's tail is not.
    float[] floats = new float[1000];
    FixedInitializer.truncatedNormal(0, 1e38).fill(floats, FANS, 1, "k");
    assertTrue(Arrays.stream(toDoubles(floats)).allMatch(x -> Math.abs(x) <= (float) 2e38));
    FixedInitializer huge = FixedInitializer.randomNormal(1e308, 1e308);
    double[] doubles = {7, 7};
    assertRefused(huge.toString(), () -> huge.fill(doubles, FANS, 1, "k"), "overflow a double");
    assertArrayEquals(new double[] {7, 7}, doubles);
  }

  /**
   * The largest magnitude: the interval's farthest end, {@code |mean| + 2 stddev}, {@code |value|},
   * and for the normal {@code |mean|} plus stddev times a bound of the tail sampler's largest
   * sample, {@code 4.04 + 53 ln 2 / 4}.
   */
  @Test
  void maxMagnitudeBoundsEveryValue() {
    assertEquals(5.0, FixedInitializer.randomUniform(-3, 5).maxMagnitude(FANS), 0.0);
    assertEquals(7.0, FixedInitializer.randomUniform(-7, -1).maxMagnitude(FANS), 0.0);
    assertEquals(1.6, FixedInitializer.truncatedNormal(-1.0, 0.3).maxMagnitude(FANS), 1e-15);
    assertEquals(2.5, FixedInitializer.constant(-2.5).maxMagnitude(FANS), 0.0);
    assertEquals(0.0, FixedInitializer.zeros().maxMagnitude(FANS), 0.0);
    assertEquals(0.5 + 0.02 * (4.04 + 53 * Math.log(2) / 4),
        FixedInitializer.randomNormal(0.5, 0.02).maxMagnitude(FANS), 1e-15);
    assertNpe("fans", () -> FixedInitializer.ones().maxMagnitude(null));
  }

  @Test
  void wholeFillsRefuseAnArrayOfTheWrongLength() {
    for (FixedInitializer init : RANDOM) {
      float[] floats = new float[11];
      Arrays.fill(floats, 7f);
      assertRefused("dst.length must be 12", () -> init.fill(floats, Layout.IN_OUT,
          new int[] {3, 4}, 1, "k"), "shape [3, 4]", "found 11");
      assertRefused("dst.length must be 12", () -> init.fill(new double[13],
          FanAxes.explicit(new int[] {0}, new int[] {1}), new int[] {3, 4}, 1, "k"), "found 13");
      assertTrue(Arrays.stream(toDoubles(floats)).allMatch(x -> x == 7), "nothing written");
    }
  }

  @Test
  void equalSettingsAreEqualAndDescribedAsTheAnnotation() {
    assertEquals(FixedInitializer.randomNormal(0.0, 0.02), FixedInitializer.randomNormal(0, 0.02));
    assertEquals(FixedInitializer.randomNormal(0.0, 0.02).hashCode(),
        FixedInitializer.randomNormal(0, 0.02).hashCode());
    assertNotEquals(FixedInitializer.randomNormal(0, 0.02),
        FixedInitializer.truncatedNormal(0, 0.02));
    assertNotEquals(FixedInitializer.constant(1.0), FixedInitializer.ones());
    assertEquals("Zeros", FixedInitializer.zeros().toString());
    assertEquals("Ones", FixedInitializer.ones().toString());
    assertEquals("Constant[value=0.5]", FixedInitializer.constant(0.5).toString());
    assertEquals("RandomNormal[mean=0.0, stddev=0.02]",
        FixedInitializer.randomNormal(0, 0.02).toString());
    assertEquals("TruncatedNormal[mean=-1.0, stddev=0.3]", RANDOM.get(1).toString());
    assertEquals("RandomUniform[minval=-3.0, maxval=5.0]", RANDOM.get(2).toString());
  }

  @Test
  void nullsAreRefusedNamingTheParameter() {
    for (FixedInitializer init : List.of(FixedInitializer.zeros(), RANDOM.get(0))) {
      float[] floats = new float[3];
      double[] doubles = new double[3];
      for (Executable call : List.<Executable>of(
          () -> init.fill((float[]) null, FANS, 1, "k"),
          () -> init.fill((double[]) null, 0, 0, 0, FANS, 1, "k"))) {
        assertNpe("dst", call);
      }
      assertNpe("fans", () -> init.fill(floats, null, 1, "k"));
      assertNpe("fans", () -> init.fill(doubles, 0, 3, 0, null, 1, "k"));
      assertNpe("key", () -> init.fill(floats, FANS, 1, null));
      assertNpe("key", () -> init.fill(doubles, 0, 3, 0, FANS, 1, null));
      assertNpe("layout", () -> init.fill(floats, (Layout) null, new int[] {3}, 1, "k"));
      assertNpe("axes", () -> init.fill(doubles, (FanAxes) null, new int[] {3}, 1, "k"));
      assertNpe("shape", () -> init.fill(floats, Layout.IN_OUT, null, 1, "k"));
      assertNpe("dst", () -> init.fill((double[]) null, Layout.OUT_IN, new int[] {3}, 1, "k"));
    }
  }

  private static int countEqual(float[] a, float[] b) {
    int equal = 0;
    for (int i = 0; i < a.length; i++) {
      equal += a[i] == b[i] ? 1 : 0;
    }
    return equal;
  }

  private static double[] toDoubles(float[] x) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = x[i];
    }
    return d;
  }
}
