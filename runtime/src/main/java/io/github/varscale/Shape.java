package io.github.varscale;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The shape of a tensor field, and which of its dimensions are the fans.
 *
 * <p>The field is a {@code float[]} or {@code double[]} holding the tensor flat in row-major order
 * (length = the product of the dimensions), or a nested {@code float}/{@code double} array whose
 * rank equals the shape's rank ({@code a[i][j]} is flat element {@code i * d1 + j}).
 *
 * <p>Exactly one of {@link #value} and {@link #dims} is given; a scalar writes {@code value = {}}.
 *
 * <pre>{@code
 * @HeNormal @Shape({784, 256}) float[] w1;                        // constants
 * @GlorotUniform @Shape(dims = {"dModel", "4 * dModel"}) float[] up; // the model's own fields
 * @GlorotUniform @Shape(dims = {"dModel", "heads", "headDim"}, inAxes = 0, outAxes = {1, 2})
 * float[][][] wq;                                                  // attention, as JAX's axes
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Shape {
  /**
   * The dimensions as compile-time constants (literals, {@code static final int}s), each {@code >
   * 0}; their product is at most {@code Integer.MAX_VALUE - 8}.
   *
   * @return the dimensions, outermost first; none if {@link #dims} gives them, or for a scalar
   */
  int[] value() default {};

  /**
   * The dimensions as expressions read from the model when it is initialized: each one or more
   * terms joined by {@code *}, a term a positive integer literal or the simple name of an {@code
   * int} field of the model class or a superclass ({@code "dModel"}, {@code "4 * dModel"}). A
   * {@code static final} constant is folded at compile time; the others are read by {@code
   * initialize}, which refuses a dimension {@code <= 0} or a size past the bounds, before any
   * field has changed.
   *
   * @return the dimensions' expressions, outermost first; none if {@link #value} gives them
   */
  String[] dims() default {};

  /**
   * Which dimensions are the input and output channels; the rest is the receptive field. Not given
   * together with {@link #inAxes} and {@link #outAxes}.
   *
   * @return the layout of the channels among the dimensions, {@link Layout#IN_OUT} unless written
   */
  Layout layout() default Layout.IN_OUT;

  /**
   * Explicit input axes (JAX's {@code in_axis}, Keras's {@code input_axes}), given together with
   * {@link #outAxes}; negative axes count from the end. The dimensions in none of {@code inAxes},
   * {@code outAxes} and {@code batchAxes} form the receptive field.
   *
   * @return the input axes, each in {@code [-rank, rank)}; none to use the {@link #layout}
   */
  int[] inAxes() default {};

  /**
   * Explicit output axes (JAX's {@code out_axis}, Keras's {@code output_axes}), given together with
   * {@link #inAxes}; negative axes count from the end.
   *
   * @return the output axes, each in {@code [-rank, rank)}; none to use the {@link #layout}
   */
  int[] outAxes() default {};

  /**
   * Axes that count in neither fan (JAX's {@code batch_axis}), as the experts of {@code [experts,
   * in, out]}; with a {@link #layout}, dropped from its receptive field.
   *
   * @return the batch axes, each in {@code [-rank, rank)} and in no other group (with a layout,
   *     none of its channels); none by default
   */
  int[] batchAxes() default {};
}
