package io.github.varscale.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static io.github.varscale.processor.Compilations.compile;
import static io.github.varscale.processor.Expected.assertExactly;

import io.github.varscale.Distribution;
import io.github.varscale.FanAxes;
import io.github.varscale.Fans;
import io.github.varscale.FixedInitializer;
import io.github.varscale.Initializer;
import io.github.varscale.Layout;
import io.github.varscale.Mode;
import io.github.varscale.ModelTensor;
import io.github.varscale.TensorSpec;
import io.github.varscale.VarianceScaling;
import io.github.varscale.processor.Compilations.Compiled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random valid models, from fixed seeds: many shapes, layouts, explicit and batch axes, field
 * names, nested classes, presets of the user's, fixed initializers, dims of literals, constants
 * and fields, and parts of earlier models. Each compilation must be clean under {@code -Werror},
 * and every tensor of every model must have the path, key, shape and values the runtime gives
 * for the same initializer and axes, and its nested class the runtime's constants.
 */
class RandomModelsTest {
  private static final int MODELS = 24;
  private static final long SEED = 1234;

  /** A tensor field as generated: what its declaration says, and what it must become. */
  private record Tensor(String name, String declaration, boolean isDouble, int[] shape,
      Initializer initializer, FanAxes axes, boolean constantShape) {}

  /** A part field: its model and how many parts it holds; {@code array} or list, or single. */
  private record Part(String name, Model model, String kind, int count) {}

  /**
   * A model class, maybe nested in {@code holder}.
   *
   * @param declarations its int fields and its tensor and part fields, as written
   */
  private record Model(String name, String holder, List<Tensor> tensors, List<Part> parts,
      List<String> declarations) {
    String canonical() {
      return "p." + (holder == null ? name : holder + "." + name);
    }

    String binary() {
      return "p." + (holder == null ? name : holder + "$" + name);
    }

    String initializer() {
      return "p." + (holder == null ? name : holder + "_" + name) + "Initializer";
    }

    /** How other models' sources name it. */
    String reference() {
      return holder == null ? name : holder + "." + name;
    }

    boolean staticSpecs() {
      return tensors.stream().allMatch(Tensor::constantShape)
          && parts.stream().allMatch(p -> p.kind().equals("single") && p.model().staticSpecs());
    }
  }

  /** Writes random models with {@code random}; the user's presets come first. */
  private static final class Generator {
    private final Random random;
    private final List<Model> models = new ArrayList<>();
    private final List<String> presets = new ArrayList<>();
    private final List<VarianceScaling> presetSettings = new ArrayList<>();

    Generator(long seed) {
      this.random = new Random(seed);
      for (int i = 0; i < 3; i++) {
        VarianceScaling settings = VarianceScaling.of(scale(), pick(Mode.values()),
            pick(Distribution.values()));
        presets.add("Preset" + i);
        presetSettings.add(settings);
      }
      for (int i = 0; i < MODELS; i++) {
        models.add(model(i));
      }
    }

    private <T> T pick(T[] values) {
      return values[random.nextInt(values.length)];
    }

    private double scale() {
      double[] scales = {0.5, 1.0, 2.0, 25.0 / 9.0, 2.0 / (1.0 + 0.01 * 0.01), 0.1};
      return scales[random.nextInt(scales.length)];
    }

    private Model model(int index) {
      String name = "M" + index;
      String holder = random.nextInt(3) == 0 ? "H" + index : null;
      List<String> declarations = new ArrayList<>();
      // Dims read these: instance fields (final or not) and compile-time constants.
      int[] fields = {1 + random.nextInt(4), 1 + random.nextInt(4)};
      int[] constants = {1 + random.nextInt(4), 1 + random.nextInt(4)};
      declarations.add("  int a = " + fields[0] + ";");
      declarations.add("  final int b = " + fields[1] + ";");
      declarations.add("  static final int C = " + constants[0] + ";");
      declarations.add("  static final int D = " + constants[1] + ";");
      List<Tensor> tensors = new ArrayList<>();
      int count = 1 + random.nextInt(4);
      for (int t = 0; t < count; t++) {
        Tensor tensor = tensor(t, fields, constants);
        tensors.add(tensor);
        declarations.add(tensor.declaration());
      }
      List<Part> parts = new ArrayList<>();
      if (index > 0 && random.nextInt(3) > 0) {
        for (int p = 0; p < 1 + random.nextInt(2); p++) {
          Model model = models.get(random.nextInt(models.size()));
          String kind = pick(new String[] {"single", "array", "list"});
          int n = kind.equals("single") ? 1 : 1 + random.nextInt(3);
          Part part = new Part("part" + p, model, kind, n);
          parts.add(part);
          declarations.add(partDeclaration(part));
        }
      }
      return new Model(name, holder, tensors, parts, declarations);
    }

