package io.github.varscale;

import java.util.Objects;

/**
 * The fan-in and fan-out of a weight tensor: how many inputs feed one output unit, and how many
 * outputs one input unit feeds, each multiplied by the receptive field. See {@link Layout} for how
 * they follow from a shape.
 *
 * @param fanIn the fan-in, at least 1
 * @param fanOut the fan-out, at least 1
 */
public record Fans(long fanIn, long fanOut) {

  /**
   * @throws IllegalArgumentException if a fan is below 1
   */
  public Fans {
    if (fanIn < 1) {
      throw new IllegalArgumentException("fanIn must be >= 1, found " + fanIn);
    }
    if (fanOut < 1) {
      throw new IllegalArgumentException("fanOut must be >= 1, found " + fanOut);
    }
  }

  /**
   * The fans of a tensor of the given shape.
   *
   * @param layout which dimensions are the input and output channels
   * @param shape the dimensions, each {@code > 0}; none for a scalar
   * @throws NullPointerException if {@code layout} or {@code shape} is null
   * @throws IllegalArgumentException if a dimension is {@code <= 0}, or a fan overflows a {@code
   *     long}
   */
  public static Fans of(Layout layout, int... shape) {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(shape, "shape");
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] <= 0) {
        throw new IllegalArgumentException(
            "shape[" + i + "] must be > 0, found " + shape[i] + " in shape " + describe(shape));
      }
    }
    int rank = shape.length;
    if (rank == 0) {
      return new Fans(1, 1);
    }
    if (rank == 1) {
      return new Fans(shape[0], shape[0]);
    }
    // The receptive field is every dimension but the two channel ones.
    int inAxis = layout == Layout.IN_OUT ? rank - 2 : 1;
    int outAxis = layout == Layout.IN_OUT ? rank - 1 : 0;
    long receptiveField = 1;
    for (int i = 0; i < rank; i++) {
      if (i != inAxis && i != outAxis) {
        receptiveField = multiply(receptiveField, shape[i], shape);
      }
    }
    return new Fans(
        multiply(receptiveField, shape[inAxis], shape),
        multiply(receptiveField, shape[outAxis], shape));
  }

  private static long multiply(long a, int b, int[] shape) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "shape " + describe(shape) + " has fans that overflow a long", e);
    }
  }

  static String describe(int[] shape) {
    return java.util.Arrays.toString(shape);
  }
}
