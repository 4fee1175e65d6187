package io.github.varscale.processor;

import static com.google.common.truth.Truth.assertThat;
import static io.github.varscale.processor.Compilations.compile;
import static io.github.varscale.processor.Compilations.model;
import static io.github.varscale.processor.Compilations.modelNamed;
import static io.github.varscale.processor.Compilations.source;
import static io.github.varscale.processor.Expected.assertExactly;
import static io.github.varscale.processor.Expected.error;

import io.github.varscale.processor.Compilations.Compiled;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The errors about a tensor or part field's declaration and its class: its type, its modifiers,
 * the kind of class, whether the initializer can reach it, and its annotations. Each compilation's
 * whole diagnostic list is asserted; the modifiers and names sit on their own lines so that the
 * line proves where javac points.
 */
class FieldDiagnosticsTest {

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "int[]; int[]",
    "Float[]; java.lang.Float[]",
    "float; float",
    "double; double",
    "List<Float>; java.util.List<java.lang.Float>",
    "Object; java.lang.Object",
    "long[][]; long[][]"
  })
  void fieldThatIsNoFloatOrDoubleArray(String type, String found) {
    JavaFileObject file = model(
        "  @HeNormal @Shape({2, 3})",
        "  " + type + " weights;");
    Compiled compiled = compile(file);
    assertExactly(compiled.compilation(),
        error(Message.TYPE, file, "weights;").at("weights;").saying("[varscale:type] field"
            + " p.M.weights must be a float or double array, found " + found + "; declare it as"
            + " float[] or double[], or as a nested float or double array with one dimension per"
            + " shape dimension"));
    assertThat(compiled.wrote("p.MInitializer")).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "private; private",
    "static; static",
    "final; final",
    "private static final; private, static and final",
    "static final; static and final"
  })
  void tensorFieldThatTheInitializerCannotAssign(String modifiers, String named) {
    String initializer = modifiers.contains("final") ? " = new float[6]" : "";
    JavaFileObject file = model(
        "  @HeNormal @Shape({2, 3})",
        "  " + modifiers + " float[] w" + initializer + ";");
    Compiled compiled = compile(file);
    assertExactly(compiled.compilation(), error(Message.MODIFIER, file, "float[] w").at("w")
        .saying("[varscale:modifier] field p.M.w is " + named + ", but the generated initializer"
            + " assigns it through the model; make it a non-private, non-final instance field"));
    assertThat(compiled.wrote("p.MInitializer")).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"private; private", "static; static",
    "private static; private and static"})
  void partFieldThatTheInitializerCannotRead(String modifiers, String named) {
    JavaFileObject file = model(
        "  @Submodel",
        "  " + modifiers + " Part part;",
        "  public static class Part {",
        "    @HeNormal @Shape(2) float[] w;",
        "  }");
    Compiled compiled = compile(file);
    assertExactly(compiled.compilation(), error(Message.MODIFIER, file, "Part part;").at("part;")
        .saying("[varscale:modifier] field p.M.part is " + named + ", but the generated"
            + " initializer reads it through the model; make it a non-private instance field"));
    assertThat(compiled.wrote("p.MInitializer")).isFalse();
    assertThat(compiled.wrote("p.M_PartInitializer")).isTrue();
  }

  @Test
  void finalPartFieldIsFineForTheInitializerOnlyReadsIt() {
    JavaFileObject file = model(
        "  @Submodel final Part part = new Part();",
        "  public static class Part {",
        "    @HeNormal @Shape(2) float[] w;",
        "  }");
    Compiled compiled = compile(Compilations.STRICT, file);
    assertExactly(compiled.compilation());
    assertThat(compiled.wrote("p.MInitializer")).isTrue();
  }

  @Test
  void recordCannotBeAModelAndTheMessageSaysWhatCan() {
    JavaFileObject file = source("p.R",
        "package p;",
        "import io.github.varscale.*;",
        "public record R(",
        "    int size,",
        "    @HeNormal @Shape({2}) float[] w) {}");
    Compiled compiled = compile(file);
    // One error, on the annotated component: not one per final field.
    assertExactly(compiled.compilation(), error(Message.MODEL_KIND, file, "float[] w)")
        .saying("[varscale:model-kind] p.R is a record, whose fields are final, so no initializer"
            + " can allocate them; declare the model as a class with non-private, non-final"
            + " instance fields"));
    assertThat(compiled.wrote("p.RInitializer")).isFalse();
  }

  @Test
  void interfaceCannotBeAModel() {
    JavaFileObject file = source("p.I",
        "package p;",
        "import io.github.varscale.*;",
        "public interface I {",
        "  @HeNormal @Shape({2})",
        "  float[] W = null;",
        "}");
    assertExactly(compile(file).compilation(), error(Message.MODEL_KIND, file, "float[] W")
        .saying("[varscale:model-kind] p.I is an interface, whose fields are final, so no"
            + " initializer can allocate them; declare the model as a class with non-private,"
            + " non-final instance fields"));
  }

  @Test
  void classThatTheInitializerCannotReach() {
    JavaFileObject file = model(
        "  private static class Hidden {",
        "    @HeNormal @Shape({2})",
        "    float[] w;",
        "  }");
    Compiled compiled = compile(file);
    assertExactly(compiled.compilation(), error(Message.ACCESS, file, "float[] w;")
        .saying("[varscale:access] field p.M.Hidden.w belongs to a class the generated initializer"
            + " cannot reach: p.M.Hidden is private; make the class and the classes enclosing it"
            + " non-private members"));
    assertThat(compiled.wrote("p.M_HiddenInitializer")).isFalse();
  }

  @Test
  void classInsideAPrivateClassCannotBeReachedEither() {
    JavaFileObject file = model(
        "  private static class Hidden {",
        "    static class Inside {",
        "      @HeNormal @Shape({2}) float[] w;",
        "      @Submodel Part part;",
        "    }",
        "  }",
        "  static class Part {",
        "    @HeNormal @Shape({2}) float[] w;",
        "  }");
    Compiled compiled = compile(file);
    assertExactly(compiled.compilation(),
        error(Message.ACCESS, file, "      @HeNormal @Shape({2}) float[] w;"),
        error(Message.ACCESS, file, "@Submodel Part part;"));
    assertThat(compiled.compilation().errors().get(0).getMessage(null))
        .contains("p.M.Hidden is private");
    assertThat(compiled.written()).containsExactly("p.M_PartInitializer");
  }

  @Test
  void twoInitializerAnnotations() {
    JavaFileObject file = model(
        "  @HeNormal",
        "  @GlorotUniform",
        "  @Shape({2, 3}) float[] w;");
    Compiled compiled = compile(file);
    assertExactly(compiled.compilation(), error(Message.DUPLICATE, file, "@GlorotUniform")
        .at("@GlorotUniform")
        .saying("[varscale:duplicate] field p.M.w has more than one initializer annotation:"
            + " @HeNormal and @GlorotUniform; keep exactly one"));
    assertThat(compiled.wrote("p.MInitializer")).isFalse();
  }

  @Test
  void aFixedInitializerAndAPresetAreTwoAsWell() {
    JavaFileObject file = model(
        "  @Zeros @Shape({3})",
        "  @HeUniform float[] bias;");
    assertExactly(compile(file).compilation(), error(Message.DUPLICATE, file, "@HeUniform")
        .at("@HeUniform"));
  }

  @Test
  void shapeWithoutInitializer() {
    JavaFileObject file = model(
        "  @Shape({2, 3})",
        "  float[] w;");
    Compiled compiled = compile(file);
    assertExactly(compiled.compilation(), error(Message.INITIALIZER_MISSING, file, "@Shape")
        .at("@Shape")
        .saying("[varscale:initializer] field p.M.w has @Shape but no initializer annotation; add"
            + " one, e.g. @GlorotUniform for a kernel or @Zeros for a bias, or remove @Shape"));
    assertThat(compiled.wrote("p.MInitializer")).isFalse();
  }

  @Test
  void initializerWithoutShape() {
    JavaFileObject file = model(
        "  @HeNormal",
        "  float[] w;");
    Compiled compiled = compile(file);
    assertExactly(compiled.compilation(), error(Message.SHAPE_MISSING, file, "@HeNormal")
        .at("@HeNormal")
        .saying("[varscale:shape] field p.M.w has no @Shape; declare its dimensions, e.g."
            + " @Shape({784, 256}) for a dense layer with 784 inputs and 256 outputs"));
    assertThat(compiled.wrote("p.MInitializer")).isFalse();
  }

  @Test
  void everyProblemOfAClassIsReportedInSourceOrderAndOtherClassesStillGenerate() {
    JavaFileObject file = model(
        "  @HeNormal @Shape({2}) private float[] a;",
        "  @HeNormal @Shape({-1}) float[] b;",
        "  @VarianceScaled(scale = -1) @Shape({2}) int[] c;");
    JavaFileObject good = modelNamed("Good", "  @HeNormal @Shape({2}) float[] w;");
    Compiled compiled = compile(file, good);
    assertExactly(compiled.compilation(),
        error(Message.MODIFIER, file, "float[] a;"),
        error(Message.DIMENSION, file, "float[] b;").at("-1"),
        // On one line, the annotation's problem comes first: it is written before the field.
        error(Message.SCALE, file, "int[] c;").at("-1"),
        error(Message.TYPE, file, "int[] c;").at("c;"));
    assertThat(compiled.written()).containsExactly("p.GoodInitializer");
  }
}