    private static String partDeclaration(Part part) {
      String type = part.model().reference();
      String one = "new " + type + "()";
      String many = String.join(", ", Collections.nCopies(part.count(), one));
      switch (part.kind()) {
        case "single":
          return "  @Submodel " + type + " " + part.name() + " = " + one + ";";
        case "array":
          return "  @Submodel " + type + "[] " + part.name() + " = {" + many + "};";
        default:
          return "  @Submodel List<" + type + "> " + part.name() + " = List.of(" + many + ");";
      }
    }

    private Tensor tensor(int index, int[] fields, int[] constants) {
      String[] styles = {"w", "hidden_w", "kernelW", "b_", "x__y"};
      String name = styles[random.nextInt(styles.length)] + index;
      int rank = random.nextInt(5);
      int[] shape = IntStream.range(0, rank).map(d -> 1 + random.nextInt(5)).toArray();
      boolean isDouble = random.nextBoolean();
      // A nested array has one dimension per shape dimension; rank 0 and 1 are flat.
      boolean nested = rank >= 2 && random.nextBoolean();
      String type = (isDouble ? "double" : "float") + "[]".repeat(nested ? rank : 1);

      StringBuilder attributes = new StringBuilder();
      boolean readsInstance = false;
      if (rank > 0 && random.nextBoolean()) {
        List<String> dims = new ArrayList<>();
        for (int d = 0; d < rank; d++) {
          String entry = dims(fields, constants);
          dims.add("\"" + entry + "\"");
          shape[d] = value(entry, fields, constants);
          readsInstance |= entry.contains("a") || entry.contains("b");
        }
        attributes.append("dims = {").append(String.join(", ", dims)).append("}");
      } else {
        attributes.append("value = {").append(Arrays.stream(shape).mapToObj(d -> d == constants[0]
            && random.nextBoolean() ? "C" : String.valueOf(d)).collect(Collectors.joining(", ")))
            .append("}");
      }
      FanAxes axes = axes(rank, attributes);
      Initializer initializer;
      String annotation;
      int kind = random.nextInt(4);
      if (kind == 0) {
        String[] presets = {"GlorotUniform", "GlorotNormal", "HeUniform", "HeNormal",
          "LecunUniform", "LecunNormal"};
        annotation = presets[random.nextInt(presets.length)];
        initializer = builtInPreset(annotation);
      } else if (kind == 1) {
        int preset = random.nextInt(this.presets.size());
        annotation = this.presets.get(preset);
        initializer = presetSettings.get(preset);
      } else if (kind == 2) {
        VarianceScaling scaling = VarianceScaling.of(scale(), pick(Mode.values()),
            pick(Distribution.values()));
        annotation = "VarianceScaled(scale = " + scaling.scale() + ", mode = Mode."
            + scaling.mode() + ", distribution = Distribution." + scaling.distribution() + ")";
        initializer = scaling;
      } else {
        double a = Math.round((random.nextDouble() * 2 - 1) * 1000) / 1000.0;
        double s = Math.round((0.01 + random.nextDouble()) * 1000) / 1000.0;
        switch (random.nextInt(6)) {
          case 0 -> {
            annotation = "Zeros";
            initializer = FixedInitializer.zeros();
          }
          case 1 -> {
            annotation = "Ones";
            initializer = FixedInitializer.ones();
          }
          case 2 -> {
            annotation = "Constant(" + a + ")";
            initializer = FixedInitializer.constant(a);
          }
          case 3 -> {
            annotation = "RandomNormal(mean = " + a + ", stddev = " + s + ")";
            initializer = FixedInitializer.randomNormal(a, s);
          }
          case 4 -> {
            annotation = "TruncatedNormal(mean = " + a + ", stddev = " + s + ")";
            initializer = FixedInitializer.truncatedNormal(a, s);
          }
          default -> {
            annotation = "RandomUniform(minval = " + a + ", maxval = " + (a + s) + ")";
            initializer = FixedInitializer.randomUniform(a, a + s);
          }
        }
      }
      String declaration = "  @" + annotation + " @Shape(" + attributes + ") " + type + " "
          + name + ";";
      return new Tensor(name, declaration, isDouble, shape, initializer, axes, !readsInstance);
    }

    /** A dims entry: a literal, a constant, a field, or a product of them. */
    private String dims(int[] fields, int[] constants) {
      String[] terms = {String.valueOf(1 + random.nextInt(3)), "C", "D", "a", "b"};
      String entry = terms[random.nextInt(terms.length)];
      return random.nextInt(3) == 0 ? entry + " * " + terms[random.nextInt(terms.length)] : entry;
    }

