package io.github.varscale;

import java.util.Objects;

/**
 * A variance-scaling initializer for shapes known only at run time, and for filling one slice of
 * a huge (sharded) tensor: the same values the generated {@code <Model>Initializer}s write.
 *
 * <pre>{@code
 * VarianceScaling he = VarianceScaling.of(2.0, Mode.FAN_IN, Distribution.NORMAL);
 * float[] w = new float[784 * 256];
 * he.fill(w, Fans.of(Layout.IN_OUT, 784, 256), 42L, "mlp.dense1");
 * }</pre>
 *
 * <p>Element {@code i} of a tensor is a pure function of the seed, the key, the settings, the fans,
 * {@code i} and the element type: the same bits on every JVM (17 and newer), platform and thread
 * count, and whichever slices the tensor is filled in. Tensors of at least {@value
 * #PARALLEL_THRESHOLD} elements are filled in parallel on the common fork-join pool. Instances are
 * immutable and thread-safe.
 */
public final class VarianceScaling {

  /** Fills of at least this many elements are split across the common fork-join pool. */
  public static final int PARALLEL_THRESHOLD = 1 << 20;

  private final double scale;
  private final Mode mode;
  private final Distribution distribution;

  private VarianceScaling(double scale, Mode mode, Distribution distribution) {
    this.scale = scale;
    this.mode = mode;
    this.distribution = distribution;
  }

  /**
   * An initializer drawing from {@code distribution} with variance {@code scale / max(1, n)}, where
   * {@code n} is the fan {@code mode} selects.
   *
   * @throws NullPointerException if {@code mode} or {@code distribution} is null
   * @throws IllegalArgumentException if {@code scale} is not a finite number {@code > 0}
   */
  public static VarianceScaling of(double scale, Mode mode, Distribution distribution) {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(distribution, "distribution");
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("scale must be a finite number > 0, found " + scale);
    }
    return new VarianceScaling(scale, mode, distribution);
  }

  /** The factor that multiplies the variance. */
  public double scale() {
    return scale;
  }

  /** The fan that divides the variance. */
  public Mode mode() {
    return mode;
  }

  /** The law the values are drawn from. */
  public Distribution distribution() {
    return distribution;
  }

  /**
   * The target variance {@code v = scale / max(1, n)}, {@code n} the fan-in, fan-out or their mean
   * (real division) by {@link #mode()}; every distribution's samples have exactly this variance.
   *
   * @throws NullPointerException if {@code fans} is null
   */
  public double variance(Fans fans) {
    Objects.requireNonNull(fans, "fans");
    return scale / Math.max(1.0, mode.fan(fans));
  }

  /**
   * The largest magnitude a value can have: {@code L = sqrt(3 v)} for {@link Distribution#UNIFORM},
   * {@code 2 s} with {@code s = sqrt(v) / 0.87962566103423978} for {@link
   * Distribution#TRUNCATED_NORMAL}, and infinity for {@link Distribution#NORMAL}.
   *
   * @throws NullPointerException if {@code fans} is null
   */
  public double bound(Fans fans) {
    return Sampler.bound(distribution, variance(fans));
  }

  /**
   * Fills {@code dst}, the whole tensor in row-major order, in place.
   *
   * @param dst the tensor; its length is the number of elements
   * @param fans the tensor's fans, see {@link Fans#of}
   * @param seed the model's seed
   * @param key names the tensor: tensors with other keys get independent values. The generated
   *     initializers use {@code "<canonical class name>#<field>"}.
   * @throws NullPointerException if {@code dst}, {@code fans} or {@code key} is null
   */
  public void fill(float[] dst, Fans fans, long seed, String key) {
    Objects.requireNonNull(dst, "dst");
    fill(dst, 0, dst.length, 0, fans, seed, key);
  }

  /**
   * Fills {@code dst}, the whole tensor in row-major order, in place.
   *
   * @see #fill(float[], Fans, long, String)
   */
  public void fill(double[] dst, Fans fans, long seed, String key) {
    Objects.requireNonNull(dst, "dst");
    fill(dst, 0, dst.length, 0, fans, seed, key);
  }

  /**
   * Writes elements {@code [firstIndex, firstIndex + count)} of the tensor to {@code dst[dstOffset
   * ...]}: {@code dst[dstOffset + j]} = element {@code firstIndex + j}. Slices filled separately,
   * in any order and on any machine, equal the whole tensor filled at once.
   *
   * @throws NullPointerException if {@code dst}, {@code fans} or {@code key} is null
   * @throws IllegalArgumentException if {@code dstOffset}, {@code count} or {@code firstIndex} is
   *     negative, or the slice runs past {@code dst} or past element {@code Long.MAX_VALUE}
   */
  public void fill(
      float[] dst, int dstOffset, int count, long firstIndex, Fans fans, long seed, String key) {
    Objects.requireNonNull(dst, "dst");
    checkSlice(dst.length, dstOffset, count, firstIndex, fans, key);
    Sampler.fill(distribution, variance(fans), dst, dstOffset, count, firstIndex, seed, key);
  }

  /**
   * Writes elements {@code [firstIndex, firstIndex + count)} of the tensor to {@code dst[dstOffset
   * ...]}.
   *
   * @see #fill(float[], int, int, long, Fans, long, String)
   */
  public void fill(
      double[] dst, int dstOffset, int count, long firstIndex, Fans fans, long seed, String key) {
    Objects.requireNonNull(dst, "dst");
    checkSlice(dst.length, dstOffset, count, firstIndex, fans, key);
    Sampler.fill(distribution, variance(fans), dst, dstOffset, count, firstIndex, seed, key);
  }

  /**
   * Fills {@code rows}, the leaves of a nested tensor in row-major order, with consecutive slices
   * of the flat tensor; for {@link GeneratedSupport}, which has checked them.
   */
  void fillRows(Object[] rows, Fans fans, long seed, String key) {
    Sampler.fillRows(distribution, variance(fans), rows, seed, key);
  }

  private static void checkSlice(
      int length, int dstOffset, int count, long firstIndex, Fans fans, String key) {
    Objects.requireNonNull(fans, "fans");
    Objects.requireNonNull(key, "key");
    if (dstOffset < 0 || dstOffset > length) {
      throw new IllegalArgumentException(
          "dstOffset must be in [0, " + length + "] (dst.length), found " + dstOffset);
    }
    if (count < 0 || count > length - dstOffset) {
      throw new IllegalArgumentException(
          "count must be in [0, "
              + (length - dstOffset)
              + "] (dst.length - dstOffset), found "
              + count);
    }
    if (firstIndex < 0 || firstIndex > Long.MAX_VALUE - count) {
      throw new IllegalArgumentException(
          "firstIndex must be in [0, Long.MAX_VALUE - count], found " + firstIndex);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VarianceScaling
        && Double.compare(((VarianceScaling) o).scale, scale) == 0
        && ((VarianceScaling) o).mode == mode
        && ((VarianceScaling) o).distribution == distribution;
  }

  @Override
  public int hashCode() {
    return Objects.hash(scale, mode, distribution);
  }

  @Override
  public String toString() {
    return "VarianceScaling[scale=" + scale + ", mode=" + mode + ", distribution=" + distribution
        + "]";
  }
}
