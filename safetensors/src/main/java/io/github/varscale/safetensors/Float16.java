package io.github.varscale.safetensors;

/**
 * Conversions between {@code float} and IEEE 754 binary16 bits. JDK 20 added {@code
 * Float.floatToFloat16} and {@code Float.float16ToFloat}, but varscale runs on Java 17, so these
 * are written out here; the tests compare them with the JDK's where the JDK has them.
 */
final class Float16 {
  /** A quiet NaN, the one PyTorch writes; the sign is kept apart. */
  static final short NAN = 0x7E00;

  /** The smallest {@code float} bits that round to infinity: 65520, halfway from 65504 to 2^16. */
  private static final int OVERFLOW = 0x477F_F000;

  /** The smallest normal half, 2^-14, as {@code float} bits. */
  private static final int MIN_NORMAL = 0x3880_0000;

  /** 2^-25 as {@code float} bits: half the smallest subnormal half, a tie that rounds to 0. */
  private static final int HALF_MIN_SUBNORMAL = 0x3300_0000;

  /** {@code (127 - 15) << 23}: moves a {@code float} exponent to a half's bias. */
  private static final int REBIAS = 112 << 23;

  private Float16() {}

  /** The half nearest {@code value}, ties to even; NaN to {@code sign | 0x7E00}. */
  static short fromFloat(float value) {
    int bits = Float.floatToRawIntBits(value);
    int sign = (bits >>> 16) & 0x8000;
    int magnitude = bits & 0x7FFF_FFFF;
    if (magnitude > 0x7F80_0000) {
      return (short) (sign | NAN);
    }
    if (magnitude >= OVERFLOW) {
      return (short) (sign | 0x7C00);
    }
    if (magnitude >= MIN_NORMAL) {
      // Drop 13 fraction bits, rounding to nearest even: add just under half an ulp, plus one if
      // the kept part is odd. A carry into the exponent is the right result.
      int rounded = magnitude + 0xFFF + ((magnitude >>> 13) & 1);
      return (short) (sign | ((rounded - REBIAS) >>> 13));
    }
    if (magnitude <= HALF_MIN_SUBNORMAL) {
      return (short) sign;
    }
    // A subnormal half: the count of 2^-24 steps, the significand shifted by 14 to 24 places.
    int exponent = magnitude >>> 23;
    int significand = (magnitude & 0x7F_FFFF) | 0x80_0000;
    int shift = 126 - exponent;
    int steps = significand >>> shift;
    int rest = significand & ((1 << shift) - 1);
    int half = 1 << (shift - 1);
    if (rest > half || (rest == half && (steps & 1) != 0)) {
      steps++; // 1024 steps is the smallest normal, 0x0400, which is right too
    }
    return (short) (sign | steps);
  }

  /** The exact value of half bits {@code half}; a NaN keeps its sign and payload. */
  static float toFloat(short half) {
    int sign = (half & 0x8000) << 16;
    int exponent = (half >>> 10) & 0x1F;
    int fraction = half & 0x3FF;
    if (exponent == 0x1F) {
      return Float.intBitsToFloat(sign | 0x7F80_0000 | (fraction << 13));
    }
    if (exponent == 0) {
      // Zero or subnormal: fraction * 2^-24, exact in a float.
      float magnitude = fraction * 0x1p-24f;
      return Float.intBitsToFloat(sign | Float.floatToRawIntBits(magnitude));
    }
    return Float.intBitsToFloat(sign | ((exponent << 23) + REBIAS) | (fraction << 13));
  }
}
