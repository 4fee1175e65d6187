package io.github.varscale;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A part of the model: a field whose type is a model class (one with tensor or submodel fields of
 * its own), an array of one, or a {@code java.util.List} of one. The generated {@code initialize}
 * initializes every part after the model's own tensors, in declaration order, recursively, each
 * under its path: the tensor {@code wq} of {@code blocks[3].attn} is {@code
 * "blocks.3.attn.wq"}, so twelve blocks of one class get twelve independent sets of values.
 *
 * <pre>{@code
 * class Gpt {
 *   @Submodel Block[] blocks;
 *   @Submodel LayerNorm finalNorm;
 * }
 * }</pre>
 *
 * <p>A null field is skipped, as an optional part; a null element of an array or list is refused.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Submodel {}
