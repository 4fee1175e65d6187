package io.github.varscale.internal;

import static io.github.varscale.Refusals.assertNpe;
import static io.github.varscale.Refusals.assertRefused;
import static io.github.varscale.internal.HandWrittenModels.EMBEDDING;
import static io.github.varscale.internal.HandWrittenModels.GLOROT;
import static io.github.varscale.internal.HandWrittenModels.HE;
import static io.github.varscale.internal.HandWrittenModels.LECUN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.varscale.Fans;
import io.github.varscale.FixedInitializer;
import io.github.varscale.Initializer;
import io.github.varscale.ModelTensor;
import io.github.varscale.TensorSpec;
import io.github.varscale.internal.HandWrittenModels.Attn;
import io.github.varscale.internal.HandWrittenModels.Block;
import io.github.varscale.internal.HandWrittenModels.Gpt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The walk the generated initializers share, driven by {@link HandWrittenModels}: paths, keys and
 * order, the values written, and all-or-nothing refusals.
 */
class WalkerTest {
  private static final long SEED = 42L;

  /** Every tensor of the default {@link Gpt}: path, key and shape, in walk order. */
  private static final List<String> GPT_TENSORS = List.of(
      "embed p.Base#embed [10, 8]",
      "head p.Gpt#head [10, 8]",
      "first.up p.Base#first.up [8, 32]",
      "first.attn.wq p.Base#first.attn.wq [8, 2, 4]",
      "first.attn.bias p.Base#first.attn.bias [2, 3]",
      "blocks.0.up p.Gpt#blocks.0.up [8, 32]",
      "blocks.0.attn.wq p.Gpt#blocks.0.attn.wq [8, 2, 4]",
      "blocks.0.attn.bias p.Gpt#blocks.0.attn.bias [2, 3]",
      "blocks.1.up p.Gpt#blocks.1.up [8, 32]",
      "blocks.1.attn.wq p.Gpt#blocks.1.attn.wq [8, 2, 4]",
      "blocks.1.attn.bias p.Gpt#blocks.1.attn.bias [2, 3]",
      "extra.0.up p.Gpt#extra.0.up [8, 32]",
      "extra.0.attn.wq p.Gpt#extra.0.attn.wq [8, 2, 4]",
      "extra.0.attn.bias p.Gpt#extra.0.attn.bias [2, 3]");

  private static List<String> described(List<TensorSpec> specs) {
    List<String> lines = new ArrayList<>();
    for (TensorSpec spec : specs) {
      lines.add(spec.path() + " " + spec.key() + " " + Arrays.toString(spec.shape()));
    }
    return lines;
  }

  /** Initializes {@code gpt} as the generated code does: with no scope when {@code scope} is null. */
  private static void initialize(Gpt gpt, String scope) {
    if (scope == null) {
      Walker.initialize(gpt, SEED, HandWrittenModels::walk);
    } else {
      Walker.initialize(gpt, SEED, scope, HandWrittenModels::walk);
    }
  }

  /**
   * Paths join field names and indices; keys are the class declaring the path's first field, a
   * {@code #} and the path; the model's own tensors (the inherited first) come before its parts,
   * which are walked depth first in declaration order.
   */
  @Test
  void pathsKeysAndOrderFollowTheFields() {
    assertEquals(GPT_TENSORS, described(Walker.specs(new Gpt(), HandWrittenModels::walk)));
    List<ModelTensor> tensors = Walker.tensors(new Gpt(), HandWrittenModels::walk);
    List<String> lines = new ArrayList<>();
    for (ModelTensor tensor : tensors) {
      lines.add(tensor.path() + " " + tensor.key() + " " + Arrays.toString(tensor.shape()));
    }
    assertEquals(GPT_TENSORS, lines);
  }

  /**
   * Every tensor holds its initializer's values for its key and fans, written out here: the
   * nested ones row by row as their flat values.
   */
  @Test
  void initializeAllocatesAndFillsEveryTensorUnderItsKey() {
    Gpt gpt = new Gpt();
    float[] embed = new float[80];
    gpt.embed = embed;
    initialize(gpt, null);
    assertSame(embed, gpt.embed, "an allocated tensor is filled in place");
    assertArrayEquals(floats(EMBEDDING, new Fans(10, 8), 80, "p.Base#embed"), gpt.embed);
    assertArrayEquals(floats(LECUN, new Fans(8, 10), 80, "p.Gpt#head"), gpt.head);
    assertBlock(gpt.first, "p.Base#first.");
    assertBlock(gpt.blocks[0], "p.Gpt#blocks.0.");
    assertBlock(gpt.blocks[1], "p.Gpt#blocks.1.");
    assertBlock(gpt.extra.get(0), "p.Gpt#extra.0.");
  }

