package io.github.varscale;

import java.util.Arrays;

/** Shapes and axes written as text in the tests' tables: {@code "640 8 64"}. */
final class Dims {
  private Dims() {}

  /** The integers of {@code "640 8 64"}, separated by spaces; none for a blank text. */
  static int[] parse(String spaced) {
    return spaced == null || spaced.isBlank()
        ? new int[0]
        : Arrays.stream(spaced.trim().split(" +")).mapToInt(Integer::parseInt).toArray();
  }
}
