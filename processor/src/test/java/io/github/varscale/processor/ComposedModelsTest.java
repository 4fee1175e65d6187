package io.github.varscale.processor;

import static com.google.common.truth.Truth.assertThat;
import static io.github.varscale.processor.Compilations.STRICT;
import static io.github.varscale.processor.Compilations.compile;
import static io.github.varscale.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.varscale.Distribution;
import io.github.varscale.Fans;
import io.github.varscale.ModelTensor;
import io.github.varscale.Mode;
import io.github.varscale.Summary;
import io.github.varscale.TensorSpec;
import io.github.varscale.VarianceScaling;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Models made of parts ({@code @Submodel}): the keys and paths of their tensors, the order they
 * are visited in, independent repeated blocks, all-or-nothing refusals, optional parts, and the
 * model as data ({@code tensors}, {@code specs}, {@link Summary}).
 */
class ComposedModelsTest {
  private static final long SEED = 42;
  private static final int D_MODEL = 8;
  private static final int HEADS = 2;

  private static Loaded loaded;

  @BeforeAll
  static void compileModels() {
    loaded = compile(STRICT, Models.all()).load();
  }

  /** A {@code p.Gpt} of {@code blocks} blocks (without their Mlp parts) and {@code heads} heads. */
  private static Object gpt(int blocks, int heads) {
    Object gpt = loaded.create("p.Gpt");
    Object array = Array.newInstance(loaded.type("p.Block"), blocks);
    for (int i = 0; i < blocks; i++) {
      Array.set(array, i, loaded.create("p.Block", D_MODEL, HEADS));
    }
    Loaded.set(gpt, "blocks", array);
    List<Object> list = new ArrayList<>();
    for (int i = 0; i < heads; i++) {
      list.add(loaded.create("p.Mlp"));
    }
    Loaded.set(gpt, "heads", list);
    return gpt;
  }

  private static Object block(Object gpt, int index) {
    return Array.get(Loaded.get(gpt, "blocks"), index);
  }

  @SuppressWarnings("unchecked")
  private static List<ModelTensor> tensors(String initializer, Object model) {
    return (List<ModelTensor>) loaded.call(initializer, "tensors", model);
  }

  @SuppressWarnings("unchecked")
  private static List<TensorSpec> specs(String initializer, Object... model) {
    return (List<TensorSpec>) loaded.call(initializer, "specs", model);
  }

  private static float[] glorotQuery(String key) {
    // JAX's in_axis=0, out_axis=(1, 2) on [dModel, heads, 16].
    float[] values = new float[D_MODEL * HEADS * 16];
    VarianceScaling.of(1.0, Mode.FAN_AVG, Distribution.UNIFORM)
        .fill(values, new Fans(D_MODEL, HEADS * 16), SEED, key);
    return values;
  }

  @Test
  void pathsJoinFieldNamesAndIndicesAndKeysStartWithTheRootClass() {
    Object gpt = gpt(4, 2);
    List<ModelTensor> tensors = tensors("p.GptInitializer", gpt);
    List<String> paths = tensors.stream().map(ModelTensor::path).toList();
    // A block's own tensors come before its parts'.
    assertThat(paths).containsAtLeast("embed", "blocks.0.up", "blocks.0.gain", "blocks.0.attn.wq",
        "blocks.0.attn.wo", "blocks.3.up", "blocks.3.attn.wq", "heads.0.w1", "heads.1.w1")
        .inOrder();
    ModelTensor wq = tensors.get(paths.indexOf("blocks.3.attn.wq"));
    assertThat(wq.key()).isEqualTo("p.Gpt#blocks.3.attn.wq");
    assertThat(tensors.get(paths.indexOf("heads.1.w1")).key()).isEqualTo("p.Gpt#heads.1.w1");

    loaded.call("p.GptInitializer", "initialize", gpt, SEED);
    Object attention = Loaded.get(block(gpt, 3), "attn");
    assertThat(Flat.floats(Loaded.get(attention, "wq")))
        .isEqualTo(glorotQuery("p.Gpt#blocks.3.attn.wq"));

    // A plain model keeps version 1's keys.
    List<ModelTensor> mlp = tensors("p.MlpInitializer", loaded.create("p.Mlp"));
    assertThat(mlp.get(0).path()).isEqualTo("w1");
    assertThat(mlp.get(0).key()).isEqualTo("p.Mlp#w1");
  }

