package io.github.varscale;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Known-answer tests of the generator behind every sample. */
class SplitMix64Test {

  /**
   * Word n of a stream is the (n + 1)-th output of the JDK's SplittableRandom with the stream key
   * as seed, the published SplitMix64 generator: our counter hash is that generator, made random
   * access.
   */
  @Test
  void wordsAreSplitMix64Outputs() {
    for (long key : new long[] {0L, 42L, -1L, 0x0123456789abcdefL}) {
      SplittableRandom reference = new SplittableRandom(key);
      for (long n = 0; n < 1000; n++) {
        assertEquals(reference.nextLong(), SplitMix64.word(key, n), "key " + key + " word " + n);
      }
    }
  }

  /** Reference vectors of the FNV-1a 64-bit hash from its authors' test suite. */
  @Test
  void keyHashIsFnv1a64() {
    assertEquals(0xcbf29ce484222325L, StreamKeys.fnv1a64(""));
    assertEquals(0xaf63dc4c8601ec8cL, StreamKeys.fnv1a64("a"));
    assertEquals(0x85944171f73967e8L, StreamKeys.fnv1a64("foobar"));
  }

  /** The key is hashed as its UTF-8 bytes, whatever characters it holds. */
  @Test
  void keyHashEncodesUtf8() {
    for (String key : new String[] {"p.Mlp#w", "p.Mod\u00e8le#poids", "p.\u6a21\u578b#w",
        "p.M#\ud83d\ude00", "bad\ud800surrogate", "\udc00", "\u0000\u007f\u0080\u07ff\u0800\uffff"}) {
      long expected = 0xcbf29ce484222325L;
      for (byte b : key.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
        expected = (expected ^ (b & 0xff)) * 0x100000001b3L;
      }
      assertEquals(expected, StreamKeys.fnv1a64(key), key);
    }
  }

  /** The stream key is the stated function of seed and key; non-ASCII keys hash their UTF-8. */
  @Test
  void streamKeyIsTheStatedFunction() {
    SplittableRandom mixer = new SplittableRandom(-SplitMix64.GAMMA);
    long mixedSeed = mixer.nextLong(); // mix64(0)
    assertEquals(
        new SplittableRandom((mixedSeed ^ StreamKeys.fnv1a64("p.Mlp#w1")) - SplitMix64.GAMMA)
            .nextLong(),
        StreamKeys.streamKey(0L, "p.Mlp#w1"));
    assertEquals(
        StreamKeys.fnv1a64(new String(new byte[] {(byte) 0xc3, (byte) 0xa9},
            java.nio.charset.StandardCharsets.UTF_8)),
        ((0xcbf29ce484222325L ^ 0xc3) * 0x100000001b3L ^ 0xa9) * 0x100000001b3L);
  }

  /**
   * The uniform double sampler, recomputed from SplittableRandom: element i takes the top 53 bits
   * u of word i and is {@code (2 u + 1 - 2^53) L / 2^53}.
   */
  @Test
  void uniformDoublesFollowFromTheWords() {
    Fans fans = new Fans(30, 10);
    VarianceScaling init = VarianceScaling.of(1.0, Mode.FAN_IN, Distribution.UNIFORM);
    double[] x = new double[100];
    init.fill(x, fans, 9L, "k");
    double limit = Math.sqrt(3.0 / 30);
    SplittableRandom words = new SplittableRandom(StreamKeys.streamKey(9L, "k"));
    for (int i = 0; i < x.length; i++) {
      long u = words.nextLong() >>> 11;
      long m = 2 * u + 1 - (1L << 53); // odd, |m| < 2^53: exact as a double
      assertEquals(m * limit / 0x1p53, x[i], "element " + i);
    }
  }

  /**
   * The uniform float sampler: word k gives elements 2k (bits 40..63) and 2k + 1 (bits 8..31),
   * each a 24-bit u mapped to {@code (2 u + 1 - 2^24) L / 2^24}.
   */
  @Test
  void uniformFloatsShareAWordPerPair() {
    Fans fans = new Fans(30, 10);
    VarianceScaling init = VarianceScaling.of(1.0, Mode.FAN_IN, Distribution.UNIFORM);
    float[] x = new float[101];
    init.fill(x, fans, 9L, "k");
    float limit = (float) Math.sqrt(3.0 / 30);
    SplittableRandom words = new SplittableRandom(StreamKeys.streamKey(9L, "k"));
    for (int i = 0; i < x.length; i += 2) {
      long word = words.nextLong();
      int high = (int) (word >>> 40);
      assertEquals((2 * high + 1 - (1 << 24)) * limit / 0x1p24f, x[i], "element " + i);
      if (i + 1 < x.length) {
        int low = (int) ((word & 0xffffffffL) >>> 8);
        assertEquals((2 * low + 1 - (1 << 24)) * limit / 0x1p24f, x[i + 1], "element " + (i + 1));
      }
    }
  }

  /** The tests' chosen-word keys: mix64 undone, word n of the key is the word chosen. */
  @Test
  void chosenWordsAreTheWordsOfTheirKeys() {
    SplittableRandom choices = new SplittableRandom(5);
    for (long word : new long[] {0L, -1L, 1L << 63, 0x0123456789abcdefL, choices.nextLong()}) {
      for (long n : new long[] {0, 1, 1023, 1L << 40}) {
        assertEquals(word, SplitMix64.word(ChosenWords.streamKeyWithWord(word, n), n),
            Long.toHexString(word) + " at " + n);
      }
      assertEquals(word, SplitMix64.mix64(ChosenWords.unmix64(word)));
    }
  }
}
