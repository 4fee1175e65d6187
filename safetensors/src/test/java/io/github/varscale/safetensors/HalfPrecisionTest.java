package io.github.varscale.safetensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link Float16} and {@link BFloat16} against independent formulations: decoding by the
 * definition of the formats (sign, exponent, fraction, in double arithmetic), and encoding as "the
 * representable value nearest the input, ties to the even one", found by searching the sorted
 * values rather than by bit tricks. Every 16-bit value round-trips; every rounding boundary and
 * tie is probed on both sides; and, on a JDK that has them (20 and later), the conversions equal
 * {@code Float.floatToFloat16} and {@code Float.float16ToFloat}.
 */
class HalfPrecisionTest {
  /** The non-negative finite halves and then infinity, as doubles, in increasing order. */
  private static final double[] HALVES = new double[0x7C01];

  static {
    for (int bits = 0; bits <= 0x7C00; bits++) {
      HALVES[bits] = bits == 0x7C00 ? 65536.0 : halfByDefinition(bits);
    }
  }

  /** A half's value from its fields: (-1)^s * 2^(e - 15) * 1.f, or 2^-14 * 0.f if e = 0. */
  private static double halfByDefinition(int bits) {
    int exponent = (bits >> 10) & 0x1F;
    int fraction = bits & 0x3FF;
    double magnitude = exponent == 0
        ? Math.scalb(fraction / 1024.0, -14)
        : Math.scalb(1 + fraction / 1024.0, exponent - 15);
    return (bits & 0x8000) != 0 ? -magnitude : magnitude;
  }

  /**
   * The half nearest {@code value}, ties to even, by search. The "value" of 0x7C00 is taken as
   * 2^16, the next step past 65504, which is where IEEE rounding sends overflow to infinity.
   */
  private static short halfBySearch(float value) {
    double magnitude = Math.abs((double) value);
    int sign = (Float.floatToRawIntBits(value) >>> 16) & 0x8000;
    if (magnitude >= 65536.0) {
      return (short) (sign | 0x7C00);
    }
    int at = Arrays.binarySearch(HALVES, magnitude);
    int bits;
    if (at >= 0) {
      bits = at;
    } else {
      int above = -at - 1;
      int below = above - 1;
      double down = magnitude - HALVES[below];
      double up = HALVES[above] - magnitude;
      bits = down < up ? below : up < down ? above : (below % 2 == 0 ? below : above);
    }
    return (short) (sign | bits);
  }

  /** The bfloat16 nearest {@code value}, ties to even: of the two that bracket it, the closer. */
  private static short bfloat16BySearch(float value) {
    int bits = Float.floatToRawIntBits(value);
    int sign = bits & 0x8000_0000;
    int magnitude = bits & 0x7FFF_FFFF;
    int below = magnitude & 0xFFFF_0000;
    int above = below + 0x1_0000; // past 0x7F7F is 0x7F80, infinity: the overflow step
    double x = Float.intBitsToFloat(magnitude);
    double down = x - Float.intBitsToFloat(below);
    double up = (above == 0x7F80_0000 ? 0x1p128 : Float.intBitsToFloat(above)) - x;
    int nearest = down < up ? below : up < down ? above : ((below >>> 16) % 2 == 0 ? below : above);
    return (short) ((sign | nearest) >>> 16);
  }

  /** Every float next to each half and each midpoint between neighbours, both signs. */
  private static List<Float> halfBoundaries() {
    List<Float> values = new ArrayList<>();
    for (int bits = 0; bits < 0x7C00; bits++) {
      float here = (float) HALVES[bits];
      float midpoint = (float) ((HALVES[bits] + HALVES[bits + 1]) / 2); // exact: 12 bits
      for (float v : new float[] {here, midpoint}) {
        for (float w : new float[] {Math.nextDown(v), v, Math.nextUp(v)}) {
          values.add(w);
          values.add(-w);
        }
      }
    }
    return values;
  }

  private static final float[] SPECIALS = {
    0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE,
    -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 65504f, 65519.996f,
    65520f, -65520f, 65536f, 1e10f, 0x1p-24f, 0x1p-25f, Math.nextUp(0x1p-25f), 0x1p-26f,
    0x1p-14f, Math.nextDown(0x1p-14f), 1f, -2f,
  };

  @Test
  void everyHalfDecodesByDefinitionAndRoundTrips() {
    for (int bits = 0; bits < 0x1_0000; bits++) {
      short half = (short) bits;
      float value = Float16.toFloat(half);
      int exponent = (bits >> 10) & 0x1F;
      if (exponent == 0x1F && (bits & 0x3FF) != 0) {
        assertTrue(Float.isNaN(value), Integer.toHexString(bits));
        assertEquals(bits & 0x8000, (Float.floatToRawIntBits(value) >>> 16) & 0x8000);
        assertEquals((short) ((bits & 0x8000) | 0x7E00), Float16.fromFloat(value));
        continue;
      }
      double expected = exponent == 0x1F
          ? ((bits & 0x8000) != 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
          : halfByDefinition(bits);
      assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(value),
          () -> Integer.toHexString(half)); // -0 included
      assertEquals(half, Float16.fromFloat(value));
    }
  }

