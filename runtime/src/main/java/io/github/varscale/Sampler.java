package io.github.varscale;

import java.util.stream.IntStream;

/**
 * Fills slices of a tensor with a distribution's samples. Arguments are checked by {@link
 * VarianceScaling}; here every element is a pure function of (stream key, index), which is what
 * lets a large fill be split across threads with the same bits as a sequential one.
 *
 * <p>Stream version 1. The mapping from (seed, key, index) to a value is part of the contract
 * (pinned by golden tests): a change to it must be deliberate and documented as a new version.
 */
final class Sampler {
  /** Each parallel task fills this many elements: big enough to amortize the task, small enough
   * to balance the cores. */
  private static final int CHUNK = 1 << 16;

  private Sampler() {}

  /** The largest magnitude a sample of {@code distribution} with variance {@code v} can have. */
  static double bound(Distribution distribution, double variance) {
    switch (distribution) {
      case UNIFORM:
        return uniformLimit(variance);
      case NORMAL:
        return Double.POSITIVE_INFINITY;
      case TRUNCATED_NORMAL:
        return Ziggurat.TRUNCATED.bound() * truncatedStddev(variance);
      default:
        throw new AssertionError(distribution);
    }
  }

  /** {@code L = sqrt(3 v)}: {@code U[-L, L]} has variance {@code v}. */
  static double uniformLimit(double variance) {
    return Math.sqrt(3.0 * variance);
  }

  /** The standard deviation of the normal that, cut at two of them, has variance {@code v}. */
  static double truncatedStddev(double variance) {
    return Math.sqrt(variance) / Distribution.TRUNCATION_STDDEV_CORRECTION;
  }

  static void fill(
      Distribution distribution,
      double variance,
      float[] dst,
      int offset,
      int count,
      long first,
      long seed,
      String key) {
    long stream = CounterHash.streamKey(seed, key);
    if (distribution == Distribution.UNIFORM) {
      float step = Uniform.floatStep(uniformLimit(variance));
      run((o, c, f) -> Uniform.fill(dst, o, c, f, step, stream), offset, count, first);
    } else {
      Ziggurat ziggurat = ziggurat(distribution);
      double stddev = stddev(distribution, variance);
      run((o, c, f) -> ziggurat.fill(dst, o, c, f, stddev, stream), offset, count, first);
    }
  }

  static void fill(
      Distribution distribution,
      double variance,
      double[] dst,
      int offset,
      int count,
      long first,
      long seed,
      String key) {
    long stream = CounterHash.streamKey(seed, key);
    if (distribution == Distribution.UNIFORM) {
      double step = Uniform.doubleStep(uniformLimit(variance));
      run((o, c, f) -> Uniform.fill(dst, o, c, f, step, stream), offset, count, first);
    } else {
      Ziggurat ziggurat = ziggurat(distribution);
      double stddev = stddev(distribution, variance);
      run((o, c, f) -> ziggurat.fill(dst, o, c, f, stddev, stream), offset, count, first);
    }
  }

  private static Ziggurat ziggurat(Distribution distribution) {
    return distribution == Distribution.NORMAL ? Ziggurat.NORMAL : Ziggurat.TRUNCATED;
  }

  /** The standard deviation that scales the ziggurat's standard samples. */
  private static double stddev(Distribution distribution, double variance) {
    return distribution == Distribution.NORMAL
        ? Math.sqrt(variance)
        : truncatedStddev(variance);
  }

  /** Fills {@code count} elements starting at array offset {@code offset} and tensor index
   * {@code first}. */
  @FunctionalInterface
  private interface Slice {
    void fill(int offset, int count, long first);
  }

  /**
   * Runs {@code kernel} over the slice, in parallel chunks on the common pool when the slice is
   * large and the pool has more than one worker. Chunks are independent: no element depends on
   * another, so the split never changes a bit.
   */
  private static void run(Slice kernel, int offset, int count, long first) {
    if (count < VarianceScaling.PARALLEL_THRESHOLD || Runtime.getRuntime().availableProcessors() < 2) {
      kernel.fill(offset, count, first);
      return;
    }
    int chunks = (count + CHUNK - 1) / CHUNK;
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            c -> {
              int start = c * CHUNK;
              kernel.fill(offset + start, Math.min(CHUNK, count - start), first + start);
            });
  }
}
