package io.github.varscale.processor;

import io.github.varscale.Fans;
import io.github.varscale.Initializer;
import io.github.varscale.Layout;
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
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;

/**
 * Judges a {@link ModelClass}: collects every problem of the class, in source order. It builds
 * nothing; {@link Specs} turns a class without problems into what to generate.
 */
final class Validator {
  /** The most elements a Java array can hold on every JVM. */
  static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

  private final ModelClass model;
  private final ModelOutcomes outcomes;
  private final List<Problem> problems = new ArrayList<>();

  private Validator(ModelClass model, ModelOutcomes outcomes) {
    this.model = model;
    this.outcomes = outcomes;
  }

  /** Every problem of {@code model}; none means it can be generated. */
  static List<Problem> validate(ModelClass model, ModelOutcomes outcomes) {
    Validator validator = new Validator(model, outcomes);
    validator.validateClass();
    // Source order: the class's own problems, then each field's in declaration order, and within
    // a field its annotations' problems in the order they are written, then the field's own
    // (its name follows its annotations).
    List<? extends javax.lang.model.element.Element> members =
        model.element().getEnclosedElements();
    List<Problem> sorted = new ArrayList<>(validator.problems);
    sorted.sort(Comparator.comparingInt((Problem p) -> members.indexOf(p.site().element()))
        .thenComparingInt(p -> p.site().sourceRank()));
    return List.copyOf(sorted);
  }

  /**
   * The problem of a preset declared in this compilation, reported on the declaration; fields using
   * it get their own {@link Message#PRESET} error.
   */
  static Optional<Problem> validatePreset(InitializerUse declaration) {
    Setting scale = declaration.setting("scale");
    return isValidScale(scale)
        ? Optional.empty()
        : Optional.of(Problem.of(scale.site(), Message.SCALE, scale.value()));
  }

  /**
   * The problems of {@code model}, which {@link #validate} passed, now that its superclass or part
   * models have failed: in a cycle of model classes, a class is judged before the ones it calls
   * are.
   */
  static List<Problem> failedDependencies(ModelClass model, ModelOutcomes outcomes) {
    Validator validator = new Validator(model, outcomes);
    validator.validateSuperclass();
    model.parts().forEach(validator::validatePartModel);
    return List.copyOf(validator.problems);
  }

  private void report(Site site, Message message, Object... args) {
    problems.add(Problem.of(site, message, args));
  }

  private void validateSuperclass() {
    model.superModel()
        .filter(outcomes::failed)
        .ifPresent(parent -> report(Site.of(model.element()), Message.SUPERCLASS,
            model.initializer().canonicalName(), parent.getQualifiedName()));
  }

  private void validateClass() {
    validateSuperclass();
    // On the first annotated field rather than the class: Eclipse's compiler cannot point at a
    // record, and the field is where the user asked for an initializer.
    model.kindName().ifPresent(kind -> report(firstModelField(), Message.MODEL_KIND,
        model.canonicalName(), kind));

    Map<String, TensorField> byNestedName = new HashMap<>();
    for (TensorField field : model.tensors()) {
      validateNames(field, byNestedName);
      validateTensor(field);
    }
    for (PartField part : model.parts()) {
      validatePart(part);
    }
  }

  private Site firstModelField() {
    List<javax.lang.model.element.Element> fields = new ArrayList<>();
    model.tensors().forEach(t -> fields.add(t.element()));
    model.parts().forEach(p -> fields.add(p.element()));
    List<? extends javax.lang.model.element.Element> members =
        model.element().getEnclosedElements();
    return fields.stream()
        .min(Comparator.comparingInt(members::indexOf))
        .map(Site::of)
        .orElse(Site.of(model.element()));
  }

  // ---- names ---------------------------------------------------------------------------------

