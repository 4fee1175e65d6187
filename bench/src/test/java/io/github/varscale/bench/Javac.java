package io.github.varscale.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated sources in the tests, against this module's test class path. */
final class Javac {

  private static final String CLASS_PATH = System.getProperty("java.class.path");

  private Javac() {}

  /**
   * Compiles {@code files} into {@code dir}/classes, with or without the processor (which is on
   * the test class path), and asserts that javac succeeded without warnings.
   *
   * @return a class loader over the classes written
   */
  static ClassLoader compile(List<SourceFile> files, Path dir, boolean withProcessor) {
    try {
      List<Path> paths = SourceFile.writeAll(dir.resolve("src"), files);
      Path classes = Files.createDirectories(dir.resolve("classes"));
      Path generated = Files.createDirectories(dir.resolve("generated"));
      List<String> options = new ArrayList<>(List.of("--release", "17", "-Xlint:all",
          "-classpath", CLASS_PATH, "-d", classes.toString(), "-s", generated.toString()));
      options.addAll(withProcessor
          ? List.of("-processorpath", CLASS_PATH, "-proc:full")
          : List.of("-proc:none"));
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      try (StandardJavaFileManager fm =
          javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
        boolean ok = javac.getTask(null, fm, diagnostics, options, null,
            fm.getJavaFileObjectsFromPaths(paths)).call();
        assertTrue(ok && diagnostics.getDiagnostics().isEmpty(),
            "javac: " + diagnostics.getDiagnostics());
      }
      return new URLClassLoader(new URL[] {classes.toUri().toURL()}, Javac.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many sources the processor wrote into {@code dir}/generated. */
  static long generatedSources(Path dir) throws IOException {
    try (var files = Files.walk(dir.resolve("generated"))) {
      return files.filter(f -> f.toString().endsWith(".java")).count();
    }
  }
}
