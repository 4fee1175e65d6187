package io.github.varscale.processor;

import java.util.Arrays;

/** Nested {@code float} and {@code double} arrays as the flat row-major tensors they hold. */
final class Flat {
  private Flat() {}

  static float[] floats(Object array) {
    if (array instanceof float[]) {
      return (float[]) array;
    }
    return Arrays.stream((Object[]) array)
        .map(Flat::floats)
        .reduce(new float[0], Flat::concat);
  }

  static double[] doubles(Object array) {
    if (array instanceof double[]) {
      return (double[]) array;
    }
    return Arrays.stream((Object[]) array).map(Flat::doubles)
        .flatMapToDouble(Arrays::stream).toArray();
  }

  private static float[] concat(float[] a, float[] b) {
    float[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
