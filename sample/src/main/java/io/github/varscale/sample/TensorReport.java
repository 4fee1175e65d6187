package io.github.varscale.sample;

import io.github.varscale.Distribution;
import io.github.varscale.Fans;
import io.github.varscale.Layout;
import io.github.varscale.Mode;
import io.github.varscale.Shape;
import io.github.varscale.VarianceScaled;
import io.github.varscale.VarianceScaling;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One weight tensor of an initialized model: what its annotations ask for, and what its values
 * measure. The settings are read from the field's annotations (which are retained at run time,
 * presets included), the figures from the array the field holds.
 *
 * @param name {@code <simple class name>.<field>}
 * @param shape the dimensions from {@code @Shape}
 * @param layout the layout from {@code @Shape}
 * @param settings the {@code @VarianceScaled} settings, written on the field or on its preset
 * @param fans the fans the shape and layout give
 * @param targetVariance {@code scale / max(1, n)}
 * @param count the number of values
 * @param measuredVariance the values' variance around their mean
 * @param maxAbs the largest magnitude among the values
 */
record TensorReport(
    String name,
    List<Integer> shape,
    Layout layout,
    VarianceScaling settings,
    Fans fans,
    double targetVariance,
    int count,
    double measuredVariance,
    double maxAbs) {

  /**
   * Describes field {@code fieldName} of {@code model}, which must be a {@code @Shape} field that
   * holds a {@code float} or {@code double} array (flat or nested).
   */
  static TensorReport of(Object model, String fieldName) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(fieldName, "fieldName");
    Field field;
    Object values;
    try {
      field = model.getClass().getDeclaredField(fieldName);
      values = field.get(model);
    } catch (NoSuchFieldException | IllegalAccessException e) {
      throw new IllegalArgumentException(
          "fieldName must name a readable field of " + model.getClass().getName() + ", found "
              + fieldName,
          e);
    }
    Shape shape = field.getAnnotation(Shape.class);
    if (shape == null || values == null) {
      throw new IllegalArgumentException(
          "fieldName must name an initialized @Shape field, found " + fieldName);
    }
    VarianceScaled declared = varianceScaled(field);
    VarianceScaling settings =
        VarianceScaling.of(declared.scale(), declared.mode(), declared.distribution());
    Fans fans = Fans.of(shape.layout(), shape.value());
    double[] flat = Tensors.flatten(values);
    return new TensorReport(
        model.getClass().getSimpleName() + "." + fieldName,
        Arrays.stream(shape.value()).boxed().toList(),
        shape.layout(),
        settings,
        fans,
        settings.variance(fans),
        flat.length,
        Tensors.variance(flat),
        Tensors.maxAbs(flat));
  }

  /** The field's own {@code @VarianceScaled}, or the one on its preset annotation. */
  private static VarianceScaled varianceScaled(Field field) {
    VarianceScaled direct = field.getAnnotation(VarianceScaled.class);
    if (direct != null) {
      return direct;
    }
    for (Annotation annotation : field.getAnnotations()) {
      VarianceScaled preset = annotation.annotationType().getAnnotation(VarianceScaled.class);
      if (preset != null) {
        return preset;
      }
    }
    throw new IllegalArgumentException(
        "field " + field.getName() + " carries neither @VarianceScaled nor a preset");
  }

  Mode mode() {
    return settings.mode();
  }

  Distribution distribution() {
    return settings.distribution();
  }

  /** The table the sample prints: one row per tensor. */
  static String table(Iterable<TensorReport> reports) {
    TextTable table =
        new TextTable(
            TextTable.Column.left("tensor"),
            TextTable.Column.left("shape"),
            TextTable.Column.left("layout"),
            TextTable.Column.right("fan_in"),
            TextTable.Column.right("fan_out"),
            TextTable.Column.left("mode"),
            TextTable.Column.left("distribution"),
            TextTable.Column.right("target var"),
            TextTable.Column.right("measured var"),
            TextTable.Column.right("max |w|"));
    for (TensorReport r : reports) {
      table.addRow(
          r.name(),
          r.shape().toString(),
          r.layout().name(),
          Long.toString(r.fans().fanIn()),
          Long.toString(r.fans().fanOut()),
          r.mode().name(),
          r.distribution().name(),
          Tensors.scientific(r.targetVariance()),
          Tensors.scientific(r.measuredVariance()),
          Tensors.scientific(r.maxAbs()));
    }
    return table.render();
  }
}
