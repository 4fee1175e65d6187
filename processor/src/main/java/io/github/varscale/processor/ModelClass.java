package io.github.varscale.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.github.varscale.Layout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * What the processor read about one class that declares tensor or part fields: the facts as
 * written, right or wrong, each with the {@link Site} to blame. {@link Validator} judges them;
 * what became of other classes of the compilation is not recorded here but in the processor.
 *
 * @param element the class
 * @param kindName what the class is when no initializer can serve it ("a record", "an
 *     interface"), else empty
 * @param initializer the class to generate, {@code p.Outer_InnerInitializer} for {@code
 *     p.Outer.Inner}
 * @param modelType the type {@code initialize} takes, with wildcards for type parameters
 * @param unreachable why the class cannot be named from its package, if it cannot
 * @param superModel the nearest superclass declaring tensor or part fields, if any
 * @param inherited the tensor and part fields of the superclasses
 * @param generatedVisible whether {@code javax.annotation.processing.Generated} can be used where
 *     the class is (a named module must read {@code java.compiler})
 * @param unnamedPackageTypes the simple names of the top-level classes of the unnamed package the
 *     generated code names (the model's, its superclass's and its parts' initializers'), which no
 *     nested class may hide; empty in a named package
 * @param tensors the tensor fields the class declares, in declaration order
 * @param parts the {@code @Submodel} fields the class declares, in declaration order
 */
record ModelClass(
    TypeElement element,
    Optional<String> kindName,
    ClassName initializer,
    TypeName modelType,
    Optional<String> unreachable,
    Optional<TypeElement> superModel,
    List<InheritedField> inherited,
    boolean generatedVisible,
    Set<String> unnamedPackageTypes,
    List<TensorField> tensors,
    List<PartField> parts) {

  String canonicalName() {
    return element.getQualifiedName().toString();
  }

  /** A tensor or part field a superclass declares. */
  record InheritedField(String name, TypeElement declaringClass) {}

  /**
   * A field annotated with an initializer annotation or {@code @Shape}.
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
      List<InitializerUse> initializers,
      Optional<ShapeUse> shape) {

    String name() {
      return element.getSimpleName().toString();
    }
  }

  /** Which initializer an annotation names. */
  enum Kind {
    VARIANCE_SCALED,
    ZEROS,
    ONES,
    CONSTANT,
    RANDOM_NORMAL,
    TRUNCATED_NORMAL,
    RANDOM_UNIFORM
  }

  /**
   * An initializer annotation on a field, with the settings in force.
   *
   * @param site the annotation on the field
   * @param name the annotation's simple name, e.g. {@code HeNormal}
   * @param kind which initializer it is
   * @param preset the preset's annotation type, empty unless a preset of {@code @VarianceScaled}
   * @param settings its attributes with their defaults, in declaration order ({@code scale},
   *     {@code mode}, {@code distribution}; {@code mean}, {@code stddev}; ...)
   */
  record InitializerUse(
      Site site, String name, Kind kind, Optional<TypeElement> preset, List<Setting> settings) {

    Setting setting(String attribute) {
      return settings.stream()
          .filter(s -> s.name().equals(attribute))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no attribute " + attribute + " on @" + name));
    }

    double number(String attribute) {
      return (Double) setting(attribute).value();
    }

    String constant(String attribute) {
      return (String) setting(attribute).value();
    }
  }

  /**
   * One attribute of an initializer annotation.
   *
   * @param value a {@code Double}, or an enum constant's name
   * @param site where it is written: the attribute, or the annotation when defaulted
   */
  record Setting(String name, Object value, Site site) {}

  /**
   * {@code @Shape} on a field, each attribute with whether it was written.
   *
   * @param value the constant dimensions, if {@code value} was written
   * @param dims the dims entries, if {@code dims} was written
   * @param layoutSite where the layout was written, if it was
   */
  record ShapeUse(
      Site site,
      Optional<List<Dimension>> value,
      Site valueSite,
      Optional<List<DimsEntry>> dims,
      Site dimsSite,
      Layout layout,
      Optional<Site> layoutSite,
      Axes inAxes,
      Axes outAxes,
      Axes batchAxes) {

    /** The number of dimensions as written, by whichever of value and dims is given. */
    int rank() {
      return value.map(List::size).orElseGet(() -> dims.map(List::size).orElse(0));
    }
  }

  /** One constant dimension and where it is written. */
  record Dimension(int size, Site site) {}

  /** An axes attribute: its axes as written, and whether it was written at all. */
  record Axes(String attribute, List<Axis> axes, Site site, boolean written) {}

  /** One axis and where it is written. */
  record Axis(int value, Site site) {}

  /**
   * One {@code dims} entry.
   *
   * @param text as written
   * @param terms its terms, if it parses
   * @param syntaxError why it does not parse, if it does not
   * @param fields the field each name term reads, by name, in order of first appearance
   */
  record DimsEntry(
      String text,
      Site site,
      Optional<List<DimsExpression.Term>> terms,
      Optional<String> syntaxError,
      List<NamedField> fields) {

    /**
     * Each term's value at compile time, a literal or the constant it names, in order; empty if a
     * name is read at run time. For an entry that parses and whose names all resolve.
     */
    Optional<List<Long>> constantFactors() {
      List<Long> factors = new ArrayList<>();
      for (DimsExpression.Term term : terms.orElseThrow()) {
        if (term.isLiteral()) {
          factors.add((long) term.literal());
          continue;
        }
        Optional<Integer> constant = fields.stream()
            .filter(f -> f.name().equals(term.name()))
            .findFirst()
            .orElseThrow()
            .constant();
        if (constant.isEmpty()) {
          return Optional.empty();
        }
        factors.add((long) constant.get());
      }
      return Optional.of(factors);
    }
  }

  /**
   * What a dims name resolves to.
   *
   * @param name the name as written
   * @param field the field of that name nearest in the class hierarchy, if any
   * @param declaringClass the class declaring it, if any
   * @param typeText its type as written, if any
   * @param isInt whether it is an {@code int}
   * @param constant its compile-time value, if it is a constant variable
   * @param candidates the int fields of the hierarchy, for a suggestion when it is not found
   */
  record NamedField(
      String name,
      Optional<VariableElement> field,
      Optional<TypeElement> declaringClass,
      String typeText,
      boolean isInt,
      Optional<Integer> constant,
      Set<Modifier> modifiers,
      boolean samePackage,
      List<String> candidates) {

    boolean isStatic() {
      return modifiers.contains(Modifier.STATIC);
    }
  }

  /** How a part field holds its parts. */
  enum Container {
    SINGLE,
    ARRAY,
    LIST,
    /** Anything else: an array of arrays, a non-List collection, a primitive... */
    OTHER
  }

  /**
   * A {@code @Submodel} field.
   *
   * @param site the {@code @Submodel} annotation on the field
   * @param typeText the field's type as written
   * @param partType the class of the parts, if the field's type names one
   * @param partModel the nearest class of {@code partType}'s hierarchy declaring tensor or part
   *     fields, if any: the model whose initializer walks the parts
   * @param otherAnnotations the initializer annotations and {@code @Shape} it carries too
   * @param cycle the classes leading from the part back to this field's class, if its parts
   *     contain themselves
   */
  record PartField(
      VariableElement element,
      Set<Modifier> modifiers,
      Site site,
      Container container,
      String typeText,
      Optional<TypeElement> partType,
      Optional<TypeElement> partModel,
      List<Site> otherAnnotations,
      Optional<List<String>> cycle) {

    String name() {
      return element.getSimpleName().toString();
    }
  }
}
