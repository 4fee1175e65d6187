package io.github.varscale.bench;

import static io.github.varscale.bench.TensorField.Axes.IN_OUT;
import static io.github.varscale.bench.TensorField.Axes.OUT_IN;

import io.github.varscale.Distribution;
import io.github.varscale.GlorotNormal;
import io.github.varscale.GlorotUniform;
import io.github.varscale.HeNormal;
import io.github.varscale.HeUniform;
import io.github.varscale.LecunNormal;
import io.github.varscale.Mode;
import io.github.varscale.bench.TensorField.Scaled;
import java.util.List;

/**
 * The model classes {@link ProcessorCost} compiles by default: {@code n} classes, each with eight
 * tensor fields of the kinds a model really has (presets and explicit settings, flat and nested
 * arrays, both layouts, float and double), written with the annotations and, for the hand-written
 * baseline, initialized in their constructors through the runtime API. The text depends only on
 * the model's number.
 */
final class ModelSources {

  static final String PACKAGE = "bench.models";

  /** What the hand-written models import; the annotated ones import varscale's annotations. */
  static final List<String> HAND_WRITTEN_IMPORTS = List.of(
      "io.github.varscale.Distribution",
      "io.github.varscale.Fans",
      "io.github.varscale.Layout",
      "io.github.varscale.Mode",
      "io.github.varscale.VarianceScaling",
      "java.util.Arrays");

  private static final List<String> ANNOTATED_IMPORTS = List.of(
      "io.github.varscale.Distribution",
      "io.github.varscale.GlorotNormal",
      "io.github.varscale.GlorotUniform",
      "io.github.varscale.HeNormal",
      "io.github.varscale.HeUniform",
      "io.github.varscale.Layout",
      "io.github.varscale.LecunNormal",
      "io.github.varscale.Mode",
      "io.github.varscale.Shape",
      "io.github.varscale.VarianceScaled");

  /** The fields of model {@code i}; the last one's size differs from model to model. */
  static List<TensorField> fields(int i) {
    return List.of(
        TensorField.flat("dense1", Scaled.preset(HeNormal.class), IN_OUT, "784", "HIDDEN"),
        new TensorField("dense2", "float", true, Scaled.preset(HeUniform.class),
            List.of("HIDDEN", "HIDDEN"), IN_OUT),
        TensorField.flat("logits", Scaled.preset(GlorotUniform.class), IN_OUT, "HIDDEN", "10"),
        new TensorField("conv", "float", true, Scaled.preset(GlorotNormal.class),
            List.of("3", "3", "16", "32"), IN_OUT),
        new TensorField("proj", "double", false, Scaled.preset(LecunNormal.class),
            List.of("HIDDEN", "128"), OUT_IN),
        TensorField.flat("decoder", Scaled.explicit(2.0, Mode.FAN_OUT, Distribution.NORMAL),
            IN_OUT, "128", "HIDDEN"),
        new TensorField("embedding", "float", true,
            Scaled.explicit(1.0, Mode.FAN_AVG, Distribution.TRUNCATED_NORMAL),
            List.of("1000", "64"), IN_OUT),
        new TensorField("bias", "double", false,
            Scaled.explicit(0.5, Mode.FAN_IN, Distribution.UNIFORM),
            List.of(String.valueOf(i + 1)), IN_OUT));
  }

  static final int FIELDS = fields(0).size();

  private ModelSources() {}

  /** The class name of model {@code i}. */
  static String name(int i) {
    return String.format("Model%04d", i);
  }

  /**
   * Model {@code i}: declared with the annotations, for the processor, or without them and
   * initialized by hand in a constructor.
   */
  static List<SourceFile> model(int i, boolean byHand) {
    return List.of(modelClass(i, byHand));
  }

  private static SourceFile modelClass(int i, boolean byHand) {
    String name = name(i);
    List<TensorField> fields = fields(i);
    StringBuilder body = new StringBuilder()
        .append("  static final int HIDDEN = ").append(64 + 8 * (i % 16)).append(";\n\n");
    fields.forEach(f -> body.append(byHand ? f.plain() : f.declaration()));
    if (byHand) {
      body.append("\n  public ").append(name).append("(long seed) {\n");
      fields.forEach(f -> body.append(
          f.fillByHand(field -> "\"" + PACKAGE + "." + name + "#" + field + "\"")));
      body.append("  }\n");
    }
    body.append("""

          public int parameters() {
            return dense1.length + dense2.length * HIDDEN + logits.length + proj.length
                + decoder.length + bias.length;
          }
        """);
    return SourceFile.javaClass(PACKAGE, byHand ? HAND_WRITTEN_IMPORTS : ANNOTATED_IMPORTS, name,
        body.toString());
  }
}