    private static int value(String entry, int[] fields, int[] constants) {
      int value = 1;
      for (String term : entry.split("\\*")) {
        String t = term.strip();
        value *= switch (t) {
          case "a" -> fields[0];
          case "b" -> fields[1];
          case "C" -> constants[0];
          case "D" -> constants[1];
          default -> Integer.parseInt(t);
        };
      }
      return value;
    }

    /** A layout, maybe with batch axes, or explicit axes; appends the attributes it needs. */
    private FanAxes axes(int rank, StringBuilder attributes) {
      Layout layout = pick(Layout.values());
      int choice = random.nextInt(3);
      if (choice == 0 && rank >= 2) {
        List<Integer> order = IntStream.range(0, rank).boxed().collect(Collectors.toList());
        Collections.shuffle(order, random);
        int in = 1 + random.nextInt(rank - 1);
        int out = 1 + random.nextInt(rank - in);
        int batch = random.nextInt(rank - in - out + 1);
        int[] inAxes = axesOf(order.subList(0, in), rank);
        int[] outAxes = axesOf(order.subList(in, in + out), rank);
        int[] batchAxes = axesOf(order.subList(in + out, in + out + batch), rank);
        attributes.append(", inAxes = ").append(text(inAxes))
            .append(", outAxes = ").append(text(outAxes));
        if (batch > 0) {
          attributes.append(", batchAxes = ").append(text(batchAxes));
        }
        return FanAxes.explicit(inAxes, outAxes, batchAxes);
      }
      if (layout == Layout.OUT_IN || random.nextBoolean()) {
        attributes.append(", layout = Layout.").append(layout);
      }
      if (choice == 1 && rank >= 3) {
        // A batch axis from the receptive field: before the channels, or after them.
        int axis = layout == Layout.IN_OUT ? random.nextInt(rank - 2) : 2 + random.nextInt(rank - 2);
        attributes.append(", batchAxes = ").append(axis);
        return FanAxes.of(layout, axis);
      }
      return FanAxes.of(layout);
    }

    /** The axes, each written as it is or counted from the end. */
    private int[] axesOf(List<Integer> axes, int rank) {
      return axes.stream().mapToInt(a -> random.nextBoolean() ? a : a - rank).toArray();
    }

    private static String text(int[] axes) {
      return Arrays.stream(axes).mapToObj(String::valueOf)
          .collect(Collectors.joining(", ", "{", "}"));
    }

    private static Initializer builtInPreset(String name) {
      return switch (name) {
        case "GlorotUniform" -> VarianceScaling.of(1.0, Mode.FAN_AVG, Distribution.UNIFORM);
        case "GlorotNormal" -> VarianceScaling.of(1.0, Mode.FAN_AVG,
            Distribution.TRUNCATED_NORMAL);
        case "HeUniform" -> VarianceScaling.of(2.0, Mode.FAN_IN, Distribution.UNIFORM);
        case "HeNormal" -> VarianceScaling.of(2.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL);
        case "LecunUniform" -> VarianceScaling.of(1.0, Mode.FAN_IN, Distribution.UNIFORM);
        default -> VarianceScaling.of(1.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL);
      };
    }

    List<JavaFileObject> sources() {
      List<JavaFileObject> sources = new ArrayList<>();
      for (int i = 0; i < presets.size(); i++) {
        VarianceScaling s = presetSettings.get(i);
        sources.add(Compilations.source("p." + presets.get(i),
            "package p;",
            "import io.github.varscale.*;",
            "import java.lang.annotation.*;",
            "@Retention(RetentionPolicy.RUNTIME) @Target(ElementType.FIELD)",
            "@VarianceScaled(scale = " + s.scale() + ", mode = Mode." + s.mode()
                + ", distribution = Distribution." + s.distribution() + ")",
            "public @interface " + presets.get(i) + " {}"));
      }
      for (Model model : models) {
        List<String> lines = new ArrayList<>(List.of("package p;", "import io.github.varscale.*;",
            "import java.util.List;"));
        if (model.holder() != null) {
          lines.add("public class " + model.holder() + " {");
          lines.add("public static class " + model.name() + " {");
        } else {
          lines.add("public class " + model.name() + " {");
        }
        lines.addAll(model.declarations());
        lines.add(model.holder() != null ? "}}" : "}");
        String file = model.holder() != null ? model.holder() : model.name();
        sources.add(Compilations.source("p." + file, lines.toArray(String[]::new)));
      }
      return sources;
    }
  }

  /** A tensor as the model must hold it. */
  private record Placed(String path, String key, Tensor tensor) {}

