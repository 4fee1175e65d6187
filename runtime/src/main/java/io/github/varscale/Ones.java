package io.github.varscale;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every value 1, as for the gains of a normalization layer: Keras's {@code Ones}, PyTorch's {@code
 * nn.init.ones_}, JAX's {@code initializers.ones}. Takes a {@link Shape} like the variance-scaled
 * fields. Run-time counterpart: {@link FixedInitializer#ones()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Ones {}
