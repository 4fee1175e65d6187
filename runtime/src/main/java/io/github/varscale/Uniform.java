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
    int k = offset;
    int end = offset + count;
    if ((first & 1) != 0 && count > 0) {
      dst[k++] = odd(CounterHash.word(streamKey, first >>> 1), step);
    }
    Scratch scratch = Scratch.acquire();
    long[] words = scratch.words;
    long pair = (first + 1) >>> 1;
    while (end - k >= 2) {
      int pairs = Math.min(CounterHash.BLOCK, (end - k) >>> 1);
      CounterHash.words(streamKey, pair, words, pairs);
      for (int p = 0; p < pairs; p++, k += 2) {
        long bits = words[p];
        dst[k] = even(bits, step);
        dst[k + 1] = odd(bits, step);
      }
      pair += pairs;
    }
    scratch.release();
    if (k < end) {
      dst[k] = even(CounterHash.word(streamKey, pair), step);
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
    Scratch scratch = Scratch.acquire();
    long[] words = scratch.words;
    for (int done = 0; done < count; ) {
      int n = Math.min(CounterHash.BLOCK, count - done);
      CounterHash.words(streamKey, first + done, words, n);
      int k = offset + done;
      for (int j = 0; j < n; j++) {
        dst[k + j] = (((words[j] >>> 11) << 1) - ODD_53) * step;
      }
      done += n;
    }
    scratch.release();
  }
}
