package io.github.varscale;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code N(mean, stddev^2)} cut to {@code [mean - 2 stddev, mean + 2 stddev]}, whatever the
 * tensor's fans, with no variance correction (so the values' standard deviation is {@code 0.8796
 * stddev}): Keras's {@code TruncatedNormal}, JAX's {@code initializers.truncated_normal(stddev)},
 * PyTorch's {@code nn.init.trunc_normal_(w, mean, std, mean - 2 * std, mean + 2 * std)}. For a
 * variance that follows the fans, use {@link VarianceScaled}. Takes a {@link Shape} like the
 * variance-scaled fields. Run-time counterpart: {@link FixedInitializer#truncatedNormal(double,
 * double)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface TruncatedNormal {
  /** {@return the mean, finite} */
  double mean() default 0.0;

  /**
   * {@return the standard deviation before the cut, finite and {@code > 0}; Keras's default 0.05}
   * The values' standard deviation is {@code 0.8796} times it.
   */
  double stddev() default 0.05;
}
