package io.github.varscale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The checks and fills the generated initializers call: each refusal names the field, the declared
 * shape and what was found, and a refused tensor is left as it was.
 */
class GeneratedSupportTest {
  private static final String KEY = "p.Model#w";
  private static final long SEED = 42;
  private static final VarianceScaling SCALING =
      VarianceScaling.of(2.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL);

  @Test
  void acceptsNullAndTensorsOfTheDeclaredShape() {
    assertDoesNotThrow(() -> GeneratedSupport.check(null, KEY, 3, 4));
    assertDoesNotThrow(() -> GeneratedSupport.check(new float[12], KEY, 3, 4));
    assertDoesNotThrow(() -> GeneratedSupport.check(new double[12], KEY, 3, 4));
    assertDoesNotThrow(() -> GeneratedSupport.check(new float[1], KEY));
    assertDoesNotThrow(() -> GeneratedSupport.check(new float[3][4], KEY, 3, 4));
    assertDoesNotThrow(() -> GeneratedSupport.check(new double[2][3][4], KEY, 2, 3, 4));
  }

  @Test
  void flatTensorOfAnotherLengthNamesFieldAndBothShapes() {
    float[] w = new float[11];
    assertRefused(
        "p.Model.w must be null or have length 12 (shape [3, 4]), found w.length = 11",
        () -> GeneratedSupport.check(w, KEY, 3, 4));
    assertRefused(
        "p.Model.w must be null or have length 1 (shape []), found w.length = 0",
        () -> GeneratedSupport.check(new double[0], KEY));
  }

  @Test
  void nestedTensorOfAnotherLengthNamesTheSubArray() {
    assertRefused(
        "p.Model.w must be null or have shape [3, 4], found w.length = 2",
        () -> GeneratedSupport.check(new float[2][4], KEY, 3, 4));
    double[][][] deep = new double[2][3][4];
    deep[1][2] = new double[5];
    assertRefused(
        "p.Model.w must be null or have shape [2, 3, 4], found w[1][2].length = 5",
        () -> GeneratedSupport.check(deep, KEY, 2, 3, 4));
  }

  @Test
  void raggedAndNullSubArraysAreNamed() {
    float[][] ragged = {new float[4], new float[3], new float[4]};
    assertRefused(
        "p.Model.w must be null or have shape [3, 4], found w[1].length = 3",
        () -> GeneratedSupport.check(ragged, KEY, 3, 4));
    float[][] withNull = {new float[4], new float[4], null};
    assertRefused(
        "p.Model.w must be null or have shape [3, 4], found w[2] = null",
        () -> GeneratedSupport.check(withNull, KEY, 3, 4));
    float[][][] deepNull = new float[2][3][];
    assertRefused(
        "p.Model.w must be null or have shape [2, 3, 4], found w[0][0] = null",
        () -> GeneratedSupport.check(deepNull, KEY, 2, 3, 4));
  }

  @Test
  void nestedArrayOfAnotherRankIsNamed() {
    assertRefused(
        "p.Model.w must be null or have shape [2, 3, 4], found w[0] = a float[] (rank 2 expected)",
        () -> GeneratedSupport.check(new float[2][3], KEY, 2, 3, 4));
  }

  @Test
  void checkingWritesNothing() {
    float[][] ragged = {{1, 2, 3, 4}, {5, 6, 7}};
    float[][] before = {ragged[0].clone(), ragged[1].clone()};
    assertThrows(IllegalArgumentException.class, () -> GeneratedSupport.check(ragged, KEY, 2, 4));
    assertArrayEquals(before, ragged);
  }

