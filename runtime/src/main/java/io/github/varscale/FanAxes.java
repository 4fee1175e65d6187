package io.github.varscale;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Which axes of a weight tensor are its fans: a {@link Layout}, optionally with batch axes, or
 * explicit input and output axes as JAX's {@code in_axis}, {@code out_axis}, {@code batch_axis}
 * and Keras 3.15's {@code input_axes}, {@code output_axes}. Immutable; the axes are checked
 * against a shape's rank by {@link #fans}.
 *
 * <p>With explicit axes, the receptive field {@code rf} is the product of the dimensions in none of
 * the three groups, {@code fan_in = (product of the input dimensions) * rf} and {@code fan_out =
 * (product of the output dimensions) * rf}. With a layout, batch axes are dropped from the
 * layout's receptive field. Negative axes count from the end. Examples:
 *
 * <pre>{@code
 * FanAxes.explicit(new int[] {0}, new int[] {1, 2})  // attention query [dModel, heads, headDim]
 * FanAxes.of(Layout.IN_OUT, 0)                       // stacked experts [experts, in, out]
 * }</pre>
 */
public final class FanAxes {
  private static final int[] NONE = {};

  /** The layout, or null for explicit axes. */
  private final Layout layout;

  private final int[] inAxes;
  private final int[] outAxes;
  private final int[] batchAxes;

  private FanAxes(Layout layout, int[] inAxes, int[] outAxes, int[] batchAxes) {
    this.layout = layout;
    this.inAxes = inAxes;
    this.outAxes = outAxes;
    this.batchAxes = batchAxes;
  }

  /**
   * The fans of {@code layout}, with {@code batchAxes} counted in neither.
   *
   * @param layout which dimensions are the input and output channels
   * @param batchAxes the axes dropped from the layout's receptive field, negative ones counting
   *     from the end; none for the plain layout. {@link #fans} checks them against a shape.
   * @return the axes, holding a copy of {@code batchAxes}
   * @throws NullPointerException if {@code layout} or {@code batchAxes} is null
   */
  public static FanAxes of(Layout layout, int... batchAxes) {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(batchAxes, "batchAxes");
    return new FanAxes(layout, NONE, NONE, batchAxes.clone());
  }

  /**
   * Explicit input, output and batch axes.
   *
   * @param inAxes the axes whose dimensions multiply the fan-in, at least one; negative ones count
   *     from the end, as in the other two arrays
   * @param outAxes the axes whose dimensions multiply the fan-out, at least one
   * @param batchAxes the axes in neither fan nor the receptive field; possibly none
   * @return the axes, holding copies of the arrays; {@link #fans} checks them against a shape
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code inAxes} or {@code outAxes} is empty
   */
  public static FanAxes explicit(int[] inAxes, int[] outAxes, int... batchAxes) {
    Objects.requireNonNull(inAxes, "inAxes");
    Objects.requireNonNull(outAxes, "outAxes");
    Objects.requireNonNull(batchAxes, "batchAxes");
    if (inAxes.length == 0) {
      throw new IllegalArgumentException("inAxes must name at least one axis, found []");
    }
    if (outAxes.length == 0) {
      throw new IllegalArgumentException("outAxes must name at least one axis, found []");
    }
    return new FanAxes(null, inAxes.clone(), outAxes.clone(), batchAxes.clone());
  }

  /** {@return the layout, empty for explicit axes} */
  public Optional<Layout> layout() {
    return Optional.ofNullable(layout);
  }

  /** {@return the explicit input axes as given, a copy; empty with a layout} */
  public int[] inAxes() {
    return inAxes.clone();
  }

  /** {@return the explicit output axes as given, a copy; empty with a layout} */
  public int[] outAxes() {
    return outAxes.clone();
  }

  /** {@return the batch axes as given, a copy; empty if there are none} */
  public int[] batchAxes() {
    return batchAxes.clone();
  }

