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
 * A preset of this project's own: PyTorch's {@code torch.nn.init.kaiming_normal_(w)}, an
 * untruncated {@code N(0, 2 / fan_in)}. Varscale's {@code @HeNormal} follows Keras and truncates.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@VarianceScaled(scale = 2.0, mode = Mode.FAN_IN, distribution = Distribution.NORMAL)
public @interface KaimingNormal {}
