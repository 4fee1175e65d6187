package io.github.varscale.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.github.varscale.Distribution;
import io.github.varscale.Layout;
import io.github.varscale.Mode;
import io.github.varscale.Shape;
import io.github.varscale.VarianceScaled;
import io.github.varscale.processor.ModelClass.Ancestor;
import io.github.varscale.processor.ModelClass.Dimension;
import io.github.varscale.processor.ModelClass.Initializer;
import io.github.varscale.processor.ModelClass.ShapeSpec;
import io.github.varscale.processor.ModelClass.TensorField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.ModuleElement.RequiresDirective;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Builds {@link ModelClass}es from {@code javax.lang.model}. It records what is written without
 * judging it, and throws {@link MissingTypeException} when something cannot be resolved yet.
 */
final class ModelReader {
  static final String VARIANCE_SCALED = VarianceScaled.class.getCanonicalName();
  static final String SHAPE = Shape.class.getCanonicalName();
  private static final String GENERATED = "javax.annotation.processing.Generated";

  private final Elements elements;
  private final Types types;

  ModelReader(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** Whether a field carries {@code @VarianceScaled}, a preset or {@code @Shape}. */
  static boolean isTensorField(Element field) {
    return field.getAnnotationMirrors().stream()
        .anyMatch(m -> isInitializer(m) || is(m.getAnnotationType(), SHAPE));
  }

  /** Whether an annotation type is a preset: a user's or built-in annotation carrying the root. */
  static boolean isPreset(TypeElement annotationType) {
    return annotationType.getKind() == ElementKind.ANNOTATION_TYPE
        && findAnnotation(annotationType, VARIANCE_SCALED).isPresent();
  }

  /**
   * Reads one model class.
   *
   * @param isFailed whether a canonical name is a model class of this compilation with errors
   * @param isModel whether a canonical name is a model class of this compilation
   * @param sourceTypes whether a qualified name is a type of this compilation's sources that the
   *     processor did not write
   */
  ModelClass read(
      TypeElement type,
      Predicate<String> isFailed,
      Predicate<String> isModel,
      Predicate<String> sourceTypes) {
    ClassName initializer = initializerName(type);
    List<TensorField> fields = new ArrayList<>();
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (isTensorField(field)) {
        fields.add(readField(field));
      }
    }
    return new ModelClass(
        type,
        initializer,
        TypeName.get(withWildcards(type)),
        unreachable(type),
        sourceTypes.test(initializer.canonicalName()),
        ancestor(type, isFailed, isModel),
        generatedVisible(type),
        List.copyOf(fields));
  }

  /** {@code p.Outer_InnerInitializer} for {@code p.Outer.Inner}. */
  static ClassName initializerName(TypeElement type) {
    ClassName name = ClassName.get(type);
    return ClassName.get(name.packageName(), String.join("_", name.simpleNames()) + "Initializer");
  }

