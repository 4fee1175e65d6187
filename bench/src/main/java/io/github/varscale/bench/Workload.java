package io.github.varscale.bench;

import io.github.varscale.Distribution;
import io.github.varscale.Fans;
import io.github.varscale.Layout;
import io.github.varscale.Mode;
import io.github.varscale.VarianceScaling;

/**
 * What every fill benchmark produces: the values of one He-style tensor, so that varscale and the
 * alternatives do the same work (draw, then scale to the same law).
 */
final class Workload {

  static final long SEED = 42L;
  static final String KEY = "io.github.varscale.bench.Model#weights";
  static final Fans FANS = Fans.of(Layout.IN_OUT, 1024, 1024);

  /** Slices this small are filled on the calling thread (below the parallel threshold). */
  static final int SLICE = 1 << 16;

  /** {@code L} of U[-L, L]. */
  static final double UNIFORM_LIMIT = settings(Distribution.UNIFORM).bound(FANS);

  /** The standard deviation of the untruncated normal. */
  static final double NORMAL_SIGMA = Math.sqrt(settings(Distribution.NORMAL).variance(FANS));

  /** {@code s} of the truncated normal, whose values lie in [-2s, 2s]. */
  static final double TRUNCATED_SIGMA = settings(Distribution.TRUNCATED_NORMAL).bound(FANS) / 2;

  private Workload() {}

  static VarianceScaling settings(Distribution distribution) {
    return VarianceScaling.of(2.0, Mode.FAN_IN, distribution);
  }
}
