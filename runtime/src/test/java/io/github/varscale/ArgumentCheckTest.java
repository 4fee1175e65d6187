package io.github.varscale;

import static io.github.varscale.Refusals.assertNpe;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad arguments are refused with a message naming them, before anything is written. */
class ArgumentCheckTest {
  private static final Fans FANS = Fans.of(Layout.IN_OUT, 4, 5);
  private static final VarianceScaling INIT =
      VarianceScaling.of(1.0, Mode.FAN_IN, Distribution.NORMAL);

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, -Double.MIN_VALUE})
  void refusesScaleThatIsNotAFinitePositiveNumber(double scale) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> VarianceScaling.of(scale, Mode.FAN_IN, Distribution.UNIFORM));
    assertEquals("scale must be a finite number > 0, found " + scale, e.getMessage());
  }

  @Test
  void acceptsTinyAndHugeFiniteScales() {
    assertEquals(Double.MIN_VALUE,
        VarianceScaling.of(Double.MIN_VALUE, Mode.FAN_IN, Distribution.UNIFORM).scale());
    assertEquals(Double.MAX_VALUE,
        VarianceScaling.of(Double.MAX_VALUE, Mode.FAN_IN, Distribution.UNIFORM).scale());
  }

  @Test
  void refusesNullsNamingTheParameter() {
    assertNpe("mode", () -> VarianceScaling.of(1.0, null, Distribution.UNIFORM));
    assertNpe("distribution", () -> VarianceScaling.of(1.0, Mode.FAN_IN, null));
    assertNpe("fans", () -> INIT.variance(null));
    assertNpe("fans", () -> INIT.bound(null));
    assertNpe("dst", () -> INIT.fill((float[]) null, FANS, 1, "k"));
    assertNpe("dst", () -> INIT.fill((double[]) null, FANS, 1, "k"));
    assertNpe("dst", () -> INIT.fill((float[]) null, 0, 0, 0, FANS, 1, "k"));
    assertNpe("dst", () -> INIT.fill((double[]) null, 0, 0, 0, FANS, 1, "k"));
    assertNpe("fans", () -> INIT.fill(new float[3], null, 1, "k"));
    assertNpe("fans", () -> INIT.fill(new double[3], 0, 3, 0, null, 1, "k"));
    assertNpe("key", () -> INIT.fill(new float[3], FANS, 1, null));
    assertNpe("key", () -> INIT.fill(new double[3], 0, 3, 0, FANS, 1, null));
  }

  @Test
  void refusesSlicesOutsideTheArrayNamingTheArgumentAndValue() {
    assertRefusedUnchanged("dstOffset", "found -1", -1, 2, 0);
    assertRefusedUnchanged("dstOffset", "found 11", 11, 0, 0);
    assertRefusedUnchanged("count", "found -1", 0, -1, 0);
    assertRefusedUnchanged("count", "found 4", 7, 4, 0);
    assertRefusedUnchanged("count", "found 11", 0, 11, 0);
    assertRefusedUnchanged("firstIndex", "found -3", 0, 5, -3);
    assertRefusedUnchanged("firstIndex", "found " + (Long.MAX_VALUE - 4), 0, 5,
        Long.MAX_VALUE - 4);
  }

  @Test
  void acceptsEmptyAndEdgeSlices() {
    float[] dst = new float[10];
    INIT.fill(dst, 10, 0, 0, FANS, 1, "k");
    INIT.fill(dst, 0, 10, Long.MAX_VALUE - 10, FANS, 1, "k");
    assertTrue(Arrays.stream(toDouble(dst)).allMatch(x -> x != 0), "every element written");
  }

  /** Refused by every kind of initializer, a constant's (which draws nothing) included. */
  private static void assertRefusedUnchanged(
      String argument, String found, int dstOffset, int count, long firstIndex) {
    float[] floats = new float[10];
    double[] doubles = new double[10];
    Arrays.fill(floats, 7f);
    Arrays.fill(doubles, 7.0);
    for (Initializer init : List.of(INIT, FixedInitializer.ones(),
        FixedInitializer.randomUniform(0, 1))) {
      assertRefusedUnchanged(init, argument, found, dstOffset, count, firstIndex, floats, doubles);
    }
  }

  private static void assertRefusedUnchanged(Initializer init, String argument, String found,
      int dstOffset, int count, long firstIndex, float[] floats, double[] doubles) {
    for (Executable call : new Executable[] {
        () -> init.fill(floats, dstOffset, count, firstIndex, FANS, 1, "k"),
        () -> init.fill(doubles, dstOffset, count, firstIndex, FANS, 1, "k")}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
      assertTrue(e.getMessage().startsWith(argument + " must be"), e.getMessage());
      assertTrue(e.getMessage().contains(found), e.getMessage());
    }
    float[] sevens = new float[10];
    Arrays.fill(sevens, 7f);
    assertArrayEquals(sevens, floats, "nothing written");
    assertArrayEquals(toDouble(sevens), doubles, "nothing written");
  }

  private static double[] toDouble(float[] x) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = x[i];
    }
    return d;
  }
}