  private TensorField readField(VariableElement field) {
    TypeMirror type = field.asType();
    int rank = 0;
    while (type.getKind() == TypeKind.ARRAY) {
      type = ((ArrayType) type).getComponentType();
      rank++;
    }
    if (type.getKind() == TypeKind.ERROR) {
      throw new MissingTypeException("the type " + field.asType() + " of field " + describe(field));
    }
    Optional<TypeKind> elementKind =
        rank > 0 && (type.getKind() == TypeKind.FLOAT || type.getKind() == TypeKind.DOUBLE)
            ? Optional.of(type.getKind())
            : Optional.empty();
    List<Initializer> initializers = new ArrayList<>();
    Optional<ShapeSpec> shape = Optional.empty();
    for (AnnotationMirror mirror : field.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().getKind() == TypeKind.ERROR) {
        throw new MissingTypeException(
            "the annotation " + mirror.getAnnotationType() + " on field " + describe(field));
      } else if (isInitializer(mirror)) {
        initializers.add(readInitializer(field, mirror));
      } else if (is(mirror.getAnnotationType(), SHAPE)) {
        shape = Optional.of(readShape(field, mirror));
      }
    }
    return new ModelClass.TensorField(
        field,
        Set.copyOf(field.getModifiers()),
        field.asType().toString(),
        elementKind,
        rank,
        List.copyOf(initializers),
        shape);
  }

  private Initializer readInitializer(VariableElement field, AnnotationMirror mirror) {
    TypeElement annotationType = (TypeElement) mirror.getAnnotationType().asElement();
    String what = "@" + annotationType.getSimpleName() + " on field " + describe(field);
    if (is(mirror.getAnnotationType(), VARIANCE_SCALED)) {
      return readSettings(Site.of(field, mirror), Optional.empty(), mirror, what);
    }
    AnnotationMirror settings = findAnnotation(annotationType, VARIANCE_SCALED).orElseThrow();
    return readSettings(Site.of(field, mirror), Optional.of(annotationType), settings, what);
  }

  /** The settings of a preset's own declaration, for problems reported on it. */
  Initializer readPreset(TypeElement preset) {
    AnnotationMirror settings = findAnnotation(preset, VARIANCE_SCALED).orElseThrow();
    return readSettings(
        Site.of(preset, settings), Optional.of(preset), settings, "preset " + preset);
  }

  /**
   * @param site where the initializer is written: on a field, or the preset's own declaration
   * @param settings the {@code @VarianceScaled} in force: {@code site}'s or the preset's
   */
  private Initializer readSettings(
      Site site, Optional<TypeElement> preset, AnnotationMirror settings, String what) {
    Map<String, AnnotationValue> values = valuesWithDefaults(settings);
    Site settingsSite =
        preset.isPresent() ? Site.of(preset.get(), settings) : Site.of(site.element(), settings);
    return new Initializer(
        site,
        ((TypeElement) site.mirror().getAnnotationType().asElement()).getSimpleName().toString(),
        preset,
        doubleValue(values.get("scale"), "the scale of " + what),
        settingsSite.at(explicitValue(settings, "scale")),
        Mode.valueOf(enumConstant(values.get("mode"), "the mode of " + what)),
        Distribution.valueOf(
            enumConstant(values.get("distribution"), "the distribution of " + what)));
  }

  private ShapeSpec readShape(VariableElement field, AnnotationMirror mirror) {
    Site site = Site.of(field, mirror);
    Map<String, AnnotationValue> values = valuesWithDefaults(mirror);
    String what = "the shape of field " + describe(field);
    List<Dimension> dimensions = new ArrayList<>();
    // A missing value is javac's error already; waiting keeps this processor from adding noise.
    Object list = values.containsKey("value") ? values.get("value").getValue() : null;
    if (!(list instanceof List<?>)) {
      throw new MissingTypeException(what);
    }
    for (Object dimension : (List<?>) list) {
      AnnotationValue value = (AnnotationValue) dimension;
      if (!(value.getValue() instanceof Integer)) {
        throw new MissingTypeException(what);
      }
      dimensions.add(new Dimension((Integer) value.getValue(), site.at(value)));
    }
    Layout layout = Layout.valueOf(enumConstant(values.get("layout"), "the layout of " + what));
    return new ShapeSpec(site.at(explicitValue(mirror, "value")), List.copyOf(dimensions), layout);
  }

  private Optional<String> unreachable(TypeElement type) {
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      TypeElement t = (TypeElement) e;
      if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
        return Optional.of(t + " is a local or anonymous class");
      }
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        return Optional.of(t.getQualifiedName() + " is private");
      }
    }
    return Optional.empty();
  }

  private Optional<Ancestor> ancestor(
      TypeElement type, Predicate<String> isFailed, Predicate<String> isModel) {
    TypeMirror superclass = type.getSuperclass();
    while (superclass.getKind() == TypeKind.DECLARED) {
      TypeElement parent = (TypeElement) ((DeclaredType) superclass).asElement();
      if (ElementFilter.fieldsIn(parent.getEnclosedElements()).stream()
          .anyMatch(ModelReader::isTensorField)) {
        String name = parent.getQualifiedName().toString();
        ClassName initializer = initializerName(parent);
        if (!isModel.test(name) && elements.getTypeElement(initializer.canonicalName()) == null) {
          throw new MissingTypeException(
              initializer.canonicalName() + ", the initializer of superclass " + name + ",",
              "compile " + name + " with the varscale processor");
        }
        return Optional.of(new Ancestor(name, initializer, isFailed.test(name)));
      }
      superclass = parent.getSuperclass();
    }
    if (superclass.getKind() == TypeKind.ERROR) {
      throw new MissingTypeException("the superclass " + superclass + " of " + type);
    }
    return Optional.empty();
  }

  /** The class as a parameter type: {@code Box<?>} for {@code Box<T>}, outer classes included. */
  private DeclaredType withWildcards(TypeElement type) {
    TypeMirror[] arguments = new TypeMirror[type.getTypeParameters().size()];
    for (int i = 0; i < arguments.length; i++) {
      arguments[i] = types.getWildcardType(null, null);
    }
    Element enclosing = type.getEnclosingElement();
    boolean inner =
        type.getNestingKind() == NestingKind.MEMBER
            && !type.getModifiers().contains(Modifier.STATIC)
            && enclosing.getKind().isClass();
    return inner
        ? types.getDeclaredType(withWildcards((TypeElement) enclosing), type, arguments)
        : types.getDeclaredType(type, arguments);
  }

  private boolean generatedVisible(TypeElement type) {
    if (elements.getTypeElement(GENERATED) == null) {
      return false;
    }
    ModuleElement module = elements.getModuleOf(type);
    return module == null || module.isUnnamed() || reads(module, false, new HashSet<>());
  }

  /**
   * Whether a module reads {@code java.compiler}, directly or through {@code requires transitive}.
   */
  private static boolean reads(ModuleElement module, boolean onlyTransitive, Set<String> seen) {
    for (RequiresDirective requires : ElementFilter.requiresIn(module.getDirectives())) {
      if (onlyTransitive && !requires.isTransitive()) {
        continue;
      }
      ModuleElement dependency = requires.getDependency();
      String name = dependency.getQualifiedName().toString();
      if (name.equals("java.compiler") || (seen.add(name) && reads(dependency, true, seen))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isInitializer(AnnotationMirror mirror) {
    Element type = mirror.getAnnotationType().asElement();
    return is(mirror.getAnnotationType(), VARIANCE_SCALED)
        || (type instanceof TypeElement && isPreset((TypeElement) type));
  }

  private static Optional<AnnotationMirror> findAnnotation(Element element, String annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (is(mirror.getAnnotationType(), annotation)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  private static boolean is(DeclaredType type, String qualifiedName) {
    return ((TypeElement) type.asElement()).getQualifiedName().contentEquals(qualifiedName);
  }

  private Map<String, AnnotationValue> valuesWithDefaults(AnnotationMirror mirror) {
    Map<String, AnnotationValue> values = new LinkedHashMap<>();
    elements
        .getElementValuesWithDefaults(mirror)
        .forEach((key, value) -> values.put(key.getSimpleName().toString(), value));
    return values;
  }

  /** The attribute as written, or null when it is defaulted. */
  private static AnnotationValue explicitValue(AnnotationMirror mirror, String name) {
    return mirror.getElementValues().entrySet().stream()
        .filter(e -> e.getKey().getSimpleName().contentEquals(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  private static double doubleValue(AnnotationValue value, String what) {
    if (value == null || !(value.getValue() instanceof Double)) {
      throw new MissingTypeException(what);
    }
    return (Double) value.getValue();
  }

  private static String enumConstant(AnnotationValue value, String what) {
    if (value == null || !(value.getValue() instanceof VariableElement)) {
      throw new MissingTypeException(what);
    }
    return ((VariableElement) value.getValue()).getSimpleName().toString();
  }

  static String describe(VariableElement field) {
    return ((TypeElement) field.getEnclosingElement()).getQualifiedName()
        + "."
        + field.getSimpleName();
  }
}