  private void validateNames(TensorField field, Map<String, TensorField> byNestedName) {
    Site site = Site.of(field.element());
    String nested = Names.upperCamel(field.name());
    if (!Names.isLegalClassName(nested)) {
      report(site, Message.NAME_INVALID, describe(field), nested,
          nested.isEmpty() ? "1" : nested);
      return;
    }
    TensorField clash = byNestedName.putIfAbsent(nested, field);
    if (clash != null) {
      report(site, Message.NAME_CLASH, clash.name(), field.name(), model.canonicalName(),
          model.initializer().simpleName(), nested);
    } else if (nested.equals(model.initializer().simpleName())) {
      report(site, Message.NAME_ENCLOSING, describe(field), nested);
    } else if (model.unnamedPackageTypes().contains(nested)) {
      report(site, Message.NAME_HIDES, describe(field), nested, nested);
    }
  }

  private void validateInherited(Site site, String name, String describe) {
    for (InheritedField inherited : model.inherited()) {
      if (inherited.name().equals(name)) {
        report(site, Message.FIELD_TWICE, describe,
            inherited.declaringClass().getQualifiedName() + "." + name,
            inherited.declaringClass().getQualifiedName());
        return;
      }
    }
  }

  // ---- tensor fields -------------------------------------------------------------------------

  private void validateTensor(TensorField field) {
    Site site = Site.of(field.element());
    String name = describe(field);
    validateInherited(site, field.name(), "field " + name);
    if (model.kindName().isEmpty()) {
      validateModifiers(site, name, field.modifiers(), true);
    }
    model.unreachable().ifPresent(why -> report(site, Message.ACCESS, name, why));
    if (field.elementKind().isEmpty()) {
      report(site, Message.TYPE, name, field.typeText());
    }

    List<InitializerUse> initializers = field.initializers();
    if (initializers.size() > 1) {
      report(initializers.get(1).site(), Message.DUPLICATE, name, initializers.get(0).name(),
          initializers.get(1).name());
    }
    boolean settingsValid = true;
    for (InitializerUse initializer : initializers) {
      settingsValid &= validateSettings(initializer);
    }

    Optional<ShapeUse> shape = field.shape();
    if (initializers.isEmpty()) {
      report(shape.orElseThrow().site(), Message.INITIALIZER_MISSING, name);
    } else if (shape.isEmpty()) {
      report(initializers.get(0).site(), Message.SHAPE_MISSING, name);
    }
    if (shape.isEmpty()) {
      return;
    }
    Optional<List<Integer>> constant = validateShape(field, shape.get(), name);
    validateAxes(shape.get(), name);
    if (settingsValid && initializers.size() == 1 && field.elementKind().isPresent()) {
      validateRange(field, initializers.get(0), shape.get(), constant, name);
    }
  }