  @Test
  void halfRoundsToNearestEvenAtEveryBoundaryAndTie() {
    List<Float> values = halfBoundaries();
    for (float value : SPECIALS) {
      values.add(value);
    }
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 1_000_000; i++) {
      float value = Float.intBitsToFloat(random.nextInt());
      if (!Float.isNaN(value)) {
        values.add(value);
      }
    }
    for (float value : values) {
      short expected = halfBySearch(value);
      if (Float16.fromFloat(value) != expected) {
        assertEquals(expected, Float16.fromFloat(value), Float.toHexString(value));
      }
    }
  }

  @Test
  void halfKeepsSubnormalsOverflowsToInfinityAndKeepsNanSign() {
    assertEquals(0x0001, Float16.fromFloat(0x1p-24f));
    assertEquals(0x0000, Float16.fromFloat(0x1p-25f)); // a tie, to even 0
    assertEquals(0x0001, Float16.fromFloat(Math.nextUp(0x1p-25f)));
    assertEquals((short) 0x8001, Float16.fromFloat(-0x1p-24f));
    assertEquals(0x03FF, Float16.fromFloat(0x3FFp-24f)); // the largest subnormal
    assertEquals(0x0400, Float16.fromFloat(0x1p-14f)); // the smallest normal
    assertEquals(0x7BFF, Float16.fromFloat(65504f));
    assertEquals(0x7BFF, Float16.fromFloat(Math.nextDown(65520f)));
    assertEquals(0x7C00, Float16.fromFloat(65520f)); // a tie, to even: infinity
    assertEquals((short) 0xFC00, Float16.fromFloat(-1e30f));
    assertEquals(0x7E00, Float16.fromFloat(Float.NaN));
    assertEquals((short) 0xFE00, Float16.fromFloat(Float.intBitsToFloat(0xFFC0_0001)));
    assertEquals(0x7E00, Float16.fromFloat(Float.intBitsToFloat(0x7F80_0001))); // signalling
  }

  @Test
  void everyBfloat16RoundTripsAndRoundsToNearestEven() {
    for (int bits = 0; bits < 0x1_0000; bits++) {
      short bf16 = (short) bits;
      float value = BFloat16.toFloat(bf16);
      assertEquals(bits << 16, Float.floatToRawIntBits(value));
      boolean nan = (bits & 0x7F80) == 0x7F80 && (bits & 0x7F) != 0;
      assertEquals(nan ? (short) ((bits & 0x8000) | 0x7FC0) : bf16, BFloat16.fromFloat(value));
    }
    // Each upper half with the lower halves that decide the rounding: 0, 1, just below, at and
    // just above the tie, the largest, and a random one.
    SplittableRandom random = new SplittableRandom(2);
    int[] lows = {0, 1, 0x7FFF, 0x8000, 0x8001, 0xFFFF, 0};
    for (int high = 0; high < 0x1_0000; high++) {
      lows[6] = random.nextInt(0x1_0000);
      for (int low : lows) {
        float value = Float.intBitsToFloat(high << 16 | low);
        if (!Float.isNaN(value) && BFloat16.fromFloat(value) != bfloat16BySearch(value)) {
          assertEquals(bfloat16BySearch(value), BFloat16.fromFloat(value),
              Float.toHexString(value));
        }
      }
    }
  }

  @Test
  void bfloat16OverflowsToInfinityKeepsSubnormalsAndNanSign() {
    assertEquals(0x7F7F, BFloat16.fromFloat(Float.intBitsToFloat(0x7F7F_7FFF)));
    assertEquals(0x7F80, BFloat16.fromFloat(Float.intBitsToFloat(0x7F7F_8000))); // tie to even
    assertEquals(0x7F80, BFloat16.fromFloat(Float.MAX_VALUE));
    assertEquals((short) 0xFF80, BFloat16.fromFloat(-Float.MAX_VALUE));
    assertEquals(0x0000, BFloat16.fromFloat(Float.MIN_VALUE));
    assertEquals(0x0001, BFloat16.fromFloat(Float.intBitsToFloat(0x0000_8001)));
    assertEquals(0x7FC0, BFloat16.fromFloat(Float.NaN));
    assertEquals((short) 0xFFC0, BFloat16.fromFloat(Float.intBitsToFloat(0xFF80_0001)));
    assertEquals(0x3F80, BFloat16.fromFloat(1f));
  }

  /**
   * On JDK 20 and later, the same bits as the JDK's own conversions, found at run time so that
   * the test compiles on 17: every half decoded, and every 61st float (70 million) encoded, NaNs
   * compared only as NaNs (the JDK keeps payload bits, PyTorch and varscale do not).
   */
  @Test
  void sameAsTheJdksConversionsWhereTheJdkHasThem() throws Throwable {
    MethodHandle encode;
    MethodHandle decode;
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      encode = lookup.findStatic(Float.class, "floatToFloat16",
          MethodType.methodType(short.class, float.class));
      decode = lookup.findStatic(Float.class, "float16ToFloat",
          MethodType.methodType(float.class, short.class));
    } catch (NoSuchMethodException e) {
      Assumptions.abort("this JDK (" + Runtime.version() + ") has no Float.floatToFloat16");
      return;
    }
    for (int bits = 0; bits < 0x1_0000; bits++) {
      float jdk = (float) decode.invokeExact((short) bits);
      float ours = Float16.toFloat((short) bits);
      assertEquals(Float.floatToIntBits(jdk), Float.floatToIntBits(ours));
    }
    for (long bits = 0; bits <= 0xFFFF_FFFFL; bits += 61) {
      float value = Float.intBitsToFloat((int) bits);
      short jdk = (short) encode.invokeExact(value);
      short ours = Float16.fromFloat(value);
      if (Float.isNaN(value)) {
        assertTrue(Float.isNaN(Float16.toFloat(jdk)) && Float.isNaN(Float16.toFloat(ours)));
      } else if (jdk != ours) {
        assertEquals(jdk, ours, Float.toHexString(value));
      }
    }
  }
}
