package io.github.varscale;

import static io.github.varscale.Refusals.assertNpe;
import static io.github.varscale.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A tensor described by hand: its checks, accessors and slice fills. */
class TensorSpecTest {
  private static final FanAxes QUERY_AXES = FanAxes.explicit(new int[] {0}, new int[] {1, 2});
  private static final VarianceScaling GLOROT =
      VarianceScaling.of(1.0, Mode.FAN_AVG, Distribution.TRUNCATED_NORMAL);

  private static TensorSpec query(Class<?> type) {
    return TensorSpec.of("blocks.3.attn.wq", "p.Gpt#blocks.3.attn.wq", type,
        new int[] {48, 4, 16}, QUERY_AXES, GLOROT, "GlorotNormal");
  }

  @Test
  void accessorsDescribeTheTensor() {
    int[] shape = {48, 4, 16};
    TensorSpec spec = TensorSpec.of("blocks.3.attn.wq", "p.Gpt#blocks.3.attn.wq", float.class,
        shape, QUERY_AXES, GLOROT, "GlorotNormal");
    shape[0] = 1;
    spec.shape()[1] = 1;
    assertEquals("blocks.3.attn.wq", spec.path());
    assertEquals("p.Gpt#blocks.3.attn.wq", spec.key());
    assertSame(float.class, spec.elementType());
    assertArrayEquals(new int[] {48, 4, 16}, spec.shape());
    assertEquals(3, spec.rank());
    assertEquals(3072, spec.size());
    assertEquals(4 * 3072, spec.bytes());
    assertEquals(8 * 3072, query(double.class).bytes());
    assertEquals(QUERY_AXES, spec.axes());
    // The explicit axes' fans: dModel in, heads * headDim out.
    assertEquals(new Fans(48, 64), spec.fans());
    assertSame(GLOROT, spec.initializer());
    assertEquals("GlorotNormal", spec.initializerName());
    assertEquals("blocks.3.attn.wq [48, 4, 16] float GlorotNormal (key p.Gpt#blocks.3.attn.wq)",
        spec.toString());
  }

  /** Without a name, the spec is named by the initializer's kind. */
  @Test
  void theInitializerNamesASpecMadeWithoutAName() {
    for (Initializer init : List.of(GLOROT, FixedInitializer.zeros(),
        FixedInitializer.randomUniform(-1, 1), FixedInitializer.constant(2))) {
      String kind = init.toString().replaceAll("\\[.*", "");
      TensorSpec spec = TensorSpec.of("b", "p.M#b", double.class, new int[] {3},
          FanAxes.of(Layout.IN_OUT), init);
      assertEquals(kind, spec.initializerName());
    }
    assertEquals("VarianceScaling", TensorSpec.of("w", "k", float.class, new int[] {2, 2},
        FanAxes.of(Layout.IN_OUT), GLOROT).initializerName());
  }

  /**
   * Any slice of the spec's values is that slice of the whole tensor its initializer writes with
   * the spec's fans and key, for floats and doubles, at any offset in {@code dst}.
   */
  @Test
  void slicesAreTheInitializersWholeTensor() {
    TensorSpec floats = query(float.class);
    float[] whole = new float[3072];
    GLOROT.fill(whole, QUERY_AXES, new int[] {48, 4, 16}, 5L, "p.Gpt#blocks.3.attn.wq");
    for (int[] slice : new int[][] {{0, 3072}, {1, 1}, {1000, 999}, {3071, 1}, {17, 0}}) {
      float[] dst = new float[slice[1] + 3];
      floats.fill(dst, 3, slice[1], slice[0], 5L);
      assertArrayEquals(Arrays.copyOfRange(whole, slice[0], slice[0] + slice[1]),
          Arrays.copyOfRange(dst, 3, dst.length), "slice at " + slice[0]);
    }
    TensorSpec doubles = query(double.class);
    double[] wholeD = new double[3072];
    GLOROT.fill(wholeD, new Fans(48, 64), 5L, "p.Gpt#blocks.3.attn.wq");
    double[] dst = new double[100];
    doubles.fill(dst, 0, 100, 2000, 5L);
    assertArrayEquals(Arrays.copyOfRange(wholeD, 2000, 2100), dst);
  }

