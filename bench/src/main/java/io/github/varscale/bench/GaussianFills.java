package io.github.varscale.bench;

import static io.github.varscale.bench.Workload.NORMAL_SIGMA;
import static io.github.varscale.bench.Workload.TRUNCATED_SIGMA;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The normal and truncated-normal laws of varscale's workload, drawn from any standard-normal
 * source (a JDK generator's {@code nextGaussian} fits as a method reference). Each benchmark runs
 * in its own fork, so the call to the source stays monomorphic and inlines.
 */
final class GaussianFills {

  private GaussianFills() {}

  static float[] normal(NormalizedGaussianSampler g, float[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      a[i] = (float) (NORMAL_SIGMA * g.sample());
    }
    return a;
  }

  /** Redraws until |z| <= 2: the standard normal conditioned on [-2, 2]. */
  static float[] truncated(NormalizedGaussianSampler g, float[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      double z;
      do {
        z = g.sample();
      } while (Math.abs(z) > 2);
      a[i] = (float) (TRUNCATED_SIGMA * z);
    }
    return a;
  }
}
