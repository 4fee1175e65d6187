package io.github.varscale;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every value 0, as for biases and the offsets of a normalization layer: Keras's {@code Zeros},
 * PyTorch's {@code nn.init.zeros_}, JAX's {@code initializers.zeros}. Takes a {@link Shape} like
 * the variance-scaled fields. Run-time counterpart: {@link FixedInitializer#zeros()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Zeros {}
