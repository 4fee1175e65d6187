package p;

import io.github.varscale.Distribution;
import io.github.varscale.GeneratedSupport;
import io.github.varscale.Mode;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Initializes the variance-scaled fields of {@link Deep}; see {@link #initialize}.
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
public final class DeepInitializer {
  private DeepInitializer() {
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
  public static void initialize(Deep<?> model, long seed) {
    Objects.requireNonNull(model, "model");
    GeneratedSupport.check(model.head, Head.KEY, 10, 3);
    MlpInitializer.initialize(model, seed);
    if (model.head == null) {
      model.head = new float[10][3];
    }
    GeneratedSupport.fill(model.head, 2.0, Mode.FAN_IN, Distribution.UNIFORM,
        Head.FAN_IN, Head.FAN_OUT, seed, Head.KEY);
  }

  /**
   * Field {@code head}, a {@code float[][]} of shape [10, 3] (IN_OUT):
   * {@code @HeUniform}, scale 2.0, FAN_IN, UNIFORM.
   */
  public static final class Head {
    public static final int FAN_IN = 10;

    public static final int FAN_OUT = 3;

    public static final double VARIANCE = 0.2;

    public static final double LIMIT = 0.7745966692414834;

    public static final int SIZE = 30;

    public static final String KEY = "p.Deep#head";

    private Head() {
    }
  }
}
