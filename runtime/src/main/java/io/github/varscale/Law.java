package io.github.varscale;

import java.util.Arrays;

/**
 * The law an initializer draws from, with its constants computed once per fill: the sampler
 * behind {@link VarianceScaling} and {@link FixedInitializer}. Every element is a pure function of
 * (stream key, index), which is what lets {@link ParallelFill} split a large fill across threads
 * with the same bits as a sequential one.
 *
 * <p>The mapping from (seed, key, index) to a value is stream version 1, defined in
 * docs/sampling.md and pinned by golden tests: a change to it must be deliberate and documented
 * as a new version.
 */
abstract class Law {

  private Law() {}

  /** The zero-mean law of variance {@code v} that {@code distribution} names. */
  static Law varianceScaled(Distribution distribution, double variance) {
    switch (distribution) {
      case UNIFORM:
        double limit = uniformLimit(variance);
        return new UniformLaw(-0.0, limit, -limit, limit);
      case NORMAL:
        return new NormalLaw(Ziggurat.Kind.NORMAL, -0.0, Math.sqrt(variance));
      case TRUNCATED_NORMAL:
        return new NormalLaw(Ziggurat.Kind.TRUNCATED, -0.0, truncatedStddev(variance));
      default:
        throw new AssertionError(distribution);
    }
  }

  /** {@code N(mean, stddev^2)}. */
  static Law normal(double mean, double stddev) {
    return new NormalLaw(Ziggurat.Kind.NORMAL, mean, stddev);
  }

  /** {@code N(mean, stddev^2)} cut to {@code mean ± 2 stddev}. */
  static Law truncatedNormal(double mean, double stddev) {
    return new NormalLaw(Ziggurat.Kind.TRUNCATED, mean, stddev);
  }

  /** {@code U[min, max]}; the center and half-width are computed without overflowing. */
  static Law uniform(double min, double max) {
    return new UniformLaw(min / 2 + max / 2, max / 2 - min / 2, min, max);
  }

  /** Every element {@code value}. */
  static Law constant(double value) {
    return new ConstantLaw(value);
  }

  /** {@code L = sqrt(3 v)}: {@code U[-L, L]} has variance {@code v}. */
  static double uniformLimit(double variance) {
    return Math.sqrt(3.0 * variance);
  }

  /** The standard deviation of the normal that, cut at two of them, has variance {@code v}. */
  static double truncatedStddev(double variance) {
    return Math.sqrt(variance) / Distribution.TRUNCATION_STDDEV_CORRECTION;
  }

  /**
   * An upper bound of the magnitude of every value, in double arithmetic: it says whether the
   * values fit a {@code float} or a {@code double} without overflowing.
   */
  abstract double maxMagnitude();

  /** The variance of the values. */
  abstract double variance();

  /** Whether every value of this law is finite as a {@code float}. */
  final boolean fitsFloat() {
    return maxMagnitude() <= Float.MAX_VALUE;
  }

  /** Whether every value of this law is finite as a {@code double}. */
  final boolean fitsDouble() {
    return maxMagnitude() <= Double.MAX_VALUE;
  }

  /**
   * Writes elements {@code [first, first + count)} of the tensor named by (seed, key) to {@code
   * dst[offset...]}, across the fork-join pool when the slice is large.
   */
  final void fill(float[] dst, int offset, int count, long first, long seed, String key) {
    long stream = StreamKeys.streamKey(seed, key);
    ParallelFill.run((o, c, f) -> fill(dst, o, c, f, stream), offset, count, first);
  }

  /** As {@link #fill(float[], int, int, long, long, String)}, for doubles. */
  final void fill(double[] dst, int offset, int count, long first, long seed, String key) {
    long stream = StreamKeys.streamKey(seed, key);
    ParallelFill.run((o, c, f) -> fill(dst, o, c, f, stream), offset, count, first);
  }

