package io.github.varscale;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * He (Kaiming) uniform: {@code U[-L, L]}, {@code L = sqrt(6 / fan_in)}. Keras {@code HeUniform}, PyTorch {@code kaiming_uniform_(nonlinearity="relu")}.
 *
 * <p>Same as {@code @VarianceScaled(scale = 2.0, mode = Mode.FAN_IN, distribution = Distribution.UNIFORM)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@VarianceScaled(scale = 2.0, mode = Mode.FAN_IN, distribution = Distribution.UNIFORM)
public @interface HeUniform {}
