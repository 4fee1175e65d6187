package io.github.varscale;

import java.util.Objects;

/**
 * The variance-scaling initializer for shapes known only at run time, and for filling one slice
 * of a huge (sharded) tensor: the same values the generated {@code <Model>Initializer}s write for
 * a {@link VarianceScaled} field.
 *
 * <pre>{@code
 * VarianceScaling he = VarianceScaling.of(2.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL);
 * float[] w = new float[784 * 256];
 * he.fill(w, Layout.IN_OUT, new int[] {784, 256}, 42L, "mlp.dense1");
 * }</pre>
 *
 * <p>See {@link Initializer} for what the values depend on and how arguments are checked.
 * Instances are immutable and thread-safe.
 */
public final class VarianceScaling implements Initializer {

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
   * @param scale multiplies the variance, finite and {@code > 0}: 1 for Glorot and LeCun, 2 for
   *     He; see {@link Gain}
   * @param mode which fan, or mean of the fans, is {@code n}
   * @param distribution the law the values are drawn from
   * @return the initializer, equal to every other of the same settings
   * @throws NullPointerException if {@code mode} or {@code distribution} is null
   * @throws IllegalArgumentException if {@code scale} is not a finite number {@code > 0}
   */
  public static VarianceScaling of(double scale, Mode mode, Distribution distribution) {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(distribution, "distribution");
    if (!(scale > 0 && scale <= Double.MAX_VALUE)) {
      throw new IllegalArgumentException("scale must be a finite number > 0, found " + scale);
    }
    return new VarianceScaling(scale, mode, distribution);
  }

  /** {@return the factor that multiplies the variance, finite and {@code > 0}} */
  public double scale() {
    return scale;
  }

  /** {@return the fan that divides the variance} */
  public Mode mode() {
    return mode;
  }

  /** {@return the law the values are drawn from} */
  public Distribution distribution() {
    return distribution;
  }

  /**
   * The target variance {@code v = scale / max(1, n)}, {@code n} the fan-in, fan-out, their mean
   * (real division) or their geometric mean by {@link #mode()}; every distribution's samples have
   * exactly this variance.
   *
   * @throws NullPointerException if {@code fans} is null
   */
  @Override
  public double variance(Fans fans) {
    Objects.requireNonNull(fans, "fans");
    return scale / Math.max(1.0, mode.fan(fans));
  }

  /**
   * The standard deviation {@code s} of the normal law the values are drawn from: {@code sqrt(v)}
   * for {@link Distribution#NORMAL}, {@code sqrt(v) / 0.87962566103423978} for {@link
   * Distribution#TRUNCATED_NORMAL}, whose values are cut to {@code [-2s, 2s]}.
   *
   * @param fans the tensor's fans
   * @return the standard deviation {@code s} before any cut, finite and {@code >= 0}
   * @throws NullPointerException if {@code fans} is null
   * @throws IllegalStateException for {@link Distribution#UNIFORM}, which has no such parameter
   *     (see {@link #bound})
   */
  public double stddev(Fans fans) {
    double variance = variance(fans);
    switch (distribution) {
      case NORMAL:
        return Math.sqrt(variance);
      case TRUNCATED_NORMAL:
        return Law.truncatedStddev(variance);
      default:
        throw new IllegalStateException("a uniform law has a limit, bound(fans), not a stddev");
    }
  }

  /**
   * The largest magnitude a value can have: {@code L = sqrt(3 v)} for {@link Distribution#UNIFORM},
   * {@code 2 s} (see {@link #stddev}) for {@link Distribution#TRUNCATED_NORMAL}, and infinity for
   * {@link Distribution#NORMAL}.
   *
   * @param fans the tensor's fans
   * @return the bound, finite for {@link Distribution#UNIFORM} and {@link
   *     Distribution#TRUNCATED_NORMAL}; {@link Double#POSITIVE_INFINITY} for {@link
   *     Distribution#NORMAL}, whose largest values {@link #maxMagnitude} bounds
   * @throws NullPointerException if {@code fans} is null
   */
  public double bound(Fans fans) {
    switch (distribution) {
      case UNIFORM:
        return Law.uniformLimit(variance(fans));
      case TRUNCATED_NORMAL:
        return Distribution.TRUNCATION * stddev(fans);
      default:
        Objects.requireNonNull(fans, "fans");
        return Double.POSITIVE_INFINITY;
    }
  }

  @Override
  public double maxMagnitude(Fans fans) {
    return law(fans).maxMagnitude();
  }

  @Override
  public void fill(
      float[] dst, int dstOffset, int count, long firstIndex, Fans fans, long seed, String key) {
    Slices.check(dst, dstOffset, count, firstIndex, fans, key);
    law(fans, true).fill(dst, dstOffset, count, firstIndex, seed, key);
  }

  @Override
  public void fill(
      double[] dst, int dstOffset, int count, long firstIndex, Fans fans, long seed, String key) {
    Slices.check(dst, dstOffset, count, firstIndex, fans, key);
    law(fans, false).fill(dst, dstOffset, count, firstIndex, seed, key);
  }

  /** The law of a tensor of {@code fans}. */
  Law law(Fans fans) {
    return Law.varianceScaled(distribution, variance(fans));
  }

  /**
   * The law of a tensor of {@code fans} and element type {@code float} or {@code double}, refused
   * if its values would overflow that type.
   */
  Law law(Fans fans, boolean isFloat) {
    Law law = law(fans);
    if (!(isFloat ? law.fitsFloat() : law.fitsDouble())) {
      throw new IllegalArgumentException(
          this + " with fans " + fans + " would write values up to " + law.maxMagnitude()
              + ", which overflow a " + (isFloat ? "float" : "double")
              + "; use a smaller scale" + (isFloat ? " or a double tensor" : ""));
    }
    return law;
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

  /** {@code VarianceScaling[scale=2.0, mode=FAN_IN, distribution=TRUNCATED_NORMAL]}. */
  @Override
  public String toString() {
    return "VarianceScaling[scale=" + scale + ", mode=" + mode + ", distribution=" + distribution
        + "]";
  }
}
