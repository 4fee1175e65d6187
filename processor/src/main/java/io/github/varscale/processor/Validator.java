package io.github.varscale.processor;

import com.palantir.javapoet.ClassName;
import io.github.varscale.Fans;
import io.github.varscale.VarianceScaling;
import io.github.varscale.processor.ModelClass.Ancestor;
import io.github.varscale.processor.ModelClass.Dimension;
import io.github.varscale.processor.ModelClass.Initializer;
import io.github.varscale.processor.ModelClass.ShapeSpec;
import io.github.varscale.processor.ModelClass.TensorField;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;

/**
 * Judges a {@link ModelClass}: collects every problem of the class, and only when there is none
 * computes the {@link InitializerSpec} to generate.
 */
final class Validator {
  /** The most elements a Java array can hold on every JVM. */
  static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

  private Validator() {}

  /** Either the problems of a class, or what to generate for it. */
  record Result(List<Problem> problems, Optional<InitializerSpec> spec) {}

  static Result validate(ModelClass model) {
    List<Problem> problems = new ArrayList<>();
    Site classSite = Site.of(model.element());
    if (model.initializerTaken()) {
      problems.add(
          Problem.of(
              classSite,
              Message.NAME_TAKEN,
              model.initializer().canonicalName(),
              model.canonicalName()));
    }
    model
        .ancestor()
        .filter(Ancestor::failed)
        .ifPresent(
            ancestor ->
                problems.add(
                    Problem.of(
                        classSite,
                        Message.SUPERCLASS,
                        model.initializer().canonicalName(),
                        ancestor.canonicalName())));

    List<Tensor> tensors = new ArrayList<>();
    Map<String, TensorField> byNestedName = new HashMap<>();
    for (TensorField field : model.fields()) {
      String nested = upperCamel(field.name());
      TensorField clash = byNestedName.putIfAbsent(nested, field);
      if (clash != null) {
        problems.add(
            Problem.of(
                Site.of(field.element()),
                Message.NAME_CLASH,
                clash.name(),
                field.name(),
                model.initializer().simpleName(),
                nested));
      } else if (nested.equals(model.initializer().simpleName())) {
        problems.add(
            Problem.of(Site.of(field.element()), Message.NAME_ENCLOSING, field.name(), nested));
      }
      validateField(model, field, nested, problems).ifPresent(tensors::add);
    }
    if (!problems.isEmpty()) {
      return new Result(List.copyOf(problems), Optional.empty());
    }
    return new Result(
        List.of(),
        Optional.of(
            new InitializerSpec(
                model.element(),
                model.initializer(),
                ClassName.get(model.element()),
                model.modelType(),
                model.ancestor().map(Ancestor::initializer),
                model.generatedVisible(),
                List.copyOf(tensors))));
  }

  /**
   * The problem of a preset declared in this compilation, reported on the declaration; fields using
   * it get their own {@link Message#PRESET} error.
   */
  static Optional<Problem> validatePreset(Initializer declaration) {
    return isValidScale(declaration.scale())
        ? Optional.empty()
        : Optional.of(Problem.of(declaration.scaleSite(), Message.SCALE, declaration.scale()));
  }

