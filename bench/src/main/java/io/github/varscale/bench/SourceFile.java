package io.github.varscale.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Java source {@link ProcessorCost} compiles: its class, and its text.
 *
 * @param packageName the package
 * @param className the top-level class's simple name
 * @param text the source
 */
record SourceFile(String packageName, String className, String text) {

  /**
   * A source of one public class.
   *
   * @param imports the fully qualified types to import, in order
   * @param body the class body, each line indented and ended
   */
  static SourceFile javaClass(String packageName, List<String> imports, String className,
      String body) {
    StringBuilder text = new StringBuilder("package ").append(packageName).append(";\n\n");
    imports.forEach(type -> text.append("import ").append(type).append(";\n"));
    text.append("\npublic class ").append(className).append(" {\n").append(body).append("}\n");
    return new SourceFile(packageName, className, text.toString());
  }

  /** The source's path under {@code root}, as javac expects it. */
  Path path(Path root) {
    return root.resolve(packageName.replace('.', '/')).resolve(className + ".java");
  }

  /** Writes {@code files} under {@code root}; returns their paths, in the same order. */
  static List<Path> writeAll(Path root, List<SourceFile> files) throws IOException {
    List<Path> paths = new ArrayList<>();
    for (SourceFile file : files) {
      Path path = file.path(root);
      Files.createDirectories(path.getParent());
      paths.add(Files.writeString(path, file.text()));
    }
    return paths;
  }
}
