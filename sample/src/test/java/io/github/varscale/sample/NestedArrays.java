package io.github.varscale.sample;

import java.util.Objects;

/** The values of a flat or nested {@code float}/{@code double} array, for the tests' checks. */
final class NestedArrays {
  private NestedArrays() {}

  /** The values of {@code array} in row-major order, widened to {@code double}. */
  static double[] flatten(Object array) {
    Objects.requireNonNull(array, "array");
    double[] out = new double[count(array)];
    int end = copy(array, out, 0);
    assert end == out.length;
    return out;
  }

  private static int count(Object array) {
    if (array instanceof float[] f) {
      return f.length;
    }
    if (array instanceof double[] d) {
      return d.length;
    }
    if (array instanceof Object[] nested) {
      int n = 0;
      for (Object sub : nested) {
        n = Math.addExact(n, count(Objects.requireNonNull(sub, "sub-array")));
      }
      return n;
    }
    throw new IllegalArgumentException(
        "array must be a float or double array, found " + array.getClass().getTypeName());
  }

  private static int copy(Object array, double[] out, int at) {
    if (array instanceof float[] f) {
      for (float v : f) {
        out[at++] = v;
      }
      return at;
    }
    if (array instanceof double[] d) {
      System.arraycopy(d, 0, out, at, d.length);
      return at + d.length;
    }
    for (Object sub : (Object[]) array) {
      at = copy(sub, out, at);
    }
    return at;
  }
}
