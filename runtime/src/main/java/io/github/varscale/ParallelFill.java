package io.github.varscale;

import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * Splits a large fill into contiguous parts across the fork-join pool: the common pool, or the
 * pool the caller runs in. Parts are independent, since no element depends on another, so the
 * split never changes a bit. A handful of tasks, rather than a parallel stream, keeps the
 * allocation per fill to a few hundred bytes.
 */
final class ParallelFill {
  /** Fills of at least this many elements are split across the fork-join pool. */
  static final int THRESHOLD = 1 << 20;

  /** The smallest part a parallel fill is split into: big enough to amortize its task. */
  private static final int MIN_PART = 1 << 16;

  private ParallelFill() {}

  /** Fills {@code count} elements from array offset {@code offset} and tensor index {@code first}. */
  @FunctionalInterface
  interface Slice {
    void fill(int offset, int count, long first);
  }

  /** Fills one row whose first element is element {@code first} of the flat tensor. */
  @FunctionalInterface
  interface Row {
    void fill(Object row, long first);
  }

  /** Runs {@code kernel} over the slice, split in parts when it is large. */
  static void run(Slice kernel, int offset, int count, long first) {
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
   * Runs {@code kernel} over {@code rows}, the leaves of a nested tensor in row-major order, each
   * {@code rowLength} long, split in parts of whole rows when the tensor is large.
   */
  static void runRows(Object[] rows, int rowLength, Row kernel) {
    // As a Slice: offset is the first row and count the number of rows; row r starts at flat
    // index r * rowLength.
    Slice rowRange = (from, count, first) -> {
      for (int r = from; r < from + count; r++) {
        kernel.fill(rows[r], (long) r * rowLength);
      }
    };
    int parts = parts((long) rows.length * rowLength, rows.length);
    if (parts < 2) {
      rowRange.fill(0, rows.length, 0);
      return;
    }
    Part[] tasks = new Part[parts];
    for (int p = 0; p < parts; p++) {
      int start = (int) ((long) rows.length * p / parts);
      int end = (int) ((long) rows.length * (p + 1) / parts);
      tasks[p] = new Part(rowRange, start, end - start, (long) start * rowLength);
    }
    ForkJoinTask.invokeAll(tasks);
  }

  /**
   * How many parts to split a fill of {@code elements} elements, made of {@code units} indivisible
   * units (elements or rows), into: 1, for running on the calling thread, below {@link #THRESHOLD}
   * or on one processor; else a few per processor, which balances the load when a core is busy
   * with other work, each at least {@code MIN_PART} elements.
   */
  static int parts(long elements, int units) {
    // The size test comes first: slices are often small (a sharded tensor's), and asking for the
    // processor count can read the container's limits.
    if (elements < THRESHOLD) {
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
