package io.github.varscale.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.github.varscale.Distribution;
import io.github.varscale.Layout;
import io.github.varscale.Mode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * What the processor read about one class that declares annotated tensor fields: the facts as
 * written, right or wrong, each with the {@link Site} to blame. {@link Validator} judges them.
 *
 * @param element the class
 * @param initializer the class to generate, {@code p.Outer_InnerInitializer} for {@code
 *     p.Outer.Inner}
 * @param modelType the type {@code initialize} takes, with wildcards for type parameters
 * @param unreachable why the class cannot be named from its package, if it cannot
 * @param initializerTaken whether a type named {@code initializer} already exists in the sources
 * @param ancestor the nearest superclass declaring annotated fields, if any
 * @param generatedVisible whether {@code javax.annotation.processing.Generated} can be used where
 *     the class is (a named module must read {@code java.compiler})
 * @param fields the annotated fields the class declares, in declaration order
 */
record ModelClass(
    TypeElement element,
    ClassName initializer,
    TypeName modelType,
    Optional<String> unreachable,
    boolean initializerTaken,
    Optional<Ancestor> ancestor,
    boolean generatedVisible,
    List<TensorField> fields) {

  String canonicalName() {
    return element.getQualifiedName().toString();
  }

  /**
   * A superclass whose initializer fills the inherited fields.
   *
   * @param canonicalName its canonical name
   * @param initializer its generated initializer
   * @param failed whether it is in this compilation and has errors, so its initializer will not
   *     exist
   */
  record Ancestor(String canonicalName, ClassName initializer, boolean failed) {}

  /**
   * A field annotated with {@code @VarianceScaled}, a preset or {@code @Shape}.
   *
   * @param elementKind {@code FLOAT} or {@code DOUBLE} for arrays of them, else empty
   * @param rank the number of array dimensions, 0 for a non-array
   * @param initializers its initializer annotations, in the order written
   */
  record TensorField(
      VariableElement element,
      Set<Modifier> modifiers,
      String typeText,
      Optional<TypeKind> elementKind,
      int rank,
      List<Initializer> initializers,
      Optional<ShapeSpec> shape) {

    String name() {
      return element.getSimpleName().toString();
    }
  }

  /**
   * {@code @VarianceScaled} or a preset on a field, with the settings in force.
   *
   * @param site the annotation on the field
   * @param name the annotation's simple name, e.g. {@code HeNormal}
   * @param preset the preset's annotation type, empty for {@code @VarianceScaled} itself
   * @param scaleSite where the scale is written: the field's attribute or the preset's
   */
  record Initializer(
      Site site,
      String name,
      Optional<TypeElement> preset,
      double scale,
      Site scaleSite,
      Mode mode,
      Distribution distribution) {}

  /** {@code @Shape} on a field. */
  record ShapeSpec(Site site, List<Dimension> dimensions, Layout layout) {}

  /** One dimension of a shape and where it is written. */
  record Dimension(int size, Site site) {}
}
