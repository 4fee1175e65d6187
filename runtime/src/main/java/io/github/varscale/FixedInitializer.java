package io.github.varscale;

import java.util.Objects;

/**
 * The initializers whose values do not depend on the tensor's fans, with Keras's semantics: the
 * run-time counterparts of {@link Zeros}, {@link Ones}, {@link Constant}, {@link RandomNormal},
 * {@link TruncatedNormal} and {@link RandomUniform}, for biases, norms and embeddings.
 *
 * <pre>{@code
 * FixedInitializer embedding = FixedInitializer.randomNormal(0.0, 0.02);   // GPT-2's N(0, 0.02^2)
 * embedding.fill(wte, Layout.IN_OUT, new int[] {vocab, dModel}, seed, "gpt.wte");
 * }</pre>
 *
 * <p>The methods taking {@link Fans} accept any fans and ignore them. See {@link Initializer} for
 * what the values depend on and how arguments are checked. Instances are immutable and
 * thread-safe.
 */
public final class FixedInitializer implements Initializer {
  private static final FixedInitializer ZEROS = new FixedInitializer("Zeros", Law.constant(0.0));
  private static final FixedInitializer ONES = new FixedInitializer("Ones", Law.constant(1.0));

  /** {@code Zeros}, or the name and settings, as {@code RandomNormal[mean=0.0, stddev=0.02]}. */
  private final String description;

  private final Law law;

  private FixedInitializer(String description, Law law) {
    this.description = description;
    this.law = law;
  }

  /**
   * Every value 0: Keras's {@code Zeros}, PyTorch's {@code zeros_}, JAX's {@code zeros}.
   *
   * @return the one instance, which writes {@code +0.0} to every element
   */
  public static FixedInitializer zeros() {
    return ZEROS;
  }

  /**
   * Every value 1: Keras's {@code Ones}, PyTorch's {@code ones_}, JAX's {@code ones}.
   *
   * @return the one instance, which writes {@code 1.0} to every element
   */
  public static FixedInitializer ones() {
    return ONES;
  }

  /**
   * Every value {@code value}: Keras's {@code Constant}, PyTorch's {@code constant_}.
   *
   * @param value every element's value, finite; a {@code float} tensor gets {@code (float) value},
   *     and the {@code float} fills refuse a magnitude beyond {@code Float.MAX_VALUE}
   * @return the initializer, equal to every other of the same {@code value}
   * @throws IllegalArgumentException if {@code value} is not finite
   */
  public static FixedInitializer constant(double value) {
    requireFinite(value, "value");
    return new FixedInitializer("Constant[value=" + value + "]", Law.constant(value));
  }

  /**
   * {@code N(mean, stddev^2)}: Keras's {@code RandomNormal}, PyTorch's {@code normal_(mean, std)},
   * JAX's {@code normal(stddev)} (mean 0).
   *
   * @param mean the mean of the values, finite
   * @param stddev the standard deviation of the values, finite and {@code > 0}
   * @return the initializer, equal to every other of the same mean and standard deviation
   * @throws IllegalArgumentException if {@code mean} is not finite, or {@code stddev} is not a
   *     finite number {@code > 0}
   */
  public static FixedInitializer randomNormal(double mean, double stddev) {
    requireFinite(mean, "mean");
    requirePositive(stddev);
    return new FixedInitializer(
        "RandomNormal[mean=" + mean + ", stddev=" + stddev + "]", Law.normal(mean, stddev));
  }

  /**
   * {@code N(mean, stddev^2)} cut to {@code [mean - 2 stddev, mean + 2 stddev]}, with no variance
   * correction, so the values' standard deviation is {@code 0.8796 stddev}: Keras's {@code
   * TruncatedNormal}, JAX's {@code truncated_normal(stddev)}, PyTorch's {@code trunc_normal_(mean,
   * std, mean - 2 std, mean + 2 std)}.
   *
   * @param mean the mean of the values and the center of the cut, finite
   * @param stddev the standard deviation of the normal before the cut, finite and {@code > 0}
   * @return the initializer, equal to every other of the same mean and standard deviation
   * @throws IllegalArgumentException if {@code mean} is not finite, or {@code stddev} is not a
   *     finite number {@code > 0}
   */
  public static FixedInitializer truncatedNormal(double mean, double stddev) {
    requireFinite(mean, "mean");
    requirePositive(stddev);
    return new FixedInitializer(
        "TruncatedNormal[mean=" + mean + ", stddev=" + stddev + "]",
        Law.truncatedNormal(mean, stddev));
  }

  /**
   * {@code U[minval, maxval]}: Keras's {@code RandomUniform}, PyTorch's {@code uniform_(a, b)}.
   * A {@code float} tensor's values lie in {@code [(float) minval, (float) maxval]}.
   *
   * @param minval the lower bound, finite and {@code < maxval}
   * @param maxval the upper bound, finite
   * @return the initializer, equal to every other of the same bounds
   * @throws IllegalArgumentException if a bound is not finite, or {@code minval >= maxval}
   */
  public static FixedInitializer randomUniform(double minval, double maxval) {
    requireFinite(minval, "minval");
    requireFinite(maxval, "maxval");
    if (!(minval < maxval)) {
      throw new IllegalArgumentException(
          "minval must be < maxval, found minval " + minval + " and maxval " + maxval);
    }
    return new FixedInitializer(
        "RandomUniform[minval=" + minval + ", maxval=" + maxval + "]",
        Law.uniform(minval, maxval));
  }

  private static void requireFinite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number, found " + value);
    }
  }

  private static void requirePositive(double stddev) {
    if (!(stddev > 0 && stddev <= Double.MAX_VALUE)) {
      throw new IllegalArgumentException("stddev must be a finite number > 0, found " + stddev);
    }
  }

  @Override
  public double variance(Fans fans) {
    Objects.requireNonNull(fans, "fans");
    return law.variance();
  }

  @Override
  public double maxMagnitude(Fans fans) {
    Objects.requireNonNull(fans, "fans");
    return law.maxMagnitude();
  }

  @Override
  public void fill(
      float[] dst, int dstOffset, int count, long firstIndex, Fans fans, long seed, String key) {
    Slices.check(dst, dstOffset, count, firstIndex, fans, key);
    law(true).fill(dst, dstOffset, count, firstIndex, seed, key);
  }

  @Override
  public void fill(
      double[] dst, int dstOffset, int count, long firstIndex, Fans fans, long seed, String key) {
    Slices.check(dst, dstOffset, count, firstIndex, fans, key);
    law(false).fill(dst, dstOffset, count, firstIndex, seed, key);
  }

  /** The law, refused if its values would overflow the element type. */
  Law law(boolean isFloat) {
    if (!(isFloat ? law.fitsFloat() : law.fitsDouble())) {
      throw new IllegalArgumentException(
          this + " would write values up to " + law.maxMagnitude() + ", which overflow a "
              + (isFloat ? "float; use a double tensor" : "double"));
    }
    return law;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FixedInitializer && ((FixedInitializer) o).description.equals(description);
  }

  @Override
  public int hashCode() {
    return description.hashCode();
  }

  /**
   * The name and settings, as the annotation is written: {@code Zeros}, {@code
   * Constant[value=0.5]}, {@code RandomNormal[mean=0.0, stddev=0.02]}.
   */
  @Override
  public String toString() {
    return description;
  }
}