  /** Under a scope the keys are {@code scope + "." + path}; the values follow them. */
  @Test
  void aScopeReplacesTheClassInTheKeys() {
    Gpt gpt = new Gpt();
    initialize(gpt, "gpt.decoder");
    assertArrayEquals(floats(EMBEDDING, new Fans(1, 1), 80, "gpt.decoder.embed"), gpt.embed);
    assertArrayEquals(floats(LECUN, new Fans(8, 10), 80, "gpt.decoder.head"), gpt.head);
    assertBlock(gpt.first, "gpt.decoder.first.");
    assertBlock(gpt.blocks[1], "gpt.decoder.blocks.1.");
    assertBlock(gpt.extra.get(0), "gpt.decoder.extra.0.");
    assertRefused("scope must not be empty", () -> initialize(new Gpt(), ""));
  }

  @Test
  void twelveBlocksGetTwelveTensorsOfValues() {
    Gpt gpt = new Gpt();
    gpt.blocks = new Block[12];
    for (int i = 0; i < 12; i++) {
      gpt.blocks[i] = new Block();
    }
    initialize(gpt, null);
    for (int i = 0; i < 12; i++) {
      for (int j = 0; j < i; j++) {
        assertFalse(Arrays.equals(gpt.blocks[i].attn.wq, gpt.blocks[j].attn.wq), i + " ~ " + j);
        assertFalse(Arrays.equals(gpt.blocks[i].up[0], gpt.blocks[j].up[0]), i + " ~ " + j);
      }
    }
  }

  /**
   * One block reachable under two paths (tied weights) is a part at each: filled at each, in walk
   * order, so the later path's values stay, and listed at both.
   */
  @Test
  void aSharedPartIsFilledAtEachPathTheLaterValuesStaying() {
    Gpt gpt = new Gpt();
    Block shared = new Block();
    gpt.blocks = new Block[] {shared, new Block()};
    gpt.extra = new ArrayList<>(List.of(shared));
    initialize(gpt, null);
    assertBlock(shared, "p.Gpt#extra.0.");
    List<String> paths = new ArrayList<>();
    for (ModelTensor tensor : Walker.tensors(gpt, HandWrittenModels::walk)) {
      paths.add(tensor.spec().path());
    }
    assertTrue(paths.contains("blocks.0.up") && paths.contains("extra.0.up"), paths::toString);
  }

  /** Adding a block or a part changes nothing in the others: each key stays what it was. */
  @Test
  void addingABlockLeavesTheOthersValuesUnchanged() {
    Gpt before = new Gpt();
    initialize(before, null);
    Gpt after = new Gpt();
    after.blocks = new Block[] {new Block(), new Block(), new Block()};
    after.extra.add(new Block());
    initialize(after, null);
    assertArrayEquals(before.embed, after.embed);
    assertArrayEquals(before.head, after.head);
    for (int i = 0; i < 2; i++) {
      assertArrayEquals(before.blocks[i].attn.wq, after.blocks[i].attn.wq, "block " + i);
      assertArrayEquals(before.blocks[i].up, after.blocks[i].up, "block " + i);
    }
    assertArrayEquals(before.extra.get(0).up, after.extra.get(0).up);
    assertArrayEquals(before.first.attn.wq, after.first.attn.wq);
  }

  /** A null part is left out; the others keep their paths and values. */
  @Test
  void aNullPartIsSkipped() {
    Gpt gpt = new Gpt();
    gpt.first = null;
    gpt.extra = null;
    List<String> expected = new ArrayList<>(GPT_TENSORS);
    expected.removeIf(line -> line.startsWith("first.") || line.startsWith("extra."));
    assertEquals(expected, described(Walker.specs(gpt, HandWrittenModels::walk)));
    initialize(gpt, null);
    assertBlock(gpt.blocks[0], "p.Gpt#blocks.0.");
  }

  /**
   * A wrong shape in the last part walked is found before anything is written: no field of any
   * part is allocated and the allocated ones keep their values.
   */
  @Test
  void aWrongShapeInTheLastPartLeavesEveryFieldUnchanged() {
    Gpt gpt = untouched();
    gpt.extra.get(0).attn.bias = new double[][] {new double[3], new double[4]};
    assertRefusedUnchanged(gpt, "extra.0.attn.bias (key p.Gpt#extra.0.attn.bias) must hold a "
        + "double tensor of shape [2, 3], found extra.0.attn.bias[1].length = 4");
    gpt.extra.get(0).attn.bias = null;
    gpt.extra.get(0).up = new float[8][];
    assertRefusedUnchanged(gpt, "extra.0.up (key p.Gpt#extra.0.up) must hold a float tensor of"
        + " shape [8, 32], found extra.0.up[0] = null");
  }

