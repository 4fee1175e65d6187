package io.github.varscale.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * A validated model class: everything {@link InitializerWriter} needs, and nothing it could judge.
 *
 * @param origin the model class, the generated file's only originating element
 * @param name the initializer class to write
 * @param model the model class, raw, for documentation
 * @param modelType the type {@code initialize} takes
 * @param superInitializer the initializer of the nearest superclass declaring annotated fields
 * @param generatedAnnotation whether to add {@code @javax.annotation.processing.Generated}
 * @param tensors the fields the class declares, in declaration order
 */
record InitializerSpec(
    TypeElement origin,
    ClassName name,
    ClassName model,
    TypeName modelType,
    Optional<ClassName> superInitializer,
    boolean generatedAnnotation,
    List<Tensor> tensors) {}