  /** A spec may describe more elements than a Java array holds; its slices are filled alike. */
  @Test
  void aTensorPastAJavaArrayIsFilledBySlices() {
    TensorSpec spec = TensorSpec.of("embed", "p.Big#embed", float.class,
        new int[] {1 << 20, 1 << 14}, FanAxes.of(Layout.IN_OUT),
        FixedInitializer.randomNormal(0, 0.02), "RandomNormal");
    assertEquals(1L << 34, spec.size());
    assertEquals(1L << 36, spec.bytes());
    float[] last = new float[8];
    spec.fill(last, 0, 8, spec.size() - 8, 1L);
    float[] expected = new float[8];
    FixedInitializer.randomNormal(0, 0.02).fill(expected, 0, 8, (1L << 34) - 8, spec.fans(), 1L,
        "p.Big#embed");
    assertArrayEquals(expected, last);
  }

  @Test
  void slicesOfTheWrongTypeOrPastTheTensorAreRefusedWritingNothing() {
    TensorSpec floats = query(float.class);
    TensorSpec doubles = query(double.class);
    double[] sevensD = new double[10];
    Arrays.fill(sevensD, 7);
    float[] sevens = new float[10];
    Arrays.fill(sevens, 7);
    assertRefused("tensor blocks.3.attn.wq holds floats, not doubles",
        () -> floats.fill(sevensD, 0, 1, 0, 1L));
    assertRefused("tensor blocks.3.attn.wq holds doubles, not floats",
        () -> doubles.fill(sevens, 0, 1, 0, 1L));
    for (long[] slice : new long[][] {{-1, 1}, {0, -1}, {3070, 3}, {3073, 0}, {Long.MAX_VALUE, 1}}) {
      String found = "elements [" + slice[0] + ", " + slice[0] + " + " + slice[1] + ")";
      assertRefused(found, () -> floats.fill(sevens, 0, (int) slice[1], slice[0], 1L),
          "not all within tensor blocks.3.attn.wq of 3072 elements");
      assertRefused(found, () -> doubles.fill(sevensD, 0, (int) slice[1], slice[0], 1L));
    }
    assertRefused("count must be in [0, 10]", () -> floats.fill(sevens, 0, 11, 0, 1L),
        "found 11");
    assertRefused("dstOffset must be in [0, 10]", () -> doubles.fill(sevensD, 11, 0, 0, 1L),
        "found 11");
    assertNpe("dst", () -> floats.fill((float[]) null, 0, 1, 0, 1L));
    assertNpe("dst", () -> doubles.fill((double[]) null, 0, 1, 0, 1L));
    float[] unchanged = new float[10];
    Arrays.fill(unchanged, 7);
    assertArrayEquals(unchanged, sevens);
    assertArrayEquals(new double[] {7, 7, 7, 7, 7, 7, 7, 7, 7, 7}, sevensD);
  }

  @Test
  void nullArgumentsAreRefusedNamingTheParameter() {
    int[] shape = {2, 3};
    FanAxes axes = FanAxes.of(Layout.IN_OUT);
    List<String> names = List.of("path", "key", "elementType", "shape", "axes", "initializer",
        "initializerName");
    for (int i = 0; i < names.size(); i++) {
      Object[] args = {"w", "p.M#w", float.class, shape, axes, GLOROT, "HeNormal"};
      args[i] = null;
      assertNpe(names.get(i), () -> TensorSpec.of((String) args[0], (String) args[1],
          (Class<?>) args[2], (int[]) args[3], (FanAxes) args[4], (Initializer) args[5],
          (String) args[6]));
    }
    assertNpe("initializer", () -> TensorSpec.of("w", "k", float.class, shape, axes, null));
  }