  @Test
  void aScopeReplacesTheRootClassInTheKeys() {
    Object gpt = gpt(4, 0);
    loaded.call("p.GptInitializer", "initialize", gpt, SEED, "gpt");
    Object attention = Loaded.get(block(gpt, 3), "attn");
    assertThat(Flat.floats(Loaded.get(attention, "wq")))
        .isEqualTo(glorotQuery("gpt.blocks.3.attn.wq"));
    // A part initialized alone, with its place in the model as scope, gets the same values.
    Object alone = loaded.create("p.Attention", D_MODEL, HEADS);
    loaded.call("p.AttentionInitializer", "initialize", alone, SEED, "gpt.blocks.3.attn");
    assertThat(Flat.floats(Loaded.get(alone, "wq"))).isEqualTo(Flat.floats(Loaded.get(attention,
        "wq")));

    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> loaded.call("p.GptInitializer", "initialize", gpt, SEED, ""));
    assertThat(empty).hasMessageThat().contains("scope must not be empty");
    assertThrows(NullPointerException.class,
        () -> loaded.call("p.GptInitializer", "initialize", gpt, SEED, null));
    assertThrows(NullPointerException.class,
        () -> loaded.call("p.GptInitializer", "initialize", null, SEED));
  }

  @Test
  void twelveBlocksGetIndependentValuesUnchangedWhenMoreFollow() {
    Object twelve = gpt(12, 0);
    loaded.call("p.GptInitializer", "initialize", twelve, SEED);
    List<float[]> ups = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ups.add((float[]) Loaded.get(block(twelve, i), "up"));
    }
    for (int i = 0; i < 12; i++) {
      for (int j = i + 1; j < 12; j++) {
        assertThat(ups.get(i)).isNotEqualTo(ups.get(j));
      }
    }
    Object three = gpt(3, 0);
    loaded.call("p.GptInitializer", "initialize", three, SEED);
    for (int i = 0; i < 3; i++) {
      assertThat((float[]) Loaded.get(block(three, i), "up")).isEqualTo(ups.get(i));
      assertThat(Flat.floats(Loaded.get(Loaded.get(block(three, i), "attn"), "wq")))
          .isEqualTo(Flat.floats(Loaded.get(Loaded.get(block(twelve, i), "attn"), "wq")));
    }
  }

  @Test
  void tensorsComeInheritedFirstThenOwnThenInheritedPartsThenOwnParts() {
    Loaded tower = compile(STRICT,
        source("t.Part", "package t;", "import io.github.varscale.*;",
            "public class Part { @Zeros @Shape(1) float[] p; }"),
        source("t.Base", "package t;", "import io.github.varscale.*;",
            "public class Base {",
            "  @Submodel Part basePart = new Part();",
            "  @Zeros @Shape(1) float[] b1;",
            "  @Zeros @Shape(1) float[] b2;",
            "}"),
        source("t.Tower", "package t;", "import io.github.varscale.*;",
            "public class Tower extends Base {",
            "  @Submodel Part[] parts = {new Part(), new Part()};",
            "  @Zeros @Shape(1) float[] own;",
            "  @Submodel Part last = new Part();",
            "}")).load();
    @SuppressWarnings("unchecked")
    List<ModelTensor> tensors = (List<ModelTensor>) tower.call("t.TowerInitializer", "tensors",
        tower.create("t.Tower"));
    assertThat(tensors.stream().map(ModelTensor::key).toList()).containsExactly(
        "t.Base#b1", "t.Base#b2", "t.Tower#own", "t.Base#basePart.p", "t.Tower#parts.0.p",
        "t.Tower#parts.1.p", "t.Tower#last.p").inOrder();
  }

  @Test
  void nullPartFieldIsSkipped() {
    Object gpt = gpt(1, 0);
    Loaded.set(gpt, "heads", null);
    Object block = block(gpt, 0);
    Loaded.set(block, "attn", null);
    loaded.call("p.GptInitializer", "initialize", gpt, SEED);
    assertThat(Loaded.get(block, "up")).isNotNull();
    assertThat(tensors("p.GptInitializer", gpt).stream().map(ModelTensor::path).toList())
        .containsExactly("embed", "blocks.0.up", "blocks.0.gain").inOrder();
  }

  @Test
  void wrongShapeInTheLastPartChangesNothingAnywhere() {
    Object gpt = gpt(3, 2);
    float[] embed = new float[100 * 32];
    Loaded.set(gpt, "embed", embed);
    Object lastHead = ((List<?>) Loaded.get(gpt, "heads")).get(1);
    Loaded.set(lastHead, "w1", new float[5]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> loaded.call("p.GptInitializer", "initialize", gpt, SEED));
    assertThat(e).hasMessageThat().isEqualTo("heads.1.w1 (key p.Gpt#heads.1.w1) must hold a float"
        + " tensor of shape [784, 256], found heads.1.w1.length = 5");
    assertUntouched(gpt, embed);
    assertThat((float[]) Loaded.get(lastHead, "w1")).isEqualTo(new float[5]);
  }

  @Test
  void aliasedRowsInAPartAreRefusedBeforeAnythingChanges() {
    Object gpt = gpt(2, 1);
    float[] embed = new float[100 * 32];
    Loaded.set(gpt, "embed", embed);
    Object head = ((List<?>) Loaded.get(gpt, "heads")).get(0);
    double[][] hidden = new double[256][];
    double[] row = new double[10];
    Arrays.fill(hidden, row);
    Loaded.set(head, "hidden_weights", hidden);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> loaded.call("p.GptInitializer", "initialize", gpt, SEED));
    assertThat(e).hasMessageThat().contains("heads.0.hidden_weights[0] and"
        + " heads.0.hidden_weights[1] the same array");
    assertUntouched(gpt, embed);
    assertThat(row).isEqualTo(new double[10]);
  }

  @Test
  void nullElementOfAPartArrayOrListIsRefusedBeforeAnythingChanges() {
    Object gpt = gpt(3, 0);
    Array.set(Loaded.get(gpt, "blocks"), 2, null);
    IllegalArgumentException inArray = assertThrows(IllegalArgumentException.class,
        () -> loaded.call("p.GptInitializer", "initialize", gpt, SEED));
    assertThat(inArray).hasMessageThat().isEqualTo("@Submodel p.Gpt.blocks[2] is null; give every"
        + " element a part, or set the field itself to null to leave the part out");
    assertUntouched(gpt, null);

    Object other = gpt(1, 0);
    Loaded.set(other, "heads", Arrays.asList(loaded.create("p.Mlp"), null));
    IllegalArgumentException inList = assertThrows(IllegalArgumentException.class,
        () -> loaded.call("p.GptInitializer", "tensors", other));
    assertThat(inList).hasMessageThat().startsWith("@Submodel p.Gpt.heads[1] is null");
    assertUntouched(other, null);
    assertThrows(IllegalArgumentException.class, () -> specs("p.GptInitializer", other));
  }

  @Test
  void dimensionBelowOneInAPartChangesNothingAnywhere() {
    Object gpt = gpt(3, 1);
    Array.set(Loaded.get(gpt, "blocks"), 2, loaded.create("p.Block", 0, HEADS));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> loaded.call("p.GptInitializer", "initialize", gpt, SEED));
    assertThat(e).hasMessageThat().isEqualTo("blocks.2.up (p.Block.up): @Shape(dims = [dModel,"
        + " 4 * dModel]) with dModel = 0: dimension 0, \"dModel\", reads dModel = 0; every field a"
        + " dimension reads must be > 0");
    assertUntouched(gpt, null);
  }

  /**
   * Asserts that no tensor field of {@code gpt} or of any of its parts was allocated, and that
   * {@code embed}, if given, still holds zeros.
   */
  private static void assertUntouched(Object gpt, float[] embed) {
    if (embed == null) {
      assertThat(Loaded.get(gpt, "embed")).isNull();
    } else {
      assertThat(Loaded.get(gpt, "embed")).isSameInstanceAs(embed);
      assertThat(embed).isEqualTo(new float[embed.length]);
    }
    Object blocks = Loaded.get(gpt, "blocks");
    for (int i = 0; i < Array.getLength(blocks); i++) {
      Object block = Array.get(blocks, i);
      if (block != null) {
        assertThat(Loaded.get(block, "up")).isNull();
        assertThat(Loaded.get(block, "gain")).isNull();
        assertThat(Loaded.get(Loaded.get(block, "attn"), "wq")).isNull();
        assertThat(Loaded.get(Loaded.get(block, "attn"), "wo")).isNull();
      }
    }
    for (Object head : (List<?>) Loaded.get(gpt, "heads")) {
      if (head != null) {
        assertThat(Loaded.get(head, "b1")).isNull();
        assertThat(Loaded.get(head, "conv")).isNull();
      }
    }
  }

  @Test
  void tensorsAllocatesNullFieldsWithZerosAndRefusesWrongShapes() {
    Object gpt = gpt(1, 1);
    List<ModelTensor> tensors = tensors("p.GptInitializer", gpt);
    Object head = ((List<?>) Loaded.get(gpt, "heads")).get(0);
    assertThat((float[]) Loaded.get(head, "w1")).isEqualTo(new float[784 * 256]);
    assertThat(Flat.floats(Loaded.get(Loaded.get(block(gpt, 0), "attn"), "wq")))
        .isEqualTo(new float[D_MODEL * HEADS * 16]);
    ModelTensor w1 = tensors.stream().filter(t -> t.path().equals("heads.0.w1")).findFirst()
        .orElseThrow();
    assertThat(w1.array()).isSameInstanceAs(Loaded.get(head, "w1"));
    assertThat(w1.shape()).isEqualTo(new int[] {784, 256});

    Loaded.set(head, "conv", new float[8][3][3][5]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> tensors("p.GptInitializer", gpt));
    assertThat(e).hasMessageThat().endsWith("found heads.0.conv[0][0][0].length = 5");
  }

  @Test
  void specsOfAModelLeaveItsTensorFieldsNull() {
    Object gpt = gpt(2, 1);
    List<TensorSpec> specs = specs("p.GptInitializer", gpt);
    assertUntouched(gpt, null);
    assertThat(specs.stream().map(TensorSpec::path).toList())
        .isEqualTo(tensors("p.GptInitializer", gpt(2, 1)).stream().map(ModelTensor::path).toList());
    TensorSpec wq = specs.stream().filter(s -> s.path().equals("blocks.1.attn.wq")).findFirst()
        .orElseThrow();
    assertThat(wq.shape()).isEqualTo(new int[] {D_MODEL, HEADS, 16});
    assertThat(wq.fans()).isEqualTo(new Fans(D_MODEL, HEADS * 16));
  }

  @Test
  void specsWithoutArgumentExistExactlyWhenNothingDependsOnAnInstance() {
    // Constant shapes and single parts of such models: specs() exists.
    for (String initializer : List.of("p.MlpInitializer", "p.FixedInitializer",
        "p.AxesInitializer", "p.DeepInitializer", "p.Deep_HeadInitializer")) {
      assertThat(loaded.declares(initializer, "specs", 0)).isTrue();
    }
    // Dims read from a field, a part whose specs read one, arrays and lists of parts: not.
    for (String initializer : List.of("p.AttentionInitializer", "p.BlockInitializer",
        "p.GptInitializer")) {
      assertThat(loaded.declares(initializer, "specs", 0)).isFalse();
    }
    assertThat(specs("p.MlpInitializer")).isEqualTo(specs("p.MlpInitializer",
        loaded.create("p.Mlp")));
    assertThat(specs("p.DeepInitializer")).isEqualTo(specs("p.DeepInitializer",
        loaded.create("p.Deep")));
    Object head = loaded.create("p.Deep$Head");
    Loaded.set(head, "fixed", loaded.create("p.Fixed"));
    assertThat(specs("p.Deep_HeadInitializer")).isEqualTo(specs("p.Deep_HeadInitializer", head));
  }

  @Test
  void summaryOfAComposedModel() {
    Object gpt = gpt(2, 1);
    Summary summary = Summary.of(specs("p.GptInitializer", gpt));
    // embed, 2 blocks of (wq, wo, up, gain), one Mlp head, counted by hand.
    long block = 2L * D_MODEL * HEADS * 16 + D_MODEL * 4L * D_MODEL + D_MODEL;
    long mlp = 784L * 256 + 256 + 256 * 10 + 8 * 3 * 3 * 4 + 10 + 1;
    assertThat(summary.parameters()).isEqualTo(100 * 32 + 2 * block + mlp);
    // float everywhere but the double wo of each block, hidden_weights and bias.
    long doubles = 2L * HEADS * 16 * D_MODEL + 256 * 10 + 10;
    assertThat(summary.bytes()).isEqualTo(4 * summary.parameters() + 4 * doubles);
    assertThat(summary.toString()).contains("blocks.1.attn.wq");
    assertThat(summary.toString()).contains("heads.0.hidden_weights");
  }
}
