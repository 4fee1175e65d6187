package io.github.varscale.processor;

import javax.lang.model.element.TypeElement;

/**
 * What became of the other model classes a model refers to (its superclass's, its parts'): the
 * processor's bookkeeping, which the model's own {@link ModelClass} does not record.
 */
interface ModelOutcomes {
  /** Whether {@code model}'s initializer exists, or this compilation generates it. */
  boolean hasInitializer(TypeElement model);

  /** Whether {@code model} is a class of this compilation whose initializer was refused. */
  boolean failed(TypeElement model);

  /** Whether {@code model}'s initializer has the no-argument {@code specs()}. */
  boolean hasStaticSpecs(TypeElement model);
}
