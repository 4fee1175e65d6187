package io.github.varscale;

/**
 * How a (seed, key) pair names a stream of {@link SplitMix64} words, and how a rejection sampler
 * names the retry stream of one element. Part of the stream's definition (docs/sampling.md):
 * changing anything here changes every value.
 */
final class StreamKeys {
  /** Separates the retry streams of the rejection samplers from the main stream. */
  private static final long RETRY_DOMAIN = 0x5851f42d4c957f2dL;

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private StreamKeys() {}

  /**
   * The stream key of a tensor: {@code mix64(mix64(seed) ^ fnv1a64(utf8(key)))}, where {@code
   * fnv1a64} is the 64-bit FNV-1a hash of the key's UTF-8 bytes.
   */
  static long streamKey(long seed, String key) {
    return SplitMix64.mix64(SplitMix64.mix64(seed) ^ fnv1a64(key));
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
    return SplitMix64.word(streamKey ^ RETRY_DOMAIN, index);
  }
}
