package io.github.varscale;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every value {@link #value}: Keras's {@code Constant}, PyTorch's {@code nn.init.constant_}, JAX's
 * {@code initializers.constant}. Takes a {@link Shape} like the variance-scaled fields. Run-time
 * counterpart: {@link FixedInitializer#constant(double)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Constant {
  /**
   * {@return the value of every element, finite (and within {@code float}'s range for a {@code
   * float} tensor)}
   */
  double value();
}
