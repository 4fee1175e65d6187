package io.github.varscale;

import static io.github.varscale.Refusals.assertNpe;
import static io.github.varscale.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A model's tensor: which arrays hold it, flat access across rows, and re-initialization. */
class ModelTensorTest {
  private static final FanAxes IN_OUT = FanAxes.of(Layout.IN_OUT);
  private static final VarianceScaling HE =
      VarianceScaling.of(2.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL);

  private static TensorSpec spec(Class<?> type, int... shape) {
    return TensorSpec.of("w", "p.M#w", type, shape, IN_OUT, HE, "HeNormal");
  }

  private static final String FLOAT_3_4 = "w (key p.M#w) must hold a float tensor of shape [3, 4],"
      + " found ";

  @Test
  void flatAndNestedArraysOfTheShapeAreAccepted() {
    float[] flat = new float[12];
    ModelTensor tensor = ModelTensor.of(spec(float.class, 3, 4), flat);
    assertSame(flat, tensor.array());
    assertEquals("w", tensor.path());
    assertEquals("p.M#w", tensor.key());
    assertArrayEquals(new int[] {3, 4}, tensor.shape());
    assertEquals(spec(float.class, 3, 4), tensor.spec());
    assertEquals("w [3, 4] float HeNormal (key p.M#w)", tensor.toString());
    double[][][] nested = new double[2][3][4];
    assertSame(nested, ModelTensor.of(spec(double.class, 2, 3, 4), nested).array());
    // A scalar and a vector: flat only.
    ModelTensor.of(spec(float.class), new float[1]);
    ModelTensor.of(spec(double.class, 5), new double[5]);
  }

  @Test
  void aFlatArrayOfAnotherLengthOrTypeIsRefused() {
    assertRefused(FLOAT_3_4 + "w.length = 11",
        () -> ModelTensor.of(spec(float.class, 3, 4), new float[11]));
    assertRefused(FLOAT_3_4 + "a double[]",
        () -> ModelTensor.of(spec(float.class, 3, 4), new double[12]));
    assertRefused(FLOAT_3_4 + "a int[]",
        () -> ModelTensor.of(spec(float.class, 3, 4), new int[12]));
    assertRefused(FLOAT_3_4 + "a String", () -> ModelTensor.of(spec(float.class, 3, 4), "w"));
    assertRefused("w (key p.M#w) must hold a double tensor of shape [], found w.length = 0",
        () -> ModelTensor.of(spec(double.class), new double[0]));
  }

  @Test
  void aNestedArrayOfAnotherShapeRankOrTypeIsRefusedNamingTheSubArray() {
    assertRefused(FLOAT_3_4 + "w.length = 2",
        () -> ModelTensor.of(spec(float.class, 3, 4), new float[2][4]));
    assertRefused(FLOAT_3_4 + "w[0] = a float[][] (a float array of rank 1 expected)",
        () -> ModelTensor.of(spec(float.class, 3, 4), new float[3][4][1]));
    assertRefused("w (key p.M#w) must hold a float tensor of shape [3, 4, 1], found "
            + "w[0] = a float[] (a float array of rank 2 expected)",
        () -> ModelTensor.of(spec(float.class, 3, 4, 1), new float[3][4]));
    assertRefused(FLOAT_3_4 + "w[0] = a double[] (a float array of rank 1 expected)",
        () -> ModelTensor.of(spec(float.class, 3, 4), new double[3][4]));
    assertRefused(FLOAT_3_4 + "w[0] = a int[] (a float array of rank 1 expected)",
        () -> ModelTensor.of(spec(float.class, 3, 4), new int[3][4]));
    assertRefused("w (key p.M#w) must hold a float tensor of shape [12], found a float[][] "
            + "(a float array of rank 1 expected)",
        () -> ModelTensor.of(spec(float.class, 12), new float[3][4]));
    assertRefused("w (key p.M#w) must hold a float tensor of shape [], found a float[][] "
            + "(a float array of rank 0 expected)",
        () -> ModelTensor.of(spec(float.class), new float[1][1]));
  }