  @Test
  void aNullElementOfAPartArrayOrListIsRefusedUnchanged() {
    Gpt gpt = untouched();
    gpt.extra.add(null);
    assertRefusedUnchanged(gpt, "@Submodel p.Gpt.extra[1] is null; give every element a part, "
        + "or set the field itself to null to leave the part out");
    gpt.extra.remove(1);
    gpt.blocks[1] = null;
    assertRefusedUnchanged(gpt, "@Submodel p.Gpt.blocks[1] is null");
    // Inside a part: by path, and as Java names the field.
    BiConsumer<Block, Walker> layers = (block, w) ->
        w.parts("p.Block#layers", new Attn[] {new Attn(), null}, HandWrittenModels::walk);
    assertRefused("@Submodel first.layers[1] (p.Block.layers) is null",
        () -> Walker.specs(new Gpt(), (m, w) -> w.part("p.Base#first", m.first, layers)));
  }

  /** Dims read from the model: the refusal names the field, the expression and the values. */
  @Test
  void badDimsAreRefusedNamingFieldExpressionAndValueUnchanged() {
    Gpt gpt = untouched();
    Block last = gpt.extra.get(0);
    last.dModel = 0;
    assertRefusedUnchanged(gpt, "extra.0.up (p.Block.up): @Shape(dims = [dModel, 4 * dModel]) "
        + "with dModel = 0: dimension 0, \"dModel\", reads dModel = 0; every field a dimension "
        + "reads must be > 0");
    last.dModel = 1 << 30;
    assertRefusedUnchanged(gpt, "extra.0.up (p.Block.up): @Shape(dims = [dModel, 4 * dModel]) "
        + "with dModel = 1073741824: dimension 1, \"4 * dModel\", overflows an int");
    last.dModel = 50_000;
    assertRefusedUnchanged(gpt, "extra.0.up (p.Block.up): @Shape(dims = [dModel, 4 * dModel]) "
        + "with dModel = 50000: shape [50000, 200000] has more elements than a Java array can "
        + "hold (2147483639)");
    last.dModel = 8;
    last.attn.heads = -2;
    assertRefusedUnchanged(gpt, "extra.0.attn.wq (p.Attn.wq): @Shape(dims = [dModel, heads, "
        + "headDim]) with dModel = 8, heads = -2, headDim = 4: dimension 1, \"heads\", reads "
        + "heads = -2; every field a dimension reads must be > 0");
    // At the root, the field is named as Java names it.
    Attn attn = new Attn();
    attn.headDim = Integer.MIN_VALUE;
    assertRefused("p.Attn.wq: @Shape(dims = [dModel, heads, headDim]) with dModel = 8, heads = "
        + "2, headDim = -2147483648: dimension 2", () -> Walker.initialize(attn, SEED,
            HandWrittenModels::walk));
    assertNull(attn.wq);
    assertNull(attn.bias);
  }

  /** specs(model) reads the dims and the parts, never the tensor arrays: they may stay null. */
  @Test
  void specsNeverTouchTheTensorArrays() {
    Gpt gpt = new Gpt();
    float[] wrongShape = new float[3];
    gpt.head = wrongShape;
    List<TensorSpec> specs = Walker.specs(gpt, HandWrittenModels::walk);
    assertEquals(GPT_TENSORS, described(specs));
    assertNull(gpt.embed);
    assertNull(gpt.blocks[0].up);
    assertNull(gpt.extra.get(0).attn.wq);
    assertSame(wrongShape, gpt.head);
    assertEquals(HE, specs.get(2).initializer());
    assertEquals("HeNormal", specs.get(2).initializerName());
    assertEquals(new Fans(8, 8), specs.get(3).fans());
  }