  private static Optional<Tensor> validateField(
      ModelClass model, TensorField field, String nestedName, List<Problem> problems) {
    int before = problems.size();
    Site fieldSite = Site.of(field.element());
    String name = ModelReader.describe(field.element());

    List<String> forbidden =
        Stream.of(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .filter(field.modifiers()::contains)
            .map(Modifier::toString)
            .toList();
    if (!forbidden.isEmpty()) {
      String last = forbidden.get(forbidden.size() - 1);
      String all =
          forbidden.size() == 1
              ? last
              : String.join(", ", forbidden.subList(0, forbidden.size() - 1)) + " and " + last;
      problems.add(Problem.of(fieldSite, Message.MODIFIER, name, all));
    }
    model
        .unreachable()
        .ifPresent(why -> problems.add(Problem.of(fieldSite, Message.ACCESS, name, why)));
    if (field.elementKind().isEmpty()) {
      problems.add(Problem.of(fieldSite, Message.TYPE, name, field.typeText()));
    }

    List<Initializer> initializers = field.initializers();
    if (initializers.size() > 1) {
      problems.add(
          Problem.of(
              initializers.get(1).site(),
              Message.DUPLICATE,
              name,
              initializers.get(0).name(),
              initializers.get(1).name()));
    }
    for (Initializer initializer : initializers) {
      if (!isValidScale(initializer.scale())) {
        problems.add(
            initializer.preset().isPresent()
                ? Problem.of(
                    initializer.site(),
                    Message.PRESET,
                    initializer.name(),
                    initializer.scale(),
                    initializer.preset().get().getQualifiedName())
                : Problem.of(initializer.scaleSite(), Message.SCALE, initializer.scale()));
      }
    }

    Optional<ShapeSpec> shape = field.shape();
    if (initializers.isEmpty()) {
      problems.add(Problem.of(shape.orElseThrow().site(), Message.INITIALIZER_MISSING, name));
    } else if (shape.isEmpty()) {
      problems.add(Problem.of(initializers.get(0).site(), Message.SHAPE_MISSING, name));
    }
    long size = shape.isPresent() ? checkShape(field, shape.get(), name, problems) : 0;

    if (problems.size() > before) {
      return Optional.empty();
    }
    Initializer initializer = initializers.get(0);
    List<Integer> dimensions = shape.get().dimensions().stream().map(Dimension::size).toList();
    // The fans fit an int: each is at most the element count, checked above.
    Fans fans = Fans.of(shape.get().layout(), dimensions.stream().mapToInt(i -> i).toArray());
    VarianceScaling scaling =
        VarianceScaling.of(initializer.scale(), initializer.mode(), initializer.distribution());
    double variance = scaling.variance(fans);
    double sampling =
        switch (initializer.distribution()) {
          case UNIFORM -> scaling.bound(fans);
          case TRUNCATED_NORMAL -> scaling.bound(fans) / 2;
          case NORMAL -> Math.sqrt(variance);
        };
    return Optional.of(
        new Tensor(
            field.name(),
            nestedName,
            model.canonicalName() + "#" + field.name(),
            field.elementKind().get() == TypeKind.DOUBLE,
            field.rank(),
            dimensions,
            shape.get().layout(),
            initializer.name(),
            initializer.scale(),
            initializer.mode(),
            initializer.distribution(),
            Math.toIntExact(fans.fanIn()),
            Math.toIntExact(fans.fanOut()),
            variance,
            sampling,
            (int) size));
  }

  /** Checks the dimensions, the element count and the rank; returns the element count. */
  private static long checkShape(
      TensorField field, ShapeSpec shape, String name, List<Problem> problems) {
    List<Dimension> dimensions = shape.dimensions();
    boolean positive = true;
    for (int i = 0; i < dimensions.size(); i++) {
      Dimension dimension = dimensions.get(i);
      if (dimension.size() <= 0) {
        problems.add(Problem.of(dimension.site(), Message.DIMENSION, i, name, dimension.size()));
        positive = false;
      }
    }
    if (!positive) {
      return 0;
    }
    String declared = dimensions.stream().map(d -> String.valueOf(d.size())).toList().toString();
    long size = 1;
    for (Dimension dimension : dimensions) {
      // Saturating: once past the limit the exact count no longer matters.
      size = Math.min(size * dimension.size(), MAX_ELEMENTS + 1);
    }
    if (size > MAX_ELEMENTS) {
      problems.add(
          Problem.of(
              shape.site(), Message.SIZE, declared, name, exactSize(dimensions), MAX_ELEMENTS));
    }
    if (field.rank() > 1 && field.elementKind().isPresent() && field.rank() != dimensions.size()) {
      problems.add(
          Problem.of(
              shape.site(),
              Message.RANK,
              name,
              field.rank(),
              declared,
              dimensions.size(),
              field.elementKind().get().toString().toLowerCase(Locale.ROOT),
              dimensions.size()));
    }
    return size;
  }

  private static BigInteger exactSize(List<Dimension> dimensions) {
    return dimensions.stream()
        .map(d -> BigInteger.valueOf(d.size()))
        .reduce(BigInteger.ONE, BigInteger::multiply);
  }

  static boolean isValidScale(double scale) {
    return scale > 0 && !Double.isInfinite(scale);
  }

  /** {@code w1 -> W1}, {@code hidden_weights -> HiddenWeights}, {@code fooBar -> FooBar}. */
  static String upperCamel(String field) {
    StringBuilder name = new StringBuilder();
    for (String part : field.split("_")) {
      if (!part.isEmpty()) {
        name.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
      }
    }
    // A name of underscores only has no letters to capitalize; keep it as it is.
    return name.length() == 0 ? field : name.toString();
  }
}
