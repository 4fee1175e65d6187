package io.github.varscale;

import java.util.Arrays;
import java.util.Objects;

/**
 * A tensor's description without its values: its path in the model, its key, shape, element type,
 * fans and initializer. It can fill any slice of the tensor's flat values, the same ones the
 * generated {@code initialize} writes, so that a tensor can be written out (to a checkpoint, say)
 * without ever being allocated whole.
 *
 * <p>The generated {@code <Model>Initializer.specs(model)} describes a model's tensors; {@link
 * #of} describes a tensor by hand, whose size may then exceed what a Java array holds. Immutable
 * and thread-safe.
 */
public final class TensorSpec {
  private final String path;
  private final String key;
  private final Class<?> elementType;
  private final int[] shape;
  private final long size;
  private final FanAxes axes;
  private final Fans fans;
  private final Initializer initializer;
  private final String initializerName;

  private TensorSpec(String path, String key, Class<?> elementType, int[] shape, long size,
      FanAxes axes, Fans fans, Initializer initializer, String initializerName) {
    this.path = path;
    this.key = key;
    this.elementType = elementType;
    this.shape = shape;
    this.size = size;
    this.axes = axes;
    this.fans = fans;
    this.initializer = initializer;
    this.initializerName = initializerName;
  }

  /**
   * A tensor of {@code shape} whose values {@code initializer} draws under {@code key}, named by
   * the initializer's kind ({@code VarianceScaling}, {@code RandomNormal}, ...).
   *
   * @param path where the tensor is in its model, as PyTorch's {@code state_dict} names it:
   *     {@code "blocks.3.attn.wq"}; not empty
   * @param key what its values are drawn for; see {@link Initializer#fill}
   * @param elementType {@code float.class} or {@code double.class}
   * @param shape the dimensions, each {@code > 0}
   * @param axes which dimensions are the fans
   * @param initializer how the values are drawn; its {@code toString()} up to the first {@code
   *     '['} is the initializer's name
   * @return the spec, holding a copy of {@code shape}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #of(String, String, Class, int[], FanAxes,
   *     Initializer, String)} refuses the arguments
   * @see #of(String, String, Class, int[], FanAxes, Initializer, String)
   */
  public static TensorSpec of(String path, String key, Class<?> elementType, int[] shape,
      FanAxes axes, Initializer initializer) {
    Objects.requireNonNull(initializer, "initializer");
    String description = initializer.toString();
    int bracket = description.indexOf('[');
    return of(path, key, elementType, shape, axes, initializer,
        bracket < 0 ? description : description.substring(0, bracket));
  }

