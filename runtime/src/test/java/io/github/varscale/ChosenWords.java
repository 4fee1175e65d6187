package io.github.varscale;

/**
 * Stream keys that make a sampler read chosen words, to drive its rare branches (the ziggurat's
 * slow path, the uniform's clamp) with the exact words that reach them. {@link SplitMix64#mix64}
 * is a bijection, so for any word {@code w} and index {@code n} there is exactly one stream key
 * {@code k} with {@code word(k, n) = w}: {@code k = mix64^-1(w) - (n + 1) GAMMA}. The element's
 * retry stream, derived from {@code k}, is then whatever it is, different for every {@code w}.
 */
final class ChosenWords {
  private static final long M1 = 0xbf58476d1ce4e5b9L;
  private static final long M2 = 0x94d049bb133111ebL;

  private ChosenWords() {}

  /** The stream key whose word {@code n} is {@code word}. */
  static long streamKeyWithWord(long word, long n) {
    return unmix64(word) - (n + 1) * SplitMix64.GAMMA;
  }

  /** The inverse of {@link SplitMix64#mix64}: its three xor-shifts and two products undone. */
  static long unmix64(long z) {
    z = unshift(z, 31);
    z *= inverse(M2);
    z = unshift(z, 27);
    z *= inverse(M1);
    return unshift(z, 30);
  }

  /** The {@code x} with {@code x ^ (x >>> shift) = y}: {@code y ^ (y >>> s) ^ (y >>> 2s) ...}. */
  private static long unshift(long y, int shift) {
    long x = y;
    for (int s = shift; s < 64; s += shift) {
      x ^= y >>> s;
    }
    return x;
  }

  /**
   * The inverse of an odd {@code a} modulo 2^64, by Newton's iteration {@code x <- x (2 - a x)},
   * which doubles the number of correct low bits from the 3 that {@code x = a} already has.
   */
  private static long inverse(long a) {
    long x = a;
    for (int i = 0; i < 5; i++) {
      x *= 2 - a * x;
    }
    return x;
  }
}