  @Test
  void nestedFillEqualsTheFlatTensorFilledAtOnce() {
    Fans fans = Fans.of(Layout.IN_OUT, 3, 4, 5);
    float[] flat = new float[60];
    SCALING.fill(flat, fans, SEED, KEY);
    float[][][] nested = new float[3][4][5];
    supportFill(nested, SCALING, fans, SEED, KEY);
    float[] flattened = new float[60];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 4; j++) {
        System.arraycopy(nested[i][j], 0, flattened, (i * 4 + j) * 5, 5);
      }
    }
    assertArrayEquals(flat, flattened);

    Fans doubleFans = Fans.of(Layout.OUT_IN, 2, 7);
    double[] flatDouble = new double[14];
    SCALING.fill(flatDouble, doubleFans, SEED, KEY);
    double[][] nestedDouble = new double[2][7];
    supportFill(nestedDouble, SCALING, doubleFans, SEED, KEY);
    assertArrayEquals(Arrays.copyOfRange(flatDouble, 0, 7), nestedDouble[0]);
    assertArrayEquals(Arrays.copyOfRange(flatDouble, 7, 14), nestedDouble[1]);
  }

  @Test
  void largeNestedFillSplitAcrossThreadsEqualsTheFlatFill() {
    // 1025 rows of 1024: just over PARALLEL_THRESHOLD, so the rows are shared out on the pool.
    int rows = 1025;
    int columns = 1024;
    assertTrue((long) rows * columns >= VarianceScaling.PARALLEL_THRESHOLD);
    Fans fans = Fans.of(Layout.OUT_IN, rows, columns);
    for (Distribution distribution : Distribution.values()) {
      VarianceScaling scaling = VarianceScaling.of(2.0, Mode.FAN_IN, distribution);
      float[] flat = new float[rows * columns];
      scaling.fill(flat, fans, SEED, KEY);
      float[][] nested = new float[rows][columns];
      supportFill(nested, scaling, fans, SEED, KEY);
      for (int r = 0; r < rows; r++) {
        assertArrayEquals(Arrays.copyOfRange(flat, r * columns, (r + 1) * columns), nested[r],
            distribution + " row " + r);
      }
      double[] flatDouble = new double[rows * columns];
      scaling.fill(flatDouble, fans, SEED, KEY);
      double[][] nestedDouble = new double[rows][columns];
      supportFill(nestedDouble, scaling, fans, SEED, KEY);
      for (int r = 0; r < rows; r++) {
        assertArrayEquals(
            Arrays.copyOfRange(flatDouble, r * columns, (r + 1) * columns), nestedDouble[r],
            distribution + " row " + r);
      }
    }
  }

  @Test
  void flatFillIsTheRuntimeFill() {
    Fans fans = Fans.of(Layout.IN_OUT, 6, 5);
    double[] expected = new double[30];
    SCALING.fill(expected, fans, SEED, KEY);
    double[] actual = new double[30];
    supportFill(actual, SCALING, fans, SEED, KEY);
    assertArrayEquals(expected, actual);
  }

  @Test
  void raggedRowsAreFilledAsTheNextSlices() {
    Fans fans = Fans.of(Layout.IN_OUT, 5);
    float[] flat = new float[5];
    SCALING.fill(flat, fans, SEED, KEY);
    float[][] ragged = {new float[2], new float[3]};
    supportFill(ragged, SCALING, fans, SEED, KEY);
    assertArrayEquals(Arrays.copyOfRange(flat, 0, 2), ragged[0]);
    assertArrayEquals(Arrays.copyOfRange(flat, 2, 5), ragged[1]);
  }

  @Test
  void fillWithANullSubArrayWritesNothing() {
    // The null row comes last: a fill that wrote as it went would have filled the first rows.
    float[][] tensor = {new float[4], new float[4], null};
    assertRefused(
        "tensor must not hold a null sub-array",
        () -> supportFill(tensor, SCALING, Fans.of(Layout.IN_OUT, 3, 4), SEED, KEY));
    assertArrayEquals(new float[4], tensor[0]);
    assertArrayEquals(new float[4], tensor[1]);
  }

  @Test
  void fillRefusesWhatIsNoFloatOrDoubleArray() {
    assertRefused(
        "tensor must be a float or double array, nested or not, found int[]",
        () -> supportFill(new int[2][3], SCALING, Fans.of(Layout.IN_OUT, 2, 3), 1, KEY));
  }

  @Test
  void nullsAreRefusedNamingTheParameter() {
    Fans fans = Fans.of(Layout.IN_OUT, 2);
    assertNpe("key", () -> GeneratedSupport.check(new float[2], null, 2));
    assertNpe("shape", () -> GeneratedSupport.check(new float[2], KEY, (int[]) null));
    float[] tensor = new float[2];
    assertNpe("tensor", () -> supportFill(null, SCALING, fans, SEED, KEY));
    assertNpe("key", () -> supportFill(tensor, SCALING, fans, SEED, null));
    assertNpe("mode", () -> GeneratedSupport.fill(
        tensor, 2.0, null, Distribution.UNIFORM, 2, 2, SEED, KEY));
    assertNpe("distribution", () -> GeneratedSupport.fill(
        tensor, 2.0, Mode.FAN_IN, null, 2, 2, SEED, KEY));
    assertArrayEquals(new float[2], tensor);
  }

  @Test
  void badSettingsAndFansAreRefusedBeforeWriting() {
    float[] tensor = new float[2];
    assertRefused("scale must be a finite number > 0, found -1.0", () -> GeneratedSupport.fill(
        tensor, -1.0, Mode.FAN_IN, Distribution.UNIFORM, 2, 2, SEED, KEY));
    assertRefused("fanOut must be >= 1, found 0", () -> GeneratedSupport.fill(
        tensor, 1.0, Mode.FAN_IN, Distribution.UNIFORM, 2, 0, SEED, KEY));
    assertArrayEquals(new float[2], tensor);
  }

  /** The generated code's call, for the settings of {@code scaling} and the fans {@code fans}. */
  private static void supportFill(
      Object tensor, VarianceScaling scaling, Fans fans, long seed, String key) {
    GeneratedSupport.fill(tensor, scaling.scale(), scaling.mode(), scaling.distribution(),
        fans.fanIn(), fans.fanOut(), seed, key);
  }

  private static void assertRefused(String message, Executable call) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  private static void assertNpe(String parameter, Executable call) {
    assertEquals(parameter, assertThrows(NullPointerException.class, call).getMessage());
  }
}
