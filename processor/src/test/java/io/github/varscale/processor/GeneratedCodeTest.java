package io.github.varscale.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.github.varscale.processor.Compilations.STRICT;
import static io.github.varscale.processor.Compilations.compile;
import static io.github.varscale.processor.Compilations.source;
import static io.github.varscale.processor.Expected.assertExactly;

import io.github.varscale.processor.Compilations.Compiled;
import io.github.varscale.processor.Compilations.Spy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the processor writes compiles as strictly as a careful user compiles, for every model javac
 * accepts: every release, names that shadow the generated code's, every kind of class and
 * package, superclasses from elsewhere. Output is deterministic.
 */
class GeneratedCodeTest {

  static IntStream releases() {
    return IntStream.rangeClosed(17, Runtime.version().feature());
  }

  @ParameterizedTest
  @MethodSource("releases")
  void noWarningForAnyRelease(int release) {
    List<String> options = new ArrayList<>(STRICT);
    options.addAll(List.of("--release", String.valueOf(release)));
    Compiled compiled = compile(options, Models.all());
    assertExactly(compiled.compilation());
    assertThat(compiled.written()).containsExactly("p.MlpInitializer", "p.FixedInitializer",
        "p.AttentionInitializer", "p.BlockInitializer", "p.GptInitializer", "p.DeepInitializer",
        "p.Deep_HeadInitializer", "p.Deep_InnerInitializer", "p.AxesInitializer");
  }

