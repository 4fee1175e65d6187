package io.github.varscale.sample;

import io.github.varscale.Distribution;
import io.github.varscale.Mode;
import io.github.varscale.VarianceScaled;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A preset of this project's own: the weights PyTorch's {@code nn.Linear} and {@code nn.Conv2d}
 * start with, {@code U(-1/sqrt(fan_in), 1/sqrt(fan_in))}. A uniform law on {@code [-L, L]} has
 * variance {@code L^2 / 3}, hence {@code scale = 1/3}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@VarianceScaled(scale = 1 / 3.0, mode = Mode.FAN_IN, distribution = Distribution.UNIFORM)
public @interface TorchLinearDefault {}