  @Test
  void raggedAndNullRowsAreRefusedNamingTheirIndex() {
    assertRefused(FLOAT_3_4 + "w[1].length = 3", () -> ModelTensor.of(spec(float.class, 3, 4),
        new float[][] {new float[4], new float[3], new float[4]}));
    assertRefused(FLOAT_3_4 + "w[2] = null", () -> ModelTensor.of(spec(float.class, 3, 4),
        new float[][] {new float[4], new float[4], null}));
    double[][][] deep = new double[2][3][4];
    deep[1][2] = new double[5];
    assertRefused("w (key p.M#w) must hold a double tensor of shape [2, 3, 4], found "
        + "w[1][2].length = 5", () -> ModelTensor.of(spec(double.class, 2, 3, 4), deep));
    float[][][] deepNull = new float[2][3][];
    assertRefused("w (key p.M#w) must hold a float tensor of shape [2, 3, 4], found "
        + "w[0][0] = null", () -> ModelTensor.of(spec(float.class, 2, 3, 4), deepNull));
  }

  /**
   * Two rows that are one array would share their values, so each would be filled twice and read
   * as two: refused, naming both, at any depth.
   */
  @Test
  void aliasedRowsAreRefusedNamingBoth() {
    float[][] w2 = new float[3][];
    float[] row = new float[4];
    Arrays.fill(w2, row);
    assertRefused(FLOAT_3_4 + "w[0] and w[1] the same array; give every row its own",
        () -> ModelTensor.of(spec(float.class, 3, 4), w2));
    float[][][] deep = new float[2][2][3];
    deep[1][1] = deep[0][0];
    assertRefused("w (key p.M#w) must hold a float tensor of shape [2, 2, 3], found "
            + "w[0][0] and w[1][1] the same array",
        () -> ModelTensor.of(spec(float.class, 2, 2, 3), deep));
    double[][][] planes = new double[3][][];
    planes[0] = new double[2][2];
    planes[1] = new double[2][2];
    planes[2] = planes[0];
    assertRefused("w (key p.M#w) must hold a double tensor of shape [3, 2, 2], found "
            + "w[0] and w[2] the same array",
        () -> ModelTensor.of(spec(double.class, 3, 2, 2), planes));
  }

  @Test
  void nullsAreRefusedNamingTheParameter() {
    ModelTensor tensor = ModelTensor.of(spec(float.class, 3, 4), new float[3][4]);
    assertNpe("spec", () -> ModelTensor.of(null, new float[12]));
    assertNpe("array", () -> ModelTensor.of(spec(float.class, 3, 4), null));
    assertNpe("dst", () -> tensor.get(0, (float[]) null, 0, 1));
    assertNpe("dst", () -> tensor.get(0, (double[]) null, 0, 1));
    assertNpe("src", () -> tensor.set(0, (float[]) null, 0, 1));
    assertNpe("src", () -> tensor.set(0, (double[]) null, 0, 1));
  }

  /**
   * Flat index {@code i * 4 + j} is {@code w[i][j]}: slices run across row boundaries, and
   * values convert between float and double as a Java cast does (rounding to nearest; a double
   * too large for a float becomes infinity).
   */
  @Test
  void getAndSetByFlatIndexAcrossRowsWithConversion() {
    float[][] w = new float[3][4];
    ModelTensor tensor = ModelTensor.of(spec(float.class, 3, 4), w);
    tensor.set(2, new double[] {9, 0.1, -2.5, 1e40, 1e-50, 7, 8}, 1, 6);
    assertArrayEquals(new float[] {0, 0, 0.1f, -2.5f}, w[0]);
    assertArrayEquals(new float[] {Float.POSITIVE_INFINITY, 0, 7, 8}, w[1]);
    assertArrayEquals(new float[4], w[2]);
    tensor.set(7, new float[] {1, 2, 3, 4, 5}, 0, 5);
    assertArrayEquals(new float[] {Float.POSITIVE_INFINITY, 0, 7, 1}, w[1]);
    assertArrayEquals(new float[] {2, 3, 4, 5}, w[2]);
    double[] read = new double[14];
    tensor.get(0, read, 1, 12);
    assertArrayEquals(new double[] {0, 0, 0, (float) 0.1, -2.5, Double.POSITIVE_INFINITY, 0, 7, 1,
        2, 3, 4, 5, 0}, read);
    float[] floats = new float[3];
    tensor.get(3, floats, 0, 3);
    assertArrayEquals(new float[] {-2.5f, Float.POSITIVE_INFINITY, 0}, floats);

    double[][] d = new double[2][3];
    ModelTensor doubles = ModelTensor.of(spec(double.class, 2, 3), d);
    doubles.set(1, new float[] {0.1f, 2, 3, 4}, 0, 4);
    assertArrayEquals(new double[] {0, (double) 0.1f, 2}, d[0]);
    assertArrayEquals(new double[] {3, 4, 0}, d[1]);
    doubles.set(0, new double[] {0.1, 1e300}, 0, 2);
    float[] rounded = new float[2];
    doubles.get(0, rounded, 0, 2);
    assertArrayEquals(new float[] {0.1f, Float.POSITIVE_INFINITY}, rounded);
  }

