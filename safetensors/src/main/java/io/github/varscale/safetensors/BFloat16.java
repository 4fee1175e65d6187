package io.github.varscale.safetensors;

/**
 * Conversions between {@code float} and bfloat16 bits, a {@code float}'s upper half. No JDK has
 * them.
 */
final class BFloat16 {
  /** A quiet NaN; the sign is kept apart, as Eigen's bfloat16 (and so JAX's) does. */
  static final short NAN = 0x7FC0;

  private BFloat16() {}

  /** The bfloat16 nearest {@code value}, ties to even; NaN to {@code sign | 0x7FC0}. */
  static short fromFloat(float value) {
    int bits = Float.floatToRawIntBits(value);
    if ((bits & 0x7FFF_FFFF) > 0x7F80_0000) {
      return (short) (((bits >>> 16) & 0x8000) | NAN);
    }
    // PyTorch's round_to_nearest_even: add just under half an ulp, plus one if the kept part is
    // odd; a carry into the exponent, up to infinity, is the right result.
    return (short) ((bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16);
  }

  /** The exact value of bfloat16 bits {@code bits}. */
  static float toFloat(short bits) {
    return Float.intBitsToFloat(bits << 16);
  }
}
