package p;

import io.github.varscale.Distribution;
import io.github.varscale.Fans;
import io.github.varscale.Mode;
import io.github.varscale.VarianceScaling;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Initializes the variance-scaled fields of {@link Mlp}; see {@link #initialize}.
 */
@Generated("io.github.varscale.processor.VarianceScaledProcessor")
public final class MlpInitializer {
  private MlpInitializer() {
  }

  /**
   * Fills the annotated fields of {@code model}, inherited ones included: allocates those that
   * are null with their declared shape and overwrites the others in place. Each field's
   * values depend only on {@code seed}, its key and its declaration.
   *
   * @param model the model to initialize
   * @param seed the seed of the whole model
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException if a field is allocated with another shape; then no field
   *     has changed
   */
  public static void initialize(Mlp model, long seed) {
    Objects.requireNonNull(model, "model");
    W1.check(model.w1);
    HiddenWeights.check(model.hidden_weights);
    Conv.check(model.conv);
    Bias.check(model.bias);
    Scalar.check(model.scalar);
    model.w1 = W1.fill(model.w1, seed);
    model.hidden_weights = HiddenWeights.fill(model.hidden_weights, seed);
    model.conv = Conv.fill(model.conv, seed);
    model.bias = Bias.fill(model.bias, seed);
    model.scalar = Scalar.fill(model.scalar, seed);
  }

  /**
   * Field {@code w1} of {@link Mlp}, annotated {@code @HeNormal}:
   * <ul>
   *   <li>scale 2.0, mode FAN_IN, distribution TRUNCATED_NORMAL;
   *   <li>shape [784, 256] in layout IN_OUT, 200704 elements held in a {@code float[]};
   *   <li>fan_in = 784, fan_out = 256, n = fan_in;
   *   <li>variance = 2.0 / max(1, n) = 0.002551020408163265;
   *   <li>stddev = 0.057419456326711804;
   *   <li>key {@code "p.Mlp#w1"}.
   * </ul>
   */
  public static final class W1 {
    public static final int FAN_IN = 784;

    public static final int FAN_OUT = 256;

    /**
     * The variance of the values, {@code scale / max(1, n)}.
     */
    public static final double VARIANCE = 0.002551020408163265;

    /**
     * The standard deviation of the normal before it is cut to {@code [-2 * STDDEV, 2 * STDDEV]}.
     */
    public static final double STDDEV = 0.057419456326711804;

    public static final int SIZE = 200704;

    /**
     * The key that names the field's values.
     */
    public static final String KEY = "p.Mlp#w1";

    private static final VarianceScaling SCALING = VarianceScaling.of(2.0, Mode.FAN_IN,
        Distribution.TRUNCATED_NORMAL);

    private static final Fans FANS = new Fans(FAN_IN, FAN_OUT);

    private W1() {
    }

    private static void check(float[] tensor) {
      if (tensor == null) {
        return;
      }
      if (tensor.length != SIZE) {
        throw mismatch("w1.length = " + tensor.length);
      }
    }

    private static IllegalArgumentException mismatch(String found) {
      return new IllegalArgumentException(
          "p.Mlp.w1 must be null or have length 200704 (shape [784, 256]), found " + found);
    }

    private static float[] fill(float[] tensor, long seed) {
      float[] filled = tensor == null ? new float[SIZE] : tensor;
      SCALING.fill(filled, FANS, seed, KEY);
      return filled;
    }
  }

  /**
   * Field {@code hidden_weights} of {@link Mlp}, annotated {@code @GlorotUniform}:
   * <ul>
   *   <li>scale 1.0, mode FAN_AVG, distribution UNIFORM;
   *   <li>shape [256, 10] in layout IN_OUT, 2560 elements held in a {@code double[][]};
   *   <li>fan_in = 256, fan_out = 10, n = (fan_in + fan_out) / 2;
   *   <li>variance = 1.0 / max(1, n) = 0.007518796992481203;
   *   <li>limit = 0.15018785229652765;
   *   <li>key {@code "p.Mlp#hidden_weights"}.
   * </ul>
   */
  public static final class HiddenWeights {
    public static final int FAN_IN = 256;

    public static final int FAN_OUT = 10;

    /**
     * The variance of the values, {@code scale / max(1, n)}.
     */
    public static final double VARIANCE = 0.007518796992481203;

    /**
     * The limit {@code L = sqrt(3 * VARIANCE)}: values lie in {@code [-L, L]}.
     */
    public static final double LIMIT = 0.15018785229652765;

    public static final int SIZE = 2560;

    /**
     * The key that names the field's values.
     */
    public static final String KEY = "p.Mlp#hidden_weights";

    private static final VarianceScaling SCALING = VarianceScaling.of(1.0, Mode.FAN_AVG,
        Distribution.UNIFORM);

    private static final Fans FANS = new Fans(FAN_IN, FAN_OUT);

    private HiddenWeights() {
    }

    private static void check(double[][] tensor) {
      if (tensor == null) {
        return;
      }
      if (tensor.length != 256) {
        throw mismatch("hidden_weights.length = " + tensor.length);
      }
      for (int i0 = 0; i0 < 256; i0++) {
        if (tensor[i0] == null) {
          throw mismatch("hidden_weights[" + i0 + "] = null");
        }
        if (tensor[i0].length != 10) {
          throw mismatch("hidden_weights[" + i0 + "].length = " + tensor[i0].length);
        }
      }
    }

    private static IllegalArgumentException mismatch(String found) {
      return new IllegalArgumentException(
          "p.Mlp.hidden_weights must be null or have shape [256, 10], found " + found);
    }

    private static double[][] fill(double[][] tensor, long seed) {
      double[][] filled = tensor == null ? new double[256][10] : tensor;
      long first = 0;
      for (double[] row : filled) {
        SCALING.fill(row, 0, row.length, first, FANS, seed, KEY);
        first += row.length;
      }
      return filled;
    }
  }

  /**
   * Field {@code conv} of {@link Mlp}, annotated {@code @VarianceScaled}:
   * <ul>
   *   <li>scale 0.5, mode FAN_AVG, distribution NORMAL;
   *   <li>shape [8, 3, 3, 4] in layout OUT_IN, 288 elements held in a {@code float[][][][]};
   *   <li>fan_in = 36, fan_out = 96, n = (fan_in + fan_out) / 2;
   *   <li>variance = 0.5 / max(1, n) = 0.007575757575757576;
   *   <li>stddev = 0.08703882797784893;
   *   <li>key {@code "p.Mlp#conv"}.
   * </ul>
   */
  public static final class Conv {
    public static final int FAN_IN = 36;

    public static final int FAN_OUT = 96;

    /**
     * The variance of the values, {@code scale / max(1, n)}.
     */
    public static final double VARIANCE = 0.007575757575757576;

    /**
     * The standard deviation, {@code sqrt(VARIANCE)}.
     */
    public static final double STDDEV = 0.08703882797784893;

    public static final int SIZE = 288;

    /**
     * The key that names the field's values.
     */
    public static final String KEY = "p.Mlp#conv";

    private static final VarianceScaling SCALING = VarianceScaling.of(0.5, Mode.FAN_AVG,
        Distribution.NORMAL);

    private static final Fans FANS = new Fans(FAN_IN, FAN_OUT);

    private Conv() {
    }

    private static void check(float[][][][] tensor) {
      if (tensor == null) {
        return;
      }
      if (tensor.length != 8) {
        throw mismatch("conv.length = " + tensor.length);
      }
      for (int i0 = 0; i0 < 8; i0++) {
        if (tensor[i0] == null) {
          throw mismatch("conv[" + i0 + "] = null");
        }
        if (tensor[i0].length != 3) {
          throw mismatch("conv[" + i0 + "].length = " + tensor[i0].length);
        }
        for (int i1 = 0; i1 < 3; i1++) {
          if (tensor[i0][i1] == null) {
            throw mismatch("conv[" + i0 + "][" + i1 + "] = null");
          }
          if (tensor[i0][i1].length != 3) {
            throw mismatch("conv[" + i0 + "][" + i1 + "].length = " + tensor[i0][i1].length);
          }
          for (int i2 = 0; i2 < 3; i2++) {
            if (tensor[i0][i1][i2] == null) {
              throw mismatch("conv[" + i0 + "][" + i1 + "][" + i2 + "] = null");
            }
            if (tensor[i0][i1][i2].length != 4) {
              throw mismatch("conv[" + i0 + "][" + i1 + "][" + i2 + "].length = "
                  + tensor[i0][i1][i2].length);
            }
          }
        }
      }
    }

    private static IllegalArgumentException mismatch(String found) {
      return new IllegalArgumentException(
          "p.Mlp.conv must be null or have shape [8, 3, 3, 4], found " + found);
    }

    private static float[][][][] fill(float[][][][] tensor, long seed) {
      float[][][][] filled = tensor == null ? new float[8][3][3][4] : tensor;
      long first = 0;
      for (float[][][] slice1 : filled) {
        for (float[][] slice2 : slice1) {
          for (float[] row : slice2) {
            SCALING.fill(row, 0, row.length, first, FANS, seed, KEY);
            first += row.length;
          }
        }
      }
      return filled;
    }
  }

  /**
   * Field {@code bias} of {@link Mlp}, annotated {@code @LecunNormal}:
   * <ul>
   *   <li>scale 1.0, mode FAN_IN, distribution TRUNCATED_NORMAL;
   *   <li>shape [10] in layout IN_OUT, 10 elements held in a {@code double[]};
   *   <li>fan_in = 10, fan_out = 10, n = fan_in;
   *   <li>variance = 1.0 / max(1, n) = 0.1;
   *   <li>stddev = 0.35950266121730234;
   *   <li>key {@code "p.Mlp#bias"}.
   * </ul>
   */
  public static final class Bias {
    public static final int FAN_IN = 10;

    public static final int FAN_OUT = 10;

    /**
     * The variance of the values, {@code scale / max(1, n)}.
     */
    public static final double VARIANCE = 0.1;

    /**
     * The standard deviation of the normal before it is cut to {@code [-2 * STDDEV, 2 * STDDEV]}.
     */
    public static final double STDDEV = 0.35950266121730234;

    public static final int SIZE = 10;

    /**
     * The key that names the field's values.
     */
    public static final String KEY = "p.Mlp#bias";

    private static final VarianceScaling SCALING = VarianceScaling.of(1.0, Mode.FAN_IN,
        Distribution.TRUNCATED_NORMAL);

    private static final Fans FANS = new Fans(FAN_IN, FAN_OUT);

    private Bias() {
    }

    private static void check(double[] tensor) {
      if (tensor == null) {
        return;
      }
      if (tensor.length != SIZE) {
        throw mismatch("bias.length = " + tensor.length);
      }
    }

    private static IllegalArgumentException mismatch(String found) {
      return new IllegalArgumentException(
          "p.Mlp.bias must be null or have length 10 (shape [10]), found " + found);
    }

    private static double[] fill(double[] tensor, long seed) {
      double[] filled = tensor == null ? new double[SIZE] : tensor;
      SCALING.fill(filled, FANS, seed, KEY);
      return filled;
    }
  }

  /**
   * Field {@code scalar} of {@link Mlp}, annotated {@code @VarianceScaled}:
   * <ul>
   *   <li>scale 1.0, mode FAN_OUT, distribution TRUNCATED_NORMAL;
   *   <li>shape [] in layout IN_OUT, 1 element held in a {@code float[]};
   *   <li>fan_in = 1, fan_out = 1, n = fan_out;
   *   <li>variance = 1.0 / max(1, n) = 1.0;
   *   <li>stddev = 1.1368472343385565;
   *   <li>key {@code "p.Mlp#scalar"}.
   * </ul>
   */
  public static final class Scalar {
    public static final int FAN_IN = 1;

    public static final int FAN_OUT = 1;

    /**
     * The variance of the values, {@code scale / max(1, n)}.
     */
    public static final double VARIANCE = 1.0;

    /**
     * The standard deviation of the normal before it is cut to {@code [-2 * STDDEV, 2 * STDDEV]}.
     */
    public static final double STDDEV = 1.1368472343385565;

    public static final int SIZE = 1;

    /**
     * The key that names the field's values.
     */
    public static final String KEY = "p.Mlp#scalar";

    private static final VarianceScaling SCALING = VarianceScaling.of(1.0, Mode.FAN_OUT,
        Distribution.TRUNCATED_NORMAL);

    private static final Fans FANS = new Fans(FAN_IN, FAN_OUT);

    private Scalar() {
    }

    private static void check(float[] tensor) {
      if (tensor == null) {
        return;
      }
      if (tensor.length != SIZE) {
        throw mismatch("scalar.length = " + tensor.length);
      }
    }

    private static IllegalArgumentException mismatch(String found) {
      return new IllegalArgumentException(
          "p.Mlp.scalar must be null or have length 1 (shape []), found " + found);
    }

    private static float[] fill(float[] tensor, long seed) {
      float[] filled = tensor == null ? new float[SIZE] : tensor;
      SCALING.fill(filled, FANS, seed, KEY);
      return filled;
    }
  }
}
