package io.github.varscale.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Classes compiled before the compilation under test, as a library on its class path: a preset or
 * a superclass from a jar, a part type compiled without the processor.
 */
final class Libraries {
  private Libraries() {}

  /** {@code lib.Relu}, a preset of the user's for a library: He's normal law, untruncated. */
  static final JavaFileObject RELU = Compilations.source("lib.Relu",
      "package lib;",
      "import io.github.varscale.*;",
      "import java.lang.annotation.*;",
      "@Retention(RetentionPolicy.RUNTIME) @Target(ElementType.FIELD)",
      "@VarianceScaled(scale = 2.0, mode = Mode.FAN_IN, distribution = Distribution.NORMAL)",
      "public @interface Relu {}");

  /** Compiles {@code sources} as {@link Compilations#compile} does, with {@code library}. */
  static Compilations.Compiled compileAgainst(
      Path library, List<String> options, JavaFileObject... sources) {
    return Compilations.compile(javac().withClasspath(classPath(library)),
        new Compilations.Spy(), options, sources);
  }

  /**
   * Compiles {@code sources} (with varscale's processors if {@code withProcessor}) and writes their
   * class files into {@code dir}.
   */
  static Path compile(Path dir, boolean withProcessor, JavaFileObject... sources) {
    Compilation compilation = withProcessor
        ? Compilations.compile(Compilations.STRICT, sources).compilation()
        : javac().withOptions("-proc:none").compile(sources);
    assertWithMessage("%s", compilation.diagnostics())
        .that(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
    try {
      for (JavaFileObject file : compilation.generatedFiles()) {
        String uri = file.toUri().toString();
        String marker = StandardLocation.CLASS_OUTPUT.getName() + "/";
        if (file.getKind() != JavaFileObject.Kind.CLASS || !uri.contains(marker)) {
          continue;
        }
        Path target = dir.resolve(uri.substring(uri.indexOf(marker) + marker.length()));
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.copy(in, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  /** The classes under {@code dir} as a jar {@code jar}. */
  static Path jar(Path dir, Path jar) {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        Stream<Path> files = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        out.putNextEntry(new JarEntry(dir.relativize(path).toString().replace('\\', '/')));
        Files.copy(path, out);
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return jar;
  }

  /** The test's own class path (with varscale's runtime) followed by {@code libraries}. */
  static List<File> classPath(Path... libraries) {
    List<File> path = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      path.add(new File(entry));
    }
    for (Path library : libraries) {
      path.add(library.toFile());
    }
    return path;
  }
}