  @Test
  void badValuesAreRefusedNamingTheArgumentAndValue() {
    FanAxes axes = FanAxes.of(Layout.IN_OUT);
    assertRefused("path must not be empty",
        () -> TensorSpec.of("", "k", float.class, new int[] {2}, axes, GLOROT, "HeNormal"));
    assertRefused("initializerName must not be empty",
        () -> TensorSpec.of("w", "k", float.class, new int[] {2}, axes, GLOROT, ""));
    for (Class<?> type : List.of(int.class, Float.class, float[].class, Object.class)) {
      assertRefused("elementType must be float.class or double.class",
          () -> TensorSpec.of("w", "k", type, new int[] {2}, axes, GLOROT, "HeNormal"),
          "found " + type.getName());
    }
    assertRefused("shape[1] must be > 0, found 0",
        () -> TensorSpec.of("w", "k", float.class, new int[] {2, 0}, axes, GLOROT, "HeNormal"));
    assertRefused("batchAxes[0] = 1 names axis 1", () -> TensorSpec.of("w", "k", float.class,
        new int[] {2, 3}, FanAxes.of(Layout.IN_OUT, 1), GLOROT, "HeNormal"));
  }

  /**
   * Sizes and values past their bounds are refused: more bytes than a long counts, more elements
   * than a long counts, and values that overflow the element type.
   */
  @Test
  void sizesAndValuesPastTheirBoundsAreRefused() {
    int big = Integer.MAX_VALUE;
    FanAxes axes = FanAxes.of(Layout.IN_OUT);
    Executable pastBytes = () -> TensorSpec.of("w", "k", float.class, new int[] {big, big, 2},
        axes, FixedInitializer.zeros(), "Zeros");
    assertRefused("shape [2147483647, 2147483647, 2] has 9223372028264841218 elements",
        pastBytes, "more than Long.MAX_VALUE / 8 bytes can hold");
    assertRefused("shape [2147483647, 2147483647, 2147483647] has more than Long.MAX_VALUE",
        () -> TensorSpec.of("w", "k", float.class, new int[] {big, big, big},
            FanAxes.explicit(new int[] {0}, new int[] {1}), FixedInitializer.zeros(), "Zeros"));
    VarianceScaling huge = VarianceScaling.of(1e300, Mode.FAN_IN, Distribution.UNIFORM);
    assertRefused(huge + " with fans " + new Fans(3, 4) + " would write values up to",
        () -> TensorSpec.of("w", "k", float.class, new int[] {3, 4}, axes, huge, "Huge"),
        "which overflow a float");
    assertEquals(12, TensorSpec.of("w", "k", double.class, new int[] {3, 4}, axes, huge, "Huge")
        .size());
    assertRefused("Constant[value=1.0E39] with fans", () -> TensorSpec.of("b", "k", float.class,
        new int[] {3}, axes, FixedInitializer.constant(1e39), "Constant"), "overflow a float");
  }

  @Test
  void equalDescriptionsAreEqual() {
    assertEquals(query(float.class), query(float.class));
    assertEquals(query(float.class).hashCode(), query(float.class).hashCode());
    assertNotEquals(query(float.class), query(double.class));
    assertNotEquals(query(float.class), TensorSpec.of("blocks.3.attn.wq",
        "p.Gpt#blocks.3.attn.wq", float.class, new int[] {48, 4, 16}, QUERY_AXES, GLOROT,
        "VarianceScaled"));
    assertNotEquals(query(float.class), TensorSpec.of("blocks.3.attn.wq",
        "p.Gpt#blocks.3.attn.wq", float.class, new int[] {48, 64}, FanAxes.of(Layout.IN_OUT),
        GLOROT, "GlorotNormal"));
  }
}
