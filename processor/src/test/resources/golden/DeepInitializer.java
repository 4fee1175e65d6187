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
 * Initializes the tensors of {@link Deep}. Each tensor field has a nested class with its {@code
 * KEY}, and for a constant shape {@code FAN_IN}, {@code FAN_OUT} and {@code SIZE}.
 * A variance-scaled one also has {@code VARIANCE} and {@code STDDEV} or {@code LIMIT}.
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
   * Allocates the null tensor fields of {@code model} and its parts, then fills every
   * tensor for {@code seed}: the model's own, inherited ones included, then its parts.
   *
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException for a wrong shape, a dimension out of bounds or a null
   *     part element, having changed nothing
   */
  public static void initialize(Deep<?> model, long seed) {
    Walker.initialize(model, seed, WALK_FUNCTION);
  }

  /**
   * As {@code initialize(model, seed)}, each tensor's key {@code scope + "." + path}.
   *
   * @throws NullPointerException if {@code model} or {@code scope} is null
   * @throws IllegalArgumentException if {@code scope} is empty, or as {@code initialize}
   */
  public static void initialize(Deep<?> model, long seed, String scope) {
    Walker.initialize(model, seed, scope, WALK_FUNCTION);
  }

  /**
   * The tensors of {@code model} and its parts in fill order, null fields allocated (zeros).
   *
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException as {@code initialize}
   */
  public static List<ModelTensor> tensors(Deep<?> model) {
    return Walker.tensors(model, WALK_FUNCTION);
  }

  /**
   * The descriptions of {@code tensors(model)}, reading dims and parts, not tensor fields.
   *
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException for a dimension out of bounds or a null part element
   */
  public static List<TensorSpec> specs(Deep<?> model) {
    return Walker.specs(model, WALK_FUNCTION);
  }

  /**
   * The descriptions of the tensors of any {@link Deep}.
   */
  public static List<TensorSpec> specs() {
    return StaticSpecs.inherit(MlpInitializer.specs()).tensors(TENSOR_FIELDS).build();
  }

  /**
   * Visits the tensors and parts of {@code model} for the {@link Walker}; not for direct use.
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
