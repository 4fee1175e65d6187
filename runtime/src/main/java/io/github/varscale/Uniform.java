package io.github.varscale;

/**
 * Uniform samples in {@code (-L, L)}. A {@code b}-bit integer {@code u} becomes the odd integer
 * {@code m = 2 u + 1 - 2^b} in {@code ±(2^b - 1)}, converted exactly and times {@code step = L /
 * 2^b}: the midpoints of {@code 2^b} equal cells, symmetric about 0, never reaching {@code ±L}.
 */
final class Uniform {
  /** {@code 2 u - ODD_24} maps a 24-bit {@code u} to the odd integers in {@code ±(2^24 - 1)}. */
  private static final int ODD_24 = (1 << 24) - 1;

  private static final long ODD_53 = (1L << 53) - 1;

  private Uniform() {}

  /**
   * The float step for limit {@code L}: {@code (float) L / 2^24}, so that {@code |m| step < (float)
   * L} and no rounded sample exceeds the float limit.
   */
  static float floatStep(double limit) {
    return (float) limit * 0x1p-24f;
  }

  /** The double step for limit {@code L}: {@code L / 2^53}. */
  static double doubleStep(double limit) {
    return limit * 0x1p-53;
  }

  /**
   * Floats, 24 bits each (the resolution of {@link java.util.Random#nextFloat()}): one word gives
   * two elements, bits 40..63 the even index and bits 8..31 the odd one, halving the hashing.
   */
  static void fill(float[] dst, int offset, int count, long first, float step, long streamKey) {
    int j = 0;
    long index = first;
    if ((index & 1) != 0 && count > 0) {
      dst[offset] = odd(CounterHash.word(streamKey, index >>> 1), step);
      j = 1;
      index++;
    }
    long counter = streamKey + ((index >>> 1) + 1) * CounterHash.GAMMA;
    int pairsEnd = offset + j + ((count - j) & ~1);
    int k = offset + j;
    for (; k < pairsEnd; k += 2, counter += CounterHash.GAMMA) {
      long bits = CounterHash.mix64(counter);
      dst[k] = even(bits, step);
      dst[k + 1] = odd(bits, step);
    }
    if (k < offset + count) {
      dst[k] = even(CounterHash.mix64(counter), step);
    }
  }

  private static float even(long bits, float step) {
    return (((int) (bits >>> 40) << 1) - ODD_24) * step;
  }

  private static float odd(long bits, float step) {
    return ((((int) bits >>> 8) << 1) - ODD_24) * step;
  }

  /** Doubles, from the top 53 bits of element {@code i}'s word. */
  static void fill(double[] dst, int offset, int count, long first, double step, long streamKey) {
    long counter = streamKey + (first + 1) * CounterHash.GAMMA;
    int end = offset + count;
    for (int j = offset; j < end; j++, counter += CounterHash.GAMMA) {
      long bits = CounterHash.mix64(counter);
      dst[j] = (((bits >>> 11) << 1) - ODD_53) * step;
    }
  }
}
