package io.github.varscale;

import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * Fills slices of a tensor with a distribution's samples. Arguments are checked by {@link
 * VarianceScaling}; here every element is a pure function of (stream key, index), which is what
 * lets a large fill be split across threads with the same bits as a sequential one.
 *
 * <p>Stream version 1. The mapping from (seed, key, index) to a value is part of the contract
 * (pinned by golden tests): a change to it must be deliberate and documented as a new version.
 */
final class Sampler {
  /** The smallest part a parallel fill is split into: big enough to amortize its task. */
  private static final int MIN_PART = 1 << 16;

  private Sampler() {}

  /** The largest magnitude a sample of {@code distribution} with variance {@code v} can have. */
  static double bound(Distribution distribution, double variance) {
    switch (distribution) {
      case UNIFORM:
        return uniformLimit(variance);
      case NORMAL:
        return Double.POSITIVE_INFINITY;
      case TRUNCATED_NORMAL:
        // Not Ziggurat.TRUNCATED.bound(): that would build the tables, and the processor asks
        // for the bound at compile time, where no value is ever drawn.
        return Distribution.TRUNCATION * truncatedStddev(variance);
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
    Law law = new Law(distribution, variance);
    long stream = CounterHash.streamKey(seed, key);
    run((o, c, f) -> law.fill(dst, o, c, f, stream), offset, count, first);
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
    Law law = new Law(distribution, variance);
    long stream = CounterHash.streamKey(seed, key);
    run((o, c, f) -> law.fill(dst, o, c, f, stream), offset, count, first);
  }

  /**
   * Fills {@code rows}, the {@code float[]} or {@code double[]} leaves of a nested tensor in
   * row-major order, each with the next slice of the flat tensor. The key is hashed once for all
   * rows, and a large tensor is split across the pool by whole rows, as {@link #run} splits a
   * flat one (see bench/RESULTS.md, "Nested arrays").
   */
  static void fillRows(
      Distribution distribution, double variance, Object[] rows, long seed, String key) {
    Law law = new Law(distribution, variance);
    long stream = CounterHash.streamKey(seed, key);
    // As a Slice: offset is the first row, count the number of rows, first the flat index of the
    // first row's first element.
    Slice rowRange = (from, count, first) -> {
      long next = first;
      for (int r = from; r < from + count; r++) {
        if (rows[r] instanceof float[]) {
          float[] row = (float[]) rows[r];
          law.fill(row, 0, row.length, next, stream);
          next += row.length;
        } else {
          double[] row = (double[]) rows[r];
          law.fill(row, 0, row.length, next, stream);
          next += row.length;
        }
      }
    };
    long elements = 0;
    for (Object row : rows) {
      elements += length(row);
    }
    int parts = parts(elements, rows.length);
    if (parts < 2) {
      rowRange.fill(0, rows.length, 0);
      return;
    }
    Part[] tasks = new Part[parts];
    int row = 0;
    long first = 0;
    for (int p = 0; p < parts; p++) {
      int end = (int) ((long) rows.length * (p + 1) / parts);
      tasks[p] = new Part(rowRange, row, end - row, first);
      for (; row < end; row++) {
        first += length(rows[row]);
      }
    }
    ForkJoinTask.invokeAll(tasks);
  }

  private static int length(Object row) {
    return row instanceof float[] ? ((float[]) row).length : ((double[]) row).length;
  }

  /** A law's sequential fills, its constants computed once per fill rather than once per row. */
  private static final class Law {
    private final boolean uniform;
    private final float floatStep;
    private final double doubleStep;
    private final Ziggurat ziggurat;
    private final double stddev;

    Law(Distribution distribution, double variance) {
      uniform = distribution == Distribution.UNIFORM;
      floatStep = uniform ? Uniform.floatStep(uniformLimit(variance)) : 0f;
      doubleStep = uniform ? Uniform.doubleStep(uniformLimit(variance)) : 0.0;
      // A uniform fill never loads Ziggurat, whose tables are built when the class is.
      ziggurat = uniform ? null
          : distribution == Distribution.NORMAL ? Ziggurat.NORMAL : Ziggurat.TRUNCATED;
      stddev = distribution == Distribution.NORMAL
          ? Math.sqrt(variance)
          : truncatedStddev(variance);
    }

    void fill(float[] dst, int offset, int count, long first, long stream) {
      if (uniform) {
        Uniform.fill(dst, offset, count, first, floatStep, stream);
      } else {
        ziggurat.fill(dst, offset, count, first, stddev, stream);
      }
    }

    void fill(double[] dst, int offset, int count, long first, long stream) {
      if (uniform) {
        Uniform.fill(dst, offset, count, first, doubleStep, stream);
      } else {
        ziggurat.fill(dst, offset, count, first, stddev, stream);
      }
    }
  }

  /** Fills {@code count} elements starting at array offset {@code offset} and tensor index
   * {@code first}. */
  @FunctionalInterface
  private interface Slice {
    void fill(int offset, int count, long first);
  }

  /**
   * Runs {@code kernel} over the slice, split in contiguous parts across the fork-join pool when
   * the slice is large and there is more than one processor: the common pool, or the pool the
   * caller runs in. Parts are independent, since no element depends on another, so the split
   * never changes a bit. A handful of tasks, rather than a parallel stream, keeps the allocation
   * per fill to a few hundred bytes.
   */
  private static void run(Slice kernel, int offset, int count, long first) {
    int parts = parts(count, count);
    if (parts < 2) {
      kernel.fill(offset, count, first);
      return;
    }
    Part[] tasks = new Part[parts];
    for (int p = 0; p < parts; p++) {
      int start = (int) ((long) count * p / parts);
      int end = (int) ((long) count * (p + 1) / parts);
      tasks[p] = new Part(kernel, offset + start, end - start, first + start);
    }
    ForkJoinTask.invokeAll(tasks);
  }

  /**
   * How many parts to split a fill of {@code elements} elements, made of {@code units} indivisible
   * units (elements or rows), into: 1, for running on the calling thread, below {@link
   * VarianceScaling#PARALLEL_THRESHOLD} or on one processor; else a few per processor, which
   * balances the load when a core is busy with other work, each at least {@code MIN_PART}
   * elements.
   */
  private static int parts(long elements, int units) {
    // The size test comes first: slices are often small (a sharded tensor's), and asking for the
    // processor count can read the container's limits.
    if (elements < VarianceScaling.PARALLEL_THRESHOLD) {
      return 1;
    }
    int processors = Runtime.getRuntime().availableProcessors();
    if (processors < 2) {
      return 1;
    }
    return (int) Math.min(units, Math.min(4L * processors, elements / MIN_PART));
  }

  /** One contiguous part of a parallel fill. */
  private static final class Part extends RecursiveAction {
    private static final long serialVersionUID = 1L;

    private final transient Slice kernel;
    private final int offset;
    private final int count;
    private final long first;

    Part(Slice kernel, int offset, int count, long first) {
      this.kernel = kernel;
      this.offset = offset;
      this.count = count;
      this.first = first;
    }

    @Override
    protected void compute() {
      kernel.fill(offset, count, first);
    }
  }
}
