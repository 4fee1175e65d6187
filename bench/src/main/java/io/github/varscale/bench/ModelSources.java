package io.github.varscale.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code n} model classes for {@link ProcessorCost}, each with eight annotated tensor fields
 * of the kinds a model really has: presets and explicit settings, flat and nested arrays, both
 * layouts, float and double.
 */
final class ModelSources {

  static final int FIELDS = 8;
  static final String PACKAGE = "bench.models";

  private ModelSources() {}

  /** Writes the sources under {@code root}; returns their paths. */
  static List<Path> write(Path root, int n) throws IOException {
    Path dir = Files.createDirectories(root.resolve(PACKAGE.replace('.', '/')));
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = name(i);
      Path file = dir.resolve(name + ".java");
      Files.writeString(file, source(name, i));
      files.add(file);
    }
    return files;
  }

  /** The class name of model {@code i}. */
  static String name(int i) {
    return String.format("Model%04d", i);
  }

  private static String source(String name, int i) {
    int hidden = 64 + 8 * (i % 16);
    return String.join(
        "\n",
        "package " + PACKAGE + ";",
        "",
        "import io.github.varscale.Distribution;",
        "import io.github.varscale.GlorotNormal;",
        "import io.github.varscale.GlorotUniform;",
        "import io.github.varscale.HeNormal;",
        "import io.github.varscale.HeUniform;",
        "import io.github.varscale.Layout;",
        "import io.github.varscale.LecunNormal;",
        "import io.github.varscale.Mode;",
        "import io.github.varscale.Shape;",
        "import io.github.varscale.VarianceScaled;",
        "",
        "public class " + name + " {",
        "  static final int HIDDEN = " + hidden + ";",
        "",
        "  @HeNormal @Shape({784, HIDDEN}) public float[] dense1;",
        "  @HeUniform @Shape({HIDDEN, HIDDEN}) public float[][] dense2;",
        "  @GlorotUniform @Shape({HIDDEN, 10}) public float[] logits;",
        "  @GlorotNormal @Shape({3, 3, 16, 32}) public float[][][][] conv;",
        "  @LecunNormal @Shape(value = {HIDDEN, 128}, layout = Layout.OUT_IN)",
        "  public double[] proj;",
        "  @VarianceScaled(scale = 2.0, mode = Mode.FAN_OUT, distribution = Distribution.NORMAL)",
        "  @Shape({128, HIDDEN}) public float[] decoder;",
        "  @VarianceScaled(mode = Mode.FAN_AVG) @Shape({1000, 64}) public float[][] embedding;",
        "  @VarianceScaled(scale = 0.5, distribution = Distribution.UNIFORM) @Shape({" + (i + 1)
            + "}) public double[] bias;",
        "",
        "  public int parameters() {",
        "    return dense1.length + dense2.length * HIDDEN + logits.length + proj.length",
        "        + decoder.length + bias.length;",
        "  }",
        "}",
        "");
  }
}
