package p;

import io.github.varscale.ModelTensor;
import io.github.varscale.TensorSpec;
import io.github.varscale.internal.TensorField;
import io.github.varscale.internal.Walker;
import java.util.List;
import java.util.function.BiConsumer;
import javax.annotation.processing.Generated;

/**
 * Initializes the tensors of {@link Block}; see {@link #initialize}.
 *
 * <p>Each tensor field has a nested class with its {@code KEY}; for a constant shape also
 * {@code FAN_IN}, {@code FAN_OUT} and {@code SIZE}.
 * A variance-scaled field of constant shape also has {@code VARIANCE} and {@code STDDEV} or
 * {@code LIMIT}, as {@code VarianceScaling} computed them when this class was generated.
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
   * Allocates every null tensor field of {@code model} and of its parts with its declared
   * shape, then fills every tensor with its initializer's values for {@code seed}: the
   * model's own tensors, inherited ones included, then its parts, in declaration order.
   *
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException if a field holds an array of another shape, a
   *     dimension read from the model is out of bounds, or a part array or list holds a
   *     null; then no field of the model or its parts has changed
   */
  public static void initialize(Block model, long seed) {
    Walker.initialize(model, seed, WALK_FUNCTION);
  }

  /**
   * As {@code initialize(model, seed)}, with the key of each tensor {@code scope + "." +
   * path}: for a model composed by hand.
   *
   * @throws NullPointerException if {@code model} or {@code scope} is null
   * @throws IllegalArgumentException if {@code scope} is empty, or as {@code
   *     initialize(model, seed)}
   */
  public static void initialize(Block model, long seed, String scope) {
    Walker.initialize(model, seed, scope, WALK_FUNCTION);
  }

  /**
   * The tensors of {@code model} and of its parts, in the order {@code initialize} fills
   * them; a null tensor field is first allocated with zeros.
   *
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException as {@code initialize} refuses the model
   */
  public static List<ModelTensor> tensors(Block model) {
    return Walker.tensors(model, WALK_FUNCTION);
  }

  /**
   * The descriptions of the tensors of {@code model} and of its parts, in the order of
   * {@code tensors}; reads the fields the shapes' dims name and the parts, not the tensor
   * fields.
   *
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException if a dimension read from the model is out of bounds,
   *     or a part array or list holds a null
   */
  public static List<TensorSpec> specs(Block model) {
    return Walker.specs(model, WALK_FUNCTION);
  }

  /**
   * Visits the tensors and parts of {@code model} for the runtime's {@link Walker}: called by
   * {@code initialize}, {@code tensors} and {@code specs}, and by the initializers of
   * subclasses and of models made of parts; not for direct use.
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
     * The description of {@code model.up}: its shape, size and fans for the model's
     * dimensions.
     *
     * @throws IllegalArgumentException if a dimension read from the model is out of bounds
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
     * The description of {@code model.gain}: its shape, size and fans for the model's
     * dimensions.
     *
     * @throws IllegalArgumentException if a dimension read from the model is out of bounds
     */
    public static TensorSpec spec(Block model) {
      return TENSOR_FIELDS[1].spec(model.dModel);
    }
  }
}