  /** The tensors of {@code model} in walking order: its own, then each part's, depth first. */
  private static void expected(Model model, String path, String keyPrefix, List<Placed> into) {
    for (Tensor tensor : model.tensors()) {
      into.add(new Placed(path + tensor.name(), keyPrefix + path + tensor.name(), tensor));
    }
    for (Part part : model.parts()) {
      for (int i = 0; i < part.count(); i++) {
        String prefix = path + part.name() + "." + (part.kind().equals("single") ? "" : i + ".");
        expected(part.model(), prefix, keyPrefix, into);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void randomModelsCompileCleanlyAndHoldTheRuntimesValues(long seed) {
    Generator generator = new Generator(seed);
    // The user's presets make javac's lint say that no processor claims them: not a warning
    // about the generated code.
    Compiled compiled = compile(List.of("-Xlint:all,-processing", "-Werror"),
        generator.sources().toArray(JavaFileObject[]::new));
    assertExactly(compiled.compilation());
    Loaded loaded = compiled.load();
    for (Model model : generator.models) {
      checkModel(loaded, model);
    }
  }

  private static void checkModel(Loaded loaded, Model model) {
    Object instance = loaded.create(model.binary());
    loaded.call(model.initializer(), "initialize", instance, SEED);
    @SuppressWarnings("unchecked")
    List<ModelTensor> tensors = (List<ModelTensor>) loaded.call(model.initializer(), "tensors",
        instance);
    List<Placed> expected = new ArrayList<>();
    expected(model, "", model.canonical() + "#", expected);
    assertWithMessage("%s", model.canonical()).that(tensors.stream().map(ModelTensor::path)
        .toList()).isEqualTo(expected.stream().map(Placed::path).toList());
    for (int i = 0; i < tensors.size(); i++) {
      ModelTensor actual = tensors.get(i);
      Placed placed = expected.get(i);
      Tensor tensor = placed.tensor();
      String what = model.canonical() + " " + placed.path();
      assertWithMessage("%s", what).that(actual.key()).isEqualTo(placed.key());
      assertWithMessage("%s", what).that(actual.shape()).isEqualTo(tensor.shape());
      assertWithMessage("%s", what).that(actual.spec().axes()).isEqualTo(tensor.axes());
      assertWithMessage("%s", what).that(actual.spec().initializer())
          .isEqualTo(tensor.initializer());
      int size = Arrays.stream(tensor.shape()).reduce(1, (a, b) -> a * b);
      if (tensor.isDouble()) {
        double[] values = new double[size];
        actual.get(0, values, 0, size);
        double[] runtime = new double[size];
        tensor.initializer().fill(runtime, tensor.axes(), tensor.shape(), SEED, placed.key());
        assertWithMessage("%s", what).that(values).isEqualTo(runtime);
      } else {
        float[] values = new float[size];
        actual.get(0, values, 0, size);
        float[] runtime = new float[size];
        tensor.initializer().fill(runtime, tensor.axes(), tensor.shape(), SEED, placed.key());
        assertWithMessage("%s", what).that(values).isEqualTo(runtime);
      }
    }
    for (Tensor tensor : model.tensors()) {
      if (tensor.constantShape()) {
        checkConstants(loaded, model, tensor);
      }
    }
    assertWithMessage("%s specs()", model.canonical())
        .that(loaded.declares(model.initializer(), "specs", 0)).isEqualTo(model.staticSpecs());
    if (model.staticSpecs()) {
      @SuppressWarnings("unchecked")
      List<TensorSpec> specs = (List<TensorSpec>) loaded.call(model.initializer(), "specs");
      assertThat(specs).isEqualTo(loaded.call(model.initializer(), "specs", instance));
    }
  }

  private static void checkConstants(Loaded loaded, Model model, Tensor tensor) {
    String nested = model.initializer() + "$" + Names.upperCamel(tensor.name());
    Fans fans = tensor.axes().fans(tensor.shape());
    String what = nested + " of shape " + Arrays.toString(tensor.shape()) + ", " + tensor.axes();
    assertWithMessage("%s", what).that(loaded.constant(nested, "FAN_IN"))
        .isEqualTo((int) fans.fanIn());
    assertWithMessage("%s", what).that(loaded.constant(nested, "FAN_OUT"))
        .isEqualTo((int) fans.fanOut());
    assertWithMessage("%s", what).that(loaded.constant(nested, "SIZE"))
        .isEqualTo(Arrays.stream(tensor.shape()).reduce(1, (a, b) -> a * b));
    if (tensor.initializer() instanceof VarianceScaling) {
      VarianceScaling scaling = (VarianceScaling) tensor.initializer();
      assertWithMessage("%s", what).that(loaded.constant(nested, "VARIANCE"))
          .isEqualTo(scaling.variance(fans));
      if (scaling.distribution() == Distribution.UNIFORM) {
        assertWithMessage("%s", what).that(loaded.constant(nested, "LIMIT"))
            .isEqualTo(scaling.bound(fans));
      } else {
        assertWithMessage("%s", what).that(loaded.constant(nested, "STDDEV"))
            .isEqualTo(scaling.stddev(fans));
      }
    }
  }
}
