package io.github.varscale;

import java.util.Arrays;

/** Arithmetic on shapes that several public types share. */
final class Shapes {
  private Shapes() {}

  /**
   * The element count of {@code shape}, whose dimensions are each {@code > 0}.
   *
   * @throws IllegalArgumentException if it overflows a {@code long}
   */
  static long size(int[] shape) {
    long size = 1;
    for (int dimension : shape) {
      try {
        size = Math.multiplyExact(size, dimension);
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(
            "shape " + Arrays.toString(shape) + " has more than Long.MAX_VALUE elements", e);
      }
    }
    return size;
  }

  /**
   * Throws unless an array of {@code length} holds a tensor of {@code shape}.
   *
   * @throws IllegalArgumentException naming {@code dst}, its length and the shape
   */
  static void requireLength(int length, int[] shape) {
    long size = size(shape);
    if (length != size) {
      throw new IllegalArgumentException(
          "dst.length must be " + size + ", the element count of shape " + Arrays.toString(shape)
              + ", found " + length);
    }
  }
}
