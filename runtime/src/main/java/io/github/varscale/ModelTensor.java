package io.github.varscale;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One tensor of a model instance: its {@link TensorSpec} and the array that holds its values, a
 * {@code float[]} or {@code double[]} holding it flat in row-major order or a nested array of the
 * shape's rank. The generated {@code <Model>Initializer.tensors(model)} lists a model's tensors;
 * the array is the one the field held then.
 *
 * <p>The flat accessors {@link #get} and {@link #set} read and write any slice of the values by
 * flat index, whichever form the array has, converting between {@code float} and {@code double}
 * as a Java cast does. A {@code ModelTensor} is as thread-safe as its array.
 */
public final class ModelTensor {
  private final TensorSpec spec;
  private final Object array;
  /** The leaf arrays in row-major order: the array itself if it is flat. */
  private final Object[] leaves;
  /** The length of every leaf. */
  private final int leafLength;

  private ModelTensor(TensorSpec spec, Object array, Object[] leaves, int leafLength) {
    this.spec = spec;
    this.array = array;
    this.leaves = leaves;
    this.leafLength = leafLength;
  }

  /**
   * The tensor {@code spec} describes, held by {@code array}.
   *
   * @param spec the tensor's description: its path, key, shape, element type and initializer
   * @param array a {@code float[]} or {@code double[]} of the spec's element type and size, or a
   *     nested array of the spec's rank and dimensions with no null, shared or ragged sub-array
   * @return the tensor, which reads and writes {@code array} itself, not a copy
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code array} does not hold a tensor of {@code spec}; the
   *     message names the tensor, its shape and what was found instead
   */
  public static ModelTensor of(TensorSpec spec, Object array) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(array, "array");
    String wrong = mismatch(spec, array);
    if (wrong != null) {
      throw new IllegalArgumentException(
          spec.path() + " (key " + spec.key() + ") must hold a " + spec.elementType().getName()
              + " tensor of shape " + Arrays.toString(spec.shape()) + ", found " + wrong);
    }
    if (isLeaf(array)) {
      return new ModelTensor(spec, array, new Object[] {array}, length(array));
    }
    List<Object> leaves = new ArrayList<>();
    collectLeaves((Object[]) array, leaves);
    int leafLength = spec.shape()[spec.rank() - 1];
    return new ModelTensor(spec, array, leaves.toArray(), leafLength);
  }

  /**
   * What is wrong with {@code array} as a tensor of {@code spec}, as the text that follows "found"
   * ({@code "w[7][2] = null"}), or null if nothing is. Built only on failure.
   */
  static String mismatch(TensorSpec spec, Object array) {
    String name = spec.path();
    Class<?> leafType = spec.elementType() == float.class ? float[].class : double[].class;
    if (isLeaf(array)) {
      if (array.getClass() != leafType) {
        return "a " + array.getClass().getSimpleName();
      }
      return length(array) == spec.size() ? null : name + ".length = " + length(array);
    }
    if (!(array instanceof Object[])) {
      return "a " + array.getClass().getSimpleName();
    }
    int[] shape = spec.shape();
    String wrong = mismatch(array, leafType, shape, 0, new int[shape.length], name);
    if (wrong != null) {
      return wrong;
    }
    return repeats((Object[]) array) ? aliased((Object[]) array, name) : null;
  }

  /** The shape's mismatch of the sub-array at {@code path[0..depth)}, or null. */
  private static String mismatch(
      Object array, Class<?> leafType, int[] shape, int depth, int[] path, String name) {
    if (array == null) {
      return name + indices(path, depth) + " = null";
    }
    boolean leafExpected = depth == shape.length - 1;
    boolean fits = leafExpected ? array.getClass() == leafType : array instanceof Object[]
        && !isLeaf(array);
    if (depth >= shape.length || !fits) {
      return (depth == 0 ? "" : name + indices(path, depth) + " = ") + "a "
          + array.getClass().getSimpleName() + " (a " + leafType.getComponentType().getName()
          + " array of rank " + (shape.length - depth) + " expected)";
    }
    int length = length(array);
    if (length != shape[depth]) {
      return name + indices(path, depth) + ".length = " + length;
    }
    if (!leafExpected) {
      Object[] rows = (Object[]) array;
      for (int i = 0; i < rows.length; i++) {
        path[depth] = i;
        String found = mismatch(rows[i], leafType, shape, depth + 1, path, name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /**
   * Whether a sub-array of {@code array}, at any depth, is there twice: {@link #aliased}'s test
   * without its text, which costs a string per row.
   */
  private static boolean repeats(Object[] array) {
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Object[]> pending = new ArrayDeque<>();
    pending.push(array);
    while (!pending.isEmpty()) {
      for (Object row : pending.pop()) {
        if (!seen.add(row)) {
          return true;
        }
        if (row instanceof Object[]) {
          pending.push((Object[]) row);
        }
      }
    }
    return false;
  }

  /**
   * The first two sub-arrays of {@code array} that are the same array, as {@code "w[0] and w[3]
   * the same array"}, or null: filling one would overwrite the other's values.
   */
  private static String aliased(Object[] array, String name) {
    Map<Object, String> seen = new IdentityHashMap<>();
    List<Object[]> level = List.<Object[]>of(array);
    List<String> paths = List.of(name);
    while (!level.isEmpty()) {
      List<Object[]> next = new ArrayList<>();
      List<String> nextPaths = new ArrayList<>();
      for (int r = 0; r < level.size(); r++) {
        Object[] rows = level.get(r);
        for (int i = 0; i < rows.length; i++) {
          String path = paths.get(r) + "[" + i + "]";
          String earlier = seen.putIfAbsent(rows[i], path);
          if (earlier != null) {
            return earlier + " and " + path + " the same array; give every row its own";
          }
          if (rows[i] instanceof Object[]) {
            next.add((Object[]) rows[i]);
            nextPaths.add(path);
          }
        }
      }
      level = next;
      paths = nextPaths;
    }
    return null;
  }

  private static String indices(int[] path, int depth) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      text.append('[').append(path[i]).append(']');
    }
    return text.toString();
  }

  private static void collectLeaves(Object[] rows, List<Object> leaves) {
    for (Object row : rows) {
      if (isLeaf(row)) {
        leaves.add(row);
      } else {
        collectLeaves((Object[]) row, leaves);
      }
    }
  }

  private static boolean isLeaf(Object array) {
    return array instanceof float[] || array instanceof double[];
  }

  private static int length(Object array) {
    if (array instanceof float[]) {
      return ((float[]) array).length;
    }
    return array instanceof double[] ? ((double[]) array).length : ((Object[]) array).length;
  }

  /** {@return the description: path, key, shape, element type, fans and initializer} */
  public TensorSpec spec() {
    return spec;
  }

  /** {@return where the tensor is in its model: {@code "blocks.3.attn.wq"}} */
  public String path() {
    return spec.path();
  }

  /** {@return what its values are drawn for: {@code "p.Gpt#blocks.3.attn.wq"}} */
  public String key() {
    return spec.key();
  }

  /** {@return the dimensions, a copy} */
  public int[] shape() {
    return spec.shape();
  }

  /**
   * {@return the array holding the values, for reading and writing: a {@code float[]} or {@code
   * double[]}, flat or nested as the field is declared} It is the array itself, not a copy.
   */
  public Object array() {
    return array;
  }

  /**
   * Writes the values of this tensor for {@code seed}, those {@code initialize(model, seed)}
   * writes, into its array: for re-initializing one tensor of a model.
   *
   * @param seed the model's seed, any {@code long}, as given to {@code initialize(model, seed)}
   */
  public void initialize(long seed) {
    boolean isFloat = spec.elementType() == float.class;
    Law law = spec.initializer() instanceof VarianceScaling
        ? ((VarianceScaling) spec.initializer()).law(spec.fans(), isFloat)
        : ((FixedInitializer) spec.initializer()).law(isFloat);
    if (leaves.length == 1) {
      if (isFloat) {
        float[] flat = (float[]) leaves[0];
        law.fill(flat, 0, flat.length, 0, seed, spec.key());
      } else {
        double[] flat = (double[]) leaves[0];
        law.fill(flat, 0, flat.length, 0, seed, spec.key());
      }
    } else {
      law.fillRows(leaves, leafLength, seed, spec.key());
    }
  }

  /**
   * Copies elements {@code [firstIndex, firstIndex + count)} of the flat values to {@code
   * dst[dstOffset ...]}, rounding doubles to floats.
   *
   * @param firstIndex the flat row-major index of the first element copied, in {@code [0,
   *     spec().size() - count]}
   * @param dst where the values go
   * @param dstOffset where in {@code dst} element {@code firstIndex} goes, in {@code [0,
   *     dst.length - count]}
   * @param count how many elements to copy, {@code >= 0}
   * @throws NullPointerException if {@code dst} is null
   * @throws IllegalArgumentException if the slice is out of range of {@code dst} or the tensor
   */
  public void get(long firstIndex, float[] dst, int dstOffset, int count) {
    Objects.requireNonNull(dst, "dst");
    checkRange(firstIndex, dst.length, dstOffset, count);
    forEachRun(firstIndex, count, (leaf, from, done, n) -> {
      if (leaf instanceof float[]) {
        System.arraycopy(leaf, from, dst, dstOffset + done, n);
      } else {
        double[] source = (double[]) leaf;
        for (int j = 0; j < n; j++) {
          dst[dstOffset + done + j] = (float) source[from + j];
        }
      }
    });
  }

  /**
   * Copies elements {@code [firstIndex, firstIndex + count)} of the flat values to {@code
   * dst[dstOffset ...]}, widening floats exactly.
   *
   * @param firstIndex the flat row-major index of the first element copied, in {@code [0,
   *     spec().size() - count]}
   * @param dst where the values go
   * @param dstOffset where in {@code dst} element {@code firstIndex} goes, in {@code [0,
   *     dst.length - count]}
   * @param count how many elements to copy, {@code >= 0}
   * @throws NullPointerException if {@code dst} is null
   * @throws IllegalArgumentException if the slice is out of range of {@code dst} or the tensor
   */
  public void get(long firstIndex, double[] dst, int dstOffset, int count) {
    Objects.requireNonNull(dst, "dst");
    checkRange(firstIndex, dst.length, dstOffset, count);
    forEachRun(firstIndex, count, (leaf, from, done, n) -> {
      if (leaf instanceof double[]) {
        System.arraycopy(leaf, from, dst, dstOffset + done, n);
      } else {
        float[] source = (float[]) leaf;
        for (int j = 0; j < n; j++) {
          dst[dstOffset + done + j] = source[from + j];
        }
      }
    });
  }

  /**
   * Copies {@code src[srcOffset, srcOffset + count)} into elements {@code [firstIndex, firstIndex
   * + count)} of the flat values, widening floats exactly for a tensor of doubles.
   *
   * @param firstIndex the flat row-major index of the first element written, in {@code [0,
   *     spec().size() - count]}
   * @param src the values to copy
   * @param srcOffset where in {@code src} the value of element {@code firstIndex} is, in {@code
   *     [0, src.length - count]}
   * @param count how many elements to copy, {@code >= 0}
   * @throws NullPointerException if {@code src} is null
   * @throws IllegalArgumentException if the slice is out of range of {@code src} or the tensor;
   *     then nothing is written
   */
  public void set(long firstIndex, float[] src, int srcOffset, int count) {
    Objects.requireNonNull(src, "src");
    checkRange(firstIndex, src.length, srcOffset, count);
    forEachRun(firstIndex, count, (leaf, from, done, n) -> {
      if (leaf instanceof float[]) {
        System.arraycopy(src, srcOffset + done, leaf, from, n);
      } else {
        double[] target = (double[]) leaf;
        for (int j = 0; j < n; j++) {
          target[from + j] = src[srcOffset + done + j];
        }
      }
    });
  }

  /**
   * Copies {@code src[srcOffset, srcOffset + count)} into elements {@code [firstIndex, firstIndex
   * + count)} of the flat values, rounding to floats for a tensor of floats.
   *
   * @param firstIndex the flat row-major index of the first element written, in {@code [0,
   *     spec().size() - count]}
   * @param src the values to copy
   * @param srcOffset where in {@code src} the value of element {@code firstIndex} is, in {@code
   *     [0, src.length - count]}
   * @param count how many elements to copy, {@code >= 0}
   * @throws NullPointerException if {@code src} is null
   * @throws IllegalArgumentException if the slice is out of range of {@code src} or the tensor;
   *     then nothing is written
   */
  public void set(long firstIndex, double[] src, int srcOffset, int count) {
    Objects.requireNonNull(src, "src");
    checkRange(firstIndex, src.length, srcOffset, count);
    forEachRun(firstIndex, count, (leaf, from, done, n) -> {
      if (leaf instanceof double[]) {
        System.arraycopy(src, srcOffset + done, leaf, from, n);
      } else {
        float[] target = (float[]) leaf;
        for (int j = 0; j < n; j++) {
          target[from + j] = (float) src[srcOffset + done + j];
        }
      }
    });
  }

  /** A run of consecutive flat elements that lie in one leaf array. */
  @FunctionalInterface
  private interface Run {
    /**
     * @param leaf the leaf array
     * @param from the run's first index in the leaf
     * @param done how many elements of the slice come before the run
     * @param count the run's length
     */
    void copy(Object leaf, int from, int done, int count);
  }

  /** Splits elements {@code [firstIndex, firstIndex + count)} into runs, one per leaf. */
  private void forEachRun(long firstIndex, int count, Run run) {
    int done = 0;
    while (done < count) {
      long index = firstIndex + done;
      int from = (int) (index % leafLength);
      int n = Math.min(count - done, leafLength - from);
      run.copy(leaves[(int) (index / leafLength)], from, done, n);
      done += n;
    }
  }

  private void checkRange(long firstIndex, int length, int offset, int count) {
    if (offset < 0 || count < 0 || offset > length - count) {
      throw new IllegalArgumentException(
          "the slice [" + offset + ", " + offset + " + " + count + ") runs past the array of length "
              + length);
    }
    spec.requireSlice(firstIndex, count);
  }

  /** {@code w1 [784, 256] float HeNormal (key p.Mlp#w1)}. */
  @Override
  public String toString() {
    return spec.toString();
  }
}
