package io.github.varscale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TruncatedNormalDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The samples follow the exact target law. Every check uses a fixed seed, so the outcome is
 * deterministic; the tolerances are set so that a correct sampler would fail them with
 * probability below about 1e-6 for a random seed, while a wrong variance, a wrong truncation, or
 * a missing tail fails them by a wide margin.
 */
class SampleStatisticsTest {
  private static final int N = 1 << 19;
  private static final long SEED = 20261123L;
  /** A dense kernel: fan_in = 300, fan_out = 100, so the three modes give three variances. */
  private static final Fans FANS = Fans.of(Layout.IN_OUT, 300, 100);
  /**
   * Five standard errors: a normal statistic exceeds it with probability 5.7e-7. The sample mean
   * and the sample variance are asymptotically normal (central limit theorem) with n = 2^19.
   */
  private static final double Z = 5.0;

  enum Precision {
    FLOAT,
    DOUBLE
  }

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
    double[] x = fill(init, new Fans(1, 1), precision, n, SEED);
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
    return fill(init, FANS, precision, N, SEED);
  }

  static double[] fill(VarianceScaling init, Fans fans, Precision precision, int n, long seed) {
    if (precision == Precision.DOUBLE) {
      double[] x = new double[n];
      init.fill(x, fans, seed, "stats#w");
      return x;
    }
    float[] f = new float[n];
    init.fill(f, fans, seed, "stats#w");
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = f[i];
    }
    return x;
  }

  /**
   * Kolmogorov-Smirnov against the exact CDF, and mean and variance within {@link #Z} standard
   * errors of 0 and {@code v}. The standard error of the mean is {@code sqrt(v / n)}; that of the
   * sample variance is {@code sqrt((m4 - v^2) / n)}, with {@code m4} the law's fourth central
   * moment, estimated from the sample (it is finite for all three laws).
   */
  private static void checkLaw(double[] x, double v, ContinuousDistribution law) {
    DoubleUnaryOperator cdf = law::cumulativeProbability;
    KolmogorovSmirnovTest.OneResult ks = KolmogorovSmirnovTest.withDefaults().test(x, cdf);
    // With n = 2^19, the statistic's 1e-6 critical value is sqrt(ln(2e6) / 2n) = 0.0026; a
    // variance off by 1% moves it by about 0.002, a missing tail or a wrong cut by more.
    assertTrue(ks.getPValue() > 1e-6, "KS D = " + ks.getStatistic() + ", p = " + ks.getPValue());
    double n = x.length;
    double mean = Arrays.stream(x).sum() / n;
    double m2 = 0;
    double m4 = 0;
    for (double value : x) {
      double d = value * value;
      m2 += d;
      m4 += d * d;
    }
    m2 /= n;
    m4 /= n;
    assertEquals(0.0, mean, Z * Math.sqrt(v / n), "mean");
    assertEquals(v, m2, Z * Math.sqrt((m4 - m2 * m2) / n), "variance");
  }

  private static double maxAbs(double[] x) {
    double max = 0;
    for (double value : x) {
      max = Math.max(max, Math.abs(value));
    }
    return max;
  }
}
