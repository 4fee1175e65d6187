package p;

import io.github.varscale.ModelTensor;
import io.github.varscale.TensorSpec;
import io.github.varscale.internal.TensorField;
import io.github.varscale.internal.Walker;
import java.util.List;
import java.util.function.BiConsumer;
import javax.annotation.processing.Generated;

/**
 * Initializes the tensors of {@link Gpt}. Each tensor field has a nested class with its {@code
 * KEY}, and for a constant shape {@code FAN_IN}, {@code FAN_OUT} and {@code SIZE}.
 */
@Generated("io.github.varscale.processor.VarianceScaledProcessor")
public final class GptInitializer {
  private static final BiConsumer<Gpt, Walker> WALK_FUNCTION = GptInitializer::walk;

  /**
   * The tensor fields: name | element type | shape | fan axes | annotation | initializer.
   */
  private static final TensorField[] TENSOR_FIELDS = TensorField.table("p.Gpt", """
      embed | float | [100, 32] | IN_OUT | RandomNormal | RandomNormal[mean=0.0, stddev=0.02]
      """);

  private GptInitializer() {
  }

  /**
   * Allocates the null tensor fields of {@code model} and its parts, then fills every
   * tensor for {@code seed}: the model's own, inherited ones included, then its parts.
   *
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException for a wrong shape, a dimension out of bounds or a null
   *     part element, having changed nothing
   */
  public static void initialize(Gpt model, long seed) {
    Walker.initialize(model, seed, WALK_FUNCTION);
  }

  /**
   * As {@code initialize(model, seed)}, each tensor's key {@code scope + "." + path}.
   *
   * @throws NullPointerException if {@code model} or {@code scope} is null
   * @throws IllegalArgumentException if {@code scope} is empty, or as {@code initialize}
   */
  public static void initialize(Gpt model, long seed, String scope) {
    Walker.initialize(model, seed, scope, WALK_FUNCTION);
  }

  /**
   * The tensors of {@code model} and its parts in fill order, null fields allocated (zeros).
   *
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException as {@code initialize}
   */
  public static List<ModelTensor> tensors(Gpt model) {
    return Walker.tensors(model, WALK_FUNCTION);
  }

  /**
   * The descriptions of {@code tensors(model)}, reading dims and parts, not tensor fields.
   *
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException for a dimension out of bounds or a null part element
   */
  public static List<TensorSpec> specs(Gpt model) {
    return Walker.specs(model, WALK_FUNCTION);
  }

  /**
   * Visits the tensors and parts of {@code model} for the {@link Walker}; not for direct use.
   */
  public static void walk(Gpt model, Walker w) {
    if (w.enter(model.embed, TENSOR_FIELDS[0])) {
      model.embed = new float[Embed.SIZE];
    }
    w.leave(model.embed);
    w.parts("p.Gpt#blocks", model.blocks, BlockInitializer::walk);
    w.parts("p.Gpt#heads", model.heads, MlpInitializer::walk);
  }

  /**
   * Field {@code embed}, a {@code float[]} of shape [100, 32] (IN_OUT), {@code @RandomNormal}.
   */
  public static final class Embed {
    public static final String KEY = "p.Gpt#embed";

    public static final int FAN_IN = 100;

    public static final int FAN_OUT = 32;

    public static final int SIZE = 3200;

    private Embed() {
    }
  }
}
