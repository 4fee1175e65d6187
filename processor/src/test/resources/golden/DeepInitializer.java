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
 * Initializes the tensors of {@link Deep}; see {@link #initialize}.
 *
 * <p>Each tensor field has a nested class with its {@code KEY}; for a constant shape also
 * {@code FAN_IN}, {@code FAN_OUT} and {@code SIZE}.
 * A variance-scaled field of constant shape also has {@code VARIANCE} and {@code STDDEV} or
 * {@code LIMIT}, as {@code VarianceScaling} computed them when this class was generated.
 */
@Generated("io.github.varscale.processor.VarianceScaledProcessor")
public final class DeepInitializer {
  private static final BiConsumer<Deep<?>, Walker> WALK_FUNCTION = DeepInitializer::walk;

  /**
   * The tensor fields: name | element type | shape | fan axes | annotation | initializer.
   */
  private static final TensorField[] TENSOR_FIELDS = TensorField.table("p.Deep", """
      head | float | [10, 3] | IN_OUT | HeUniform | VarianceScaling[scale=2.0, mode=FAN_IN, distribution=UNIFORM]
      """);

  private DeepInitializer() {
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
  public static void initialize(Deep<?> model, long seed) {
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
  public static void initialize(Deep<?> model, long seed, String scope) {
    Walker.initialize(model, seed, scope, WALK_FUNCTION);
  }

  /**
   * The tensors of {@code model} and of its parts, in the order {@code initialize} fills
   * them; a null tensor field is first allocated with zeros.
   *
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException as {@code initialize} refuses the model
   */
  public static List<ModelTensor> tensors(Deep<?> model) {
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
  public static List<TensorSpec> specs(Deep<?> model) {
    return Walker.specs(model, WALK_FUNCTION);
  }

  /**
   * The descriptions of the tensors of any {@link Deep}, whose shapes are constants.
   */
  public static List<TensorSpec> specs() {
    return StaticSpecs.inherit(MlpInitializer.specs()).tensors(TENSOR_FIELDS).build();
  }

  /**
   * Visits the tensors and parts of {@code model} for the runtime's {@link Walker}: called by
   * {@code initialize}, {@code tensors} and {@code specs}, and by the initializers of
   * subclasses and of models made of parts; not for direct use.
   */
  public static void walk(Deep<?> model, Walker w) {
    MlpInitializer.walk(model, w);
    if (w.enter(model.head, TENSOR_FIELDS[0])) {
      model.head = new float[10][3];
    }
    w.leave(model.head);
  }

  /**
   * Field {@code head}, a {@code float[][]} of shape [10, 3] (IN_OUT), {@code @HeUniform}.
   */
  public static final class Head {
    public static final String KEY = "p.Deep#head";

    public static final int FAN_IN = 10;

    public static final int FAN_OUT = 3;

    public static final int SIZE = 30;

    public static final double VARIANCE = 0.2;

    public static final double LIMIT = 0.7745966692414834;

    private Head() {
    }
  }
}
