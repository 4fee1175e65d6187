package io.github.varscale.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.github.varscale.Constant;
import io.github.varscale.Layout;
import io.github.varscale.Ones;
import io.github.varscale.RandomNormal;
import io.github.varscale.RandomUniform;
import io.github.varscale.Shape;
import io.github.varscale.Submodel;
import io.github.varscale.TruncatedNormal;
import io.github.varscale.VarianceScaled;
import io.github.varscale.Zeros;
import io.github.varscale.processor.ModelClass.Axes;
import io.github.varscale.processor.ModelClass.Axis;
import io.github.varscale.processor.ModelClass.Container;
import io.github.varscale.processor.ModelClass.Dimension;
import io.github.varscale.processor.ModelClass.DimsEntry;
import io.github.varscale.processor.ModelClass.InheritedField;
import io.github.varscale.processor.ModelClass.InitializerUse;
import io.github.varscale.processor.ModelClass.Kind;
import io.github.varscale.processor.ModelClass.NamedField;
import io.github.varscale.processor.ModelClass.PartField;
import io.github.varscale.processor.ModelClass.Setting;
import io.github.varscale.processor.ModelClass.ShapeUse;
import io.github.varscale.processor.ModelClass.TensorField;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
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
import javax.lang.model.type.WildcardType;
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
  static final String SUBMODEL = Submodel.class.getCanonicalName();
  static final String GENERATED = "javax.annotation.processing.Generated";

  /** The fixed initializers by annotation name. */
  static final Map<String, Kind> FIXED = Map.of(
      Zeros.class.getCanonicalName(), Kind.ZEROS,
      Ones.class.getCanonicalName(), Kind.ONES,
      Constant.class.getCanonicalName(), Kind.CONSTANT,
      RandomNormal.class.getCanonicalName(), Kind.RANDOM_NORMAL,
      TruncatedNormal.class.getCanonicalName(), Kind.TRUNCATED_NORMAL,
      RandomUniform.class.getCanonicalName(), Kind.RANDOM_UNIFORM);

  private final Elements elements;
  private final Types types;
  private final UnresolvedAnnotations unresolved;

  /**
   * Whether {@code javax.annotation.processing.Generated} exists, looked up once: javac searches
   * every module for a type name, and the answer is the same for every class of a compilation.
   */
  private Boolean generatedExists;

  /** The JDK's types looked up so far, by name, for the same reason. */
  private final Map<String, TypeElement> jdkTypes = new HashMap<>();

  ModelReader(Elements elements, Types types, UnresolvedAnnotations unresolved) {
    this.elements = elements;
    this.types = types;
    this.unresolved = unresolved;
  }

  /** A reader of the classes of {@code env}'s compilation. */
  static ModelReader of(ProcessingEnvironment env) {
    return new ModelReader(env.getElementUtils(), env.getTypeUtils(),
        UnresolvedAnnotations.of(env));
  }

  // ---- what counts as what ------------------------------------------------------------------

  /** Whether a field carries an initializer annotation or {@code @Shape}, but no {@code @Submodel}. */
  static boolean isTensorField(Element field) {
    return !isPartField(field)
        && field.getAnnotationMirrors().stream().anyMatch(m -> isInitializer(m) || isShape(m));
  }

  /** Whether a field carries {@code @Submodel}. */
  static boolean isPartField(Element field) {
    return field.getAnnotationMirrors().stream()
        .anyMatch(m -> is(m.getAnnotationType(), SUBMODEL));
  }

  /** Whether a class itself declares tensor or part fields, and so gets an initializer. */
  static boolean declaresModelFields(TypeElement type) {
    return ElementFilter.fieldsIn(type.getEnclosedElements()).stream()
        .anyMatch(f -> isTensorField(f) || isPartField(f));
  }

  /** Whether an annotation type is a preset: a user's or built-in annotation carrying the root. */
  static boolean isPreset(TypeElement annotationType) {
    return annotationType.getKind() == ElementKind.ANNOTATION_TYPE
        && findAnnotation(annotationType, VARIANCE_SCALED).isPresent();
  }

  static boolean isInitializer(AnnotationMirror mirror) {
    TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
    String name = type.getQualifiedName().toString();
    return name.equals(VARIANCE_SCALED) || FIXED.containsKey(name) || isPreset(type);
  }

  private static boolean isShape(AnnotationMirror mirror) {
    return is(mirror.getAnnotationType(), SHAPE);
  }

  /** The nearest class of {@code type}'s hierarchy, itself first, declaring model fields. */
  static Optional<TypeElement> modelOf(TypeElement type) {
    for (TypeElement t = type; t != null; t = superclass(t)) {
      if (declaresModelFields(t)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  private static TypeElement superclass(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    return superclass.getKind() == TypeKind.DECLARED
        ? (TypeElement) ((DeclaredType) superclass).asElement()
        : null;
  }

  // ---- a model class -------------------------------------------------------------------------

  /** Reads one model class: a class that declares tensor or part fields. */
  ModelClass read(TypeElement type) {
    List<TensorField> tensors = new ArrayList<>();
    List<PartField> parts = new ArrayList<>();
    Set<String> unresolvedAnnotations = unresolved.fieldsIn(type);
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      boolean part = isPartField(field);
      boolean tensor = !part && isTensorField(field);
      if ((part || tensor) && unresolvedAnnotations.contains(field.getSimpleName().toString())) {
        // Perhaps a misspelled or unimported preset, which javac leaves out of the mirrors:
        // javac says so, and anything said about a missing initializer would mislead.
        throw MissingTypeException.leftToJavac(
            "an annotation on field " + Names.describe(field));
      }
      if (part) {
        parts.add(readPart(type, field));
      } else if (tensor) {
        tensors.add(readTensor(type, field));
      }
    }
    Optional<TypeElement> superModel = Optional.ofNullable(superclass(type)).flatMap(
        ModelReader::modelOf);
    if (type.getSuperclass().getKind() == TypeKind.ERROR) {
      throw new MissingTypeException("the superclass " + type.getSuperclass() + " of " + type);
    }
    return new ModelClass(
        type,
        kindName(type),
        Names.initializer(type),
        TypeName.get(withWildcards(type)),
        unreachable(type),
        superModel,
        inherited(type),
        generatedVisible(type),
        unnamedPackageTypes(type, superModel, parts),
        List.copyOf(tensors),
        List.copyOf(parts));
  }

  private static Optional<String> kindName(TypeElement type) {
    switch (type.getKind()) {
      case INTERFACE:
        return Optional.of("an interface");
      case ANNOTATION_TYPE:
        return Optional.of("an annotation type");
      default:
        return type.getKind().name().equals("RECORD") ? Optional.of("a record") : Optional.empty();
    }
  }

  private static List<InheritedField> inherited(TypeElement type) {
    List<InheritedField> inherited = new ArrayList<>();
    for (TypeElement t = superclass(type); t != null; t = superclass(t)) {
      for (VariableElement field : ElementFilter.fieldsIn(t.getEnclosedElements())) {
        if (isPartField(field) || isTensorField(field)) {
          inherited.add(new InheritedField(field.getSimpleName().toString(), t));
        }
      }
    }
    return List.copyOf(inherited);
  }

  private TensorField readTensor(TypeElement model, VariableElement field) {
    TypeMirror type = field.asType();
    int rank = 0;
    while (type.getKind() == TypeKind.ARRAY) {
      type = ((ArrayType) type).getComponentType();
      rank++;
    }
    if (type.getKind() == TypeKind.ERROR) {
      throw new MissingTypeException(
          "the type " + field.asType() + " of field " + Names.describe(field));
    }
    Optional<TypeKind> elementKind =
        rank > 0 && (type.getKind() == TypeKind.FLOAT || type.getKind() == TypeKind.DOUBLE)
            ? Optional.of(type.getKind())
            : Optional.empty();
    List<InitializerUse> initializers = new ArrayList<>();
    Optional<ShapeUse> shape = Optional.empty();
    for (AnnotationMirror mirror : field.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().getKind() == TypeKind.ERROR) {
        // Perhaps a misspelled or unimported preset: javac says so, and anything said before
        // that about a missing initializer would mislead.
        throw MissingTypeException.leftToJavac(
            "the annotation " + mirror.getAnnotationType() + " on field " + Names.describe(field));
      } else if (isInitializer(mirror)) {
        initializers.add(readInitializer(field, mirror));
      } else if (isShape(mirror)) {
        shape = Optional.of(readShape(model, field, mirror));
      }
    }
    return new TensorField(
        field,
        Set.copyOf(field.getModifiers()),
        field.asType().toString(),
        elementKind,
        rank,
        List.copyOf(initializers),
        shape);
  }

  // ---- initializer annotations ---------------------------------------------------------------

  private InitializerUse readInitializer(VariableElement field, AnnotationMirror mirror) {
    TypeElement annotationType = (TypeElement) mirror.getAnnotationType().asElement();
    String name = annotationType.getSimpleName().toString();
    String what = "@" + name + " on field " + Names.describe(field);
    Site site = Site.of(field, mirror);
    String qualified = annotationType.getQualifiedName().toString();
    if (FIXED.containsKey(qualified)) {
      return new InitializerUse(
          site, name, FIXED.get(qualified), Optional.empty(), settings(site, mirror, what));
    }
    if (qualified.equals(VARIANCE_SCALED)) {
      return new InitializerUse(
          site, name, Kind.VARIANCE_SCALED, Optional.empty(), settings(site, mirror, what));
    }
    AnnotationMirror settings = findAnnotation(annotationType, VARIANCE_SCALED).orElseThrow();
    return new InitializerUse(site, name, Kind.VARIANCE_SCALED, Optional.of(annotationType),
        settings(Site.of(annotationType, settings), settings, what));
  }

  /** The settings of a preset's own declaration, for problems reported on it. */
  InitializerUse readPreset(TypeElement preset) {
    AnnotationMirror settings = findAnnotation(preset, VARIANCE_SCALED).orElseThrow();
    Site site = Site.of(preset, settings);
    return new InitializerUse(site, preset.getSimpleName().toString(), Kind.VARIANCE_SCALED,
        Optional.of(preset), settings(site, settings, "preset " + preset));
  }

  /** Every attribute of {@code mirror} with its default, each at its site. */
  private List<Setting> settings(Site site, AnnotationMirror mirror, String what) {
    List<Setting> settings = new ArrayList<>();
    Map<String, AnnotationValue> values = valuesWithDefaults(mirror);
    TypeElement annotationType = (TypeElement) mirror.getAnnotationType().asElement();
    if (ElementFilter.methodsIn(annotationType.getEnclosedElements()).size() != values.size()) {
      // A required attribute left out (@Constant without its value) is javac's error.
      throw MissingTypeException.leftToJavac("an attribute of " + what);
    }
    values.forEach((name, value) -> {
      Object v = value.getValue();
      if (v instanceof VariableElement) {
        v = ((VariableElement) v).getSimpleName().toString();
      } else if (!(v instanceof Double)) {
        // javac's own error (an unresolved constant, say); wait rather than add noise.
        throw new MissingTypeException("the " + name + " of " + what);
      }
      settings.add(new Setting(name, v, site.at(explicitValue(mirror, name))));
    });
    return List.copyOf(settings);
  }

  // ---- @Shape --------------------------------------------------------------------------------

  private ShapeUse readShape(TypeElement model, VariableElement field, AnnotationMirror mirror) {
    Site site = Site.of(field, mirror);
    String what = "the shape of field " + Names.describe(field);
    Map<String, AnnotationValue> values = valuesWithDefaults(mirror);
    AnnotationValue valueWritten = explicitValue(mirror, "value");
    AnnotationValue dimsWritten = explicitValue(mirror, "dims");
    AnnotationValue layoutWritten = explicitValue(mirror, "layout");

    Optional<List<Dimension>> value = Optional.empty();
    if (valueWritten != null) {
      List<Dimension> dimensions = new ArrayList<>();
      for (AnnotationValue dimension : list(valueWritten, what)) {
        if (!(dimension.getValue() instanceof Integer)) {
          throw new MissingTypeException(what);
        }
        dimensions.add(new Dimension((Integer) dimension.getValue(),
            site.at(valueWritten, dimension)));
      }
      value = Optional.of(List.copyOf(dimensions));
    }
    Optional<List<DimsEntry>> dims = Optional.empty();
    if (dimsWritten != null) {
      List<DimsEntry> entries = new ArrayList<>();
      for (AnnotationValue entry : list(dimsWritten, what)) {
        if (!(entry.getValue() instanceof String)) {
          throw new MissingTypeException(what);
        }
        entries.add(readDims(model, (String) entry.getValue(), site.at(dimsWritten, entry)));
      }
      dims = Optional.of(List.copyOf(entries));
    }
    Object layout = values.get("layout").getValue();
    if (!(layout instanceof VariableElement)) {
      throw new MissingTypeException(what);
    }
    return new ShapeUse(
        site,
        value,
        site.at(valueWritten),
        dims,
        site.at(dimsWritten),
        Layout.valueOf(((VariableElement) layout).getSimpleName().toString()),
        Optional.ofNullable(layoutWritten).map(site::at),
        axes(site, mirror, "inAxes", what),
        axes(site, mirror, "outAxes", what),
        axes(site, mirror, "batchAxes", what));
  }

  private Axes axes(Site site, AnnotationMirror mirror, String attribute, String what) {
    AnnotationValue written = explicitValue(mirror, attribute);
    List<Axis> axes = new ArrayList<>();
    if (written != null) {
      for (AnnotationValue axis : list(written, what)) {
        if (!(axis.getValue() instanceof Integer)) {
          throw new MissingTypeException(what);
        }
        axes.add(new Axis((Integer) axis.getValue(), site.at(written, axis)));
      }
    }
    return new Axes(attribute, List.copyOf(axes), site.at(written), written != null);
  }

  /** An array attribute's elements; a single value written without braces is a list of one. */
  private static List<AnnotationValue> list(AnnotationValue value, String what) {
    Object list = value.getValue();
    if (!(list instanceof List<?>)) {
      throw new MissingTypeException(what);
    }
    List<AnnotationValue> elements = new ArrayList<>();
    for (Object element : (List<?>) list) {
      elements.add((AnnotationValue) element);
    }
    return elements;
  }

  private DimsEntry readDims(TypeElement model, String text, Site site) {
    List<DimsExpression.Term> terms;
    try {
      terms = DimsExpression.parse(text);
    } catch (DimsExpression.SyntaxError e) {
      return new DimsEntry(text, site, Optional.empty(), Optional.of(e.getMessage()), List.of());
    }
    Map<String, NamedField> fields = new LinkedHashMap<>();
    for (DimsExpression.Term term : terms) {
      if (!term.isLiteral() && !fields.containsKey(term.name())) {
        fields.put(term.name(), resolve(model, term.name()));
      }
    }
    return new DimsEntry(
        text, site, Optional.of(terms), Optional.empty(), List.copyOf(fields.values()));
  }

  /** The field {@code name} of {@code model} or its nearest superclass declaring one. */
  private NamedField resolve(TypeElement model, String name) {
    List<String> candidates = new ArrayList<>();
    NamedField found = null;
    for (TypeElement t = model; t != null; t = superclass(t)) {
      for (VariableElement field : ElementFilter.fieldsIn(t.getEnclosedElements())) {
        String fieldName = field.getSimpleName().toString();
        boolean isInt = field.asType().getKind() == TypeKind.INT;
        if (isInt && !candidates.contains(fieldName)) {
          candidates.add(fieldName);
        }
        if (found == null && fieldName.equals(name)) {
          Object constant = field.getConstantValue();
          found = new NamedField(
              name,
              Optional.of(field),
              Optional.of(t),
              field.asType().toString(),
              isInt,
              constant instanceof Integer ? Optional.of((Integer) constant) : Optional.empty(),
              Set.copyOf(field.getModifiers()),
              packageOf(t).equals(packageOf(model)),
              List.of());
        }
      }
    }
    if (found != null) {
      return found;
    }
    return new NamedField(name, Optional.empty(), Optional.empty(), "", false, Optional.empty(),
        Set.of(), false, List.copyOf(candidates));
  }

  private String packageOf(TypeElement type) {
    return elements.getPackageOf(type).getQualifiedName().toString();
  }

  // ---- @Submodel -----------------------------------------------------------------------------

  private PartField readPart(TypeElement model, VariableElement field) {
    Site site = null;
    List<Site> others = new ArrayList<>();
    for (AnnotationMirror mirror : field.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().getKind() == TypeKind.ERROR) {
        throw MissingTypeException.leftToJavac(
            "the annotation " + mirror.getAnnotationType() + " on field " + Names.describe(field));
      } else if (is(mirror.getAnnotationType(), SUBMODEL)) {
        site = Site.of(field, mirror);
      } else if (isInitializer(mirror) || isShape(mirror)) {
        others.add(Site.of(field, mirror));
      }
    }
    TypeMirror type = field.asType();
    Container container = Container.OTHER;
    TypeMirror partType = null;
    if (type.getKind() == TypeKind.ARRAY) {
      TypeMirror component = ((ArrayType) type).getComponentType();
      if (component.getKind() == TypeKind.DECLARED || component.getKind() == TypeKind.ERROR) {
        container = Container.ARRAY;
        partType = component;
      }
    } else if (type.getKind() == TypeKind.DECLARED || type.getKind() == TypeKind.ERROR) {
      Optional<TypeMirror> element = listElement(type);
      if (element.isPresent()) {
        container = element.get().getKind() == TypeKind.DECLARED
            || element.get().getKind() == TypeKind.ERROR ? Container.LIST : Container.OTHER;
        partType = element.get();
      } else if (!isSubtypeOfCollection(type)) {
        container = Container.SINGLE;
        partType = type;
      }
    }
    if (partType != null && partType.getKind() == TypeKind.ERROR
        || type.getKind() == TypeKind.ERROR) {
      throw new MissingTypeException("the type " + type + " of field " + Names.describe(field));
    }
    Optional<TypeElement> partClass = partType != null && partType.getKind() == TypeKind.DECLARED
        ? Optional.of((TypeElement) ((DeclaredType) partType).asElement())
        : Optional.empty();
    Optional<TypeElement> partModel = partClass.flatMap(ModelReader::modelOf);
    return new PartField(
        field,
        Set.copyOf(field.getModifiers()),
        site,
        container,
        type.toString(),
        partClass,
        partModel,
        List.copyOf(others),
        partModel.isPresent() ? cycle(model, partClass.orElseThrow()) : Optional.empty());
  }

  /** The element type of a {@code java.util.List} type, or empty if it is no List. */
  private Optional<TypeMirror> listElement(TypeMirror type) {
    TypeElement list = jdkType("java.util.List");
    Deque<TypeMirror> pending = new ArrayDeque<>(List.of(type));
    Set<String> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      TypeMirror t = pending.pop();
      if (t.getKind() != TypeKind.DECLARED || !seen.add(types.erasure(t).toString())) {
        continue;
      }
      DeclaredType declared = (DeclaredType) t;
      if (declared.asElement().equals(list)) {
        if (declared.getTypeArguments().isEmpty()) {
          return Optional.of(types.getNoType(TypeKind.NONE));
        }
        TypeMirror argument = declared.getTypeArguments().get(0);
        if (argument.getKind() == TypeKind.WILDCARD) {
          TypeMirror bound = ((WildcardType) argument).getExtendsBound();
          return Optional.of(bound == null ? types.getNoType(TypeKind.NONE) : bound);
        }
        return Optional.of(argument);
      }
      pending.addAll(types.directSupertypes(t));
    }
    return Optional.empty();
  }

  /** The JDK type {@code name}, looked up once per compilation (it cannot appear later). */
  private TypeElement jdkType(String name) {
    return jdkTypes.computeIfAbsent(name, elements::getTypeElement);
  }

  private boolean isSubtypeOfCollection(TypeMirror type) {
    TypeElement collection = jdkType("java.util.Collection");
    return collection != null
        && types.isSubtype(types.erasure(type), types.erasure(collection.asType()));
  }

  /**
   * The part types leading from {@code part} back to a class whose instances contain {@code
   * model}'s fields ({@code model} or a subclass of it), if there is such a path: then the parts
   * contain themselves without end. The path names the part fields' own types, so that a part of
   * a subclass shows as that subclass.
   */
  private Optional<List<String>> cycle(TypeElement model, TypeElement part) {
    Map<TypeElement, TypeElement> cameFrom = new HashMap<>();
    Deque<TypeElement> pending = new ArrayDeque<>(List.of(part));
    Set<TypeElement> seen = new LinkedHashSet<>(List.of(part));
    while (!pending.isEmpty()) {
      TypeElement t = pending.removeFirst();
      if (containsFieldsOf(t, model)) {
        List<String> path = new ArrayList<>();
        for (TypeElement step = t; step != null; step = cameFrom.get(step)) {
          path.add(0, step.getQualifiedName().toString());
        }
        path.add(0, model.getQualifiedName().toString());
        return Optional.of(List.copyOf(path));
      }
      for (TypeElement c = t; c != null; c = superclass(c)) {
        for (VariableElement field : ElementFilter.fieldsIn(c.getEnclosedElements())) {
          if (isPartField(field)) {
            partTypeOf(field.asType()).filter(seen::add).ifPresent(next -> {
              cameFrom.put(next, t);
              pending.addLast(next);
            });
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Whether instances of {@code type} hold the fields {@code model} declares. */
  private static boolean containsFieldsOf(TypeElement type, TypeElement model) {
    for (TypeElement t = type; t != null; t = superclass(t)) {
      if (t.equals(model)) {
        return true;
      }
    }
    return false;
  }

  /** The class of a part field's parts, for following parts without reading them whole. */
  private Optional<TypeElement> partTypeOf(TypeMirror type) {
    TypeMirror element = type;
    if (type.getKind() == TypeKind.ARRAY) {
      element = ((ArrayType) type).getComponentType();
    } else if (type.getKind() == TypeKind.DECLARED) {
      element = listElement(type).orElse(type);
    }
    return element.getKind() == TypeKind.DECLARED
        ? Optional.of((TypeElement) ((DeclaredType) element).asElement())
        : Optional.empty();
  }

  // ---- the class as a whole ------------------------------------------------------------------

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

  /**
   * The top-level names of the unnamed package that the generated code of {@code type} writes, if
   * {@code type} is in the unnamed package: a nested class of the same name would hide them.
   */
  private Set<String> unnamedPackageTypes(
      TypeElement type, Optional<TypeElement> superModel, List<PartField> parts) {
    if (!elements.getPackageOf(type).isUnnamed()) {
      return Set.of();
    }
    Set<String> names = new LinkedHashSet<>();
    names.add(ClassName.get(type).topLevelClassName().simpleName());
    List<TypeElement> referenced = new ArrayList<>();
    superModel.ifPresent(referenced::add);
    parts.forEach(p -> p.partModel().ifPresent(referenced::add));
    for (TypeElement other : referenced) {
      if (elements.getPackageOf(other).isUnnamed()) {
        names.add(Names.initializer(other).simpleName());
      }
    }
    return Set.copyOf(names);
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
    if (generatedExists == null) {
      generatedExists = elements.getTypeElement(GENERATED) != null;
    }
    if (!generatedExists) {
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

  /**
   * Whether the initializer of {@code model}, a class compiled earlier, exists with the walk that
   * this processor's generated code calls (an initializer written by a version 1 processor has
   * none).
   */
  boolean hasCompiledInitializer(TypeElement model) {
    TypeElement initializer = elements.getTypeElement(Names.initializer(model).canonicalName());
    return initializer != null
        && ElementFilter.methodsIn(initializer.getEnclosedElements()).stream()
            .anyMatch(m -> m.getSimpleName().contentEquals("walk"));
  }

  /** Whether the compiled initializer of {@code model} has the no-argument {@code specs()}. */
  boolean hasCompiledStaticSpecs(TypeElement model) {
    TypeElement initializer = elements.getTypeElement(Names.initializer(model).canonicalName());
    return initializer != null
        && ElementFilter.methodsIn(initializer.getEnclosedElements()).stream()
            .anyMatch(m -> m.getSimpleName().contentEquals("specs") && m.getParameters().isEmpty());
  }

  // ---- annotation plumbing -------------------------------------------------------------------

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
}