  /**
   * A tensor of {@code shape} whose values {@code initializer} draws under {@code key}.
   *
   * @param path where the tensor is in its model, as PyTorch's {@code state_dict} names it:
   *     {@code "blocks.3.attn.wq"}; not empty
   * @param key what its values are drawn for; see {@link Initializer#fill}
   * @param elementType {@code float.class} or {@code double.class}
   * @param shape the dimensions, each {@code > 0}
   * @param axes which dimensions are the fans
   * @param initializer how the values are drawn; its {@link Initializer#maxMagnitude} for the
   *     shape's fans must fit the element type
   * @param initializerName how a summary names the initializer, e.g. the annotation {@code
   *     "HeNormal"}; not empty
   * @return the spec, holding a copy of {@code shape}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code path} or {@code initializerName} is empty, {@code
   *     elementType} is neither {@code float.class} nor {@code double.class}, {@code axes} refuses
   *     the shape, the tensor has more than {@code Long.MAX_VALUE / 8} elements, or its values
   *     would overflow the element type
   */
  public static TensorSpec of(String path, String key, Class<?> elementType, int[] shape,
      FanAxes axes, Initializer initializer, String initializerName) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(elementType, "elementType");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(axes, "axes");
    Objects.requireNonNull(initializer, "initializer");
    Objects.requireNonNull(initializerName, "initializerName");
    if (path.isEmpty()) {
      throw new IllegalArgumentException("path must not be empty");
    }
    if (initializerName.isEmpty()) {
      throw new IllegalArgumentException("initializerName must not be empty");
    }
    if (elementType != float.class && elementType != double.class) {
      throw new IllegalArgumentException(
          "elementType must be float.class or double.class, found " + elementType.getName());
    }
    int[] dimensions = shape.clone();
    Fans fans = axes.fans(dimensions);
    long size = Shapes.size(dimensions);
    if (size > Long.MAX_VALUE / Double.BYTES) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(dimensions) + " has " + size
              + " elements, more than Long.MAX_VALUE / 8 bytes can hold");
    }
    double bound = initializer.maxMagnitude(fans);
    if (!(bound <= (elementType == float.class ? Float.MAX_VALUE : Double.MAX_VALUE))) {
      throw new IllegalArgumentException(
          initializer + " with fans " + fans + " would write values up to " + bound
              + ", which overflow a " + elementType.getName());
    }
    return new TensorSpec(path, key, elementType, dimensions, size, axes, fans, initializer,
        initializerName);
  }

  /** {@return where the tensor is in its model: {@code "w1"}, {@code "blocks.3.attn.wq"}} */
  public String path() {
    return path;
  }

  /** {@return what its values are drawn for: {@code "p.Gpt#blocks.3.attn.wq"}} */
  public String key() {
    return key;
  }

  /** {@return the type of its elements, {@code float.class} or {@code double.class}} */
  public Class<?> elementType() {
    return elementType;
  }

  /** {@return the dimensions, a copy; none for a scalar} */
  public int[] shape() {
    return shape.clone();
  }

  /** {@return the number of dimensions, 0 for a scalar} */
  public int rank() {
    return shape.length;
  }

  /** {@return the number of elements, the product of the dimensions: 1 for a scalar} */
  public long size() {
    return size;
  }

  /** {@return the number of bytes of its values: {@code size()} times 4 or 8} */
  public long bytes() {
    return size * (elementType == float.class ? Float.BYTES : Double.BYTES);
  }

  /** {@return which dimensions are the fans} */
  public FanAxes axes() {
    return axes;
  }

  /** {@return the fans, which variance-scaled initializers divide by and the fixed ones ignore} */
  public Fans fans() {
    return fans;
  }

  /** {@return how the values are drawn} */
  public Initializer initializer() {
    return initializer;
  }

  /** {@return how a summary names the initializer: the annotation, e.g. {@code "HeNormal"}} */
  public String initializerName() {
    return initializerName;
  }

  /**
   * Writes elements {@code [firstIndex, firstIndex + count)} of the tensor's flat values for
   * {@code seed} to {@code dst[dstOffset ...]}.
   *
   * @param dst where the values go
   * @param dstOffset where in {@code dst} element {@code firstIndex} goes, in {@code [0,
   *     dst.length - count]}
   * @param count how many elements to write, {@code >= 0}
   * @param firstIndex the flat row-major index of the first element written, in {@code [0,
   *     size() - count]}
   * @param seed the model's seed, any {@code long}
   * @throws NullPointerException if {@code dst} is null
   * @throws IllegalArgumentException if the tensor holds doubles, or the slice is out of range of
   *     {@code dst} or of the tensor
   */
  public void fill(float[] dst, int dstOffset, int count, long firstIndex, long seed) {
    Objects.requireNonNull(dst, "dst");
    requireType(float.class);
    requireSlice(firstIndex, count);
    initializer.fill(dst, dstOffset, count, firstIndex, fans, seed, key);
  }

  /**
   * As {@link #fill(float[], int, int, long, long)}, for a tensor of doubles.
   *
   * @param dst where the values go
   * @param dstOffset where in {@code dst} element {@code firstIndex} goes, in {@code [0,
   *     dst.length - count]}
   * @param count how many elements to write, {@code >= 0}
   * @param firstIndex the flat row-major index of the first element written, in {@code [0,
   *     size() - count]}
   * @param seed the model's seed, any {@code long}
   * @throws NullPointerException if {@code dst} is null
   * @throws IllegalArgumentException if the tensor holds floats, or the slice is out of range
   */
  public void fill(double[] dst, int dstOffset, int count, long firstIndex, long seed) {
    Objects.requireNonNull(dst, "dst");
    requireType(double.class);
    requireSlice(firstIndex, count);
    initializer.fill(dst, dstOffset, count, firstIndex, fans, seed, key);
  }

  void requireType(Class<?> type) {
    if (type != elementType) {
      throw new IllegalArgumentException(
          "tensor " + path + " holds " + elementType.getName() + "s, not " + type.getName() + "s");
    }
  }

  void requireSlice(long firstIndex, int count) {
    if (firstIndex < 0 || count < 0 || firstIndex > size - count) {
      throw new IllegalArgumentException(
          "elements [" + firstIndex + ", " + firstIndex + " + " + count + ") are not all within "
              + "tensor " + path + " of " + size + " elements");
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TensorSpec)) {
      return false;
    }
    TensorSpec other = (TensorSpec) o;
    return path.equals(other.path)
        && key.equals(other.key)
        && elementType == other.elementType
        && Arrays.equals(shape, other.shape)
        && axes.equals(other.axes)
        && initializer.equals(other.initializer)
        && initializerName.equals(other.initializerName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, key, Arrays.hashCode(shape), initializer);
  }

  /** {@code w1 [784, 256] float HeNormal (key p.Mlp#w1)}. */
  @Override
  public String toString() {
    return path + " " + Arrays.toString(shape) + " " + elementType.getName() + " "
        + initializerName + " (key " + key + ")";
  }
}
