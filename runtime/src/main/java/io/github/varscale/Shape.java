package io.github.varscale;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The shape of a weight tensor field, and which of its dimensions are the fans.
 *
 * <p>The field is a {@code float[]} or {@code double[]} holding the tensor flat in row-major order
 * (length = the product of the dimensions), or a nested {@code float}/{@code double} array whose
 * rank equals the shape's rank ({@code a[i][j]} is flat element {@code i * d1 + j}). The
 * dimensions are compile-time constants: literals or {@code static final int}s.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Shape {
  /** The dimensions, each {@code > 0}; their product is at most {@code Integer.MAX_VALUE - 8}. */
  int[] value();

  /** Which dimensions are the input and output channels; the rest is the receptive field. */
  Layout layout() default Layout.IN_OUT;
}
