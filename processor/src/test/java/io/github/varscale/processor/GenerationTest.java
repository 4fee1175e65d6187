package io.github.varscale.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.github.varscale.processor.Compilations.compile;
import static io.github.varscale.processor.Compilations.generatedSource;
import static io.github.varscale.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import io.github.varscale.VarianceScaled;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What the processor writes, compiled as strictly as a careful user would. */
class GenerationTest {

  @Test
  void modelsCompileWithoutAnyWarning() {
    Compilation compilation = compile(Compilations.STRICT, Models.MLP, Models.SIZES, Models.DEEP);
    assertThat(compilation).succeededWithoutWarnings();
    for (String name :
        List.of(
            "p.MlpInitializer",
            "p.DeepInitializer",
            "p.Deep_BlockInitializer",
            "p.Deep_InnerInitializer")) {
      assertThat(compilation).generatedSourceFile(name);
    }
  }

  static IntStream releases() {
    return IntStream.rangeClosed(17, Runtime.version().feature());
  }

  @ParameterizedTest
  @MethodSource("releases")
  void noWarningForAnyRelease(int release) {
    Compilation compilation =
        compile(
            List.of("-Xlint:all", "-Werror", "--release", String.valueOf(release)),
            Models.MLP,
            Models.SIZES,
            Models.DEEP);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void userPresetsWork() {
    // javac's -Xlint:processing names every annotation no processor claims; a user's preset is
    // the user's own annotation, which varscale cannot list among the ones it supports.
    Compilation compilation =
        compile(List.of("-Xlint:all,-processing", "-Werror"), Models.PRESET, Models.USES_PRESET);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedSource(compilation, "q.NetInitializer"))
        .containsMatch(
            "GeneratedSupport.fill\\(model.\\w+, 3.0, Mode.FAN_OUT, Distribution.UNIFORM,");
  }

  @Test
  void goldenFlatAndNestedFields() throws IOException {
    Compilation compilation = compile(Compilations.STRICT, Models.MLP, Models.SIZES);
    assertThat(generatedSource(compilation, "p.MlpInitializer"))
        .isEqualTo(golden("MlpInitializer"));
  }

  @Test
  void goldenGenericSubclass() throws IOException {
    Compilation compilation = compile(Compilations.STRICT, Models.MLP, Models.SIZES, Models.DEEP);
    assertThat(generatedSource(compilation, "p.DeepInitializer"))
        .isEqualTo(golden("DeepInitializer"));
    assertThat(generatedSource(compilation, "p.Deep_InnerInitializer"))
        .contains("public static void initialize(Deep<?>.Inner model, long seed)");
  }

