package io.github.varscale;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Called by the generated {@code <Model>Initializer}s; not for direct use. It holds the shape
 * checks and the nested arrays' fills that every initializer would otherwise repeat, so that the
 * generated code stays small and cheap to compile.
 *
 * <p>A tensor is a {@code float[]} or {@code double[]} holding it flat in row-major order, or a
 * nested array of them whose rank is the shape's rank ({@code t[i][j]} is flat element {@code i *
 * d1 + j}). A field is named by its key, {@code "<canonical class name>#<field>"}.
 */
public final class GeneratedSupport {

  private GeneratedSupport() {}

  /**
   * Throws unless {@code tensor} is null or holds a tensor of {@code shape}: a flat array of the
   * shape's element count, or a nested array whose sub-arrays are all non-null and as long as their
   * dimension. Reads only.
   *
   * @param tensor the field's value: a {@code float[]} or {@code double[]}, a nested array of them,
   *     or null
   * @param key the field's key, which names it in the message
   * @param shape the declared dimensions
   * @throws NullPointerException if {@code key} or {@code shape} is null
   * @throws IllegalArgumentException if {@code tensor} has another length or shape; the message
   *     names the field, the declared shape and what was found
   */
  public static void check(Object tensor, String key, int... shape) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(shape, "shape");
    if (tensor == null) {
      return;
    }
    if (isLeaf(tensor)) {
      long size = 1;
      for (int dimension : shape) {
        size *= dimension;
      }
      if (length(tensor) != size) {
        throw refusal(
            key,
            "length " + size + " (shape " + Arrays.toString(shape) + ")",
            ".length = " + length(tensor));
      }
      return;
    }
    String found = mismatch(tensor, shape, 0, new int[shape.length]);
    if (found != null) {
      throw refusal(key, "shape " + Arrays.toString(shape), found);
    }
  }

  /** {@code "p.M.w must be null or have <expected>, found w<found>"}. */
  private static IllegalArgumentException refusal(String key, String expected, String found) {
    String field = key.substring(key.indexOf('#') + 1);
    return new IllegalArgumentException(
        key.replace('#', '.') + " must be null or have " + expected + ", found " + field + found);
  }

  /**
   * What is wrong with {@code array}, the sub-array at {@code path[0..depth)}, as the text that
   * follows the field's name ({@code "[7][2] = null"}), or null if it has the shape's dimensions
   * from {@code depth} on. The text is built only on failure.
   */
  private static String mismatch(Object array, int[] shape, int depth, int[] path) {
    if (array == null) {
      return indices(path, depth) + " = null";
    }
    boolean leafExpected = depth == shape.length - 1;
    if (leafExpected != isLeaf(array) || !(leafExpected || array instanceof Object[])) {
      return indices(path, depth)
          + " = a "
          + array.getClass().getSimpleName()
          + " (rank "
          + (shape.length - depth)
          + " expected)";
    }
    int length = length(array);
    if (length != shape[depth]) {
      return indices(path, depth) + ".length = " + length;
    }
    if (!leafExpected) {
      Object[] rows = (Object[]) array;
      for (int i = 0; i < rows.length; i++) {
        path[depth] = i;
        String found = mismatch(rows[i], shape, depth + 1, path);
        if (found != null) {
          return found;
        }
      }
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

  /**
   * Fills {@code tensor} in place with the values {@code VarianceScaling.of(scale, mode,
   * distribution)} writes to the flat tensor of the same element count with fans {@code (fanIn,
   * fanOut)}: a flat array is filled at once, a nested one by rows, each row being the next slice
   * of the flat tensor, and a large one across the fork-join pool like a large flat one.
   *
   * <p>The settings come as plain arguments, not as a {@link VarianceScaling} and a {@link Fans},
   * so that each generated call is one method for javac to resolve rather than three.
   *
   * @param tensor a {@code float[]} or {@code double[]}, or a nested array of them without null
   *     sub-arrays (ragged ones are filled as they are)
   * @throws NullPointerException if an argument is null; then nothing is written
   * @throws IllegalArgumentException if a setting or fan is out of range, or {@code tensor} is of
   *     another type or holds a null sub-array; then nothing is written
   */
  public static void fill(
      Object tensor,
      double scale,
      Mode mode,
      Distribution distribution,
      long fanIn,
      long fanOut,
      long seed,
      String key) {
    Objects.requireNonNull(tensor, "tensor");
    Objects.requireNonNull(key, "key");
    VarianceScaling scaling = VarianceScaling.of(scale, mode, distribution);
    Fans fans = new Fans(fanIn, fanOut);
    if (tensor instanceof float[]) {
      scaling.fill((float[]) tensor, fans, seed, key);
    } else if (tensor instanceof double[]) {
      scaling.fill((double[]) tensor, fans, seed, key);
    } else {
      requireRows(tensor);
      scaling.fillRows(leaves((Object[]) tensor), fans, seed, key);
    }
  }

  /** Throws unless {@code tensor} is a nested array whose leaves are all float or double arrays. */
  private static void requireRows(Object tensor) {
    if (tensor == null) {
      throw new IllegalArgumentException("tensor must not hold a null sub-array");
    }
    if (tensor instanceof Object[]) {
      for (Object row : (Object[]) tensor) {
        requireRows(row);
      }
    } else if (!isLeaf(tensor)) {
      throw new IllegalArgumentException(
          "tensor must be a float or double array, nested or not, found "
              + tensor.getClass().getSimpleName());
    }
  }

  /**
   * The leaf arrays under {@code rows}, in row-major order: {@code rows} itself when its elements
   * are the leaves (a rank-2 tensor, the common case, costs no copy).
   */
  private static Object[] leaves(Object[] rows) {
    boolean allLeaves = true;
    for (Object row : rows) {
      allLeaves &= isLeaf(row);
    }
    if (allLeaves) {
      return rows;
    }
    List<Object> leaves = new ArrayList<>();
    collectLeaves(rows, leaves);
    return leaves.toArray();
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
}
