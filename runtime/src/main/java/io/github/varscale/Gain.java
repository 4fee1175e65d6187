package io.github.varscale;

/**
 * Variance gains for {@link VarianceScaled#scale()}: the squares of PyTorch's {@code
 * torch.nn.init.calculate_gain}, which scales the standard deviation where varscale scales the
 * variance. Each is a compile-time constant, so it can be written in an annotation:
 *
 * <pre>{@code
 * @VarianceScaled(scale = Gain.TANH, mode = Mode.FAN_AVG, distribution = Distribution.UNIFORM)
 * @Shape({256, 256})
 * float[] w;   // PyTorch's xavier_uniform_(w, gain=calculate_gain("tanh"))
 * }</pre>
 */
public final class Gain {
  /** {@code calculate_gain("linear")} (and the convolutions') squared: 1. */
  public static final double LINEAR = 1.0;

  /** {@code calculate_gain("sigmoid")} squared: 1. */
  public static final double SIGMOID = 1.0;

  /** {@code calculate_gain("tanh")} squared: {@code (5/3)^2 = 25/9}. */
  public static final double TANH = 25.0 / 9.0;

  /** {@code calculate_gain("relu")} squared: {@code sqrt(2)^2 = 2}, He's factor. */
  public static final double RELU = 2.0;

  /**
   * {@code calculate_gain("selu")} squared: {@code (3/4)^2 = 9/16}. PyTorch's value is empirical;
   * for self-normalizing networks its documentation recommends {@link #LINEAR} with LeCun normal.
   */
  public static final double SELU = 9.0 / 16.0;

  /**
   * {@code calculate_gain("leaky_relu")} squared for PyTorch's default negative slope 0.01:
   * {@code 2 / (1 + 0.01^2)}.
   */
  public static final double LEAKY_RELU = 2.0 / (1.0 + 0.01 * 0.01);

  private Gain() {}

  /**
   * {@code calculate_gain("leaky_relu", negativeSlope)} squared: {@code 2 / (1 + slope^2)}.
   *
   * @param negativeSlope the slope of the activation for negative inputs, PyTorch's {@code param}
   *     (its default 0.01 gives {@link #LEAKY_RELU}, 0 gives {@link #RELU}); any finite number
   * @return the variance gain, in {@code [0, 2]}: 2 at slope 0, smaller as {@code |slope|} grows
   * @throws IllegalArgumentException if {@code negativeSlope} is not a finite number
   */
  public static double leakyRelu(double negativeSlope) {
    if (!Double.isFinite(negativeSlope)) {
      throw new IllegalArgumentException(
          "negativeSlope must be a finite number, found " + negativeSlope);
    }
    return 2.0 / (1.0 + negativeSlope * negativeSlope);
  }
}
