package io.github.varscale;

/**
 * The random bits behind every sample: a counter-based generator, so that element {@code i} of a
 * tensor is a pure function of (seed, key, i) and any slice can be computed on its own, in any
 * order, on any thread or machine.
 *
 * <p>Word {@code n} of the stream with key {@code k} is {@code mix64(k + (n + 1) * GAMMA)}, which is
 * exactly the {@code (n + 1)}-th {@code nextLong()} of {@code new SplittableRandom(k)}: SplitMix64
 * (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014), whose
 * output passes BigCrush. {@link java.util.SplittableRandom} itself cannot serve because it only
 * steps forward: it has no way to jump to word {@code n}, which random access needs.
 */
final class CounterHash {
  /** The golden-ratio increment of SplitMix64 and {@link java.util.SplittableRandom}. */
  static final long GAMMA = 0x9e3779b97f4a7c15L;

  /** Separates the retry streams of the rejection samplers from the main stream. */
  private static final long RETRY_DOMAIN = 0x5851f42d4c957f2dL;

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private CounterHash() {}

  /** SplitMix64's finalizer (Stafford's "Mix13"): a bijection of 64 bits with full avalanche. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** How many words {@link #words} computes at a time: 8 KiB, well inside a core's L1 cache. */
  static final int BLOCK = 1024;

  /** {@code STEPS[j] = (j + 1) * GAMMA}: the counter offsets of a block, read from an array. */
  private static final long[] STEPS = new long[BLOCK];

  static {
    for (int j = 0; j < BLOCK; j++) {
      STEPS[j] = (j + 1) * GAMMA;
    }
  }

  /** Word {@code n} of the stream {@code streamKey}. */
  static long word(long streamKey, long n) {
    return mix64(streamKey + (n + 1) * GAMMA);
  }

  /**
   * Writes words {@code [first, first + count)} of the stream to {@code out[0, count)}, {@code
   * count <= BLOCK}. The loop reads its counters from {@link #STEPS} rather than computing them from
   * the loop index: that is the form in which C2 vectorizes it (JDK 17 does not vectorize
   * expressions of the induction variable), which computes the words several times faster than one
   * at a time. The words are the same either way.
   */
  static void words(long streamKey, long first, long[] out, int count) {
    long base = streamKey + first * GAMMA;
    long[] steps = STEPS;
    for (int j = 0; j < count; j++) {
      out[j] = mix64(base + steps[j]);
    }
  }

  /**
   * The stream key of a tensor: {@code mix64(mix64(seed) ^ fnv1a64(utf8(key)))}, where {@code
   * fnv1a64} is the 64-bit FNV-1a hash of the key's UTF-8 bytes. Part of the stream's definition:
   * changing it changes every value.
   */
  static long streamKey(long seed, String key) {
    return mix64(mix64(seed) ^ fnv1a64(key));
  }

  /**
   * The 64-bit FNV-1a hash of the UTF-8 bytes of {@code text}. The bytes are encoded on the fly
   * rather than with {@link String#getBytes}, whose array would be allocated on every fill: a
   * sharded tensor can be filled in many small slices, each hashing the key again.
   * Unpaired surrogates hash as {@code '?'}, as {@code getBytes} encodes them.
   */
  static long fnv1a64(String text) {
    long h = FNV_OFFSET;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isSurrogate((char) c) && c <= Character.MAX_VALUE) {
        c = '?';
      }
      if (c < 0x80) {
        h = fnv(h, c);
      } else if (c < 0x800) {
        h = fnv(fnv(h, 0xc0 | c >>> 6), 0x80 | c & 0x3f);
      } else if (c < 0x10000) {
        h = fnv(fnv(fnv(h, 0xe0 | c >>> 12), 0x80 | c >>> 6 & 0x3f), 0x80 | c & 0x3f);
      } else {
        h = fnv(fnv(h, 0xf0 | c >>> 18), 0x80 | c >>> 12 & 0x3f);
        h = fnv(fnv(h, 0x80 | c >>> 6 & 0x3f), 0x80 | c & 0x3f);
      }
    }
    return h;
  }

  private static long fnv(long h, int octet) {
    return (h ^ octet) * FNV_PRIME;
  }

  /**
   * The key of element {@code index}'s own retry stream, which a rejection sampler reads when the
   * element's first word is rejected. Each element has its own, so that a rejection never shifts
   * the words of another element.
   */
  static long retryKey(long streamKey, long index) {
    return word(streamKey ^ RETRY_DOMAIN, index);
  }
}
