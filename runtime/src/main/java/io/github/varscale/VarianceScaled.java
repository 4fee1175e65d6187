package io.github.varscale;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Initializes a weight tensor field with samples of variance {@code v = scale / max(1, n)}, where
 * {@code n} is the tensor's fan-in, fan-out or their mean (see {@link Mode}) computed from its
 * {@link Shape}: Keras's {@code VarianceScaling}, TF1's {@code variance_scaling_initializer}.
 *
 * <pre>{@code
 * @VarianceScaled(scale = 2.0, mode = Mode.FAN_IN, distribution = Distribution.NORMAL)
 * @Shape({784, 256})
 * float[] w1;
 * }</pre>
 *
 * <p>The annotation processor checks the configuration at compile time and writes a {@code
 * <Model>Initializer} whose {@code initialize(model, seed)} fills the field. On an annotation type
 * it makes a preset: every field annotated with that type is initialized as if it carried this
 * annotation (see {@link GlorotUniform} and the other built-in presets).
 *
 * <p>The values of a field are a pure function of the seed, the field's key {@code "<canonical
 * class name>#<field>"}, these settings, the fans, the flat element index and the element type:
 * the same bits on every JVM, platform and thread count.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.ANNOTATION_TYPE})
public @interface VarianceScaled {
  /**
   * Multiplies the variance: Keras's {@code scale}, TF1's {@code factor}. Finite and {@code > 0}.
   *
   * @return the factor of the variance: 1 for Glorot and LeCun, 2 for He; {@link Gain} has
   *     PyTorch's gains as such factors
   */
  double scale() default 1.0;

  /** {@return which fan, or mean of the fans, is the {@code n} dividing the variance} */
  Mode mode() default Mode.FAN_IN;

  /**
   * {@return the law the weights are drawn from} Every choice has mean 0 and variance exactly
   * {@code v}.
   */
  Distribution distribution() default Distribution.TRUNCATED_NORMAL;
}
