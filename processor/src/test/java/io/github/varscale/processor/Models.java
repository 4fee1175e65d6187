package io.github.varscale.processor;

import static io.github.varscale.processor.Compilations.source;

import javax.tools.JavaFileObject;

/** Model classes the tests compile: each exercises one thing the processor must understand. */
final class Models {
  private Models() {}

  /** Flat and nested fields, both element types, both layouts, every mode and law. */
  static final JavaFileObject MLP =
      source(
          "p.Mlp",
          "package p;",
          "",
          "import io.github.varscale.*;",
          "",
          "public class Mlp {",
          "  @HeNormal @Shape({784, Sizes.HIDDEN}) float[] w1;",
          "  @GlorotUniform @Shape({Sizes.HIDDEN, 10}) double[][] hidden_weights;",
          "  @VarianceScaled(scale = 0.5, mode = Mode.FAN_AVG, distribution = Distribution.NORMAL)",
          "  @Shape(value = {8, 3, 3, 4}, layout = Layout.OUT_IN) public float[][][][] conv;",
          "  @LecunNormal @Shape({10}) protected double[] bias;",
          "  @VarianceScaled(mode = Mode.FAN_OUT) @Shape({}) float[] scalar;",
          "  float[] notAnnotated;",
          "}");

  /** Constants from another class give the dimensions. */
  static final JavaFileObject SIZES =
      source(
          "p.Sizes",
          "package p;",
          "",
          "public final class Sizes {",
          "  public static final int HIDDEN = 2 * 128;",
          "  private Sizes() {}",
          "}");

  /** Generic, extends {@link #MLP}, and nests a static and an inner model class. */
  static final JavaFileObject DEEP =
      source(
          "p.Deep",
          "package p;",
          "",
          "import io.github.varscale.*;",
          "",
          "public class Deep<T extends Number> extends Mlp {",
          "  @HeUniform @Shape({10, 3}) float[][] head;",
          "  T label;",
          "",
          "  public static class Block {",
          "    @LecunUniform @Shape(value = {4, 2}, layout = Layout.OUT_IN) double[][] kernel;",
          "  }",
          "",
          "  class Inner {",
          "    @GlorotNormal @Shape({3, 5}) float[] weights;",
          "  }",
          "}");

  /** A user's preset, declared in the same compilation. */
  static final JavaFileObject PRESET =
      source(
          "q.Selu",
          "package q;",
          "",
          "import io.github.varscale.*;",
          "import java.lang.annotation.*;",
          "",
          "@Retention(RetentionPolicy.RUNTIME)",
          "@Target(ElementType.FIELD)",
          "@VarianceScaled(scale = 3.0, mode = Mode.FAN_OUT, distribution = Distribution.UNIFORM)",
          "public @interface Selu {}");

  static final JavaFileObject USES_PRESET =
      source(
          "q.Net",
          "package q;",
          "",
          "import io.github.varscale.*;",
          "",
          "public class Net {",
          "  @Selu @Shape({6, 7}) public float[] w;",
          "}");
}
