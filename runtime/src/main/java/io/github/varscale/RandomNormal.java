package io.github.varscale;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code N(mean, stddev^2)}, untruncated, whatever the tensor's fans: Keras's {@code RandomNormal},
 * PyTorch's {@code nn.init.normal_(w, mean, std)}, JAX's {@code initializers.normal(stddev)}; GPT-2
 * draws its embeddings and projections from {@code @RandomNormal(stddev = 0.02)}. Takes a {@link
 * Shape} like the variance-scaled fields. Run-time counterpart: {@link
 * FixedInitializer#randomNormal(double, double)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface RandomNormal {
  /** {@return the mean, finite} */
  double mean() default 0.0;

  /** {@return the standard deviation, finite and {@code > 0}; Keras's default 0.05} */
  double stddev() default 0.05;
}
