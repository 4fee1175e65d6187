package io.github.varscale.processor;

import com.palantir.javapoet.ClassName;
import io.github.varscale.Distribution;
import io.github.varscale.FanAxes;
import io.github.varscale.Fans;
import io.github.varscale.FixedInitializer;
import io.github.varscale.Initializer;
import io.github.varscale.Mode;
import io.github.varscale.VarianceScaling;
import io.github.varscale.processor.InitializerSpec.Constants;
import io.github.varscale.processor.InitializerSpec.PartPlan;
import io.github.varscale.processor.InitializerSpec.Read;
import io.github.varscale.processor.InitializerSpec.TensorPlan;
import io.github.varscale.processor.ModelClass.Axis;
import io.github.varscale.processor.ModelClass.Container;
import io.github.varscale.processor.ModelClass.Dimension;
import io.github.varscale.processor.ModelClass.DimsEntry;
import io.github.varscale.processor.ModelClass.InitializerUse;
import io.github.varscale.processor.ModelClass.NamedField;
import io.github.varscale.processor.ModelClass.PartField;
import io.github.varscale.processor.ModelClass.ShapeUse;
import io.github.varscale.processor.ModelClass.TensorField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.type.TypeKind;

/**
 * Turns a {@link ModelClass} that {@link Validator} passed into the {@link InitializerSpec} to
 * write, computing its fans, variances and sizes with the runtime itself, which owns those rules.
 */
final class Specs {
  private Specs() {}

  static InitializerSpec of(ModelClass model, ModelOutcomes outcomes) {
    List<TensorPlan> tensors = new ArrayList<>();
    for (TensorField field : model.tensors()) {
      tensors.add(tensor(field));
    }
    List<PartPlan> parts = new ArrayList<>();
    for (PartField part : model.parts()) {
      parts.add(new PartPlan(part.name(), Names.key(part.element()), part.container(),
          Names.initializer(part.partModel().orElseThrow())));
    }
    boolean staticSpecs =
        tensors.stream().allMatch(t -> t.shape().isPresent())
            && model.parts().stream().allMatch(p -> p.container() == Container.SINGLE
                && outcomes.hasStaticSpecs(p.partModel().orElseThrow()))
            && model.superModel().map(outcomes::hasStaticSpecs).orElse(true);
    return new InitializerSpec(
        model.element(),
        model.initializer(),
        ClassName.get(model.element()),
        model.modelType(),
        model.superModel().map(Names::initializer),
        staticSpecs,
        model.generatedVisible(),
        List.copyOf(tensors),
        List.copyOf(parts));
  }

  private static TensorPlan tensor(TensorField field) {
    InitializerUse use = field.initializers().get(0);
    ShapeUse shape = field.shape().orElseThrow();
    FanAxes axes = axes(shape);
    Optional<List<Integer>> constant = constantShape(shape);
    List<String> dims = new ArrayList<>();
    Map<String, Read> reads = new LinkedHashMap<>();
    if (constant.isEmpty()) {
      for (DimsEntry entry : shape.dims().orElseThrow()) {
        dims.add(entry.text());
        for (NamedField read : entry.fields()) {
          reads.putIfAbsent(read.name(), new Read(read.name(), read.isStatic(), read.constant()));
        }
      }
    }
    Initializer initializer = initializer(use);
    return new TensorPlan(
        field.name(),
        Names.upperCamel(field.name()),
        Names.key(field.element()),
        field.elementKind().orElseThrow() == TypeKind.DOUBLE,
        field.rank(),
        use.name(),
        use.kind(),
        initializer,
        axes,
        constant,
        List.copyOf(dims),
        List.copyOf(reads.values()),
        constant.map(dimensions -> constants(initializer, axes, dimensions)));
  }

  /** The dimensions, if they are all known at compile time: written as value or folded dims. */
  private static Optional<List<Integer>> constantShape(ShapeUse shape) {
    if (shape.value().isPresent()) {
      return Optional.of(shape.value().get().stream().map(Dimension::size).toList());
    }
    List<Integer> folded = new ArrayList<>();
    for (DimsEntry entry : shape.dims().orElseThrow()) {
      Optional<List<Long>> factors = entry.constantFactors();
      if (factors.isEmpty()) {
        return Optional.empty();
      }
      // Validated: every product fits an int.
      folded.add(Math.toIntExact(factors.get().stream().reduce(1L, (a, b) -> a * b)));
    }
    return Optional.of(List.copyOf(folded));
  }

  private static Constants constants(
      Initializer initializer, FanAxes axes, List<Integer> shape) {
    Fans fans = axes.fans(shape.stream().mapToInt(i -> i).toArray());
    long size = 1;
    for (int dimension : shape) {
      size *= dimension;
    }
    Optional<Double> variance = Optional.empty();
    Optional<Double> spread = Optional.empty();
    String spreadName = "STDDEV";
    if (initializer instanceof VarianceScaling) {
      VarianceScaling scaling = (VarianceScaling) initializer;
      variance = Optional.of(scaling.variance(fans));
      boolean uniform = scaling.distribution() == Distribution.UNIFORM;
      spread = Optional.of(uniform ? scaling.bound(fans) : scaling.stddev(fans));
      spreadName = uniform ? "LIMIT" : "STDDEV";
    }
    // The fans fit an int: each is at most the element count, which fits an array.
    return new Constants(Math.toIntExact(fans.fanIn()), Math.toIntExact(fans.fanOut()),
        Math.toIntExact(size), variance, spread, spreadName);
  }

  /** The arguments of the runtime factory for {@code use}, in the factory's order. */
  private static List<Object> arguments(InitializerUse use) {
    switch (use.kind()) {
      case VARIANCE_SCALED:
        return List.of(use.number("scale"), Mode.valueOf(use.constant("mode")),
            Distribution.valueOf(use.constant("distribution")));
      case CONSTANT:
        return List.of(use.number("value"));
      case RANDOM_NORMAL:
      case TRUNCATED_NORMAL:
        return List.of(use.number("mean"), use.number("stddev"));
      case RANDOM_UNIFORM:
        return List.of(use.number("minval"), use.number("maxval"));
      default:
        return List.of();
    }
  }

  /** The runtime initializer an annotation whose settings are valid names. */
  static Initializer initializer(InitializerUse use) {
    List<Object> a = arguments(use);
    switch (use.kind()) {
      case VARIANCE_SCALED:
        return VarianceScaling.of((Double) a.get(0), (Mode) a.get(1), (Distribution) a.get(2));
      case ZEROS:
        return FixedInitializer.zeros();
      case ONES:
        return FixedInitializer.ones();
      case CONSTANT:
        return FixedInitializer.constant((Double) a.get(0));
      case RANDOM_NORMAL:
        return FixedInitializer.randomNormal((Double) a.get(0), (Double) a.get(1));
      case TRUNCATED_NORMAL:
        return FixedInitializer.truncatedNormal((Double) a.get(0), (Double) a.get(1));
      case RANDOM_UNIFORM:
        return FixedInitializer.randomUniform((Double) a.get(0), (Double) a.get(1));
      default:
        throw new AssertionError(use.kind());
    }
  }

  /** The fan axes a valid shape names: explicit in and out axes, or its layout. */
  static FanAxes axes(ShapeUse shape) {
    int[] batch = values(shape.batchAxes().axes());
    if (shape.inAxes().written()) {
      return FanAxes.explicit(values(shape.inAxes().axes()), values(shape.outAxes().axes()), batch);
    }
    return FanAxes.of(shape.layout(), batch);
  }

  private static int[] values(List<Axis> axes) {
    return axes.stream().mapToInt(Axis::value).toArray();
  }
}
