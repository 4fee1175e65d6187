package io.github.varscale;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code U[minval, maxval]}, whatever the tensor's fans: Keras's {@code RandomUniform} (the
 * default of its {@code Embedding}), PyTorch's {@code nn.init.uniform_(w, a, b)}. Takes a {@link
 * Shape} like the variance-scaled fields. Run-time counterpart: {@link
 * FixedInitializer#randomUniform(double, double)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface RandomUniform {
  /** {@return the lower bound, finite and {@code < maxval}; Keras's default -0.05} */
  double minval() default -0.05;

  /** {@return the upper bound, finite; Keras's default 0.05} */
  double maxval() default 0.05;
}
