package io.github.varscale;

import java.util.Objects;

/**
 * How a tensor's values are drawn, for shapes known only at run time and for filling one slice of
 * a huge (sharded) tensor: {@link VarianceScaling} and the fixed {@link FixedInitializer}s. They
 * write the same values as the generated {@code <Model>Initializer}s for the same seed, key,
 * settings and shape.
 *
 * <pre>{@code
 * Initializer he = VarianceScaling.of(2.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL);
 * float[] w = new float[784 * 256];
 * he.fill(w, Layout.IN_OUT, new int[] {784, 256}, 42L, "mlp.dense1");
 * }</pre>
 *
 * <p>Element {@code i} of a tensor is a pure function of the seed, the key, the settings, the fans,
 * {@code i} and the element type: the same bits on every JVM (17 and newer), platform and thread
 * count, and whichever slices the tensor is filled in. Large fills run in parallel on the common
 * fork-join pool. Every method checks its arguments before writing anything: a null throws {@link
 * NullPointerException} naming the parameter, a bad value {@link IllegalArgumentException} naming
 * the argument and the value. Implementations are immutable and thread-safe.
 */
public sealed interface Initializer permits VarianceScaling, FixedInitializer {

  /**
   * Writes elements {@code [firstIndex, firstIndex + count)} of the tensor to {@code
   * dst[dstOffset ...]}: {@code dst[dstOffset + j]} = element {@code firstIndex + j}. Slices filled
   * separately, in any order and on any machine, equal the whole tensor filled at once.
   *
   * @param dst where the values go; only {@code dst[dstOffset, dstOffset + count)} is written
   * @param dstOffset where in {@code dst} element {@code firstIndex} goes, in {@code [0,
   *     dst.length]}
   * @param count how many elements to write, in {@code [0, dst.length - dstOffset]}
   * @param firstIndex the flat row-major index in the whole tensor of the first element written,
   *     in {@code [0, Long.MAX_VALUE - count]}
   * @param fans the whole tensor's fans, see {@link Fans#of}; the fixed initializers ignore them
   * @param seed the model's seed, any {@code long}
   * @param key names the tensor: tensors with other keys get independent values. The generated
   *     initializers use {@code "<canonical class name>#<path>"}.
   * @throws NullPointerException if {@code dst}, {@code fans} or {@code key} is null
   * @throws IllegalArgumentException if {@code dstOffset}, {@code count} or {@code firstIndex} is
   *     negative, the slice runs past {@code dst} or past element {@code Long.MAX_VALUE}, or the
   *     values would overflow a {@code float}
   */
  void fill(float[] dst, int dstOffset, int count, long firstIndex, Fans fans, long seed,
      String key);

  /**
   * As {@link #fill(float[], int, int, long, Fans, long, String)}, for a {@code double} tensor.
   *
   * @param dst where the values go; only {@code dst[dstOffset, dstOffset + count)} is written
   * @param dstOffset where in {@code dst} element {@code firstIndex} goes, in {@code [0,
   *     dst.length]}
   * @param count how many elements to write, in {@code [0, dst.length - dstOffset]}
   * @param firstIndex the flat row-major index in the whole tensor of the first element written,
   *     in {@code [0, Long.MAX_VALUE - count]}
   * @param fans the whole tensor's fans, see {@link Fans#of}; the fixed initializers ignore them
   * @param seed the model's seed, any {@code long}
   * @param key names the tensor, as for the {@code float} overload
   * @throws NullPointerException if {@code dst}, {@code fans} or {@code key} is null
   * @throws IllegalArgumentException if {@code dstOffset}, {@code count} or {@code firstIndex} is
   *     negative, the slice runs past {@code dst} or past element {@code Long.MAX_VALUE}, or the
   *     values would overflow a {@code double}
   */
  void fill(double[] dst, int dstOffset, int count, long firstIndex, Fans fans, long seed,
      String key);

  /**
   * Fills {@code dst}, the whole tensor of {@code shape} in row-major order, in place.
   *
   * @param dst the tensor's values, as many as the shape's element count; every one is written
   * @param layout which dimensions of {@code shape} are the input and output channels
   * @param shape the tensor's dimensions, each {@code > 0}; none for a scalar
   * @param seed the model's seed, any {@code long}
   * @param key names the tensor, as in {@link #fill(float[], int, int, long, Fans, long, String)}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code dst.length} is not the shape's element count, as
   *     {@link Fans#of(Layout, int...)} refuses the shape, or if the values would overflow a
   *     {@code float}
   */
  default void fill(float[] dst, Layout layout, int[] shape, long seed, String key) {
    fill(dst, FanAxes.of(Objects.requireNonNull(layout, "layout")), shape, seed, key);
  }

