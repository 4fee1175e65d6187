package io.github.varscale.bench;

import io.github.varscale.Distribution;
import io.github.varscale.Layout;
import io.github.varscale.Mode;
import io.github.varscale.VarianceScaled;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One tensor field of a model {@link ProcessorCost} compiles, written both ways a user can: with
 * varscale's annotations, for the processor to initialize ({@link #declaration}), or plain, and
 * allocated and filled by hand in the constructor through the runtime API ({@link #plain}, {@link
 * #fillByHand}). Both are written from this one description, so the two builds have the same
 * shapes and settings.
 *
 * @param name the field's name
 * @param element {@code float} or {@code double}
 * @param nested whether the field is a nested array of the shape's rank, else a flat one
 * @param law how its values are drawn
 * @param dims the dimensions, as Java {@code int} expressions (literals, the model's constants)
 * @param axes which dimensions are the fans
 */
record TensorField(
    String name, String element, boolean nested, Law law, List<String> dims, Axes axes) {

  TensorField {
    if (nested && !(law instanceof Scaled)) {
      throw new IllegalArgumentException(name + ": only variance-scaled fields are nested here");
    }
  }

  /** A flat {@code float[]} field. */
  static TensorField flat(String name, Law law, Axes axes, String... dims) {
    return new TensorField(name, "float", false, law, List.of(dims), axes);
  }

  /** How a field's values are drawn: as an annotation, and by hand. */
  sealed interface Law permits Scaled, Ones {
    /** The initializer annotation, such as {@code @HeNormal}. */
    String annotation();
  }

  /**
   * A variance-scaled law, written as a preset ({@code @HeNormal}) or as {@code @VarianceScaled}
   * with the attributes that differ from their defaults.
   */
  record Scaled(String annotation, double scale, Mode mode, Distribution distribution)
      implements Law {

    /** The law of a preset, read from the {@code @VarianceScaled} the runtime annotates it with. */
    static Scaled preset(Class<? extends Annotation> preset) {
      VarianceScaled settings = preset.getAnnotation(VarianceScaled.class);
      return new Scaled("@" + preset.getSimpleName(), settings.scale(), settings.mode(),
          settings.distribution());
    }

    static Scaled explicit(double scale, Mode mode, Distribution distribution) {
      List<String> attributes = new ArrayList<>();
      if (scale != (double) defaultOf("scale")) {
        attributes.add("scale = " + scale);
      }
      if (mode != defaultOf("mode")) {
        attributes.add("mode = Mode." + mode);
      }
      if (distribution != defaultOf("distribution")) {
        attributes.add("distribution = Distribution." + distribution);
      }
      return new Scaled("@VarianceScaled(" + String.join(", ", attributes) + ")", scale, mode,
          distribution);
    }

    /** The runtime's settings of this law, as Java. */
    String settings() {
      return "VarianceScaling.of(" + scale + ", Mode." + mode + ", Distribution." + distribution
          + ")";
    }

    private static Object defaultOf(String attribute) {
      try {
        return VarianceScaled.class.getMethod(attribute).getDefaultValue();
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Every value 1, as a normalization layer's gains: {@code @Ones}, only in version 2. */
  record Ones() implements Law {
    @Override
    public String annotation() {
      return "@Ones";
    }
  }

  /**
   * Which dimensions are the fans: a layout, or explicit input and output axes that together
   * cover every dimension (no receptive field).
   *
   * @param layout the layout, or null with explicit axes
   * @param in the input axes, or empty with a layout
   * @param out the output axes, or empty with a layout
   */
  record Axes(Layout layout, List<Integer> in, List<Integer> out) {
    static final Axes IN_OUT = new Axes(Layout.IN_OUT, List.of(), List.of());
    static final Axes OUT_IN = new Axes(Layout.OUT_IN, List.of(), List.of());

    static Axes explicit(List<Integer> in, List<Integer> out) {
      return new Axes(null, in, out);
    }
  }

  /** The annotated declaration, for the processor. */
  String declaration() {
    String dimensions = "{" + String.join(", ", dims) + "}";
    String shape;
    if (axes.layout() == Layout.IN_OUT) {
      shape = dimensions;
    } else if (axes.layout() != null) {
      shape = "value = " + dimensions + ", layout = Layout." + axes.layout();
    } else {
      shape = "value = " + dimensions + ", inAxes = " + list(axes.in()) + ", outAxes = "
          + list(axes.out());
    }
    return "  " + law.annotation() + " @Shape(" + shape + ")\n" + plain();
  }

  /** The declaration without annotations, for the hand-written model. */
  String plain() {
    return "  public " + element + "[]".repeat(nested ? dims.size() : 1) + " " + name + ";\n";
  }

  /**
   * The constructor's statements that allocate the field and fill it as the processor's code
   * would: the same values for the same seed and key.
   *
   * @param key the Java expression of the field's key, given its name
   */
  String fillByHand(Function<String, String> key) {
    if (law instanceof Ones) {
      return "    " + name + " = new " + element + "[" + size() + "];\n"
          + "    Arrays.fill(" + name + ", " + (element.equals("float") ? "1f" : "1.0") + ");\n";
    }
    Scaled scaled = (Scaled) law;
    if (!nested) {
      return "    " + name + " = new " + element + "[" + size() + "];\n"
          + "    " + scaled.settings() + "\n"
          + "        .fill(" + name + ", " + fans() + ", seed, " + key.apply(name) + ");\n";
    }
    // A nested array is filled leaf row by leaf row, each a slice of the flat tensor.
    int rank = dims.size();
    StringBuilder fill = new StringBuilder()
        .append("    ").append(name).append(" = new ").append(element)
        .append(dims.stream().map(d -> "[" + d + "]").collect(Collectors.joining())).append(";\n")
        .append("    {\n")
        .append("      VarianceScaling law = ").append(scaled.settings()).append(";\n")
        .append("      Fans fans = ").append(fans()).append(";\n");
    String indent = "      ";
    String row = name;
    String first = "(long) i0";
    for (int k = 0; k < rank - 1; k++) {
      fill.append(indent).append("for (int i").append(k).append(" = 0; i").append(k)
          .append(" < ").append(dims.get(k)).append("; i").append(k).append("++) {\n");
      indent += "  ";
      row += "[i" + k + "]";
      if (k > 0) {
        first = "(" + first + " * " + factor(dims.get(k)) + " + i" + k + ")";
      }
    }
    String leaf = dims.get(rank - 1);
    fill.append(indent).append("law.fill(").append(row).append(", 0, ").append(leaf).append(", ")
        .append(first).append(" * ").append(factor(leaf)).append(", fans, seed, ")
        .append(key.apply(name)).append(");\n");
    for (int k = rank - 2; k >= 0; k--) {
      indent = indent.substring(2);
      fill.append(indent).append("}\n");
    }
    return fill.append("    }\n").toString();
  }

  /** The element count, as Java. */
  private String size() {
    return dims.stream().map(TensorField::factor).collect(Collectors.joining(" * "));
  }

  /** The runtime's fans of this field, as Java. */
  private String fans() {
    if (axes.layout() != null) {
      return "Fans.of(Layout." + axes.layout() + ", " + String.join(", ", dims) + ")";
    }
    return "new Fans(" + product(axes.in()) + ", " + product(axes.out()) + ")";
  }

  private String product(List<Integer> axisList) {
    return axisList.stream().map(a -> factor(dims.get(a))).collect(Collectors.joining(" * "));
  }

  /** {@code dim} as a factor of a product: in parentheses unless it is one name or literal. */
  private static String factor(String dim) {
    return dim.matches("\\w+") ? dim : "(" + dim + ")";
  }

  private static String list(List<Integer> axisList) {
    return axisList.stream().map(String::valueOf).collect(Collectors.joining(", ", "{", "}"));
  }
}
