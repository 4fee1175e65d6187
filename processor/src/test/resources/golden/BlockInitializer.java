package p;

import io.github.varscale.ModelTensor;
import io.github.varscale.TensorSpec;
import io.github.varscale.internal.TensorField;
import io.github.varscale.internal.Walker;
import java.util.List;
import java.util.function.BiConsumer;
import javax.annotation.processing.Generated;

/**
 * Initializes the tensors of {@link Block}. Each tensor field has a nested class with its {@code
 * KEY}, and for a constant shape {@code FAN_IN}, {@code FAN_OUT} and {@code SIZE}.
 * A variance-scaled one also has {@code VARIANCE} and {@code STDDEV} or {@code LIMIT}.
 */
@Generated("io.github.varscale.processor.VarianceScaledProcessor")
public final class BlockInitializer {
  private static final BiConsumer<Block, Walker> WALK_FUNCTION = BlockInitializer::walk;

  /**
   * The tensor fields: name | element type | shape | fan axes | annotation | initializer.
   */
  private static final TensorField[] TENSOR_FIELDS = TensorField.table("p.Block", """
      up | float | {"dModel", "4 * dModel"} | IN_OUT | HeNormal | VarianceScaling[scale=2.0, mode=FAN_IN, distribution=TRUNCATED_NORMAL]
      gain | float | {"dModel"} | IN_OUT | Ones | Ones
      """);

  private BlockInitializer() {
  }

  /**
   * Allocates the null tensor fields of {@code model} and its parts, then fills every
   * tensor for {@code seed}: the model's own, inherited ones included, then its parts.
   *
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException for a wrong shape, a dimension out of bounds or a null
   *     part element, having changed nothing
   */
  public static void initialize(Block model, long seed) {
    Walker.initialize(model, seed, WALK_FUNCTION);
  }

  /**
   * As {@code initialize(model, seed)}, each tensor's key {@code scope + "." + path}.
   *
   * @throws NullPointerException if {@code model} or {@code scope} is null
   * @throws IllegalArgumentException if {@code scope} is empty, or as {@code initialize}
   */
  public static void initialize(Block model, long seed, String scope) {
    Walker.initialize(model, seed, scope, WALK_FUNCTION);
  }

  /**
   * The tensors of {@code model} and its parts in fill order, null fields allocated (zeros).
   *
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException as {@code initialize}
   */
  public static List<ModelTensor> tensors(Block model) {
    return Walker.tensors(model, WALK_FUNCTION);
  }

  /**
   * The descriptions of {@code tensors(model)}, reading dims and parts, not tensor fields.
   *
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException for a dimension out of bounds or a null part element
   */
  public static List<TensorSpec> specs(Block model) {
    return Walker.specs(model, WALK_FUNCTION);
  }

  /**
   * Visits the tensors and parts of {@code model} for the {@link Walker}; not for direct use.
   */
  public static void walk(Block model, Walker w) {
    if (w.enter(model.up, TENSOR_FIELDS[0], model.dModel)) {
      model.up = new float[w.size()];
    }
    w.leave(model.up);
    if (w.enter(model.gain, TENSOR_FIELDS[1], model.dModel)) {
      model.gain = new float[w.size()];
    }
    w.leave(model.gain);
    w.part("p.Block#attn", model.attn, AttentionInitializer::walk);
    w.part("p.Block#mlp", model.mlp, MlpInitializer::walk);
  }

  /**
   * Field {@code up}, a {@code float[]} of shape {"dModel", "4 * dModel"} (IN_OUT),
   * {@code @HeNormal}.
   */
  public static final class Up {
    public static final String KEY = "p.Block#up";

    private Up() {
    }

    /**
     * The description of {@code model.up} for the model's dimensions.
     *
     * @throws IllegalArgumentException if a dimension is out of bounds
     */
    public static TensorSpec spec(Block model) {
      return TENSOR_FIELDS[0].spec(model.dModel);
    }
  }

  /**
   * Field {@code gain}, a {@code float[]} of shape {"dModel"} (IN_OUT), {@code @Ones}.
   */
  public static final class Gain {
    public static final String KEY = "p.Block#gain";

    private Gain() {
    }

    /**
     * The description of {@code model.gain} for the model's dimensions.
     *
     * @throws IllegalArgumentException if a dimension is out of bounds
     */
    public static TensorSpec spec(Block model) {
      return TENSOR_FIELDS[1].spec(model.dModel);
    }
  }
}
