package io.github.varscale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.varscale.LawChecks.Precision;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TruncatedNormalDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fixed initializers' samples follow Keras's laws exactly, shifted and scaled ones included;
 * see {@link LawChecks} for the tests and their error rates. The exact laws are Commons
 * Statistics'.
 */
class FixedStatisticsTest {
  private static final int N = 1 << 19;
  private static final long SEED = 20261201L;
  /** Any fans: the fixed laws ignore them. */
  private static final Fans FANS = new Fans(300, 100);

  @ParameterizedTest(name = "{0} N({1}, {2}^2)")
  @CsvSource({
    "FLOAT, 0, 0.05", "DOUBLE, 0, 0.05", // Keras's default
    "FLOAT, 0, 0.02", "DOUBLE, 0, 0.02", // GPT-2's embeddings
    "FLOAT, -3, 2.5", "DOUBLE, -3, 2.5",
    "FLOAT, 0.5, 1e-3", "DOUBLE, 0.5, 1e-3",
    "DOUBLE, 1000, 0.01",
  })
  void randomNormalFollowsItsLaw(Precision precision, double mean, double stddev) {
    double[] x = sample(FixedInitializer.randomNormal(mean, stddev), precision);
    LawChecks.checkLaw(x, NormalDistribution.of(mean, stddev));
  }

  /**
   * Keras's {@code TruncatedNormal}: {@code N(mean, stddev^2)} cut at two standard deviations and
   * not rescaled, so the values' standard deviation is 0.87962566103423978 stddev (the constant
   * Keras and JAX use for the standard normal cut to [-2, 2]; Commons Statistics' truncated law
   * agrees). A law rescaled to {@code stddev} would miss the variance check by 30% of it.
   *
   * <p>The bounds are exact: with {@code |z| < 2}, {@code fl(z * stddev) <= 2 stddev}, and rounding
   * is monotonic, so every double value lies within {@code [mean - 2 stddev, mean + 2 stddev]} as
   * computed in double, and every float value within those bounds rounded to float.
   */
  @ParameterizedTest(name = "{0} N({1}, {2}^2) cut at 2 stddev")
  @CsvSource({
    "FLOAT, 0, 0.05", "DOUBLE, 0, 0.05",
    "FLOAT, -3, 2.5", "DOUBLE, -3, 2.5",
    "FLOAT, 0.5, 1e-3", "DOUBLE, 0.5, 1e-3",
    "DOUBLE, 1000, 0.01",
  })
  void truncatedNormalFollowsKerasLaw(Precision precision, double mean, double stddev) {
    double lo = mean - 2 * stddev;
    double hi = mean + 2 * stddev;
    TruncatedNormalDistribution law = TruncatedNormalDistribution.of(mean, stddev, lo, hi);
    TruncatedNormalDistribution standard = TruncatedNormalDistribution.of(0, 1, -2, 2);
    assertEquals(0.87962566103423978, Math.sqrt(standard.getVariance()), 1e-15);
    double[] x = sample(FixedInitializer.truncatedNormal(mean, stddev), precision);
    LawChecks.checkLaw(x, law);
    assertWithin(x, precision, lo, hi);
    // The density at the cut is e^-2 of the peak: about 30 of 2^19 values lie within 1e-3
    // stddev of each end, so both ends are reached that closely.
    assertTrue(LawChecks.max(x) > hi - 1e-3 * stddev, "max " + LawChecks.max(x));
    assertTrue(LawChecks.min(x) < lo + 1e-3 * stddev, "min " + LawChecks.min(x));
  }

  /**
   * {@code U[minval, maxval]}, asymmetric and shifted intervals included; every value within the
   * bounds (rounded to float for a float tensor), and both ends reached to within 1e-4 of the
   * width, which 2^19 uniforms miss with probability e^-52.
   */
  @ParameterizedTest(name = "{0} U[{1}, {2}]")
  @CsvSource({
    "FLOAT, -0.05, 0.05", "DOUBLE, -0.05, 0.05", // Keras's default
    "FLOAT, 0, 1", "DOUBLE, 0, 1",
    "FLOAT, -3, 5", "DOUBLE, -3, 5",
    "DOUBLE, 1000, 1000.5",
  })
  void randomUniformFollowsItsLaw(Precision precision, double minval, double maxval) {
    double[] x = sample(FixedInitializer.randomUniform(minval, maxval), precision);
    LawChecks.checkLaw(x, UniformContinuousDistribution.of(minval, maxval));
    assertWithin(x, precision, minval, maxval);
    double width = maxval - minval;
    assertTrue(LawChecks.max(x) > maxval - 1e-4 * width, "max " + LawChecks.max(x));
    assertTrue(LawChecks.min(x) < minval + 1e-4 * width, "min " + LawChecks.min(x));
  }

  private static double[] sample(FixedInitializer init, Precision precision) {
    return LawChecks.sample(init, FANS, precision, N, SEED);
  }

  /** Every value within {@code [lo, hi]}, or within the bounds rounded to float for floats. */
  private static void assertWithin(double[] x, Precision precision, double lo, double hi) {
    double low = precision == Precision.FLOAT ? (float) lo : lo;
    double high = precision == Precision.FLOAT ? (float) hi : hi;
    assertTrue(LawChecks.min(x) >= low, "min " + LawChecks.min(x) + " < " + low);
    assertTrue(LawChecks.max(x) <= high, "max " + LawChecks.max(x) + " > " + high);
  }
}
