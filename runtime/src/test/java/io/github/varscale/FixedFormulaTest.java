package io.github.varscale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fixed laws' values are docs/sampling.md's formulas, recomputed here from their parts: the
 * words of {@link SplittableRandom} (whose outputs are SplitMix64's words) for the uniform, and
 * the standard samples of the same ziggurats for the normals. Compared bit for bit (JUnit's
 * {@code assertEquals} without a delta compares the bits, the sign of a zero included).
 */
class FixedFormulaTest {
  private static final Fans ANY_FANS = new Fans(3, 5);
  private static final long SEED = 9L;
  private static final String KEY = "p.Model#bias";
  /** Enough elements that about 300 words take the ziggurat's slow path. */
  private static final int N = 100_001;

  /**
   * {@code mean + z * stddev} in double, rounded once to float, with {@code z} the standard sample
   * of the same stream: the fill of {@code N(0, 1)} in double, whose values are {@code 0.0 + z *
   * 1.0 = z}.
   */
  @ParameterizedTest(name = "N({0}, {1}^2)")
  @CsvSource({"0.0, 0.05", "-3.0, 2.5", "1000.0, 0.01", "0.1, 3e-7"})
  void normalIsMeanPlusStandardSampleTimesStddev(double mean, double stddev) {
    assertMeanPlusZTimesStddev(FixedInitializer.randomNormal(0.0, 1.0),
        FixedInitializer.randomNormal(mean, stddev), mean, stddev);
  }

  @ParameterizedTest(name = "N({0}, {1}^2) cut at 2 stddev")
  @CsvSource({"0.0, 0.05", "-3.0, 2.5", "1000.0, 0.01", "0.1, 3e-7"})
  void truncatedIsMeanPlusStandardSampleTimesStddev(double mean, double stddev) {
    assertMeanPlusZTimesStddev(FixedInitializer.truncatedNormal(0.0, 1.0),
        FixedInitializer.truncatedNormal(mean, stddev), mean, stddev);
  }

  /**
   * The variance-scaled normals draw from the same ziggurats: their values are {@code z * s},
   * {@code s = sqrt(v)} or {@code sqrt(v) / 0.87962566103423978}, the same {@code z}.
   */
  @Test
  void varianceScaledNormalsAreTheSameStandardSamplesScaled() {
    Fans fans = new Fans(300, 100);
    double v = 2.0 / 300;
    double[] z = fillDoubles(FixedInitializer.randomNormal(0.0, 1.0));
    double[] zTruncated = fillDoubles(FixedInitializer.truncatedNormal(0.0, 1.0));
    double[] normal = new double[N];
    VarianceScaling.of(2.0, Mode.FAN_IN, Distribution.NORMAL).fill(normal, fans, SEED, KEY);
    double[] truncated = new double[N];
    VarianceScaling.of(2.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL)
        .fill(truncated, fans, SEED, KEY);
    double s = Math.sqrt(v) / 0.87962566103423978;
    for (int i = 0; i < N; i++) {
      assertEquals(z[i] * Math.sqrt(v), normal[i], "element " + i);
      assertEquals(zTruncated[i] * s, truncated[i], "element " + i);
    }
  }

  /**
   * Floats: {@code m = 2u + 1 - 2^24} for the 24 bits {@code u} of the element's half of its pair's
   * word, then {@code (float) center + m * ((float) half * 2^-24)} in float arithmetic, clamped
   * to {@code [(float) minval, (float) maxval]}; {@code center = minval / 2 + maxval / 2} and
   * {@code half = maxval / 2 - minval / 2} in double. The last row's step is 0 in float, so every
   * value is {@code +0.0 + (±0.0) = +0.0}, never the {@code -0.0} of {@code m * step} alone.
   */
  @ParameterizedTest(name = "U[{0}, {1}]")
  @CsvSource({"-0.05, 0.05", "0, 1", "-3, 5", "1.0, 1.1", "1000, 1000.5", "-1e30, 3e38",
      "-1e-300, 1e-300"})
  void uniformFloatsAreTheClampedFormulaOfTheWords(double minval, double maxval) {
    float[] x = new float[N];
    FixedInitializer.randomUniform(minval, maxval).fill(x, ANY_FANS, SEED, KEY);
    float center = (float) (minval / 2 + maxval / 2);
    float step = (float) (maxval / 2 - minval / 2) * 0x1p-24f;
    SplittableRandom words = new SplittableRandom(StreamKeys.streamKey(SEED, KEY));
    for (int i = 0; i < N; i += 2) {
      long word = words.nextLong();
      int even = (int) (word >>> 40);
      int odd = (int) ((word & 0xffffffffL) >>> 8);
      assertEquals(clamp(center + (2 * even + 1 - (1 << 24)) * step, minval, maxval), x[i],
          "element " + i);
      if (i + 1 < N) {
        assertEquals(clamp(center + (2 * odd + 1 - (1 << 24)) * step, minval, maxval), x[i + 1],
            "element " + (i + 1));
      }
    }
  }

  /**
   * Doubles: {@code m = 2u + 1 - 2^53} for the top 53 bits {@code u} of the element's word, then
   * {@code center + m * (half * 2^-53)}, clamped to {@code [minval, maxval]}. In the last row
   * the halves of the least subnormal round to zeros, so the step is 0 and every value {@code
   * +0.0}.
   */
  @ParameterizedTest(name = "U[{0}, {1}]")
  @CsvSource({"-0.05, 0.05", "0, 1", "-3, 5", "0.48, 0.59", "1000, 1000.5", "-1e300, 1e308",
      "-4.9e-324, 4.9e-324"})
  void uniformDoublesAreTheClampedFormulaOfTheWords(double minval, double maxval) {
    double[] x = new double[N];
    FixedInitializer.randomUniform(minval, maxval).fill(x, ANY_FANS, SEED, KEY);
    double center = minval / 2 + maxval / 2;
    double step = (maxval / 2 - minval / 2) * 0x1p-53;
    SplittableRandom words = new SplittableRandom(StreamKeys.streamKey(SEED, KEY));
    for (int i = 0; i < N; i++) {
      long m = 2 * (words.nextLong() >>> 11) + 1 - (1L << 53); // odd, |m| < 2^53: exact
      double value = Math.min(maxval, Math.max(minval, center + m * step));
      assertEquals(value, x[i], "element " + i);
    }
  }

  /**
   * The clamp at work: for U[1.0, 1.1] the lowest float cell's midpoint, {@code (float) 1.05 -
   * (2^24 - 1) ((float) 0.05 / 2^24)}, rounds to 0.99999994, below the interval; a word whose
   * bits 40..63 and 8..31 are all zero gives both elements of its pair that cell, and both are
   * written as 1.0. In double, U[0.48, 0.59]'s lowest midpoint rounds to 0.4799999999999999.
   */
  @Test
  void shiftedUniformsAreClampedToTheirBounds() {
    float center = (float) (1.0 / 2 + 1.1 / 2);
    float step = (float) (1.1 / 2 - 1.0 / 2) * 0x1p-24f;
    assertEquals(0.99999994f, center - ((1 << 24) - 1) * step, "the unclamped value");
    float[] pair = new float[2];
    FixedInitializer.randomUniform(1.0, 1.1).law(true)
        .fill(pair, 0, 2, 0, ChosenWords.streamKeyWithWord(0L, 0));
    assertEquals(1.0f, pair[0]);
    assertEquals(1.0f, pair[1]);

    double lowest = (0.48 / 2 + 0.59 / 2) - ((1L << 53) - 1) * ((0.59 / 2 - 0.48 / 2) * 0x1p-53);
    assertEquals(0.4799999999999999, lowest, "the unclamped value");
    double[] one = new double[1];
    FixedInitializer.randomUniform(0.48, 0.59).law(false)
        .fill(one, 0, 1, 0, ChosenWords.streamKeyWithWord(0L, 0));
    assertEquals(0.48, one[0]);
  }

  /**
   * The variance-scaled uniform's extreme cells, for the words of all zeros and all ones, are
   * {@code ±(2^b - 1) step}, inside {@code [-L, L]} (rounded to float for floats): its clamp at
   * {@code ±L} never changes a value, and its center {@code -0.0} adds nothing.
   */
  @Test
  void varianceScaledUniformNeverReachesItsClamp() {
    Fans fans = new Fans(300, 100);
    VarianceScaling init = VarianceScaling.of(2.0, Mode.FAN_IN, Distribution.UNIFORM);
    double limit = Math.sqrt(3 * 2.0 / 300);
    float floatStep = (float) limit * 0x1p-24f;
    double doubleStep = limit * 0x1p-53;
    for (long word : new long[] {0L, -1L}) {
      long key = ChosenWords.streamKeyWithWord(word, 0);
      float[] pair = new float[2];
      init.law(fans, true).fill(pair, 0, 2, 0, key);
      double[] one = new double[1];
      init.law(fans, false).fill(one, 0, 1, 0, key);
      int sign = word == 0 ? -1 : 1;
      float extreme = sign * ((1 << 24) - 1) * floatStep;
      assertEquals(extreme, pair[0]);
      assertEquals(extreme, pair[1]);
      assertTrue(Math.abs(extreme) <= (float) limit);
      assertEquals(sign * ((1L << 53) - 1) * doubleStep, one[0]);
      assertTrue(Math.abs(one[0]) < limit);
    }
  }

  private static float clamp(float x, double minval, double maxval) {
    return Math.min((float) maxval, Math.max((float) minval, x));
  }

  private static void assertMeanPlusZTimesStddev(
      FixedInitializer standard, FixedInitializer shifted, double mean, double stddev) {
    double[] z = fillDoubles(standard);
    double[] doubles = fillDoubles(shifted);
    float[] floats = new float[N];
    shifted.fill(floats, ANY_FANS, SEED, KEY);
    for (int i = 0; i < N; i++) {
      assertEquals(mean + z[i] * stddev, doubles[i], "element " + i);
      assertEquals((float) (mean + z[i] * stddev), floats[i], "element " + i);
    }
  }

  private static double[] fillDoubles(FixedInitializer init) {
    double[] x = new double[N];
    init.fill(x, ANY_FANS, SEED, KEY);
    return x;
  }
}
