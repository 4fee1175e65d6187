package io.github.varscale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;

/**
 * The statistical checks the laws' tests share. Every check uses a fixed seed, so its outcome is
 * deterministic; the tolerances are set so that a correct sampler would fail them with
 * probability below about 1e-6 for a random seed, while a wrong mean, variance, truncation or
 * tail fails them by a wide margin.
 */
final class LawChecks {
  /**
   * Five standard errors: a normal statistic exceeds it with probability 5.7e-7. The sample mean
   * and the sample variance are asymptotically normal (central limit theorem) for the sample
   * sizes used, 2^19 and more.
   */
  static final double Z = 5.0;

  enum Precision {
    FLOAT,
    DOUBLE
  }

  private LawChecks() {}

  /** {@code n} elements of {@code init}'s tensor, widened to doubles for a float tensor. */
  static double[] sample(Initializer init, Fans fans, Precision precision, int n, long seed) {
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
   * Kolmogorov-Smirnov against the exact CDF, and the mean and variance within {@link #Z}
   * standard errors of the law's. The standard error of the mean is {@code sqrt(v / n)}; that of
   * the sample variance about the law's mean {@code mu}, {@code mean((x - mu)^2)}, is {@code
   * sqrt((m4 - v^2) / n)}, with {@code m4} the fourth central moment, estimated from the sample (it
   * is finite for every law here).
   */
  static void checkLaw(double[] x, ContinuousDistribution law) {
    DoubleUnaryOperator cdf = law::cumulativeProbability;
    KolmogorovSmirnovTest.OneResult ks = KolmogorovSmirnovTest.withDefaults().test(x, cdf);
    // With n = 2^19, the statistic's 1e-6 critical value is sqrt(ln(2e6) / 2n) = 0.0026; a
    // variance off by 1% moves it by about 0.002, a missing tail or a wrong cut by more.
    assertTrue(ks.getPValue() > 1e-6, "KS D = " + ks.getStatistic() + ", p = " + ks.getPValue());
    double mu = law.getMean();
    double v = law.getVariance();
    double n = x.length;
    double sum = 0;
    double m2 = 0;
    double m4 = 0;
    for (double value : x) {
      double d = value - mu;
      sum += d;
      m2 += d * d;
      m4 += d * d * d * d;
    }
    m2 /= n;
    m4 /= n;
    assertEquals(mu, mu + sum / n, Z * Math.sqrt(v / n), "mean");
    assertEquals(v, m2, Z * Math.sqrt((m4 - m2 * m2) / n), "variance");
  }

  static double max(double[] x) {
    double max = Double.NEGATIVE_INFINITY;
    for (double value : x) {
      max = Math.max(max, value);
    }
    return max;
  }

  static double min(double[] x) {
    double min = Double.POSITIVE_INFINITY;
    for (double value : x) {
      min = Math.min(min, value);
    }
    return min;
  }
}
