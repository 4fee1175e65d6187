package io.github.varscale.processor;

import static com.google.common.truth.Truth.assertThat;
import static io.github.varscale.processor.Compilations.STRICT;
import static io.github.varscale.processor.Compilations.compile;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.varscale.Distribution;
import io.github.varscale.Fans;
import io.github.varscale.Mode;
import io.github.varscale.TensorSpec;
import io.github.varscale.VarianceScaling;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Shapes read from the model's fields when it is initialized ({@code @Shape(dims = ...)}): the
 * values are the runtime's for fans computed here from JAX's and Keras's rules, the nested
 * class's {@code spec(model)} describes the field for the model's dimensions, and a dimension out
 * of bounds is refused before anything changes.
 */
class DimsTest {
  private static final long SEED = 99;

  private static Loaded loaded;

  @BeforeAll
  static void compileModels() {
    loaded = compile(STRICT, Models.all()).load();
  }

  @Test
  void valuesAreTheRuntimesForTheFansOfTheDimensionsRead() {
    Object attention = loaded.create("p.Attention", 12, 3);
    loaded.call("p.AttentionInitializer", "initialize", attention, SEED);
    // wq [dModel, heads, 16], in_axis 0, out_axis (1, 2): fan_in 12, fan_out 3 * 16.
    float[] wq = new float[12 * 3 * 16];
    VarianceScaling.of(1.0, Mode.FAN_AVG, Distribution.UNIFORM)
        .fill(wq, new Fans(12, 48), SEED, "p.Attention#wq");
    float[][][] nested = (float[][][]) Loaded.get(attention, "wq");
    assertThat(nested).hasLength(12);
    assertThat(nested[0]).hasLength(3);
    assertThat(nested[0][0]).hasLength(16);
    assertThat(Flat.floats(nested)).isEqualTo(wq);
    // wo [heads, 16, dModel], in_axis (0, 1), out_axis -1: fan_in 3 * 16, fan_out 12.
    double[] wo = new double[3 * 16 * 12];
    VarianceScaling.of(1.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL)
        .fill(wo, new Fans(48, 12), SEED, "p.Attention#wo");
    assertThat((double[]) Loaded.get(attention, "wo")).isEqualTo(wo);

    Object block = loaded.create("p.Block", 6, 2);
    Loaded.set(block, "attn", null);
    loaded.call("p.BlockInitializer", "initialize", block, SEED);
    // up ["dModel", "4 * dModel"], Keras's [in, out]: fan_in 6, fan_out 24.
    float[] up = new float[6 * 24];
    VarianceScaling.of(2.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL)
        .fill(up, new Fans(6, 24), SEED, "p.Block#up");
    assertThat((float[]) Loaded.get(block, "up")).isEqualTo(up);
    assertThat((float[]) Loaded.get(block, "gain")).isEqualTo(new float[] {1, 1, 1, 1, 1, 1});
  }

  @Test
  void dimensionsAreReadEachTimeTheModelIsInitialized() {
    Object attention = loaded.create("p.Attention", 8, 2);
    Loaded.set(attention, "heads", 4);
    loaded.call("p.AttentionInitializer", "initialize", attention, SEED);
    assertThat(((float[][][]) Loaded.get(attention, "wq"))[0]).hasLength(4);
    // Now allocated for 4 heads: the same model with 2 heads again does not fit.
    Loaded.set(attention, "heads", 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> loaded.call("p.AttentionInitializer", "initialize", attention, SEED));
    assertThat(e).hasMessageThat().isEqualTo("wq (key p.Attention#wq) must hold a float tensor of"
        + " shape [8, 2, 16], found wq[0].length = 4");
  }

  @Test
  void theNestedClassDescribesTheFieldForTheModelsDimensions() {
    Object attention = loaded.create("p.Attention", 8, 2);
    TensorSpec wq = (TensorSpec) loaded.call("p.AttentionInitializer$Wq", "spec", attention);
    assertThat(wq.path()).isEqualTo("wq");
    assertThat(wq.key()).isEqualTo("p.Attention#wq");
    assertThat(wq.shape()).isEqualTo(new int[] {8, 2, 16});
    assertThat(wq.size()).isEqualTo(256);
    assertThat(wq.fans()).isEqualTo(new Fans(8, 32));
    assertThat(wq.elementType()).isEqualTo(float.class);
    assertThat(wq.initializerName()).isEqualTo("GlorotUniform");
    assertThat(wq.initializer())
        .isEqualTo(VarianceScaling.of(1.0, Mode.FAN_AVG, Distribution.UNIFORM));
    assertThat(Loaded.get(attention, "wq")).isNull();
    // A dims field has no compile-time constants, only its key.
    assertThat(loaded.constant("p.AttentionInitializer$Wq", "KEY")).isEqualTo("p.Attention#wq");
    assertThat(loaded.type("p.AttentionInitializer$Wq").getFields()).hasLength(1);
  }

  @Test
  void dimensionBelowOneIsRefusedNamingTheFieldTheExpressionAndTheValue() {
    Object attention = loaded.create("p.Attention", 8, 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> loaded.call("p.AttentionInitializer", "initialize", attention, SEED));
    assertThat(e).hasMessageThat().isEqualTo("p.Attention.wq: @Shape(dims = [dModel, heads,"
        + " HEAD_DIM]) with dModel = 8, heads = 0, HEAD_DIM = 16: dimension 1, \"heads\", reads"
        + " heads = 0; every field a dimension reads must be > 0");
    assertThat(Loaded.get(attention, "wq")).isNull();
    assertThat(Loaded.get(attention, "wo")).isNull();
    assertThrows(IllegalArgumentException.class,
        () -> loaded.call("p.AttentionInitializer$Wq", "spec", attention));
  }

  @Test
  void dimensionsPastTheirBoundsAreRefused() {
    Object overflow = loaded.create("p.Block", 600_000_000, 1);
    Loaded.set(overflow, "attn", null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> loaded.call("p.BlockInitializer", "specs", overflow));
    assertThat(e).hasMessageThat().isEqualTo("p.Block.up: @Shape(dims = [dModel, 4 * dModel])"
        + " with dModel = 600000000: dimension 1, \"4 * dModel\", overflows an int");

    Object huge = loaded.create("p.Block", 50_000, 1);
    Loaded.set(huge, "attn", null);
    e = assertThrows(IllegalArgumentException.class,
        () -> loaded.call("p.BlockInitializer", "initialize", huge, SEED));
    assertThat(e).hasMessageThat().isEqualTo("p.Block.up: @Shape(dims = [dModel, 4 * dModel])"
        + " with dModel = 50000: shape [50000, 200000] has more elements than a Java array can hold"
        + " (2147483639)");
    assertThat(Loaded.get(huge, "gain")).isNull();
  }
}
