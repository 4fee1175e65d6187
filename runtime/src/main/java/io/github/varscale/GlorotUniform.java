package io.github.varscale;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Glorot (Xavier) uniform: {@code U[-L, L]}, {@code L = sqrt(6 / (fan_in + fan_out))}. Keras {@code GlorotUniform}, PyTorch {@code xavier_uniform_}.
 *
 * <p>Same as {@code @VarianceScaled(scale = 1.0, mode = Mode.FAN_AVG, distribution = Distribution.UNIFORM)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@VarianceScaled(scale = 1.0, mode = Mode.FAN_AVG, distribution = Distribution.UNIFORM)
public @interface GlorotUniform {}
