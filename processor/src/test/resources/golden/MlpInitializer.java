package p;

import io.github.varscale.Distribution;
import io.github.varscale.GeneratedSupport;
import io.github.varscale.Mode;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Initializes the variance-scaled fields of {@link Mlp}; see {@link #initialize}.
 *
 * <p>Each field has a nested class of constants, computed at compile time: {@code FAN_IN},
 * {@code FAN_OUT}, {@code VARIANCE = scale / max(1, n)} with {@code n} the fan its mode
 * selects, {@code SIZE} (the element count), {@code KEY} (what its values are drawn for), and
 * either {@code LIMIT = sqrt(3 * VARIANCE)}, the uniform law's values lying in
 * {@code [-LIMIT, LIMIT]}, or {@code STDDEV}: {@code sqrt(VARIANCE)} for the normal law,
 * {@code sqrt(VARIANCE) / 0.87962566103423978} for the truncated one, cut to
 * {@code [-2 * STDDEV, 2 * STDDEV]} so that its variance is {@code VARIANCE}.
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
    GeneratedSupport.check(model.w1, W1.KEY, 784, 256);
    GeneratedSupport.check(model.hidden_weights, HiddenWeights.KEY, 256, 10);
    GeneratedSupport.check(model.conv, Conv.KEY, 8, 3, 3, 4);
    GeneratedSupport.check(model.bias, Bias.KEY, 10);
    GeneratedSupport.check(model.scalar, Scalar.KEY);
    if (model.w1 == null) {
      model.w1 = new float[W1.SIZE];
    }
    GeneratedSupport.fill(model.w1, 2.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL,
        W1.FAN_IN, W1.FAN_OUT, seed, W1.KEY);
    if (model.hidden_weights == null) {
      model.hidden_weights = new double[256][10];
    }
    GeneratedSupport.fill(model.hidden_weights, 1.0, Mode.FAN_AVG, Distribution.UNIFORM,
        HiddenWeights.FAN_IN, HiddenWeights.FAN_OUT, seed, HiddenWeights.KEY);
    if (model.conv == null) {
      model.conv = new float[8][3][3][4];
    }
    GeneratedSupport.fill(model.conv, 0.5, Mode.FAN_AVG, Distribution.NORMAL,
        Conv.FAN_IN, Conv.FAN_OUT, seed, Conv.KEY);
    if (model.bias == null) {
      model.bias = new double[Bias.SIZE];
    }
    GeneratedSupport.fill(model.bias, 1.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL,
        Bias.FAN_IN, Bias.FAN_OUT, seed, Bias.KEY);
    if (model.scalar == null) {
      model.scalar = new float[Scalar.SIZE];
    }
    GeneratedSupport.fill(model.scalar, 1.0, Mode.FAN_OUT, Distribution.TRUNCATED_NORMAL,
        Scalar.FAN_IN, Scalar.FAN_OUT, seed, Scalar.KEY);
  }

  /**
   * Field {@code w1}, a {@code float[]} of shape [784, 256] (IN_OUT):
   * {@code @HeNormal}, scale 2.0, FAN_IN, TRUNCATED_NORMAL.
   */
  public static final class W1 {
    public static final int FAN_IN = 784;

    public static final int FAN_OUT = 256;

    public static final double VARIANCE = 0.002551020408163265;

    public static final double STDDEV = 0.057419456326711804;

    public static final int SIZE = 200704;

    public static final String KEY = "p.Mlp#w1";

    private W1() {
    }
  }

  /**
   * Field {@code hidden_weights}, a {@code double[][]} of shape [256, 10] (IN_OUT):
   * {@code @GlorotUniform}, scale 1.0, FAN_AVG, UNIFORM.
   */
  public static final class HiddenWeights {
    public static final int FAN_IN = 256;

    public static final int FAN_OUT = 10;

    public static final double VARIANCE = 0.007518796992481203;

    public static final double LIMIT = 0.15018785229652765;

    public static final int SIZE = 2560;

    public static final String KEY = "p.Mlp#hidden_weights";

    private HiddenWeights() {
    }
  }

  /**
   * Field {@code conv}, a {@code float[][][][]} of shape [8, 3, 3, 4] (OUT_IN):
   * {@code @VarianceScaled}, scale 0.5, FAN_AVG, NORMAL.
   */
  public static final class Conv {
    public static final int FAN_IN = 36;

    public static final int FAN_OUT = 96;

    public static final double VARIANCE = 0.007575757575757576;

    public static final double STDDEV = 0.08703882797784893;

    public static final int SIZE = 288;

    public static final String KEY = "p.Mlp#conv";

    private Conv() {
    }
  }

  /**
   * Field {@code bias}, a {@code double[]} of shape [10] (IN_OUT):
   * {@code @LecunNormal}, scale 1.0, FAN_IN, TRUNCATED_NORMAL.
   */
  public static final class Bias {
    public static final int FAN_IN = 10;

    public static final int FAN_OUT = 10;

    public static final double VARIANCE = 0.1;

    public static final double STDDEV = 0.35950266121730234;

    public static final int SIZE = 10;

    public static final String KEY = "p.Mlp#bias";

    private Bias() {
    }
  }

  /**
   * Field {@code scalar}, a {@code float[]} of shape [] (IN_OUT):
   * {@code @VarianceScaled}, scale 1.0, FAN_OUT, TRUNCATED_NORMAL.
   */
  public static final class Scalar {
    public static final int FAN_IN = 1;

    public static final int FAN_OUT = 1;

    public static final double VARIANCE = 1.0;

    public static final double STDDEV = 1.1368472343385565;

    public static final int SIZE = 1;

    public static final String KEY = "p.Mlp#scalar";

    private Scalar() {
    }
  }
}