  /**
   * tensors(model) allocates the null fields (zeros: no values drawn), keeps the allocated ones
   * as they are, and lists the fields' own arrays; a wrong shape is refused before allocating.
   */
  @Test
  void tensorsAllocateZerosAndListTheFieldsArrays() {
    Gpt gpt = new Gpt();
    float[] embed = new float[80];
    Arrays.fill(embed, 7f);
    gpt.embed = embed;
    List<ModelTensor> tensors = Walker.tensors(gpt, HandWrittenModels::walk);
    assertSame(embed, tensors.get(0).array());
    assertTrue(allEqual(embed, 7f), "kept as it was");
    assertSame(gpt.head, tensors.get(1).array());
    assertSame(gpt.blocks[1].attn.bias, tensors.get(10).array());
    assertTrue(allEqual(gpt.head, 0f) && allEqual(gpt.blocks[1].up[7], 0f), "zeros");
    assertEquals(GPT_TENSORS.size(), tensors.size());
    assertEquals(FixedInitializer.zeros(), tensors.get(4).spec().initializer());

    Gpt wrong = untouched();
    wrong.extra.get(0).attn.wq = new float[63];
    assertRefusedUnchanged(wrong, "extra.0.attn.wq (key p.Gpt#extra.0.attn.wq) must hold a float"
        + " tensor of shape [8, 2, 4], found extra.0.attn.wq.length = 63");
  }

  @Test
  void nullModelsAndWrongDimsCountsAreRefused() {
    assertNpe("model", () -> Walker.initialize((Gpt) null, 1, null, HandWrittenModels::walk));
    assertNpe("model", () -> Walker.tensors((Gpt) null, HandWrittenModels::walk));
    assertNpe("model", () -> Walker.specs((Attn) null, HandWrittenModels::walk));
    Attn attn = new Attn();
    assertRefused("p.Attn#wq reads 3 dims values, given 2; recompile the model with the "
        + "matching varscale processor", () -> Walker.specs(attn, (m, w) -> w.enter(m.wq,
            HandWrittenModels.ATTN_WQ, 8, 2)));
    assertNpe("values", () -> Walker.specs(attn, (m, w) -> w.enter(m.wq,
        HandWrittenModels.ATTN_WQ, (int[]) null)));
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** A model with one tensor allocated and filled with 7s, the rest null. */
  private static Gpt untouched() {
    Gpt gpt = new Gpt();
    gpt.embed = new float[80];
    Arrays.fill(gpt.embed, 7f);
    return gpt;
  }

  /**
   * Each call is refused with {@code message} (its keys under the scope for the scoped call), and
   * leaves every tensor field as it was: the same array or null, the 7s of the embedding intact.
   */
  private static void assertRefusedUnchanged(Gpt gpt, String message) {
    List<Object> before = tensorFields(gpt);
    for (Executable call : List.<Executable>of(
        () -> initialize(gpt, null),
        () -> Walker.tensors(gpt, HandWrittenModels::walk))) {
      assertRefused(message, call);
      assertUnchanged(before, gpt);
    }
    assertRefused(message.replace("(key p.Gpt#", "(key scope."), () -> initialize(gpt, "scope"));
    assertUnchanged(before, gpt);
  }

  private static void assertUnchanged(List<Object> before, Gpt gpt) {
    List<Object> after = tensorFields(gpt);
    for (int i = 0; i < before.size(); i++) {
      assertSame(before.get(i), after.get(i), "tensor field " + i);
    }
    assertTrue(allEqual(gpt.embed, 7f), "embed changed");
  }

  /** The model's tensor fields' values, in walk order; nulls where a part is null. */
  private static List<Object> tensorFields(Gpt gpt) {
    List<Object> fields = new ArrayList<>(List.of(gpt.embed));
    fields.add(gpt.head);
    List<Block> blocks = new ArrayList<>(List.of(gpt.first));
    blocks.addAll(Arrays.asList(gpt.blocks));
    blocks.addAll(gpt.extra);
    for (Block block : blocks) {
      fields.add(block == null ? null : block.up);
      fields.add(block == null ? null : block.attn.wq);
      fields.add(block == null ? null : block.attn.bias);
    }
    return fields;
  }

  /** A block's tensors hold the values of the keys {@code prefix + "up"}, ... */
  private static void assertBlock(Block block, String prefix) {
    float[] up = floats(HE, new Fans(8, 32), 256, prefix + "up");
    for (int r = 0; r < 8; r++) {
      assertArrayEquals(Arrays.copyOfRange(up, r * 32, (r + 1) * 32), block.up[r], prefix + r);
    }
    assertArrayEquals(floats(GLOROT, new Fans(8, 8), 64, prefix + "attn.wq"), block.attn.wq);
    assertArrayEquals(new double[][] {new double[3], new double[3]}, block.attn.bias);
  }

  private static float[] floats(Initializer init, Fans fans, int size, String key) {
    float[] values = new float[size];
    init.fill(values, fans, SEED, key);
    return values;
  }

  private static boolean allEqual(float[] values, float value) {
    for (float x : values) {
      if (x != value) {
        return false;
      }
    }
    return true;
  }
}
