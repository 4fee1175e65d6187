package io.github.varscale.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.github.varscale.VarianceScaled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code @javax.annotation.processing.Generated} compiles only where the model's module reads
 * {@code java.compiler}: the initializer carries it in the unnamed module and in a module that
 * reads it, and leaves it out elsewhere, where the module still compiles. compile-testing's
 * in-memory files hold no module, so this runs javac on real files.
 */
class ModulesTest {

  private static final String NET = """
      package m;

      import io.github.varscale.*;

      public class Net {
        @HeNormal @Shape({2}) float[] w;
      }
      """;

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "'' | false",
    "requires static java.compiler; | true",
    "requires java.compiler; | true",
    // java.se requires java.compiler transitively
    "requires java.se; | true"
  })
  void generatedAnnotationOnlyWhereTheModuleReadsJavaCompiler(
      String requires, boolean annotated, @TempDir Path dir) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src/m"));
    Files.writeString(dir.resolve("src/module-info.java"),
        "module m {\n  requires io.github.varscale;\n  " + requires + "\n}\n");
    Files.writeString(src.resolve("Net.java"), NET);
    Path generated = compile(dir, List.of("--module-path", runtimeModule(dir).toString()),
        List.of(dir.resolve("src/module-info.java"), src.resolve("Net.java")));
    String initializer = Files.readString(generated.resolve("m/NetInitializer.java"));
    assertThat(initializer.contains("@Generated(\"io.github.varscale.processor"
        + ".VarianceScaledProcessor\")")).isEqualTo(annotated);
    assertThat(initializer.contains("import javax.annotation.processing.Generated;"))
        .isEqualTo(annotated);
  }

  @Test
  void generatedAnnotationInTheUnnamedModule(@TempDir Path dir) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src/m"));
    Files.writeString(src.resolve("Net.java"), NET);
    Path generated = compile(dir, List.of("-classpath", System.getProperty("java.class.path")),
        List.of(src.resolve("Net.java")));
    assertThat(Files.readString(generated.resolve("m/NetInitializer.java")))
        .contains("@Generated(\"io.github.varscale.processor.VarianceScaledProcessor\")");
  }

  /**
   * Compiles {@code sources} with varscale's processors, as strictly as a careful user; returns
   * the directory of the generated sources.
   */
  private static Path compile(Path dir, List<String> path, List<Path> sources)
      throws IOException {
    Path generated = Files.createDirectories(dir.resolve("generated"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      List<String> options = new java.util.ArrayList<>(List.of("-Xlint:all", "-Werror",
          "-d", Files.createDirectories(dir.resolve("classes")).toString(),
          "-s", generated.toString()));
      options.addAll(path);
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(sources));
      task.setProcessors(List.of(new PresetFieldProcessor(), new VarianceScaledProcessor()));
      boolean success = task.call();
      assertWithMessage("%s", diagnostics.getDiagnostics()).that(success).isTrue();
      assertThat(diagnostics.getDiagnostics()).isEmpty();
    }
    return generated;
  }

  /** The runtime's classes, with their module-info, as a jar to put on the module path. */
  private static Path runtimeModule(Path dir) throws IOException {
    try {
      Path classes = Path.of(
          VarianceScaled.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(classes) ? classes
          : Libraries.jar(classes, dir.resolve("varscale-runtime.jar"));
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
  }
}
