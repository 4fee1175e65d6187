package io.github.varscale.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Hand-written stand-ins for the processor's output on {@link ModelSources}' models, for {@link
 * ProcessorCost}: what compiling any generated initializer must cost at least. {@link #empty} is
 * an empty class per model, the floor of generating anything; {@link #apiMinimum} is the least
 * the generated API allows, per model a class with an empty {@code initialize} and one nested
 * class per field holding only the constants the contract requires.
 */
final class FloorSources {

  private FloorSources() {}

  /** An empty {@code <Model>Initializer} per model. */
  static List<SourceFile> empty(int n) {
    return initializers(n, i -> "  private " + initializer(i) + "() {}\n");
  }

  /** Per model, the initializer the API asks for with nothing it does not. */
  static List<SourceFile> apiMinimum(int n) {
    return initializers(n, i -> {
      StringBuilder body = new StringBuilder()
          .append("  private ").append(initializer(i)).append("() {}\n\n")
          .append("  public static void initialize(").append(ModelSources.name(i))
          .append(" model, long seed) {}\n");
      int k = 0;
      for (TensorField field : ModelSources.fields(i)) {
        k++;
        String nested = Character.toUpperCase(field.name().charAt(0)) + field.name().substring(1);
        body.append('\n')
            .append("  public static final class ").append(nested).append(" {\n")
            .append("    public static final int FAN_IN = ").append(64 * k).append(";\n")
            .append("    public static final int FAN_OUT = ").append(32 * k).append(";\n")
            .append("    public static final double VARIANCE = ").append(1.0 / (64 * k))
            .append(";\n")
            .append("    public static final int SIZE = ").append(2048 * k * k).append(";\n\n")
            .append("    private ").append(nested).append("() {}\n")
            .append("  }\n");
      }
      return body.toString();
    });
  }

  private static String initializer(int i) {
    return ModelSources.name(i) + "Initializer";
  }

  /** One initializer class per model, {@code body} giving model i's body. */
  private static List<SourceFile> initializers(int n, IntFunction<String> body) {
    List<SourceFile> files = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      files.add(
          SourceFile.javaClass(ModelSources.PACKAGE, List.of(), initializer(i), body.apply(i)));
    }
    return files;
  }
}
