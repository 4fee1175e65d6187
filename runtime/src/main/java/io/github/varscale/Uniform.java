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
 *
 * <p>Each block of words is written in two passes: the first writes {@code m * step}, stream
 * version 1's loop unchanged; the second, only where it changes something, adds {@code center}
 * and clamps, over the block while it is still in the L1 cache. Folded into the first loop, the
 * addition slows the double fill on JDK 17 (x86's long to double conversion waits for the
 * register it writes, which would then hold the previous element's sum), and the clamp's
 * comparisons slow both; so a symmetric law skips the second pass, and a shifted one clamps only
 * if its extreme cells can leave the bounds. The values are the same either way: the passes do
 * the one-pass formula's arithmetic, in its order.
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
    boolean clamps = mayLeave(center, step, lo, hi);
    boolean shifts = clamps || !addsNothing(center, step);
    Scratch scratch = Scratch.acquire();
    long[] words = scratch.words;
    long pair = (first + 1) >>> 1;
    while (end - k >= 2) {
      int pairs = Math.min(SplitMix64.BLOCK, (end - k) >>> 1);
      SplitMix64.words(streamKey, pair, words, pairs);
      int block = k;
      for (int p = 0; p < pairs; p++, k += 2) {
        long bits = words[p];
        dst[k] = even(bits, step);
        dst[k + 1] = odd(bits, step);
      }
      if (shifts) {
        shift(dst, block, k, center, lo, hi, clamps);
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

  /** The second pass: {@code dst[i] = center + dst[i]}, clamped if {@code clamps}. */
  private static void shift(float[] dst, int from, int to, float center, float lo, float hi,
      boolean clamps) {
    if (clamps) {
      for (int i = from; i < to; i++) {
        dst[i] = clamp(center + dst[i], lo, hi);
      }
    } else {
      for (int i = from; i < to; i++) {
        dst[i] = center + dst[i];
      }
    }
  }

  /**
   * Whether {@code center + y} is {@code y} for every value {@code y = m * step}: a center of
   * {@code -0.0} adds nothing to any {@code y}; one of {@code +0.0} turns a {@code -0.0} into
   * {@code +0.0}, but no {@code y} is a zero when {@code step > 0}, since {@code |m| >= 1}.
   */
  private static boolean addsNothing(float center, float step) {
    return center == 0 && (Float.floatToRawIntBits(center) != 0 || step > 0);
  }

  /**
   * Whether a value can leave {@code [lo, hi]}. Rounding is monotonic and {@code step >= 0}, so
   * {@code center + m * step} grows with {@code m}: the extreme cells, {@code m = ±(2^24 - 1)},
   * bound every value.
   */
  private static boolean mayLeave(float center, float step, float lo, float hi) {
    return center + -ODD_24 * step < lo || center + ODD_24 * step > hi;
  }

  /** Doubles, from the top 53 bits of element {@code i}'s word. */
  static void fill(double[] dst, int offset, int count, long first, double center, double step,
      double lo, double hi, long streamKey) {
    boolean clamps = mayLeave(center, step, lo, hi);
    boolean shifts = clamps || !addsNothing(center, step);
    Scratch scratch = Scratch.acquire();
    long[] words = scratch.words;
    for (int done = 0; done < count; ) {
      int n = Math.min(SplitMix64.BLOCK, count - done);
      SplitMix64.words(streamKey, first + done, words, n);
      int k = offset + done;
      for (int j = 0; j < n; j++) {
        dst[k + j] = (((words[j] >>> 11) << 1) - ODD_53) * step;
      }
      if (shifts) {
        shift(dst, k, k + n, center, lo, hi, clamps);
      }
      done += n;
    }
    scratch.release();
  }

  private static void shift(double[] dst, int from, int to, double center, double lo, double hi,
      boolean clamps) {
    if (clamps) {
      for (int i = from; i < to; i++) {
        dst[i] = clamp(center + dst[i], lo, hi);
      }
    } else {
      for (int i = from; i < to; i++) {
        dst[i] = center + dst[i];
      }
    }
  }

  private static boolean addsNothing(double center, double step) {
    return center == 0 && (Double.doubleToRawLongBits(center) != 0 || step > 0);
  }

  private static boolean mayLeave(double center, double step, double lo, double hi) {
    return center + -ODD_53 * step < lo || center + ODD_53 * step > hi;
  }

  /**
   * {@code x} within {@code [lo, hi]}, by comparisons: {@code Math.max} and {@code Math.min} would
   * differ for a zero of the other sign than the bound.
   */
  private static float clamp(float x, float lo, float hi) {
    float low = x < lo ? lo : x;
    return low > hi ? hi : low;
  }

  private static double clamp(double x, double lo, double hi) {
    double low = x < lo ? lo : x;
    return low > hi ? hi : low;
  }
}