  private void validateModifiers(
      Site site, String name, java.util.Set<Modifier> modifiers, boolean tensor) {
    List<Modifier> forbiddenModifiers = tensor
        ? List.of(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        : List.of(Modifier.PRIVATE, Modifier.STATIC);
    List<String> forbidden =
        forbiddenModifiers.stream()
            .filter(modifiers::contains)
            .map(Modifier::toString)
            .toList();
    if (forbidden.isEmpty()) {
      return;
    }
    String last = forbidden.get(forbidden.size() - 1);
    String all =
        forbidden.size() == 1
            ? last
            : String.join(", ", forbidden.subList(0, forbidden.size() - 1)) + " and " + last;
    report(site, Message.MODIFIER, name, all,
        tensor ? "assigns it through the model" : "reads it through the model",
        tensor ? "a non-private, non-final instance field" : "a non-private instance field");
  }

  /** Checks one initializer's settings; returns whether they are all valid. */
  private boolean validateSettings(InitializerUse initializer) {
    switch (initializer.kind()) {
      case VARIANCE_SCALED: {
        Setting scale = initializer.setting("scale");
        if (isValidScale(scale)) {
          return true;
        }
        if (initializer.preset().isPresent()) {
          report(initializer.site(), Message.PRESET, initializer.name(), scale.value(),
              initializer.preset().get().getQualifiedName());
        } else {
          report(scale.site(), Message.SCALE, scale.value());
        }
        return false;
      }
      case CONSTANT:
        return requireFinite(initializer.setting("value"));
      case RANDOM_NORMAL:
      case TRUNCATED_NORMAL: {
        boolean valid = requireFinite(initializer.setting("mean"));
        Setting stddev = initializer.setting("stddev");
        double value = (Double) stddev.value();
        if (!(value > 0 && value <= Double.MAX_VALUE)) {
          report(stddev.site(), Message.STDDEV, value);
          valid = false;
        }
        return valid;
      }
      case RANDOM_UNIFORM: {
        Setting minval = initializer.setting("minval");
        Setting maxval = initializer.setting("maxval");
        boolean valid = requireFinite(minval) & requireFinite(maxval);
        if (valid && !((Double) minval.value() < (Double) maxval.value())) {
          Site blame = maxval.site().value() != null ? maxval.site() : minval.site();
          report(blame, Message.RANGE, minval.value(), maxval.value());
          valid = false;
        }
        return valid;
      }
      default:
        return true;
    }
  }

  private boolean requireFinite(Setting setting) {
    if (Double.isFinite((Double) setting.value())) {
      return true;
    }
    report(setting.site(), Message.NOT_FINITE, setting.name(), setting.value());
    return false;
  }

  private static boolean isValidScale(Setting scale) {
    try {
      io.github.varscale.VarianceScaling.of(
          (Double) scale.value(), io.github.varscale.Mode.FAN_IN,
          io.github.varscale.Distribution.NORMAL);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  // ---- shapes --------------------------------------------------------------------------------

  /** Checks value or dims; returns the constant dimensions if the shape is constant and valid. */
  private Optional<List<Integer>> validateShape(TensorField field, ShapeUse shape, String name) {
    if (shape.value().isPresent() && shape.dims().isPresent()) {
      report(shape.dimsSite(), Message.SHAPE_BOTH, name);
      return Optional.empty();
    }
    if (shape.value().isEmpty() && shape.dims().isEmpty()) {
      report(shape.site(), Message.SHAPE_NEITHER, name);
      return Optional.empty();
    }
    validateRank(field, shape, name);
    if (shape.value().isPresent()) {
      return validateConstant(shape.value().get(), shape.valueSite(), name);
    }
    List<BigInteger> folded = new ArrayList<>();
    boolean constant = true;
    boolean valid = true;
    List<DimsEntry> entries = shape.dims().get();
    for (int d = 0; d < entries.size(); d++) {
      DimsEntry entry = entries.get(d);
      Optional<BigInteger> value = validateDims(d, entry, name);
      if (value == null) {
        constant = false;
      } else if (value.isEmpty()) {
        valid = false;
      } else {
        folded.add(value.get());
      }
    }
    if (!valid || !constant) {
      return Optional.empty();
    }
    return validateSize(folded, shape.dimsSite(), name);
  }

  /**
   * Checks the element count of constant dimensions, each {@code > 0}, folded exactly: a product
   * of constants can exceed an int, or a long, before the count is checked. Returns them if valid.
   */
  private Optional<List<Integer>> validateSize(List<BigInteger> dimensions, Site site,
      String name) {
    BigInteger size = dimensions.stream().reduce(BigInteger.ONE, BigInteger::multiply);
    if (size.compareTo(BigInteger.valueOf(MAX_ELEMENTS)) > 0) {
      report(site, Message.SIZE, dimensions, name, size, MAX_ELEMENTS);
      return Optional.empty();
    }
    return Optional.of(dimensions.stream().map(BigInteger::intValueExact).toList());
  }

  /**
   * Checks one dims entry: its syntax and the fields it reads. Returns its folded value if it
   * reads only constants, null if it reads a field at run time, and empty if it is wrong.
   */
  private Optional<BigInteger> validateDims(int d, DimsEntry entry, String name) {
    if (entry.syntaxError().isPresent()) {
      report(entry.site(), Message.DIMS_SYNTAX, d, name, entry.text(), entry.syntaxError().get());
      return Optional.empty();
    }
    boolean valid = true;
    boolean constant = true;
    for (NamedField read : entry.fields()) {
      if (read.field().isEmpty()) {
        report(entry.site(), Message.DIMS_NAME, d, name, read.name(), model.canonicalName(),
            suggestion(read));
        valid = false;
      } else if (!read.isInt()) {
        report(entry.site(), Message.DIMS_TYPE, d, name, read.name(), read.typeText(),
            read.name());
        valid = false;
      } else if (read.constant().isEmpty()) {
        constant = false;
        Optional<String> why = unreadable(read);
        if (why.isPresent()) {
          report(entry.site(), Message.DIMS_ACCESS, d, name, read.name(),
              model.initializer().packageName().isEmpty()
                  ? "(unnamed)" : model.initializer().packageName(), why.get(),
              read.samePackage() ? "package-private, protected or public" : "public");
          valid = false;
        }
      }
    }
    if (!valid) {
      return Optional.empty();
    }
    if (!constant) {
      return null;
    }
    BigInteger value = BigInteger.ONE;
    for (long factor : entry.constantFactors().orElseThrow()) {
      if (factor <= 0) {
        report(entry.site(), Message.DIMENSION, d, name, factor);
        return Optional.empty();
      }
      value = value.multiply(BigInteger.valueOf(factor));
    }
    return Optional.of(value);
  }

  /** Why the generated initializer, in the model's package, cannot read a field; empty if it can. */
  private static Optional<String> unreadable(NamedField read) {
    String where = read.declaringClass().orElseThrow().getQualifiedName().toString();
    if (read.modifiers().contains(Modifier.PRIVATE)) {
      return Optional.of("it is private in " + where);
    }
    if (!read.samePackage() && !read.modifiers().contains(Modifier.PUBLIC)) {
      return Optional.of("it is " + (read.modifiers().contains(Modifier.PROTECTED)
          ? "protected" : "package-private") + " in " + where + ", another package");
    }
    return Optional.empty();
  }

  /** {@code " did you mean dModel?"}, or the int fields there are. */
  private static String suggestion(NamedField read) {
    List<String> candidates = read.candidates();
    if (candidates.isEmpty()) {
      return " the class has no int fields to read a dimension from";
    }
    Optional<String> closest = candidates.stream()
        .min(Comparator.comparingInt((String c) -> distance(c.toLowerCase(Locale.ROOT),
            read.name().toLowerCase(Locale.ROOT))).thenComparing(c -> c));
    if (closest.isPresent()
        && distance(closest.get().toLowerCase(Locale.ROOT), read.name().toLowerCase(Locale.ROOT))
            <= Math.max(2, read.name().length() / 3)) {
      return " did you mean " + closest.get() + "?";
    }
    return " its int fields are " + candidates.stream().limit(8).collect(Collectors.joining(", "))
        + (candidates.size() > 8 ? ", ..." : "");
  }

  /** Levenshtein's edit distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** Checks constant dimensions and their count; returns them if valid. */
  private Optional<List<Integer>> validateConstant(
      List<Dimension> dimensions, Site site, String name) {
    boolean positive = true;
    for (int i = 0; i < dimensions.size(); i++) {
      Dimension dimension = dimensions.get(i);
      if (dimension.size() <= 0) {
        report(dimension.site(), Message.DIMENSION, i, name, dimension.size());
        positive = false;
      }
    }
    if (!positive) {
      return Optional.empty();
    }
    return validateSize(
        dimensions.stream().map(d -> BigInteger.valueOf(d.size())).toList(), site, name);
  }

  private void validateRank(TensorField field, ShapeUse shape, String name) {
    int rank = shape.rank();
    if (field.rank() <= 1 || field.elementKind().isEmpty() || field.rank() == rank) {
      return;
    }
    String element = field.elementKind().get().toString().toLowerCase(Locale.ROOT);
    String fix = rank == 0
        ? "a scalar is held by a flat " + element + "[] of length 1: declare it as " + element
            + "[]"
        : "declare it as a flat " + element + "[] or as a nested " + element
            + "[]".repeat(rank) + " with one dimension per shape dimension";
    report(shape.value().isPresent() ? shape.valueSite() : shape.dimsSite(), Message.RANK, name,
        field.rank(), shapeText(shape), rank, fix);
  }

  private static String shapeText(ShapeUse shape) {
    return shape.value().isPresent()
        ? shape.value().get().stream().map(d -> String.valueOf(d.size())).toList().toString()
        : shape.dims().orElseThrow().stream().map(e -> "\"" + e.text() + "\"").toList().toString();
  }

  // ---- fan axes ------------------------------------------------------------------------------

  private void validateAxes(ShapeUse shape, String name) {
    Axes in = shape.inAxes();
    Axes out = shape.outAxes();
    Axes batch = shape.batchAxes();
    if (in.written() != out.written()) {
      Axes given = in.written() ? in : out;
      report(given.site(), Message.AXES_PAIR, name, given.attribute(),
          in.written() ? "outAxes" : "inAxes");
      return;
    }
    boolean explicit = in.written();
    if (explicit && shape.layoutSite().isPresent()) {
      report(shape.layoutSite().get(), Message.AXES_LAYOUT, name);
      return;
    }
    if (explicit && (in.axes().isEmpty() || out.axes().isEmpty())) {
      Axes empty = in.axes().isEmpty() ? in : out;
      report(empty.site(), Message.AXES_EMPTY, empty.attribute(), name);
      return;
    }
    int rank = shape.rank();
    // The group of each resolved axis, and the axis as written, to name both in a message.
    Map<Integer, Axes> groups = new HashMap<>();
    Map<Integer, Integer> written = new HashMap<>();
    List<Axes> all = explicit ? List.of(in, out, batch) : List.of(batch);
    for (Axes axes : all) {
      for (Axis axis : axes.axes()) {
        if (axis.value() < -rank || axis.value() >= rank) {
          report(axis.site(), Message.AXES_RANGE, axes.attribute(), name, axis.value(), rank,
              -rank, rank - 1);
          continue;
        }
        int resolved = axis.value() < 0 ? axis.value() + rank : axis.value();
        Axes earlier = groups.putIfAbsent(resolved, axes);
        if (earlier == axes) {
          report(axis.site(), Message.AXES_REPEATED, axes.attribute(), name, resolved,
              written.get(resolved), axis.value());
        } else if (earlier != null) {
          report(axis.site(), Message.AXES_OVERLAP, resolved, name, earlier.attribute(),
              axes.attribute());
        } else {
          written.put(resolved, axis.value());
        }
      }
    }
    if (!explicit && rank >= 1) {
      List<Integer> channels = rank == 1 ? List.of(0)
          : shape.layout() == Layout.IN_OUT ? List.of(rank - 2, rank - 1) : List.of(1, 0);
      for (Axis axis : batch.axes()) {
        int resolved = axis.value() < 0 ? axis.value() + rank : axis.value();
        if (axis.value() >= -rank && axis.value() < rank && channels.contains(resolved)) {
          report(axis.site(), Message.AXES_CHANNEL, name, resolved, shape.layout(), rank);
        }
      }
    }
  }

  // ---- the values' range ---------------------------------------------------------------------

  /**
   * Refuses settings whose values would overflow the element type. For a dims shape the fans are
   * known only at run time; the largest variance, that of fans of 1, is checked.
   */
  private void validateRange(TensorField field, InitializerUse use, ShapeUse shape,
      Optional<List<Integer>> constant, String name) {
    if (!problemsAbout(field).isEmpty()) {
      return;
    }
    Initializer initializer = Specs.initializer(use);
    Fans fans = constant
        .map(dimensions -> Specs.axes(shape).fans(dimensions.stream().mapToInt(i -> i).toArray()))
        .orElse(new Fans(1, 1));
    boolean isFloat = field.elementKind().get() == TypeKind.FLOAT;
    double bound = initializer.maxMagnitude(fans);
    double max = isFloat ? Float.MAX_VALUE : Double.MAX_VALUE;
    if (bound <= max) {
      return;
    }
    String type = isFloat ? "float" : "double";
    String largest = isFloat ? Float.toString(Float.MAX_VALUE) : Double.toString(max);
    // A bound too large to compute says nothing about how large the values would be.
    String reach = Double.isFinite(bound) ? "up to " + bound + ", past" : "past";
    Setting blame = switch (use.kind()) {
      case VARIANCE_SCALED -> use.setting("scale");
      case CONSTANT -> use.setting("value");
      case RANDOM_UNIFORM -> Math.abs(use.number("minval")) > Math.abs(use.number("maxval"))
          ? use.setting("minval") : use.setting("maxval");
      default -> Math.abs(use.number("mean")) > max / 2 ? use.setting("mean")
          : use.setting("stddev");
    };
    String fix = use.kind() == Kind.VARIANCE_SCALED && use.preset().isEmpty()
        ? "use a smaller scale" + (isFloat ? " or a double field" : "")
        : "use a smaller " + blame.name() + (isFloat ? " or a double field" : "");
    Site site = use.preset().isPresent() ? use.site() : blame.site();
    report(site, Message.OVERFLOW, name, reach, type, largest, fix);
  }

  private List<Problem> problemsAbout(TensorField field) {
    return problems.stream().filter(p -> p.site().element().equals(field.element())).toList();
  }

  // ---- part fields ---------------------------------------------------------------------------

  private void validatePart(PartField part) {
    Site site = Site.of(part.element());
    String name = Names.describe(part.element());
    validateInherited(site, part.name(), "@Submodel field " + name);
    for (Site other : part.otherAnnotations()) {
      String annotation = other.mirror().getAnnotationType().asElement().getSimpleName().toString();
      report(other, Message.SUBMODEL_ANNOTATION, name, annotation, annotation);
    }
    if (model.kindName().isEmpty()) {
      validateModifiers(site, name, part.modifiers(), false);
    }
    model.unreachable().ifPresent(why -> report(site, Message.ACCESS, name, why));
    if (part.container() == Container.OTHER) {
      report(site, Message.SUBMODEL_TYPE, name, part.typeText(),
          "declare it as a model class, an array of one, or a java.util.List of one");
      return;
    }
    if (part.partModel().isEmpty()) {
      report(site, Message.SUBMODEL_TYPE, name, part.typeText(),
          part.partType().map(t -> t.getQualifiedName() + " is no model class: neither it nor a"
              + " superclass declares tensor or @Submodel fields").orElse("its parts must be of"
              + " a model class, not a type variable or wildcard"));
      return;
    }
    TypeElement partModel = part.partModel().get();
    if (part.cycle().isPresent()) {
      report(part.site(), Message.SUBMODEL_CYCLE, name, String.join(" -> ", part.cycle().get()));
      return;
    }
    Optional<String> unreachable = unreachablePart(partModel);
    if (unreachable.isPresent()) {
      report(site, Message.SUBMODEL_TYPE, name, part.typeText(), unreachable.get());
      return;
    }
    if (outcomes.failed(partModel)) {
      validatePartModel(part);
    } else if (!outcomes.hasInitializer(partModel)) {
      report(site, Message.SUBMODEL_TYPE, name, part.typeText(),
          "the initializer of " + partModel.getQualifiedName() + " was not generated by this"
              + " version of varscale's processor; compile " + partModel.getQualifiedName()
              + " with it");
    }
  }

  /** Refuses a part whose model class failed. */
  private void validatePartModel(PartField part) {
    part.partModel()
        .filter(outcomes::failed)
        .ifPresent(partModel -> report(Site.of(part.element()), Message.SUBMODEL_FAILED,
            model.initializer().canonicalName(), partModel.getQualifiedName()));
  }

  /** Why the generated code, in the model's package, cannot name a part's model class. */
  private Optional<String> unreachablePart(TypeElement partModel) {
    String modelPackage = model.initializer().packageName();
    String partPackage = Names.initializer(partModel).packageName();
    for (javax.lang.model.element.Element e = partModel; e instanceof TypeElement;
        e = e.getEnclosingElement()) {
      java.util.Set<Modifier> modifiers = e.getModifiers();
      if (modifiers.contains(Modifier.PRIVATE)
          || (!modifiers.contains(Modifier.PUBLIC) && !modelPackage.equals(partPackage))) {
        return Optional.of(partModel.getQualifiedName() + " is not visible from package "
            + (modelPackage.isEmpty() ? "(unnamed)" : modelPackage)
            + ", where the initializer that walks it is; make it public");
      }
    }
    return Optional.empty();
  }

  private static String describe(TensorField field) {
    return Names.describe(field.element());
  }
}
