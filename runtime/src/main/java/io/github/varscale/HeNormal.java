package io.github.varscale;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * He (Kaiming) normal: truncated normal of variance {@code 2 / fan_in}, for ReLU networks. Keras {@code HeNormal}; PyTorch {@code kaiming_normal_} is untruncated.
 *
 * <p>Same as {@code @VarianceScaled(scale = 2.0, mode = Mode.FAN_IN, distribution = Distribution.TRUNCATED_NORMAL)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@VarianceScaled(scale = 2.0, mode = Mode.FAN_IN, distribution = Distribution.TRUNCATED_NORMAL)
public @interface HeNormal {}
