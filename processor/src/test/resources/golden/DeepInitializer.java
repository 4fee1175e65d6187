package p;

import io.github.varscale.Distribution;
import io.github.varscale.Fans;
import io.github.varscale.Mode;
import io.github.varscale.VarianceScaling;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Initializes the variance-scaled fields of {@link Deep}; see {@link #initialize}.
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
    Head.check(model.head);
    MlpInitializer.initialize(model, seed);
    model.head = Head.fill(model.head, seed);
  }

  /**
   * Field {@code head} of {@link Deep}, annotated {@code @HeUniform}:
   * <ul>
   *   <li>scale 2.0, mode FAN_IN, distribution UNIFORM;
   *   <li>shape [10, 3] in layout IN_OUT, 30 elements held in a {@code float[][]};
   *   <li>fan_in = 10, fan_out = 3, n = fan_in;
   *   <li>variance = 2.0 / max(1, n) = 0.2;
   *   <li>limit = 0.7745966692414834;
   *   <li>key {@code "p.Deep#head"}.
   * </ul>
   */
  public static final class Head {
    public static final int FAN_IN = 10;

    public static final int FAN_OUT = 3;

    /**
     * The variance of the values, {@code scale / max(1, n)}.
     */
    public static final double VARIANCE = 0.2;

    /**
     * The limit {@code L = sqrt(3 * VARIANCE)}: values lie in {@code [-L, L]}.
     */
    public static final double LIMIT = 0.7745966692414834;

    public static final int SIZE = 30;

    /**
     * The key that names the field's values.
     */
    public static final String KEY = "p.Deep#head";

    private static final VarianceScaling SCALING = VarianceScaling.of(2.0, Mode.FAN_IN,
        Distribution.UNIFORM);

    private static final Fans FANS = new Fans(FAN_IN, FAN_OUT);

    private Head() {
    }

    private static void check(float[][] tensor) {
      if (tensor == null) {
        return;
      }
      if (tensor.length != 10) {
        throw mismatch("head.length = " + tensor.length);
      }
      for (int i0 = 0; i0 < 10; i0++) {
        if (tensor[i0] == null) {
          throw mismatch("head[" + i0 + "] = null");
        }
        if (tensor[i0].length != 3) {
          throw mismatch("head[" + i0 + "].length = " + tensor[i0].length);
        }
      }
    }

    private static IllegalArgumentException mismatch(String found) {
      return new IllegalArgumentException("p.Deep.head must be null or have shape [10, 3], found "
          + found);
    }

    private static float[][] fill(float[][] tensor, long seed) {
      float[][] filled = tensor == null ? new float[10][3] : tensor;
      long first = 0;
      for (float[] row : filled) {
        SCALING.fill(row, 0, row.length, first, FANS, seed, KEY);
        first += row.length;
      }
      return filled;
    }
  }
}
