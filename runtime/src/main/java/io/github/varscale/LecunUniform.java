package io.github.varscale;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * LeCun uniform: {@code U[-L, L]}, {@code L = sqrt(3 / fan_in)}. Keras {@code LecunUniform}.
 *
 * <p>Same as {@code @VarianceScaled(scale = 1.0, mode = Mode.FAN_IN, distribution = Distribution.UNIFORM)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@VarianceScaled(scale = 1.0, mode = Mode.FAN_IN, distribution = Distribution.UNIFORM)
public @interface LecunUniform {}
