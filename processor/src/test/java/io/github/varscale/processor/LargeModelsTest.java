package io.github.varscale.processor;

import static com.google.common.truth.Truth.assertThat;
import static io.github.varscale.processor.Compilations.STRICT;
import static io.github.varscale.processor.Compilations.compile;
import static io.github.varscale.processor.Compilations.source;
import static io.github.varscale.processor.Expected.assertExactly;

import io.github.varscale.Distribution;
import io.github.varscale.Layout;
import io.github.varscale.Mode;
import io.github.varscale.ModelTensor;
import io.github.varscale.TensorSpec;
import io.github.varscale.VarianceScaling;
import io.github.varscale.processor.Compilations.Compiled;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Models at the JVM's limits: thousands of tensor fields, whose walk would pass the 64 KiB a
 * method's code may take if written in one method, and a constant shape of thousands of
 * dimensions, past the 255 parameters a call may take.
 */
@Order(1) // by far the longest: started first (see junit-platform.properties)
class LargeModelsTest {
  private static final int FIELDS = 5_000;
  private static final long SEED = 7;

  @Test
  void modelOfThousandsOfFieldsCompilesAndInitializes() {
    List<String> lines = new ArrayList<>(List.of(
        "package p;",
        "import io.github.varscale.*;",
        "public class Big {"));
    for (int i = 0; i < FIELDS; i++) {
      lines.add("  @HeNormal @Shape({" + (i % 7 + 1) + ", 3}) float[] w" + i + ";");
    }
    lines.add("}");
    Compiled compiled = compile(STRICT, source("p.Big", lines.toArray(String[]::new)));
    assertExactly(compiled.compilation());

    // walk() calls private methods of at most FIELDS_PER_METHOD fields each; specs() hands the
    // runtime the whole field table, in text blocks that each fit a string constant.
    String source = compiled.generated("p.BigInitializer");
    int chunks = (FIELDS + InitializerWriter.FIELDS_PER_METHOD - 1)
        / InitializerWriter.FIELDS_PER_METHOD;
    assertThat(count(source, "^    walk\\d+\\(model, w\\);$")).isEqualTo(chunks);
    assertThat(count(source,
        "^    return StaticSpecs.of\\(\\).tensors\\(TENSOR_FIELDS\\).build\\(\\);$")).isEqualTo(1);
    assertThat(count(source, "^      \"\"\", \"\"\"$")).isAtLeast(1);
    assertThat(count(source, "^    if \\(w\\.enter\\(")).isEqualTo(FIELDS);
    Loaded loaded = compiled.load();
    Method[] walks = Arrays.stream(loaded.type("p.BigInitializer").getDeclaredMethods())
        .filter(m -> m.getName().matches("walk\\d+"))
        .toArray(Method[]::new);
    assertThat(walks).hasLength(chunks);
    assertThat(Modifier.isPrivate(walks[0].getModifiers())).isTrue();

    Object big = loaded.create("p.Big");
    loaded.call("p.BigInitializer", "initialize", big, SEED);
    for (int i : new int[] {0, 255, 256, 4999}) {
      int rows = i % 7 + 1;
      float[] expected = new float[rows * 3];
      VarianceScaling.of(2.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL)
          .fill(expected, Layout.IN_OUT, new int[] {rows, 3}, SEED, "p.Big#w" + i);
      assertThat((float[]) Loaded.get(big, "w" + i)).isEqualTo(expected);
    }
    @SuppressWarnings("unchecked")
    List<ModelTensor> tensors = (List<ModelTensor>) loaded.call("p.BigInitializer", "tensors", big);
    assertThat(tensors).hasSize(FIELDS);
    assertThat(tensors.get(FIELDS - 1).path()).isEqualTo("w" + (FIELDS - 1));
    @SuppressWarnings("unchecked")
    List<TensorSpec> specs = (List<TensorSpec>) loaded.call("p.BigInitializer", "specs");
    assertThat(specs).isEqualTo(loaded.call("p.BigInitializer", "specs", big));
  }

