package io.github.varscale;

/**
 * The random bits behind every sample: SplitMix64 (Steele, Lea and Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014), whose output passes BigCrush, read by counter so
 * that element {@code i} of a tensor is a pure function of (stream key, i) and any slice can be
 * computed on its own, in any order, on any thread or machine.
 *
 * <p>Word {@code n} of the stream with key {@code k} is {@code mix64(k + (n + 1) * GAMMA)}, which is
 * exactly the {@code (n + 1)}-th {@code nextLong()} of {@code new SplittableRandom(k)}. {@link
 * java.util.SplittableRandom} itself cannot serve because it only steps forward: it has no way to
 * jump to word {@code n}, which random access needs. {@link StreamKeys} names the streams.
 */
final class SplitMix64 {
  /** The golden-ratio increment of SplitMix64 and {@link java.util.SplittableRandom}. */
  static final long GAMMA = 0x9e3779b97f4a7c15L;

  /** How many words {@link #words} computes at a time: 8 KiB, well inside a core's L1 cache. */
  static final int BLOCK = 1024;

  /** {@code STEPS[j] = (j + 1) * GAMMA}: the counter offsets of a block, read from an array. */
  private static final long[] STEPS = new long[BLOCK];

  static {
    for (int j = 0; j < BLOCK; j++) {
      STEPS[j] = (j + 1) * GAMMA;
    }
  }

  private SplitMix64() {}

  /** SplitMix64's finalizer (Stafford's "Mix13"): a bijection of 64 bits with full avalanche. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** Word {@code n} of the stream {@code streamKey}. */
  static long word(long streamKey, long n) {
    return mix64(streamKey + (n + 1) * GAMMA);
  }

  /**
   * Writes words {@code [first, first + count)} of the stream to {@code out[0, count)}, {@code
   * count <= BLOCK}. The loop reads its counters from {@link #STEPS} rather than computing them from
   * the loop index: that is the form in which C2 vectorizes it (JDK 17 does not vectorize
   * expressions of the induction variable). The words are the same either way.
   */
  static void words(long streamKey, long first, long[] out, int count) {
    long base = streamKey + first * GAMMA;
    long[] steps = STEPS;
    for (int j = 0; j < count; j++) {
      out[j] = mix64(base + steps[j]);
    }
  }
}
