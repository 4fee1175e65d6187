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
   * Fans of the given sizes; {@link #of(Layout, int...)} computes them from a shape.
   *
   * @param fanIn how many inputs feed one output unit, times the receptive field; at least 1
   * @param fanOut how many outputs one input unit feeds, times the receptive field; at least 1
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
   * @return the fans, each at least 1: both 1 for a scalar, both {@code d0} for a shape {@code
   *     [d0]}
   * @throws NullPointerException if {@code layout} or {@code shape} is null
   * @throws IllegalArgumentException if a dimension is {@code <= 0}, or a fan overflows a {@code
   *     long}
   */
  public static Fans of(Layout layout, int... shape) {
    return FanAxes.of(layout).fans(shape);
  }

  /**
   * The fans of a tensor of the given shape, with explicit axes or a layout with batch axes.
   *
   * @param axes which dimensions are the fans; see {@link FanAxes}
   * @param shape the dimensions, each {@code > 0}; none for a scalar
   * @return the fans, each at least 1, as {@code axes.fans(shape)} computes them
   * @throws NullPointerException if {@code axes} or {@code shape} is null
   * @throws IllegalArgumentException as {@link FanAxes#fans} does
   */
  public static Fans of(FanAxes axes, int... shape) {
    return Objects.requireNonNull(axes, "axes").fans(shape);
  }
}
