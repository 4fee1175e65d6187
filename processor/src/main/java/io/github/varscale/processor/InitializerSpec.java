package io.github.varscale.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.github.varscale.FanAxes;
import io.github.varscale.Initializer;
import io.github.varscale.processor.ModelClass.Container;
import io.github.varscale.processor.ModelClass.Kind;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * A validated model class: everything {@link InitializerWriter} needs, and nothing it could judge.
 *
 * @param origin the model class, the generated file's only originating element
 * @param name the initializer class to write
 * @param model the model class, raw: for documentation and for reading its static fields
 * @param modelType the type {@code initialize} takes
 * @param superInitializer the initializer of the nearest superclass declaring model fields
 * @param staticSpecs whether the specs depend on no instance, so that {@code specs()} exists
 * @param generatedAnnotation whether to add {@code @javax.annotation.processing.Generated}
 * @param tensors the tensor fields the class declares, in declaration order
 * @param parts the part fields the class declares, in declaration order
 */
record InitializerSpec(
    TypeElement origin,
    ClassName name,
    ClassName model,
    TypeName modelType,
    Optional<ClassName> superInitializer,
    boolean staticSpecs,
    boolean generatedAnnotation,
    List<TensorPlan> tensors,
    List<PartPlan> parts) {

  /**
   * A tensor field with every number the generated code needs.
   *
   * @param field the field's name
   * @param nestedClass the generated nested class holding its constants, e.g. {@code HiddenWeights}
   * @param key its key at the root of its model, {@code "<canonical class name>#<field>"}
   * @param isDouble whether the elements are {@code double}s rather than {@code float}s
   * @param arrayRank the field's array dimensions: 1 for a flat array, the shape's rank for a
   *     nested one
   * @param annotation the initializer annotation's simple name, e.g. {@code HeNormal}
   * @param kind which runtime initializer draws the values
   * @param initializer that initializer, with the annotation's settings
   * @param axes which dimensions are the fans
   * @param shape the constant dimensions, if the shape is constant
   * @param dims the dims entries as written, if it is read from the model
   * @param reads the fields the dims read, in the order their values are passed
   * @param constants the compile-time constants of a constant shape
   */
  record TensorPlan(
      String field,
      String nestedClass,
      String key,
      boolean isDouble,
      int arrayRank,
      String annotation,
      Kind kind,
      Initializer initializer,
      FanAxes axes,
      Optional<List<Integer>> shape,
      List<String> dims,
      List<Read> reads,
      Optional<Constants> constants) {

    boolean isFlat() {
      return arrayRank == 1;
    }
  }

  /**
   * A field a dims entry reads: {@code model.dModel}, {@code Model.max} if static, or the value of
   * a compile-time constant, which the generated code passes as a literal (the constant may be
   * private, and javac folds it anyway).
   */
  record Read(String name, boolean isStatic, Optional<Integer> constant) {}

  /**
   * The compile-time constants of a field of constant shape.
   *
   * @param variance {@code scale / max(1, n)}, for a variance-scaled field
   * @param spread the normal law's {@code STDDEV} or the uniform law's {@code LIMIT}, for a
   *     variance-scaled field
   * @param spreadName {@code "STDDEV"} or {@code "LIMIT"}
   */
  record Constants(
      int fanIn, int fanOut, int size, Optional<Double> variance, Optional<Double> spread,
      String spreadName) {}

  /**
   * A {@code @Submodel} field.
   *
   * @param key {@code "<canonical class name>#<field>"}
   * @param initializer the initializer of the parts' model class
   */
  record PartPlan(String field, String key, Container container, ClassName initializer) {}
}