  /**
   * As {@link #fill(float[], Layout, int[], long, String)}, for a {@code double} tensor.
   *
   * @param dst the tensor's values, as many as the shape's element count; every one is written
   * @param layout which dimensions of {@code shape} are the input and output channels
   * @param shape the tensor's dimensions, each {@code > 0}; none for a scalar
   * @param seed the model's seed, any {@code long}
   * @param key names the tensor, as in {@link #fill(float[], int, int, long, Fans, long, String)}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code dst.length} is not the shape's element count, as
   *     {@link Fans#of(Layout, int...)} refuses the shape, or if the values would overflow a
   *     {@code double}
   */
  default void fill(double[] dst, Layout layout, int[] shape, long seed, String key) {
    fill(dst, FanAxes.of(Objects.requireNonNull(layout, "layout")), shape, seed, key);
  }

  /**
   * Fills {@code dst}, the whole tensor of {@code shape} in row-major order, in place, its fans
   * given by {@code axes}.
   *
   * @param dst the tensor's values, as many as the shape's element count; every one is written
   * @param axes which dimensions of {@code shape} are the fans, checked against its rank
   * @param shape the tensor's dimensions, each {@code > 0}; none for a scalar
   * @param seed the model's seed, any {@code long}
   * @param key names the tensor, as in {@link #fill(float[], int, int, long, Fans, long, String)}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code dst.length} is not the shape's element count, as
   *     {@link FanAxes#fans} refuses the shape, or if the values would overflow a {@code float}
   */
  default void fill(float[] dst, FanAxes axes, int[] shape, long seed, String key) {
    Objects.requireNonNull(dst, "dst");
    Fans fans = Objects.requireNonNull(axes, "axes").fans(shape);
    Shapes.requireLength(dst.length, shape);
    fill(dst, 0, dst.length, 0, fans, seed, key);
  }

  /**
   * As {@link #fill(float[], FanAxes, int[], long, String)}, for a {@code double} tensor.
   *
   * @param dst the tensor's values, as many as the shape's element count; every one is written
   * @param axes which dimensions of {@code shape} are the fans, checked against its rank
   * @param shape the tensor's dimensions, each {@code > 0}; none for a scalar
   * @param seed the model's seed, any {@code long}
   * @param key names the tensor, as in {@link #fill(float[], int, int, long, Fans, long, String)}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code dst.length} is not the shape's element count, as
   *     {@link FanAxes#fans} refuses the shape, or if the values would overflow a {@code double}
   */
  default void fill(double[] dst, FanAxes axes, int[] shape, long seed, String key) {
    Objects.requireNonNull(dst, "dst");
    Fans fans = Objects.requireNonNull(axes, "axes").fans(shape);
    Shapes.requireLength(dst.length, shape);
    fill(dst, 0, dst.length, 0, fans, seed, key);
  }

  /**
   * Fills {@code dst} as the whole tensor, whatever its shape: {@code dst.length} elements with
   * the given fans. Prefer the overloads that take the shape, which refuse a {@code dst} of the
   * wrong length.
   *
   * @param dst the tensor's values, every one written
   * @param fans the tensor's fans, see {@link Fans#of}; the fixed initializers ignore them
   * @param seed the model's seed, any {@code long}
   * @param key names the tensor, as in {@link #fill(float[], int, int, long, Fans, long, String)}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the values would overflow a {@code float}
   */
  default void fill(float[] dst, Fans fans, long seed, String key) {
    fill(Objects.requireNonNull(dst, "dst"), 0, dst.length, 0, fans, seed, key);
  }

  /**
   * As {@link #fill(float[], Fans, long, String)}, for a {@code double} tensor.
   *
   * @param dst the tensor's values, every one written
   * @param fans the tensor's fans, see {@link Fans#of}; the fixed initializers ignore them
   * @param seed the model's seed, any {@code long}
   * @param key names the tensor, as in {@link #fill(float[], int, int, long, Fans, long, String)}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the values would overflow a {@code double}
   */
  default void fill(double[] dst, Fans fans, long seed, String key) {
    fill(Objects.requireNonNull(dst, "dst"), 0, dst.length, 0, fans, seed, key);
  }

  /**
   * The variance of the values for a tensor of {@code fans}: {@code scale / max(1, n)} for {@link
   * VarianceScaling}; {@code stddev^2} for a normal, {@code (0.87962566103423978 stddev)^2} for
   * one cut at two standard deviations, {@code (maxval - minval)^2 / 12} for a uniform, 0 for a
   * constant.
   *
   * @param fans the tensor's fans; the fixed initializers ignore them
   * @return the variance of one value, {@code >= 0}; infinite if it exceeds {@code
   *     Double.MAX_VALUE}
   * @throws NullPointerException if {@code fans} is null
   */
  double variance(Fans fans);

  /**
   * An upper bound of the magnitude of any value this initializer writes for a tensor of {@code
   * fans}: the limit of a uniform law, {@code |mean| + 2 stddev} of a truncated normal, a bound of
   * the normal ziggurat's largest sample for an untruncated one, {@code |value|} for a constant.
   *
   * @param fans the tensor's fans; the fixed initializers ignore them
   * @return the bound, {@code >= 0} and computed in {@code double}: above {@code Float.MAX_VALUE}
   *     (or {@code Double.MAX_VALUE}), the values would overflow a {@code float} (or {@code
   *     double}) tensor, which the fills then refuse
   * @throws NullPointerException if {@code fans} is null
   */
  double maxMagnitude(Fans fans);
}