  /**
   * Table lines of 51 characters ({@code "f0000000000 | float | [2] | IN_OUT | Zeros | Zeros\n"}):
   * 1,285 of them make 65,535, the most a class file's constant holds, which javac still refuses
   * as "constant string too long" (it takes 65,534 characters at most). The table's first text
   * block must stop a line short of it.
   */
  @Test
  void aFieldTableChunkStopsBelowJavacsStringLimit() {
    int fields = 1_300;
    List<String> lines = new ArrayList<>(List.of(
        "package p;",
        "import io.github.varscale.*;",
        "public class Wide {"));
    for (int i = 0; i < fields; i++) {
      lines.add(String.format("  @Zeros @Shape({2}) float[] f%010d;", i));
    }
    lines.add("}");
    Compiled compiled = compile(STRICT, source("p.Wide", lines.toArray(String[]::new)));
    assertExactly(compiled.compilation());
    Matcher firstBlock = Pattern.compile("\"\"\"\n(.*?)\"\"\"", Pattern.DOTALL)
        .matcher(compiled.generated("p.WideInitializer"));
    assertThat(firstBlock.find()).isTrue();
    assertThat(count(firstBlock.group(1), "^\\s*f\\d{10} \\|")).isEqualTo(1_284);
    Loaded loaded = compiled.load();
    Object wide = loaded.create("p.Wide");
    loaded.call("p.WideInitializer", "initialize", wide, SEED);
    assertThat((float[]) Loaded.get(wide, String.format("f%010d", fields - 1)))
        .isEqualTo(new float[2]);
  }

  /**
   * All ones but four: rf = 2 * 3 = 6, fan_in = 4 * rf, fan_out = 5 * rf (Keras's IN_OUT rule).
   * At rank 23,000 the field's table line ("[2, 1, 1, ...]") is longer than a string constant
   * may be, so its text is cut inside the line.
   */
  @Test
  void constantShapeOfThousandsOfDimensionsOnAFlatArray() {
    int rank = 23_000;
    String[] dims = new String[rank];
    Arrays.fill(dims, "1");
    dims[0] = "2";
    dims[15_000] = "3";
    dims[rank - 2] = "4";
    dims[rank - 1] = "5";
    Compiled compiled = compile(STRICT, source("p.Deep",
        "package p;",
        "import io.github.varscale.*;",
        "public class Deep {",
        "  @GlorotUniform @Shape({" + String.join(", ", dims) + "}) float[] w;",
        "}"));
    assertExactly(compiled.compilation());
    Loaded loaded = compiled.load();
    assertThat(loaded.constant("p.DeepInitializer$W", "FAN_IN")).isEqualTo(24);
    assertThat(loaded.constant("p.DeepInitializer$W", "FAN_OUT")).isEqualTo(30);
    assertThat(loaded.constant("p.DeepInitializer$W", "SIZE")).isEqualTo(120);
    assertThat(loaded.constant("p.DeepInitializer$W", "LIMIT"))
        .isEqualTo(Math.sqrt(3 * 1.0 / ((24 + 30) / 2.0)));

    Object deep = loaded.create("p.Deep");
    loaded.call("p.DeepInitializer", "initialize", deep, SEED);
    int[] shape = Arrays.stream(dims).mapToInt(Integer::parseInt).toArray();
    float[] expected = new float[120];
    VarianceScaling.of(1.0, Mode.FAN_AVG, Distribution.UNIFORM)
        .fill(expected, Layout.IN_OUT, shape, SEED, "p.Deep#w");
    assertThat((float[]) Loaded.get(deep, "w")).isEqualTo(expected);
    // The javadoc shows the ends of the shape, not eleven thousand dimensions.
    assertThat(compiled.generated("p.DeepInitializer").replaceAll("\\s+\\* ", " "))
        .contains("[2, 1, 1, 1, 1, 1, 1, 1, ..., 1, 1, 1, 1, 1, 1, 4, 5] (rank 23000)");
  }

  private static int count(String text, String lineRegex) {
    Matcher matcher = Pattern.compile(lineRegex, Pattern.MULTILINE).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