  @Test
  void slicesPastTheTensorOrTheArrayAreRefusedWritingNothing() {
    float[][] w = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}};
    ModelTensor tensor = ModelTensor.of(spec(float.class, 3, 4), w);
    float[] src = new float[5];
    assertRefused("elements [10, 10 + 3) are not all within tensor w of 12 elements",
        () -> tensor.set(10, src, 0, 3));
    assertRefused("elements [-1, -1 + 1)", () -> tensor.set(-1, new double[1], 0, 1));
    assertRefused("the slice [3, 3 + 3) runs past the array of length 5",
        () -> tensor.set(0, src, 3, 3));
    assertRefused("the slice [-1, -1 + 1)", () -> tensor.get(0, new double[4], -1, 1));
    assertRefused("the slice [0, 0 + -1)", () -> tensor.get(0, new float[4], 0, -1));
    assertRefused("elements [12, 12 + 1)", () -> tensor.get(12, new float[4], 0, 1));
    assertArrayEquals(new float[][] {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}}, w);
    tensor.get(12, new float[0], 0, 0);
    tensor.set(0, new double[0], 0, 0);
  }

  static Stream<Initializer> everyLaw() {
    return DeterminismTest.initializers();
  }

  /**
   * {@code initialize(seed)} writes the tensor's flat values into its rows, whatever the nesting:
   * a nested float or double tensor equals the flat fill of its spec, and a large one (split
   * across the fork-join pool by rows) too.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("everyLaw")
  void initializeWritesTheFlatValuesIntoNestedRows(Initializer init) {
    TensorSpec floats = TensorSpec.of("w", "p.M#w", float.class, new int[] {5, 7, 3}, IN_OUT,
        init, "Any");
    float[][][] nested = new float[5][7][3];
    ModelTensor.of(floats, nested).initialize(11L);
    float[] flat = new float[105];
    init.fill(flat, floats.fans(), 11L, "p.M#w");
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 7; j++) {
        assertArrayEquals(Arrays.copyOfRange(flat, (i * 7 + j) * 3, (i * 7 + j + 1) * 3),
            nested[i][j], "w[" + i + "][" + j + "]");
      }
    }
    float[] flatTensor = new float[105];
    ModelTensor.of(floats, flatTensor).initialize(11L);
    assertArrayEquals(flat, flatTensor);

    // 1025 rows of 1024: past ParallelFill.THRESHOLD, so the rows are shared out on the pool.
    TensorSpec large = TensorSpec.of("w", "p.M#big", double.class, new int[] {1025, 1024},
        IN_OUT, init, "Any");
    double[][] rows = new double[1025][1024];
    ModelTensor.of(large, rows).initialize(12L);
    double[] whole = new double[1025 * 1024];
    init.fill(whole, large.fans(), 12L, "p.M#big");
    for (int r = 0; r < rows.length; r++) {
      assertArrayEquals(Arrays.copyOfRange(whole, r * 1024, (r + 1) * 1024), rows[r], "row " + r);
    }
  }
}
