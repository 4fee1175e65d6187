package io.github.varscale;

/**
 * Which fan the variance is divided by: {@code v = scale / max(1, n)}.
 *
 * <p>Keras's and JAX's {@code mode} ({@code "fan_in"}, {@code "fan_out"}, {@code "fan_avg"}, and
 * JAX's {@code "fan_geo_avg"}), TF1's {@code mode}, PyTorch's {@code mode} for the Kaiming
 * initializers (which has no {@code FAN_AVG}; Xavier uses it).
 */
public enum Mode {
  /** {@code n = fan_in}: keeps the variance of activations in the forward pass (He, LeCun). */
  FAN_IN,
  /** {@code n = fan_out}: keeps the variance of gradients in the backward pass. */
  FAN_OUT,
  /** {@code n = (fan_in + fan_out) / 2.0}: the Glorot/Xavier compromise between the two. */
  FAN_AVG,
  /**
   * {@code n = sqrt(fan_in * fan_out)}, the product and the root in {@code double}: the geometric
   * mean of the two fans, JAX's {@code "fan_geo_avg"} (JAX 0.5.1 and later).
   */
  FAN_GEO_AVG;

  /** The fan this mode divides by, as a real number: averages are not rounded. */
  double fan(Fans fans) {
    switch (this) {
      case FAN_IN:
        return fans.fanIn();
      case FAN_OUT:
        return fans.fanOut();
      case FAN_AVG:
        return (fans.fanIn() + (double) fans.fanOut()) / 2.0;
      case FAN_GEO_AVG:
        return Math.sqrt((double) fans.fanIn() * (double) fans.fanOut());
      default:
        throw new AssertionError(this);
    }
  }
}