  @Test
  void outputIsTheSameEveryTime() {
    Compilation first = compile(Models.MLP, Models.SIZES, Models.DEEP);
    Compilation second = compile(Models.DEEP, Models.SIZES, Models.MLP);
    for (String name :
        List.of("p.MlpInitializer", "p.DeepInitializer", "p.Deep_BlockInitializer")) {
      assertThat(generatedSource(second, name).getBytes(StandardCharsets.UTF_8))
          .isEqualTo(generatedSource(first, name).getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void nestedClassNamesThatShadowImportsAreQualified() {
    Compilation compilation =
        compile(
            Compilations.STRICT,
            source(
                "p.Fans",
                "package p;",
                "import io.github.varscale.*;",
                "public class Fans {",
                "  @HeNormal @Shape({2}) float[] mode;",
                "  @HeNormal @Shape({2}) float[] distribution;",
                "  @HeNormal @Shape({2}) float[] objects;",
                "  @HeNormal @Shape({2}) float[] generated_support;",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
    String initializer = generatedSource(compilation, "p.FansInitializer");
    assertThat(initializer).contains("public static void initialize(Fans model, long seed)");
    assertThat(initializer).contains("java.util.Objects.requireNonNull(model, \"model\")");
    assertThat(initializer)
        .contains(
            "io.github.varscale.GeneratedSupport.check(model.generated_support,"
                + " GeneratedSupport.KEY, 2)");
    assertThat(initializer)
        .contains(
            "io.github.varscale.GeneratedSupport.fill(model.mode, 2.0,"
                + " io.github.varscale.Mode.FAN_IN,"
                + " io.github.varscale.Distribution.TRUNCATED_NORMAL,");
  }

  @Test
  void classesFromALaterRoundAreAwaited() {
    // Another processor writes p.Dims and p.Base in its first round; the model needs both.
    JavaFileObject model =
        source(
            "p.Late",
            "package p;",
            "import io.github.varscale.*;",
            "public class Late extends Base {",
            "  @HeNormal @Shape({Dims.IN, Dims.OUT}) float[] w;",
            "}");
    Compilation compilation =
        com.google.testing.compile.Compiler.javac()
            .withProcessors(
                new Writes(
                    "p.Dims",
                    "package p; public final class Dims {"
                        + " public static final int IN = 4, OUT = 3; private Dims() {} }",
                    "p.Base",
                    "package p; public class Base { @io.github.varscale.HeNormal"
                        + " @io.github.varscale.Shape(2) float[] b; }"),
                new VarianceScaledProcessor())
            .withOptions(Compilations.STRICT)
            .compile(model);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedSource(compilation, "p.LateInitializer"))
        .contains("public static final int SIZE = 12;");
    assertThat(generatedSource(compilation, "p.LateInitializer"))
        .contains("BaseInitializer.initialize(model, seed);");
  }

  @ParameterizedTest
  @CsvSource({"'', false", "requires static java.compiler;, true", "requires java.se;, true"})
  void generatedAnnotationOnlyWhereTheModuleReadsJavaCompiler(
      String requires, boolean annotated, @TempDir Path dir) throws Exception {
    // compile-testing's in-memory files cannot hold a module, so this runs javac on real files.
    Path sources = Files.createDirectories(dir.resolve("src/m"));
    Files.writeString(
        dir.resolve("src/module-info.java"),
        "module m {\n  requires io.github.varscale;\n  " + requires + "\n}\n");
    Files.writeString(
        sources.resolve("Net.java"),
        "package m;\nimport io.github.varscale.*;\n"
            + "public class Net {\n  @HeNormal @Shape({2}) float[] w;\n}\n");
    Path generated = Files.createDirectories(dir.resolve("generated"));
    Compilations.FileCompilation compilation =
        Compilations.javacOnFiles(
            List.of(
                "-Xlint:all", "-Werror",
                "--module-path", runtimeModule(dir).toString(),
                "-d", Files.createDirectories(dir.resolve("classes")).toString(),
                "-s", generated.toString()),
            List.of(dir.resolve("src/module-info.java"), sources.resolve("Net.java")),
            new VarianceScaledProcessor());
    assertWithMessage("%s", compilation.diagnostics()).that(compilation.success()).isTrue();
    assertThat(compilation.diagnostics()).isEmpty();
    String initializer = Files.readString(generated.resolve("m/NetInitializer.java"));
    assertThat(initializer.contains("@Generated")).isEqualTo(annotated);
  }

  @Test
  void presetsAndSuperclassesFromLibrariesWork(@TempDir Path dir) throws Exception {
    Path lib = Files.createDirectories(dir.resolve("lib"));
    Files.writeString(
        lib.resolve("Base.java"),
        "package lib;\nimport io.github.varscale.*;\n"
            + "public class Base {\n  @HeNormal @Shape({3}) public float[] b;\n}\n");
    Files.writeString(
        lib.resolve("Relu.java"),
        "package lib;\n"
            + "import io.github.varscale.*;\n"
            + "import java.lang.annotation.*;\n"
            + "@Retention(RetentionPolicy.RUNTIME) @Target(ElementType.FIELD)\n"
            + "@VarianceScaled(scale = 2.0, mode = Mode.FAN_IN, distribution ="
            + " Distribution.NORMAL)\n"
            + "public @interface Relu {}\n");
    Files.writeString(
        lib.resolve("Plain.java"),
        "package lib;\nimport io.github.varscale.*;\n"
            + "public class Plain {\n  @HeNormal @Shape({3}) public float[] p;\n}\n");
    Path libClasses = Files.createDirectories(dir.resolve("lib-classes"));
    String classPath = System.getProperty("java.class.path");
    // Base and its preset are compiled with the processor; Plain without it.
    assertThat(
            Compilations.javacOnFiles(
                    List.of("-d", libClasses.toString(), "-cp", classPath),
                    List.of(lib.resolve("Base.java"), lib.resolve("Relu.java")),
                    new VarianceScaledProcessor())
                .success())
        .isTrue();
    assertThat(
            Compilations.javacOnFiles(
                    List.of("-d", libClasses.toString(), "-cp", classPath, "-proc:none"),
                    List.of(lib.resolve("Plain.java")))
                .success())
        .isTrue();

    Path app = Files.createDirectories(dir.resolve("app"));
    Files.writeString(
        app.resolve("Net.java"),
        "package app;\nimport io.github.varscale.*;\n"
            + "public class Net extends lib.Base {\n  @lib.Relu @Shape({4, 2}) float[] w;\n}\n");
    Path generated = Files.createDirectories(dir.resolve("generated"));
    List<String> options =
        List.of(
            "-Xlint:all,-processing",
            "-Werror",
            "-cp",
            classPath + java.io.File.pathSeparator + libClasses,
            "-d",
            Files.createDirectories(dir.resolve("classes")).toString(),
            "-s",
            generated.toString());
    Compilations.FileCompilation good =
        Compilations.javacOnFiles(
            options, List.of(app.resolve("Net.java")), new VarianceScaledProcessor());
    assertWithMessage("%s", good.diagnostics()).that(good.success()).isTrue();
    String net = Files.readString(generated.resolve("app/NetInitializer.java"));
    assertThat(net).contains("BaseInitializer.initialize(model, seed);");
    assertThat(net)
        .containsMatch(
            "GeneratedSupport.fill\\(model.\\w+, 2.0, Mode.FAN_IN, Distribution.NORMAL,");

    // A superclass compiled without the processor has no initializer to fill its fields.
    Files.writeString(
        app.resolve("Other.java"),
        "package app;\nimport io.github.varscale.*;\n"
            + "public class Other extends lib.Plain {\n  @HeNormal @Shape({2}) float[] w;\n}\n");
    Compilations.FileCompilation bad =
        Compilations.javacOnFiles(
            options, List.of(app.resolve("Other.java")), new VarianceScaledProcessor());
    assertThat(bad.success()).isFalse();
    assertThat(bad.diagnostics()).hasSize(1);
    assertThat(bad.diagnostics().get(0).getMessage(null))
        .isEqualTo(
            "[varscale:unresolved] cannot generate app.OtherInitializer:"
                + " lib.PlainInitializer, the initializer of superclass lib.Plain, could not be"
                + " resolved after the last round; compile lib.Plain with the varscale processor");
    assertThat(bad.diagnostics().get(0).getLineNumber()).isEqualTo(3);
  }

  @Test
  void modelInTheUnnamedPackage() {
    Compilation compilation =
        compile(
            Compilations.STRICT,
            source(
                "Flat",
                "import io.github.varscale.*;",
                "public class Flat {",
                "  @GlorotNormal @Shape({2, 2}) float[] w;",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedSource(compilation, "FlatInitializer")).contains("\"Flat#w\"");
  }

  /** The runtime's classes (with their module-info) as a jar, to put on the module path. */
  private static Path runtimeModule(Path dir) throws Exception {
    Path classes =
        Path.of(VarianceScaled.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isRegularFile(classes)) {
      return classes; // the reactor's jar
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    Path jar = dir.resolve("varscale-runtime.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = GenerationTest.class.getResourceAsStream("/golden/" + name + ".java")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A processor that writes the given sources (name, text, name, text...) in its first round. */
  private static final class Writes extends javax.annotation.processing.AbstractProcessor {
    private final String[] files;
    private boolean done;

    Writes(String... files) {
      this.files = files;
    }

    @Override
    public java.util.Set<String> getSupportedAnnotationTypes() {
      return java.util.Set.of("*");
    }

    @Override
    public javax.lang.model.SourceVersion getSupportedSourceVersion() {
      return javax.lang.model.SourceVersion.latestSupported();
    }

    @Override
    public boolean process(
        java.util.Set<? extends javax.lang.model.element.TypeElement> annotations,
        javax.annotation.processing.RoundEnvironment round) {
      if (!done) {
        done = true;
        for (int i = 0; i < files.length; i += 2) {
          try (var writer = processingEnv.getFiler().createSourceFile(files[i]).openWriter()) {
            writer.write(files[i + 1]);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      }
      return false;
    }
  }
}
