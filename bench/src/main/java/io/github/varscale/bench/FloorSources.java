package io.github.varscale.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Hand-written stand-ins for the processor's output, for {@link ProcessorCost}: what compiling any
 * generated initializer must cost at least. {@link #empty} is an empty class per model, the floor
 * of generating anything; {@link #apiMinimum} is the least API.md allows, per model a class with
 * an empty {@code initialize} and one nested class per field holding only the four constants the
 * contract requires.
 */
final class FloorSources {

  /** The nested classes of a {@link ModelSources} model's eight fields. */
  private static final List<String> NESTED_CLASSES =
      List.of("Dense1", "Dense2", "Logits", "Conv", "Proj", "Decoder", "Embedding", "Bias");

  private FloorSources() {}

  /** An empty {@code <Model>Initializer} per model; returns the paths. */
  static List<Path> empty(Path root, int n) throws IOException {
    return write(root, n, (model, initializer) -> String.join("\n",
        "package " + ModelSources.PACKAGE + ";",
        "",
        "public final class " + initializer + " {",
        "  private " + initializer + "() {}",
        "}",
        ""));
  }

  /** Per model, the initializer API.md asks for with nothing it does not; returns the paths. */
  static List<Path> apiMinimum(Path root, int n) throws IOException {
    return write(root, n, (model, initializer) -> {
      StringBuilder source = new StringBuilder()
          .append("package ").append(ModelSources.PACKAGE).append(";\n\n")
          .append("public final class ").append(initializer).append(" {\n")
          .append("  private ").append(initializer).append("() {}\n\n")
          .append("  public static void initialize(").append(model)
          .append(" model, long seed) {}\n");
      int i = 0;
      for (String nested : NESTED_CLASSES) {
        i++;
        source.append('\n')
            .append("  public static final class ").append(nested).append(" {\n")
            .append("    public static final int FAN_IN = ").append(64 * i).append(";\n")
            .append("    public static final int FAN_OUT = ").append(32 * i).append(";\n")
            .append("    public static final double VARIANCE = ").append(1.0 / (64 * i))
            .append(";\n")
            .append("    public static final int SIZE = ").append(2048 * i * i).append(";\n\n")
            .append("    private ").append(nested).append("() {}\n")
            .append("  }\n");
      }
      return source.append("}\n").toString();
    });
  }

  /** Writes one source per model, {@code template} taking the model's and initializer's names. */
  private static List<Path> write(
      Path root, int n, BiFunction<String, String, String> template) throws IOException {
    Path dir = Files.createDirectories(root.resolve(ModelSources.PACKAGE.replace('.', '/')));
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String model = ModelSources.name(i);
      String initializer = model + "Initializer";
      Path file = dir.resolve(initializer + ".java");
      Files.writeString(file, template.apply(model, initializer));
      files.add(file);
    }
    return files;
  }
}
