package io.github.varscale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.varscale.LawChecks.Precision;
import java.util.Arrays;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TruncatedNormalDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The variance-scaled laws' samples follow the exact target law; see {@link LawChecks}. */
class SampleStatisticsTest {
  private static final int N = 1 << 19;
  private static final long SEED = 20261123L;
  /** A dense kernel: fan_in = 300, fan_out = 100, so the three modes give three variances. */
  private static final Fans FANS = Fans.of(Layout.IN_OUT, 300, 100);
  private static final double Z = LawChecks.Z;

  @ParameterizedTest(name = "{0}")
  @EnumSource(Precision.class)
  void uniformFollowsItsLaw(Precision precision) {
    VarianceScaling init = VarianceScaling.of(1.0, Mode.FAN_AVG, Distribution.UNIFORM);
    double v = init.variance(FANS);
    assertEquals(1.0 / 200.0, v, 0.0);
    double limit = Math.sqrt(3 * v);
    double[] x = sample(init, precision);
    checkLaw(x, v, UniformContinuousDistribution.of(-limit, limit));
    double bound = precision == Precision.FLOAT ? (float) limit : limit;
    assertTrue(maxAbs(x) <= bound, "max |x| " + maxAbs(x) + " > L " + bound);
    // Values fill the whole interval: the largest of 2^19 uniforms misses L by about L / 2^18.
    assertTrue(maxAbs(x) > limit * (1 - 1e-4), "max |x| " + maxAbs(x));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Precision.class)
  void normalFollowsItsLaw(Precision precision) {
    VarianceScaling init = VarianceScaling.of(2.0, Mode.FAN_IN, Distribution.NORMAL);
    double v = init.variance(FANS);
    assertEquals(2.0 / 300.0, v, 0.0);
    double[] x = sample(init, precision);
    checkLaw(x, v, NormalDistribution.of(0, Math.sqrt(v)));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Precision.class)
  void truncatedNormalFollowsItsLaw(Precision precision) {
    VarianceScaling init =
        VarianceScaling.of(3.0, Mode.FAN_OUT, Distribution.TRUNCATED_NORMAL);
    double v = init.variance(FANS);
    assertEquals(3.0 / 100.0, v, 0.0);
    double s = Math.sqrt(v) / 0.87962566103423978;
    double[] x = sample(init, precision);
    TruncatedNormalDistribution law = TruncatedNormalDistribution.of(0, s, -2 * s, 2 * s);
    // Keras's correction makes the truncated law's variance v (to the constant's 17 digits).
    assertEquals(v, law.getVariance(), 1e-15);
    checkLaw(x, v, law);
    double bound = precision == Precision.FLOAT ? (float) (2 * s) : 2 * s;
    assertEquals(2 * s, init.bound(FANS), 1e-15);
    assertTrue(maxAbs(x) <= bound, "max |x| " + maxAbs(x) + " > 2s " + bound);
    // The density at 2s is e^-2 of the peak, so the cut is reached: within 1e-3 s of it.
    assertTrue(maxAbs(x) > 2 * s * (1 - 1e-3), "max |x| " + maxAbs(x));
  }

  /**
   * The normal's tail beyond the ziggurat's base layer comes from a separate sampler (Marsaglia's
   * exponential method), and the wedges below it from rejection tests: the mass beyond the tail
   * start r = 4.0388 and beyond 3 must both be 2 Q(t).
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Precision.class)
  void normalTailHasItsMass(Precision precision) {
    int n = 1 << 22;
    VarianceScaling init = VarianceScaling.of(1.0, Mode.FAN_IN, Distribution.NORMAL);
    double[] x = LawChecks.sample(init, new Fans(1, 1), precision, n, SEED);
    for (double t : new double[] {3.0, Ziggurat.NORMAL.tailStart()}) {
      double p = 2 * NormalDistribution.of(0, 1).survivalProbability(t);
      long beyond = Arrays.stream(x).filter(value -> Math.abs(value) > t).count();
      // The count is binomial(n, p), standard error sqrt(n p (1 - p)): 104 beyond 3 (mean 11323),
      // 15 beyond r (mean 225).
      double se = Math.sqrt(n * p * (1 - p));
      assertEquals(n * p, beyond, Z * se, "values beyond " + t);
    }
  }

  /**
   * Float tensors keep float resolution: the ziggurat's 53-bit position survives into the float,
   * so even small values use all 24 bits of their significand. On a coarse grid (a 24-bit position
   * times the layer width, say) the low significand bits of every value below a quarter would be
   * zero.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Distribution.class,
      names = {"NORMAL", "TRUNCATED_NORMAL"})
  void floatNormalsAreNotOnACoarseGrid(Distribution distribution) {
    float[] x = new float[N];
    VarianceScaling.of(1.0, Mode.FAN_IN, distribution).fill(x, new Fans(1, 1), SEED, "grid");
    long small = 0;
    long lowBitsZero = 0;
    for (float value : x) {
      if (Math.abs(value) < 0.25f) {
        small++;
        if ((Float.floatToRawIntBits(value) & 0xF) == 0) {
          lowBitsZero++;
        }
      }
    }
    // With full resolution the 4 lowest significand bits are uniform: zero with p = 1/16, so the
    // count is binomial(small, 1/16), standard error sqrt(small p (1 - p)) (about 80 here).
    double p = 1.0 / 16;
    assertTrue(small > N / 8, "values below 0.25: " + small);
    assertEquals(small * p, lowBitsZero, Z * Math.sqrt(small * p * (1 - p)), "low bits zero");
  }

  private static double[] sample(VarianceScaling init, Precision precision) {
    return LawChecks.sample(init, FANS, precision, N, SEED);
  }

  /** Also checks that the law's mean and variance are 0 and {@code v}, as API.md requires. */
  private static void checkLaw(double[] x, double v, ContinuousDistribution law) {
    assertEquals(0.0, law.getMean(), 0.0);
    assertEquals(v, law.getVariance(), 1e-15);
    LawChecks.checkLaw(x, law);
  }

  private static double maxAbs(double[] x) {
    return Math.max(LawChecks.max(x), -LawChecks.min(x));
  }
}
