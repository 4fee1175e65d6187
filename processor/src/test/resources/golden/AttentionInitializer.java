package p;

import io.github.varscale.ModelTensor;
import io.github.varscale.TensorSpec;
import io.github.varscale.internal.TensorField;
import io.github.varscale.internal.Walker;
import java.util.List;
import java.util.function.BiConsumer;
import javax.annotation.processing.Generated;

/**
 * Initializes the tensors of {@link Attention}. Each tensor field has a nested class with its {@code
 * KEY}, and for a constant shape {@code FAN_IN}, {@code FAN_OUT} and {@code SIZE}.
 * A variance-scaled one also has {@code VARIANCE} and {@code STDDEV} or {@code LIMIT}.
 */
@Generated("io.github.varscale.processor.VarianceScaledProcessor")
public final class AttentionInitializer {
  private static final BiConsumer<Attention, Walker> WALK_FUNCTION = AttentionInitializer::walk;

  /**
   * The tensor fields: name | element type | shape | fan axes | annotation | initializer.
   */
  private static final TensorField[] TENSOR_FIELDS = TensorField.table("p.Attention", """
      wq | float | {"dModel", "heads", "HEAD_DIM"} | inAxes [0], outAxes [1, 2] | GlorotUniform | VarianceScaling[scale=1.0, mode=FAN_AVG, distribution=UNIFORM]
      wo | double | {"heads", "HEAD_DIM", "dModel"} | inAxes [0, 1], outAxes [-1] | LecunNormal | VarianceScaling[scale=1.0, mode=FAN_IN, distribution=TRUNCATED_NORMAL]
      """);

  private AttentionInitializer() {
  }

  /**
   * Allocates the null tensor fields of {@code model} and its parts, then fills every
   * tensor for {@code seed}: the model's own, inherited ones included, then its parts.
   *
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException for a wrong shape, a dimension out of bounds or a null
   *     part element, having changed nothing
   */
  public static void initialize(Attention model, long seed) {
    Walker.initialize(model, seed, WALK_FUNCTION);
  }

  /**
   * As {@code initialize(model, seed)}, each tensor's key {@code scope + "." + path}.
   *
   * @throws NullPointerException if {@code model} or {@code scope} is null
   * @throws IllegalArgumentException if {@code scope} is empty, or as {@code initialize}
   */
  public static void initialize(Attention model, long seed, String scope) {
    Walker.initialize(model, seed, scope, WALK_FUNCTION);
  }

  /**
   * The tensors of {@code model} and its parts in fill order, null fields allocated (zeros).
   *
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException as {@code initialize}
   */
  public static List<ModelTensor> tensors(Attention model) {
    return Walker.tensors(model, WALK_FUNCTION);
  }

  /**
   * The descriptions of {@code tensors(model)}, reading dims and parts, not tensor fields.
   *
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException for a dimension out of bounds or a null part element
   */
  public static List<TensorSpec> specs(Attention model) {
    return Walker.specs(model, WALK_FUNCTION);
  }

  /**
   * Visits the tensors and parts of {@code model} for the {@link Walker}; not for direct use.
   */
  public static void walk(Attention model, Walker w) {
    if (w.enter(model.wq, TENSOR_FIELDS[0], model.dModel, model.heads, 16 /* HEAD_DIM */)) {
      model.wq = new float[w.dim(0)][w.dim(1)][w.dim(2)];
    }
    w.leave(model.wq);
    if (w.enter(model.wo, TENSOR_FIELDS[1], model.heads, 16 /* HEAD_DIM */, model.dModel)) {
      model.wo = new double[w.size()];
    }
    w.leave(model.wo);
  }

  /**
   * Field {@code wq}, a {@code float[][][]} of shape {"dModel", "heads", "HEAD_DIM"} (inAxes
   * [0], outAxes [1, 2]), {@code @GlorotUniform}.
   */
  public static final class Wq {
    public static final String KEY = "p.Attention#wq";

    private Wq() {
    }

    /**
     * The description of {@code model.wq} for the model's dimensions.
     *
     * @throws IllegalArgumentException if a dimension is out of bounds
     */
    public static TensorSpec spec(Attention model) {
      return TENSOR_FIELDS[0].spec(model.dModel, model.heads, 16 /* HEAD_DIM */);
    }
  }

  /**
   * Field {@code wo}, a {@code double[]} of shape {"heads", "HEAD_DIM", "dModel"} (inAxes [0,
   * 1], outAxes [-1]), {@code @LecunNormal}.
   */
  public static final class Wo {
    public static final String KEY = "p.Attention#wo";

    private Wo() {
    }

    /**
     * The description of {@code model.wo} for the model's dimensions.
     *
     * @throws IllegalArgumentException if a dimension is out of bounds
     */
    public static TensorSpec spec(Attention model) {
      return TENSOR_FIELDS[1].spec(model.heads, 16 /* HEAD_DIM */, model.dModel);
    }
  }
}
