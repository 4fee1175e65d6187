package io.github.varscale;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Glorot (Xavier) normal: truncated normal of variance {@code 2 / (fan_in + fan_out)}. Keras {@code GlorotNormal}; PyTorch {@code xavier_normal_} is untruncated.
 *
 * <p>Same as {@code @VarianceScaled(scale = 1.0, mode = Mode.FAN_AVG, distribution = Distribution.TRUNCATED_NORMAL)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@VarianceScaled(scale = 1.0, mode = Mode.FAN_AVG, distribution = Distribution.TRUNCATED_NORMAL)
public @interface GlorotNormal {}
