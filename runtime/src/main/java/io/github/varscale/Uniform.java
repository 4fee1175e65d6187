package io.github.varscale;

/**
 * Uniform samples in {@code [lo, hi]}. A {@code b}-bit integer {@code u} becomes the odd integer
 * {@code m = 2 u + 1 - 2^b} in {@code ±(2^b - 1)}, converted exactly, times {@code step = L / 2^b}
 * and plus {@code center}: the midpoints of {@code 2^b} equal cells of {@code [center - L, center +
 * L]}, then clamped to {@code [lo, hi]}, which only the rounding of a shifted law can leave.
 *
 * <p>For the symmetric laws of {@link VarianceScaling}, {@code center} is {@code -0.0}, which adds
 * nothing to any value (the sign of a zero included), and the clamp is {@code ±L}, which no value
 * reaches: their values are stream version 1's bits.
 */
final class Uniform {
  /** {@code 2 u - ODD_24} maps a 24-bit {@code u} to the odd integers in {@code ±(2^24 - 1)}. */
  private static final int ODD_24 = (1 << 24) - 1;

  private static final long ODD_53 = (1L << 53) - 1;

  private Uniform() {}

  /**
   * The float step for half-width {@code L}: {@code (float) L / 2^24}, so that {@code |m| step <
   * (float) L} and no rounded sample of the symmetric law exceeds the float limit.
   */
  static float floatStep(double halfWidth) {
    return (float) halfWidth * 0x1p-24f;
  }

  /** The double step for half-width {@code L}: {@code L / 2^53}. */
  static double doubleStep(double halfWidth) {
    return halfWidth * 0x1p-53;
  }

  /**
   * Floats, 24 bits each (the resolution of {@link java.util.Random#nextFloat()}), in float
   * arithmetic: one word gives two elements, bits 40..63 the even index and bits 8..31 the odd
   * one, halving the hashing.
   */
  static void fill(float[] dst, int offset, int count, long first, float center, float step,
      float lo, float hi, long streamKey) {
    int k = offset;
    int end = offset + count;
    if ((first & 1) != 0 && count > 0) {
      dst[k++] = clamp(center + odd(SplitMix64.word(streamKey, first >>> 1), step), lo, hi);
    }
    Scratch scratch = Scratch.acquire();
    long[] words = scratch.words;
    long pair = (first + 1) >>> 1;
    while (end - k >= 2) {
      int pairs = Math.min(SplitMix64.BLOCK, (end - k) >>> 1);
      SplitMix64.words(streamKey, pair, words, pairs);
      for (int p = 0; p < pairs; p++, k += 2) {
        long bits = words[p];
        dst[k] = clamp(center + even(bits, step), lo, hi);
        dst[k + 1] = clamp(center + odd(bits, step), lo, hi);
      }
      pair += pairs;
    }
    scratch.release();
    if (k < end) {
      dst[k] = clamp(center + even(SplitMix64.word(streamKey, pair), step), lo, hi);
    }
  }

  private static float even(long bits, float step) {
    return (((int) (bits >>> 40) << 1) - ODD_24) * step;
  }

  private static float odd(long bits, float step) {
    return ((((int) bits >>> 8) << 1) - ODD_24) * step;
  }

  /** Doubles, from the top 53 bits of element {@code i}'s word. */
  static void fill(double[] dst, int offset, int count, long first, double center, double step,
      double lo, double hi, long streamKey) {
    Scratch scratch = Scratch.acquire();
    long[] words = scratch.words;
    for (int done = 0; done < count; ) {
      int n = Math.min(SplitMix64.BLOCK, count - done);
      SplitMix64.words(streamKey, first + done, words, n);
      int k = offset + done;
      for (int j = 0; j < n; j++) {
        dst[k + j] = clamp(center + (((words[j] >>> 11) << 1) - ODD_53) * step, lo, hi);
      }
      done += n;
    }
    scratch.release();
  }

  /** {@code x} within {@code [lo, hi]}; written with comparisons, which C2 compiles to moves. */
  private static float clamp(float x, float lo, float hi) {
    float low = x < lo ? lo : x;
    return low > hi ? hi : low;
  }

  private static double clamp(double x, double lo, double hi) {
    double low = x < lo ? lo : x;
    return low > hi ? hi : low;
  }
}