  /**
   * The fans of a tensor of {@code shape}.
   *
   * @param shape the dimensions, each {@code > 0}; none for a scalar
   * @return the fan-in and fan-out, each at least 1; with a layout, both 1 for a scalar and both
   *     {@code d0} for a shape {@code [d0]}
   * @throws NullPointerException if {@code shape} is null
   * @throws IllegalArgumentException if a dimension is {@code <= 0}; if an axis is out of range
   *     for the shape's rank, repeated, or in two groups (a batch axis that is one of the layout's
   *     channels included); or if a fan overflows a {@code long}
   */
  public Fans fans(int... shape) {
    Objects.requireNonNull(shape, "shape");
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] <= 0) {
        throw new IllegalArgumentException(
            "shape[" + i + "] must be > 0, found " + shape[i] + " in shape "
                + Arrays.toString(shape));
      }
    }
    int rank = shape.length;
    // Which group each axis is in: 0 none (receptive field), 1 in, 2 out, 3 batch.
    int[] group = new int[rank];
    mark(group, batchAxes, 3, "batchAxes", shape);
    if (layout == null) {
      mark(group, inAxes, 1, "inAxes", shape);
      mark(group, outAxes, 2, "outAxes", shape);
    } else if (rank == 1) {
      requireNotBatch(0, ", the only axis of shape " + Arrays.toString(shape)
          + ", whose fans are both d0", rank);
      return new Fans(shape[0], shape[0]);
    } else if (rank >= 2) {
      int in = layout == Layout.IN_OUT ? rank - 2 : 1;
      int out = layout == Layout.IN_OUT ? rank - 1 : 0;
      for (int channel : new int[] {in, out}) {
        requireNotBatch(channel, ", a channel of " + layout + " for shape "
            + Arrays.toString(shape), rank);
      }
      group[in] = 1;
      group[out] = 2;
    }
    long receptiveField = 1;
    long in = 1;
    long out = 1;
    for (int i = 0; i < rank; i++) {
      switch (group[i]) {
        case 0:
          receptiveField = multiply(receptiveField, shape[i], shape);
          break;
        case 1:
          in = multiply(in, shape[i], shape);
          break;
        case 2:
          out = multiply(out, shape[i], shape);
          break;
        default:
          break;
      }
    }
    // A scalar has every product empty: fans (1, 1), with a layout or without.
    return new Fans(multiply(in, receptiveField, shape), multiply(out, receptiveField, shape));
  }

  /** Puts {@code axes} in {@code group}, refusing what is out of range or already placed. */
  private static void mark(int[] groups, int[] axes, int group, String name, int[] shape) {
    int rank = groups.length;
    for (int i = 0; i < axes.length; i++) {
      int axis = axes[i];
      if (axis < -rank || axis >= rank) {
        throw new IllegalArgumentException(
            name + "[" + i + "] = " + axis + " is out of range for shape " + Arrays.toString(shape)
                + " of rank " + rank + (rank == 0 ? ", which has no axes" : ": axes are in ["
                + -rank + ", " + (rank - 1) + "]"));
      }
      int resolved = axis < 0 ? axis + rank : axis;
      if (groups[resolved] != 0) {
        throw new IllegalArgumentException(
            name + "[" + i + "] = " + axis + " names axis " + resolved + " of shape "
                + Arrays.toString(shape) + ", which is already "
                + (groups[resolved] == group ? "in " + name : "in " + groupName(groups[resolved]))
                + "; each axis may be in one group, once");
      }
      groups[resolved] = group;
    }
  }

  /**
   * Refuses a batch axis that resolves to {@code axis}, one the layout needs, naming the batch
   * axis as given; {@code why} says what the axis is.
   */
  private void requireNotBatch(int axis, String why, int rank) {
    for (int i = 0; i < batchAxes.length; i++) {
      if (batchAxes[i] == axis || batchAxes[i] == axis - rank) {
        throw new IllegalArgumentException("batchAxes[" + i + "] = " + batchAxes[i]
            + " names axis " + axis + why + "; a batch axis must be another");
      }
    }
  }

  private static String groupName(int group) {
    return group == 1 ? "inAxes" : group == 2 ? "outAxes" : "batchAxes";
  }

  private static long multiply(long a, long b, int[] shape) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " has fans that overflow a long", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FanAxes
        && ((FanAxes) o).layout == layout
        && Arrays.equals(((FanAxes) o).inAxes, inAxes)
        && Arrays.equals(((FanAxes) o).outAxes, outAxes)
        && Arrays.equals(((FanAxes) o).batchAxes, batchAxes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(layout, Arrays.hashCode(inAxes), Arrays.hashCode(outAxes),
        Arrays.hashCode(batchAxes));
  }

  /** {@code "IN_OUT"}, {@code "IN_OUT, batchAxes [0]"}, {@code "inAxes [0], outAxes [1, 2]"}. */
  @Override
  public String toString() {
    String axes = layout != null
        ? layout.toString()
        : "inAxes " + Arrays.toString(inAxes) + ", outAxes " + Arrays.toString(outAxes);
    return batchAxes.length == 0 ? axes : axes + ", batchAxes " + Arrays.toString(batchAxes);
  }
}