  @Test
  void outputIsTheSameEveryTimeWhateverTheOrderOfTheSources() {
    Compiled first = compile(STRICT, Models.all());
    JavaFileObject[] reversed = Models.all();
    java.util.Collections.reverse(java.util.Arrays.asList(reversed));
    Compiled second = compile(STRICT, reversed);
    assertThat(second.written()).isEqualTo(first.written());
    for (String name : first.written()) {
      assertThat(second.generated(name).getBytes(StandardCharsets.UTF_8))
          .isEqualTo(first.generated(name).getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void genericNestedAndInnerModelsTakeTheirTypeAsJavaWritesIt() {
    Compiled compiled = compile(STRICT, Models.MLP, Models.FIXED, Models.DEEP);
    assertThat(compiled.generated("p.DeepInitializer"))
        .contains("public static void initialize(Deep<?> model, long seed)");
    assertThat(compiled.generated("p.Deep_HeadInitializer"))
        .contains("public static void initialize(Deep.Head model, long seed)");
    assertThat(compiled.generated("p.Deep_InnerInitializer"))
        .contains("public static void initialize(Deep<?>.Inner model, long seed)");
  }

  @Test
  void modelsInTheUnnamedPackage() {
    JavaFileObject part = source("Part",
        "import io.github.varscale.*;",
        "public class Part {",
        "  @Zeros @Shape(2) float[] b;",
        "}");
    JavaFileObject flat = source("Flat",
        "import io.github.varscale.*;",
        "public class Flat extends Base {",
        "  @GlorotNormal @Shape({2, 2}) float[] w;",
        "  @Submodel Part part;",
        "  public static class Nested {",
        "    @HeNormal @Shape(3) float[] v;",
        "  }",
        "}");
    JavaFileObject base = source("Base",
        "import io.github.varscale.*;",
        "public class Base {",
        "  @Ones @Shape(1) float[] u;",
        "}");
    Compiled compiled = compile(STRICT, part, flat, base);
    assertExactly(compiled.compilation());
    assertThat(compiled.written())
        .containsExactly("PartInitializer", "FlatInitializer", "Flat_NestedInitializer",
            "BaseInitializer");
    assertThat(compiled.generated("FlatInitializer")).contains("public static final String KEY ="
        + " \"Flat#w\";");
  }

  @Test
  void fieldNamesThatShadowTheGeneratedCodesNamesAreWrittenQualified() {
    String[] names = {"list", "walker", "string", "objects", "generated", "mode", "distribution",
      "layout", "fan_axes", "variance_scaling", "fixed_initializer", "tensor_field",
      "static_specs", "model_tensor", "tensor_spec", "override", "model", "w", "seed", "scope",
      "key", "field", "spec", "specs", "size", "dim", "enter", "leave", "part", "parts",
      "integer", "math", "system", "object", "float_", "double_", "bi_consumer", "WALK",
      "WALK_FUNCTION", "walkFunction", "TENSOR_FIELDS", "tensorFields", "FIELDS"};
    List<String> lines = new ArrayList<>(List.of(
        "package p;",
        "import io.github.varscale.*;",
        "public class Shadows {",
        "  int n = 2;"));
    for (String name : names) {
      lines.add("  @HeNormal @Shape(dims = \"n\") float[] " + name + ";");
      lines.add("  @Zeros @Shape({2, 3}) double[][] " + name + "2;");
    }
    lines.add("  @Submodel Shadows.Part part_model;");
    lines.add("  public static class Part { @Ones @Shape(1) float[] u; }");
    lines.add("}");
    Compiled compiled = compile(STRICT, source("p.Shadows", lines.toArray(String[]::new)));
    assertExactly(compiled.compilation());
    String initializer = compiled.generated("p.ShadowsInitializer");
    assertThat(initializer).contains("public static void initialize(Shadows model, long seed,"
        + " java.lang.String scope)");
    assertThat(initializer).contains("io.github.varscale.internal.Walker.initialize(model, seed,"
        + " WALK_FUNCTION)");
    assertThat(initializer).contains("java.util.function.BiConsumer<Shadows,"
        + " io.github.varscale.internal.Walker> WALK_FUNCTION = ShadowsInitializer::walk;");
    assertThat(initializer).contains("io.github.varscale.internal.TensorField[] TENSOR_FIELDS ="
        + " io.github.varscale.internal.TensorField.table(");
  }

  @Test
  void superclassInAnotherPackageOfTheSameCompilation() {
    JavaFileObject base = source("q.Base",
        "package q;",
        "import io.github.varscale.*;",
        "public class Base {",
        "  public int width = 3;",
        "  @HeNormal @Shape(dims = \"width\") public float[] b;",
        "  protected @Zeros @Shape(2) float[] c;",
        "}");
    JavaFileObject model = source("p.Net",
        "package p;",
        "import io.github.varscale.*;",
        "public class Net extends q.Base {",
        "  @HeNormal @Shape(dims = {\"width\", \"2\"}) float[] w;",
        "}");
    Compiled compiled = compile(STRICT, base, model);
    assertExactly(compiled.compilation());
    assertThat(compiled.generated("p.NetInitializer")).contains("BaseInitializer.walk(model, w);");
  }

  @Test
  void superclassAndPresetFromAJarCompiledEarlier(@TempDir Path dir) throws Exception {
    Path classes = Libraries.compile(Files.createDirectories(dir.resolve("classes")), true,
        source("lib.Base",
            "package lib;",
            "import io.github.varscale.*;",
            "public class Base {",
            "  @HeNormal @Shape({3}) public float[] b;",
            "  @Submodel public Part part;",
            "  public static class Part { @Ones @Shape(1) float[] u; }",
            "}"),
        Libraries.RELU);
    Path jar = Libraries.jar(classes, dir.resolve("lib.jar"));
    JavaFileObject model = source("app.Net",
        "package app;",
        "import io.github.varscale.*;",
        "public class Net extends lib.Base {",
        "  @lib.Relu @Shape({4, 2}) float[] w;",
        "}");
    // -processing: javac's lint names the user's preset, which no processor can claim.
    Compiled compiled = Libraries.compileAgainst(jar,
        List.of("-Xlint:all,-processing", "-Werror"), model);
    assertExactly(compiled.compilation());
    String initializer = compiled.generated("app.NetInitializer");
    assertThat(initializer).contains("BaseInitializer.walk(model, w);");
    // The jar's Base has specs() (its single part is static), so Net has it too.
    assertThat(initializer).contains("StaticSpecs.inherit(BaseInitializer.specs())");
    assertThat(initializer)
        .contains("| Relu | VarianceScaling[scale=2.0, mode=FAN_IN, distribution=NORMAL]");
  }

  @Test
  void constantsInDimsArePassedAsValuesEvenWhenPrivate() {
    // A private constant folds at compile time; the generated code cannot read the field.
    JavaFileObject model = source("p.Attention",
        "package p;",
        "import io.github.varscale.*;",
        "public class Attention {",
        "  private static final int HEADS = 4;",
        "  int dModel;",
        "  @GlorotUniform @Shape(dims = {\"dModel\", \"HEADS * 2\"}) float[] w;",
        "}");
    Compiled compiled = compile(STRICT, model);
    assertExactly(compiled.compilation());
    assertThat(compiled.generated("p.AttentionInitializer"))
        .contains("w.enter(model.w, TENSOR_FIELDS[0], model.dModel, 4 /* HEADS */)");
  }
}