  /**
   * Fills {@code rows}, the {@code float[]} or {@code double[]} leaves of a nested tensor in
   * row-major order, each {@code rowLength} long, with the next slice of the flat tensor. The key
   * is hashed once for all rows, and a large tensor is split across the pool by whole rows.
   */
  final void fillRows(Object[] rows, int rowLength, long seed, String key) {
    long stream = StreamKeys.streamKey(seed, key);
    ParallelFill.runRows(rows, rowLength, (row, first) -> {
      if (row instanceof float[]) {
        float[] floats = (float[]) row;
        fill(floats, 0, floats.length, first, stream);
      } else {
        double[] doubles = (double[]) row;
        fill(doubles, 0, doubles.length, first, stream);
      }
    });
  }

  /** One thread's share: elements {@code [first, first + count)} of the stream {@code stream}. */
  abstract void fill(float[] dst, int offset, int count, long first, long stream);

  abstract void fill(double[] dst, int offset, int count, long first, long stream);

  /** A normal law, untruncated or cut at two standard deviations, drawn by a ziggurat. */
  private static final class NormalLaw extends Law {
    private final Ziggurat.Kind kind;
    private final double mean;
    private final double stddev;

    NormalLaw(Ziggurat.Kind kind, double mean, double stddev) {
      this.kind = kind;
      this.mean = mean;
      this.stddev = stddev;
    }

    @Override
    double maxMagnitude() {
      return Math.abs(mean) + stddev * kind.maxMagnitude();
    }

    @Override
    double variance() {
      double s = kind == Ziggurat.Kind.TRUNCATED
          ? stddev * Distribution.TRUNCATION_STDDEV_CORRECTION
          : stddev;
      return s * s;
    }

    @Override
    void fill(float[] dst, int offset, int count, long first, long stream) {
      // The ziggurat is looked up here, not in the constructor: a law is also made to check a
      // setting at compile time, where building the tables would be wasted.
      kind.ziggurat().fill(dst, offset, count, first, mean, stddev, stream);
    }

    @Override
    void fill(double[] dst, int offset, int count, long first, long stream) {
      kind.ziggurat().fill(dst, offset, count, first, mean, stddev, stream);
    }
  }

  /** {@code U[center - L, center + L]}, clamped to {@code [lo, hi]}. */
  private static final class UniformLaw extends Law {
    private final double center;
    private final double halfWidth;
    private final double lo;
    private final double hi;

    UniformLaw(double center, double halfWidth, double lo, double hi) {
      this.center = center;
      this.halfWidth = halfWidth;
      this.lo = lo;
      this.hi = hi;
    }

    @Override
    double maxMagnitude() {
      return Math.max(Math.abs(lo), Math.abs(hi));
    }

    @Override
    double variance() {
      return halfWidth * halfWidth / 3.0;
    }

    @Override
    void fill(float[] dst, int offset, int count, long first, long stream) {
      Uniform.fill(dst, offset, count, first, (float) center, Uniform.floatStep(halfWidth),
          (float) lo, (float) hi, stream);
    }

    @Override
    void fill(double[] dst, int offset, int count, long first, long stream) {
      Uniform.fill(dst, offset, count, first, center, Uniform.doubleStep(halfWidth), lo, hi,
          stream);
    }
  }

  /** One value everywhere: no stream is read, and the fill runs at the memory's speed. */
  private static final class ConstantLaw extends Law {
    private final double value;

    ConstantLaw(double value) {
      this.value = value;
    }

    @Override
    double maxMagnitude() {
      return Math.abs(value);
    }

    @Override
    double variance() {
      return 0.0;
    }

    @Override
    void fill(float[] dst, int offset, int count, long first, long stream) {
      Arrays.fill(dst, offset, offset + count, (float) value);
    }

    @Override
    void fill(double[] dst, int offset, int count, long first, long stream) {
      Arrays.fill(dst, offset, offset + count, value);
    }
  }
}
