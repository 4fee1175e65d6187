package io.github.varscale.bench;

import java.util.stream.IntStream;

/**
 * Splits a fill into one contiguous part per processor on the common fork-join pool, the pool
 * varscale's own parallel fill uses, so the alternatives' all-threads figures are comparable.
 */
final class AllThreads {

  static final int PARTS = Runtime.getRuntime().availableProcessors();

  /** Fills elements {@code [from, to)} as part {@code part} of {@link #PARTS}. */
  @FunctionalInterface
  interface Part {
    void fill(int part, int from, int to);
  }

  private AllThreads() {}

  static void fill(int size, Part part) {
    IntStream.range(0, PARTS)
        .parallel()
        .forEach(p -> part.fill(p, start(size, p), start(size, p + 1)));
  }

  private static int start(int size, int part) {
    return (int) ((long) size * part / PARTS);
  }
}
