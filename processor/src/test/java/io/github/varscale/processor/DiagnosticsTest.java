package io.github.varscale.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.github.varscale.processor.Compilations.compile;
import static io.github.varscale.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One test per diagnostic: its code, the file, and the line javac points at. Annotations are spread
 * over several lines so that the line proves the caret is on the attribute to blame.
 */
class DiagnosticsTest {

  /** {@code p.M} with the given members, importing all of varscale. */
  private static JavaFileObject model(String... members) {
    List<String> lines = new ArrayList<>();
    lines.add("package p;");
    lines.add("import io.github.varscale.*;");
    lines.add("public class M {");
    lines.addAll(List.of(members));
    lines.add("}");
    return source("p.M", lines.toArray(String[]::new));
  }

  /** Asserts exactly the one error, and that nothing was generated for {@code p.M}. */
  private static void assertOnlyError(
      Compilation compilation, String code, JavaFileObject file, String line) {
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(code).inFile(file).onLineContaining(line);
    assertThat(Compilations.wrote("p.MInitializer")).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "int[], int[]",
    "Float[], java.lang.Float[]",
    "float, float",
    "java.util.List<Float>, java.util.List<java.lang.Float>",
    "Object, java.lang.Object"
  })
  void fieldThatIsNoFloatOrDoubleArray(String type, String found) {
    JavaFileObject file = model("  @HeNormal @Shape({2, 3})", "  " + type + " weights;");
    Compilation compilation = compile(file);
    assertOnlyError(compilation, "[varscale:type]", file, "weights;");
    assertThat(compilation).hadErrorContaining("found " + found + "; change its type");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1.0", "0.0", "0.0 / 0.0", "1.0 / 0.0", "-0.0"})
  void scaleThatIsNoFiniteNumberAboveZero(String scale) {
    JavaFileObject file =
        model(
            "  @VarianceScaled(",
            "      mode = Mode.FAN_OUT,",
            "      scale = " + scale + ")",
            "  @Shape({2, 3}) float[] w;");
    assertOnlyError(compile(file), "[varscale:scale]", file, "scale = ");
  }

  @Test
  void misconfiguredPresetIsReportedOnItsDeclarationAndOnEveryFieldUsingIt() {
    JavaFileObject preset =
        source(
            "p.Bad",
            "package p;",
            "import io.github.varscale.*;",
            "import java.lang.annotation.*;",
            "@Target(ElementType.FIELD)",
            "@VarianceScaled(",
            "    mode = Mode.FAN_AVG,",
            "    scale = -2.0)",
            "public @interface Bad {}");
    JavaFileObject file =
        model("  @Bad @Shape({2, 3}) float[] first;", "  @Shape({4}) @Bad", "  float[] second;");
    Compilation compilation = compile(preset, file);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation)
        .hadErrorContaining("[varscale:scale] scale must be a finite number > 0, found -2.0")
        .inFile(preset)
        .onLineContaining("scale = -2.0");
    assertThat(compilation)
        .hadErrorContaining("[varscale:preset] preset @Bad is misconfigured")
        .inFile(file)
        .onLineContaining("@Bad @Shape");
    assertThat(compilation)
        .hadErrorContaining("fix the declaration of p.Bad")
        .inFile(file)
        .onLineContaining("@Shape({4}) @Bad");
  }

  @Test
  void missingShape() {
    JavaFileObject file = model("  @HeNormal", "  float[] w;");
    assertOnlyError(compile(file), "[varscale:shape]", file, "@HeNormal");
  }

  @Test
  void shapeWithoutInitializer() {
    JavaFileObject file = model("  @Shape({2, 3})", "  float[] w;");
    assertOnlyError(compile(file), "[varscale:initializer]", file, "@Shape");
  }

  @Test
  void everyDimensionBelowOneIsReportedAtItself() {
    JavaFileObject file =
        model("  @HeNormal", "  @Shape({784,", "      0,", "      -3})", "  float[] w;");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[varscale:dimension] dimension 1 of field p.M.w must be > 0, found 0")
        .inFile(file)
        .onLineContaining("0,");
    assertThat(compilation)
        .hadErrorContaining("[varscale:dimension] dimension 2 of field p.M.w must be > 0, found -3")
        .inFile(file)
        .onLineContaining("-3})");
  }

  @Test
  void moreElementsThanAnArrayCanHold() {
    // 46341^2 = 2147488281 > Integer.MAX_VALUE - 8; each dimension alone is fine.
    JavaFileObject file =
        model("  @HeNormal", "  @Shape(", "      value = {46341, 46341})", "  float[] w;");
    Compilation compilation = compile(file);
    assertOnlyError(compilation, "[varscale:size]", file, "value = {46341, 46341}");
    assertThat(compilation).hadErrorContaining("has 2147488281 elements");
  }

  @Test
  void nestedArrayWhoseRankDiffersFromTheShape() {
    JavaFileObject file = model("  @HeNormal", "  @Shape({2, 3, 4})", "  float[][] w;");
    Compilation compilation = compile(file);
    assertOnlyError(compilation, "[varscale:rank]", file, "@Shape({2, 3, 4})");
    assertThat(compilation).hadErrorContaining("is a 2-dimensional array but its shape [2, 3, 4]");
  }

  @ParameterizedTest
  @CsvSource({
    "private, private",
    "final, final",
    "static, static",
    "private static final, 'private, static and final'"
  })
  void forbiddenModifiers(String modifiers, String named) {
    String initializer = modifiers.contains("final") ? " = new float[6]" : "";
    JavaFileObject file =
        model("  @HeNormal @Shape({2, 3})", "  " + modifiers + " float[] w" + initializer + ";");
    Compilation compilation = compile(file);
    assertOnlyError(compilation, "[varscale:modifier]", file, "float[] w");
    assertThat(compilation).hadErrorContaining("field p.M.w is " + named + ", but");
  }

  @Test
  void classThatCannotBeReachedFromItsPackage() {
    JavaFileObject file =
        model("  private static class Hidden {", "    @HeNormal @Shape({2}) float[] w;", "  }");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[varscale:access]")
        .inFile(file)
        .onLineContaining("float[] w;");
    assertThat(compilation).hadErrorContaining("p.M.Hidden is private");
  }

  @Test
  void twoInitializerAnnotations() {
    JavaFileObject file = model("  @HeNormal", "  @GlorotUniform", "  @Shape({2, 3}) float[] w;");
    Compilation compilation = compile(file);
    assertOnlyError(compilation, "[varscale:duplicate]", file, "@GlorotUniform");
    assertThat(compilation).hadErrorContaining("@HeNormal and @GlorotUniform");
  }

  @Test
  void fieldsWhoseNestedClassNamesCollide() {
    JavaFileObject file =
        model(
            "  @HeNormal @Shape({2}) float[] hidden_w;",
            "  @HeNormal @Shape({2}) float[] hiddenW;");
    Compilation compilation = compile(file);
    assertOnlyError(compilation, "[varscale:name]", file, "hiddenW;");
    assertThat(compilation)
        .hadErrorContaining(
            "fields hidden_w and hiddenW both map to the nested class MInitializer.HiddenW");
  }

  @Test
  void fieldNamedAfterTheInitializer() {
    JavaFileObject file = model("  @HeNormal @Shape({2}) float[] mInitializer;");
    assertOnlyError(compile(file), "[varscale:name]", file, "mInitializer;");
  }

  @Test
  void initializerNameAlreadyTaken() {
    JavaFileObject taken = source("p.MInitializer", "package p;", "class MInitializer {}");
    JavaFileObject file = model("  @HeNormal @Shape({2}) float[] w;");
    Compilation compilation = compile(taken, file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[varscale:name] cannot generate p.MInitializer for p.M")
        .inFile(file)
        .onLineContaining("public class M");
  }

  @Test
  void subclassOfAClassWithErrors() {
    JavaFileObject base =
        source(
            "p.Base",
            "package p;",
            "import io.github.varscale.*;",
            "public class Base {",
            "  @HeNormal @Shape({0}) float[] w;",
            "}");
    JavaFileObject derived =
        source(
            "p.Derived",
            "package p;",
            "import io.github.varscale.*;",
            "public class Derived extends Base {",
            "  @HeNormal @Shape({2}) float[] v;",
            "}");
    // The subclass comes first: the superclass must still be judged before it.
    Compilation compilation = compile(derived, base);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[varscale:dimension]").inFile(base);
    assertThat(compilation)
        .hadErrorContaining("[varscale:superclass] cannot generate p.DerivedInitializer")
        .inFile(derived)
        .onLineContaining("class Derived");
  }

  @Test
  void typeThatNeverAppearsIsReportedOnceAfterTheLastRound() {
    JavaFileObject file = model("  @HeNormal @Shape({2}) NotGenerated[] w;");
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorContaining("cannot find symbol"); // javac's own
    assertThat(compilation)
        .hadErrorContaining("[varscale:unresolved] cannot generate p.MInitializer")
        .inFile(file)
        .onLineContaining("public class M");
    long ours =
        compilation.errors().stream()
            .filter(d -> d.getMessage(null).contains("[varscale:"))
            .count();
    assertThat(ours).isEqualTo(1);
  }

  @Test
  void fileThatCannotBeWritten() {
    JavaFileObject file = model("  @HeNormal @Shape({2}) float[] w;");
    Compilation compilation =
        com.google.testing.compile.Compiler.javac()
            .withProcessors(new WritesFirst("p.MInitializer"), new VarianceScaledProcessor())
            .compile(file);
    assertThat(compilation)
        .hadErrorContaining("[varscale:write] cannot write p.MInitializer")
        .inFile(file)
        .onLineContaining("public class M");
  }

  @Test
  void unexpectedExceptionBecomesAnErrorOnTheClass() {
    JavaFileObject file = model("  @HeNormal @Shape({2}) float[] w;");
    Compilation compilation =
        com.google.testing.compile.Compiler.javac()
            .withProcessors(
                new Compilations.Spied(
                    new VarianceScaledProcessor(),
                    env ->
                        Compilations.proxy(
                            ProcessingEnvironment.class,
                            (method, args) ->
                                method.getName().equals("getTypeUtils")
                                    ? Compilations.proxy(
                                        Types.class,
                                        (m, a) -> {
                                          throw new IllegalStateException("broken");
                                        })
                                    : method.invoke(env, args))))
            .compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[varscale:internal] unexpected error while processing p.M")
        .inFile(file)
        .onLineContaining("public class M");
    assertThat(compilation).hadErrorContaining("IllegalStateException: broken");
  }

  @Test
  void everyProblemOfAClassIsReportedAndOtherClassesStillGenerate() {
    JavaFileObject file =
        model(
            "  @HeNormal @Shape({2}) private float[] a;",
            "  @HeNormal @Shape({-1}) float[] b;",
            "  @VarianceScaled(scale = -1) @Shape({2}) float[] c;");
    JavaFileObject good =
        source(
            "p.Good",
            "package p;",
            "import io.github.varscale.*;",
            "public class Good {",
            "  @HeNormal @Shape({2}) float[] w;",
            "}");
    Compilation compilation = compile(file, good);
    assertThat(compilation).hadErrorCount(3);
    for (String code : List.of("[varscale:modifier]", "[varscale:dimension]", "[varscale:scale]")) {
      assertThat(compilation).hadErrorContaining(code).inFile(file);
    }
    assertThat(Compilations.wrote("p.MInitializer")).isFalse();
    assertThat(Compilations.wrote("p.GoodInitializer")).isTrue();
  }

  @Test
  void everyMessageHasAStableCodeAndIsExercisedAbove() {
    // The codes this class asserts on; a new Message needs a test here first.
    List<String> tested =
        List.of(
            "type",
            "scale",
            "preset",
            "shape",
            "initializer",
            "dimension",
            "size",
            "rank",
            "modifier",
            "access",
            "duplicate",
            "name",
            "superclass",
            "unresolved",
            "write",
            "internal");
    Stream.of(Message.values())
        .forEach(m -> assertThat(tested).contains(m.code().replaceAll("\\[varscale:(.*)]", "$1")));
  }

  /** A processor that creates a source file before varscale can, so varscale's write fails. */
  private static final class WritesFirst extends AbstractProcessor {
    private final String name;
    private boolean done;

    WritesFirst(String name) {
      this.name = name;
    }

    @Override
    public java.util.Set<String> getSupportedAnnotationTypes() {
      return java.util.Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(java.util.Set<? extends TypeElement> annotations, RoundEnvironment r) {
      if (!done) {
        done = true;
        try (var writer = processingEnv.getFiler().createSourceFile(name).openWriter()) {
          writer.write("package p; final class " + name.substring(2) + " {}");
        } catch (java.io.IOException e) {
          processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, e.toString());
        }
      }
      return false;
    }
  }
}
