package p;

import io.github.varscale.ModelTensor;
import io.github.varscale.TensorSpec;
import io.github.varscale.internal.StaticSpecs;
import io.github.varscale.internal.TensorField;
import io.github.varscale.internal.Walker;
import java.util.List;
import java.util.function.BiConsumer;
import javax.annotation.processing.Generated;

/**
 * Initializes the tensors of {@link Mlp}. Each tensor field has a nested class with its {@code
 * KEY}, and for a constant shape {@code FAN_IN}, {@code FAN_OUT} and {@code SIZE}.
 * A variance-scaled one also has {@code VARIANCE} and {@code STDDEV} or {@code LIMIT}.
 */
@Generated("io.github.varscale.processor.VarianceScaledProcessor")
public final class MlpInitializer {
  private static final BiConsumer<Mlp, Walker> WALK_FUNCTION = MlpInitializer::walk;

  /**
   * The tensor fields: name | element type | shape | fan axes | annotation | initializer.
   */
  private static final TensorField[] TENSOR_FIELDS = TensorField.table("p.Mlp", """
      w1 | float | [784, 256] | IN_OUT | HeNormal | VarianceScaling[scale=2.0, mode=FAN_IN, distribution=TRUNCATED_NORMAL]
      b1 | float | [256] | IN_OUT | Zeros | Zeros
      hidden_weights | double | [256, 10] | IN_OUT | GlorotUniform | VarianceScaling[scale=1.0, mode=FAN_AVG, distribution=UNIFORM]
      conv | float | [8, 3, 3, 4] | OUT_IN | VarianceScaled | VarianceScaling[scale=0.5, mode=FAN_GEO_AVG, distribution=NORMAL]
      bias | double | [10] | IN_OUT | LecunNormal | VarianceScaling[scale=1.0, mode=FAN_IN, distribution=TRUNCATED_NORMAL]
      scalar | float | [] | IN_OUT | VarianceScaled | VarianceScaling[scale=1.0, mode=FAN_OUT, distribution=TRUNCATED_NORMAL]
      """);

  private MlpInitializer() {
  }

  /**
   * Allocates the null tensor fields of {@code model} and its parts, then fills every
   * tensor for {@code seed}: the model's own, inherited ones included, then its parts.
   *
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException for a wrong shape, a dimension out of bounds or a null
   *     part element, having changed nothing
   */
  public static void initialize(Mlp model, long seed) {
    Walker.initialize(model, seed, WALK_FUNCTION);
  }

  /**
   * As {@code initialize(model, seed)}, each tensor's key {@code scope + "." + path}.
   *
   * @throws NullPointerException if {@code model} or {@code scope} is null
   * @throws IllegalArgumentException if {@code scope} is empty, or as {@code initialize}
   */
  public static void initialize(Mlp model, long seed, String scope) {
    Walker.initialize(model, seed, scope, WALK_FUNCTION);
  }

  /**
   * The tensors of {@code model} and its parts in fill order, null fields allocated (zeros).
   *
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException as {@code initialize}
   */
  public static List<ModelTensor> tensors(Mlp model) {
    return Walker.tensors(model, WALK_FUNCTION);
  }

  /**
   * The descriptions of {@code tensors(model)}, reading dims and parts, not tensor fields.
   *
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException for a dimension out of bounds or a null part element
   */
  public static List<TensorSpec> specs(Mlp model) {
    return Walker.specs(model, WALK_FUNCTION);
  }

  /**
   * The descriptions of the tensors of any {@link Mlp}.
   */
  public static List<TensorSpec> specs() {
    return StaticSpecs.of().tensors(TENSOR_FIELDS).build();
  }

  /**
   * Visits the tensors and parts of {@code model} for the {@link Walker}; not for direct use.
   */
  public static void walk(Mlp model, Walker w) {
    if (w.enter(model.w1, TENSOR_FIELDS[0])) {
      model.w1 = new float[W1.SIZE];
    }
    w.leave(model.w1);
    if (w.enter(model.b1, TENSOR_FIELDS[1])) {
      model.b1 = new float[B1.SIZE];
    }
    w.leave(model.b1);
    if (w.enter(model.hidden_weights, TENSOR_FIELDS[2])) {
      model.hidden_weights = new double[256][10];
    }
    w.leave(model.hidden_weights);
    if (w.enter(model.conv, TENSOR_FIELDS[3])) {
      model.conv = new float[8][3][3][4];
    }
    w.leave(model.conv);
    if (w.enter(model.bias, TENSOR_FIELDS[4])) {
      model.bias = new double[Bias.SIZE];
    }
    w.leave(model.bias);
    if (w.enter(model.scalar, TENSOR_FIELDS[5])) {
      model.scalar = new float[Scalar.SIZE];
    }
    w.leave(model.scalar);
  }

  /**
   * Field {@code w1}, a {@code float[]} of shape [784, 256] (IN_OUT), {@code @HeNormal}.
   */
  public static final class W1 {
    public static final String KEY = "p.Mlp#w1";

    public static final int FAN_IN = 784;

    public static final int FAN_OUT = 256;

    public static final int SIZE = 200704;

    public static final double VARIANCE = 0.002551020408163265;

    public static final double STDDEV = 0.057419456326711804;

    private W1() {
    }
  }

  /**
   * Field {@code b1}, a {@code float[]} of shape [256] (IN_OUT), {@code @Zeros}.
   */
  public static final class B1 {
    public static final String KEY = "p.Mlp#b1";

    public static final int FAN_IN = 256;

    public static final int FAN_OUT = 256;

    public static final int SIZE = 256;

    private B1() {
    }
  }

  /**
   * Field {@code hidden_weights}, a {@code double[][]} of shape [256, 10] (IN_OUT),
   * {@code @GlorotUniform}.
   */
  public static final class HiddenWeights {
    public static final String KEY = "p.Mlp#hidden_weights";

    public static final int FAN_IN = 256;

    public static final int FAN_OUT = 10;

    public static final int SIZE = 2560;

    public static final double VARIANCE = 0.007518796992481203;

    public static final double LIMIT = 0.15018785229652765;

    private HiddenWeights() {
    }
  }

  /**
   * Field {@code conv}, a {@code float[][][][]} of shape [8, 3, 3, 4] (OUT_IN),
   * {@code @VarianceScaled}.
   */
  public static final class Conv {
    public static final String KEY = "p.Mlp#conv";

    public static final int FAN_IN = 36;

    public static final int FAN_OUT = 96;

    public static final int SIZE = 288;

    public static final double VARIANCE = 0.008505172717997146;

    public static final double STDDEV = 0.09222349330836013;

    private Conv() {
    }
  }

  /**
   * Field {@code bias}, a {@code double[]} of shape [10] (IN_OUT), {@code @LecunNormal}.
   */
  public static final class Bias {
    public static final String KEY = "p.Mlp#bias";

    public static final int FAN_IN = 10;

    public static final int FAN_OUT = 10;

    public static final int SIZE = 10;

    public static final double VARIANCE = 0.1;

    public static final double STDDEV = 0.35950266121730234;

    private Bias() {
    }
  }

  /**
   * Field {@code scalar}, a {@code float[]} of shape [] (IN_OUT), {@code @VarianceScaled}.
   */
  public static final class Scalar {
    public static final String KEY = "p.Mlp#scalar";

    public static final int FAN_IN = 1;

    public static final int FAN_OUT = 1;

    public static final int SIZE = 1;

    public static final double VARIANCE = 1.0;

    public static final double STDDEV = 1.1368472343385565;

    private Scalar() {
    }
  }
}
