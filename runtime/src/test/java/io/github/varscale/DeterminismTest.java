package io.github.varscale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A tensor's values are a pure function of (seed, key, settings, fans, index, element type). */
class DeterminismTest {
  private static final Fans FANS = Fans.of(Layout.IN_OUT, 3, 3, 64, 128);
  private static final String KEY = "p.Model#w";

  /** The variance-scaled laws and the fixed ones that draw, shifted and clamped ones included. */
  static Stream<Initializer> randomInitializers() {
    return Stream.of(
        init(Distribution.UNIFORM),
        init(Distribution.NORMAL),
        init(Distribution.TRUNCATED_NORMAL),
        FixedInitializer.randomNormal(-1.5, 0.02),
        FixedInitializer.truncatedNormal(0.25, 0.05),
        FixedInitializer.randomUniform(-3.0, 5.0),
        FixedInitializer.randomUniform(1.0, 1.1));
  }

  /** Every initializer: the random ones and the constants. */
  static Stream<Initializer> initializers() {
    return Stream.concat(randomInitializers(),
        Stream.of(FixedInitializer.zeros(), FixedInitializer.constant(0.1)));
  }

  private static VarianceScaling init(Distribution distribution) {
    return VarianceScaling.of(2.0, Mode.FAN_IN, distribution);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("randomInitializers")
  void sameSeedGivesSameBitsAndOtherSeedsOrKeysOtherBits(Initializer init) {
    float[] a = new float[10_001];
    float[] b = new float[10_001];
    init.fill(a, FANS, 42, KEY);
    init.fill(b, FANS, 42, KEY);
    assertArrayEquals(a, b);
    init.fill(b, FANS, 43, KEY);
    assertTrue(equalFraction(a, b) < 0.01, "seed 43 equals seed 42 at many elements");
    init.fill(b, FANS, 42, KEY + "2");
    assertTrue(equalFraction(a, b) < 0.01, "another key equals the first at many elements");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("initializers")
  void shardsInAnyOrderEqualTheWholeTensor(Initializer init) {
    int n = 100_003;
    float[] whole = new float[n];
    double[] wholeD = new double[n];
    init.fill(whole, FANS, 7, KEY);
    init.fill(wholeD, FANS, 7, KEY);

    // Uneven shards, odd boundaries included, filled in a shuffled order into arrays that hold
    // only their shard at another offset, as a distributed job would.
    List<int[]> shards = new ArrayList<>();
    Random random = new Random(1);
    for (int start = 0; start < n; ) {
      int count = Math.min(n - start, 1 + random.nextInt(9_000));
      shards.add(new int[] {start, count});
      start += count;
    }
    Collections.shuffle(shards, random);
    float[] assembled = new float[n];
    double[] assembledD = new double[n];
    for (int[] shard : shards) {
      int start = shard[0];
      int count = shard[1];
      float[] local = new float[count + 5];
      double[] localD = new double[count + 5];
      init.fill(local, 5, count, start, FANS, 7, KEY);
      init.fill(localD, 5, count, start, FANS, 7, KEY);
      System.arraycopy(local, 5, assembled, start, count);
      System.arraycopy(localD, 5, assembledD, start, count);
    }
    assertArrayEquals(whole, assembled);
    assertArrayEquals(wholeD, assembledD);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("initializers")
  void oneThreadEqualsManyThreads(Initializer init) throws Exception {
    int n = 3 * ParallelFill.THRESHOLD + 17;
    float[] sequential = new float[n];
    double[] sequentialD = new double[n];
    // Slices below the threshold are filled on the calling thread only.
    int slice = ParallelFill.THRESHOLD / 2;
    for (int start = 0; start < n; start += slice) {
      int count = Math.min(slice, n - start);
      init.fill(sequential, start, count, start, FANS, 11, KEY);
      init.fill(sequentialD, start, count, start, FANS, 11, KEY);
    }
    for (int threads : new int[] {1, 3, 8}) {
      float[] parallel = new float[n];
      double[] parallelD = new double[n];
      ForkJoinPool pool = new ForkJoinPool(threads);
      try {
        // A fill started inside a pool splits its parts among that pool's workers.
        pool.submit(() -> {
          init.fill(parallel, FANS, 11, KEY);
          init.fill(parallelD, FANS, 11, KEY);
        }).get();
      } finally {
        pool.shutdown();
      }
      assertArrayEquals(sequential, parallel, threads + " threads");
      assertArrayEquals(sequentialD, parallelD, threads + " threads");
    }
  }

  /**
   * The first elements for a fixed seed and key, pinned bit for bit. They define stream version
   * 1: if this test fails, every model's initial weights changed. Such a change must be deliberate
   * and documented as a new stream version, never made silently.
   */
  @Test
  void goldenValuesOfStreamVersion1() {
    Fans fans = Fans.of(Layout.IN_OUT, 784, 256);
    assertGolden(
        VarianceScaling.of(1.0, Mode.FAN_AVG, Distribution.UNIFORM),
        fans,
        new int[] {0x3c8f40e1, 0xbc6bce12, 0xbb90b9d1, 0xbd8c1e79, 0xbd280b0e, 0x3d407b75},
        new long[] {
          0x3f91e81c225d4247L,
          0xbf72173b1ad4bc3dL,
          0xbfa50161add97fa9L,
          0x3f94e988fd3b306aL,
          0xbf9f91e85d58e4f6L,
          0x3f9c0a6ba69a49ceL
        });
    assertGolden(
        VarianceScaling.of(1.0, Mode.FAN_AVG, Distribution.NORMAL),
        fans,
        new int[] {0xbcda183d, 0xbd4a563a, 0xbca98a36, 0xbd38f0f9, 0x3c6b1456, 0xbd75a69e},
        new long[] {
          0xbf9b43079ac9d567L,
          0xbfa94ac739e6d894L,
          0xbf953146bb33e736L,
          0xbfa71e1f2412434fL,
          0x3f8d628abd7bf71fL,
          0xbfaeb4d3c09085c6L
        });
    assertGolden(
        VarianceScaling.of(1.0, Mode.FAN_AVG, Distribution.TRUNCATED_NORMAL),
        fans,
        new int[] {0xbcf34156, 0xbd405402, 0xbcb91327, 0xbd4c8424, 0x3c82f801, 0xbd864ea7},
        new long[] {
          0xbf9e682ab292d3a2L,
          0xbfa80a804ae4bcbbL,
          0xbf972264e896a28fL,
          0xbfa9908486a0be52L,
          0x3f905f0012a7b43aL,
          0xbfb0c9d4d15aedc8L
        });
  }

  /**
   * The first elements of the fixed laws for the same seed and key, pinned as those above:
   * {@code -1.512142f, -1.5225292f, ...}, {@code 0.22021882f, 0.20290741f, ...} and {@code
   * 1.9209077f, 0.24206138f, ...}. A float and a double tensor need not hold related values: float
   * uniforms take two elements from a word, 2k its top 24 bits and 2k + 1 bits 8..31, doubles
   * one, element k the top 53 bits of word k (so float 2k is near double k).
   */
  @Test
  void goldenValuesOfTheFixedLaws() {
    Fans fans = new Fans(1, 1);
    assertGolden(
        FixedInitializer.randomNormal(-1.5, 0.02),
        fans,
        new int[] {0xbfc18dde, 0xbfc2e23d, 0xbfc1354a, 0xbfc2a2c5, 0xbfbf2993, 0xbfc38046},
        new long[] {
          0xbff831bbb584d743L,
          0xbff85c47a02b0805L,
          0xbff826a93a0ad2a6L,
          0xbff85458a144d49fL,
          0xbff7e53262d27807L,
          0xbff87008b5d15421L
        });
    assertGolden(
        FixedInitializer.truncatedNormal(0.25, 0.05),
        fans,
        new int[] {0x3e61810b, 0x3e4fc6f6, 0x3e68cc45, 0x3e4cb8a5, 0x3e8835a3, 0x3e3ca659},
        new long[] {
          0x3fcc30216d36d674L,
          0x3fc9f8decb8c2a34L,
          0x3fcd1988909671b9L,
          0x3fc99714a966f61fL,
          0x3fd106b450aea964L,
          0x3fc794cb12da611eL
        });
    assertGolden(
        FixedInitializer.randomUniform(-3.0, 5.0),
        fans,
        new int[] {0x3ff5e04e, 0x3e77def0, 0x3f4474c4, 0xc0269817, 0xbf948c86, 0x405e6259},
        new long[] {
          0x3ffebc09c7b3df7aL,
          0x3fe88e98190cb3f4L,
          0xbff291909318676aL,
          0x40009a9484f4595dL,
          0xbfe3f468483ddaecL,
          0x40038962617363d5L
        });
  }

  /**
   * Pins every value of a million-element tensor per law and element type, not just the first few:
   * about 0.3% of a normal fill's words take the ziggurat's slow path, so only a large tensor
   * checks that the fast pass and the slow path still agree with stream version 1 bit for bit.
   * The digests are {@link #putDigests}'.
   */
  @Test
  void goldenDigestsOfAMillionElements() throws Exception {
    Fans fans = Fans.of(Layout.IN_OUT, 1024, 1024);
    Map<String, String> digests = new LinkedHashMap<>();
    for (Distribution distribution : Distribution.values()) {
      putDigests(digests, distribution.toString(),
          VarianceScaling.of(2.0, Mode.FAN_IN, distribution), fans);
    }
    assertEquals(GOLDEN_DIGESTS, digests);
  }

  /**
   * The fixed laws' part of stream version 1, pinned as the variance-scaled laws' is above; their
   * values are docs/sampling.md's formulas ({@link FixedFormulaTest}), the digests guard them
   * against any change. The fans are ignored, and these differ from the ones above.
   */
  @Test
  void goldenDigestsOfTheFixedLaws() throws Exception {
    Map<String, String> digests = new LinkedHashMap<>();
    for (FixedInitializer init : List.of(
        FixedInitializer.zeros(),
        FixedInitializer.ones(),
        FixedInitializer.constant(0.1),
        FixedInitializer.randomNormal(-1.5, 0.02),
        FixedInitializer.truncatedNormal(0.25, 0.05),
        FixedInitializer.randomUniform(-3.0, 5.0))) {
      putDigests(digests, init.toString(), init, new Fans(1, 1));
    }
    assertEquals(FIXED_GOLDEN_DIGESTS, digests);
  }

  /**
   * SHA-256 of the raw bits, little-endian, in index order, of 2^20 floats and of 2^20 doubles of
   * {@code init}'s tensor for seed 7 and key {@code "golden.Big#w"} (the buffers' bulk puts write
   * raw bits: no NaN is canonicalized).
   */
  private static void putDigests(
      Map<String, String> digests, String label, Initializer init, Fans fans) throws Exception {
    float[] f = new float[1 << 20];
    init.fill(f, fans, 7L, "golden.Big#w");
    ByteBuffer floatBytes = ByteBuffer.allocate(4 * f.length).order(ByteOrder.LITTLE_ENDIAN);
    floatBytes.asFloatBuffer().put(f);
    digests.put(label + " float", sha256(floatBytes.array()));
    double[] d = new double[1 << 20];
    init.fill(d, fans, 7L, "golden.Big#w");
    ByteBuffer doubleBytes = ByteBuffer.allocate(8 * d.length).order(ByteOrder.LITTLE_ENDIAN);
    doubleBytes.asDoubleBuffer().put(d);
    digests.put(label + " double", sha256(doubleBytes.array()));
  }

  private static final Map<String, String> FIXED_GOLDEN_DIGESTS = fixedGoldenDigests();

  private static Map<String, String> fixedGoldenDigests() {
    Map<String, String> digests = new LinkedHashMap<>();
    digests.put("Zeros float",
        "bb9f8df61474d25e71fa00722318cd387396ca1736605e1248821cc0de3d3af8");
    digests.put("Zeros double",
        "2daeb1f36095b44b318410b3f4e8b5d989dcc7bb023d1426c492dab0a3053e74");
    digests.put("Ones float",
        "e678838a4ec435fcfc028f3b3de044af1e44847e3b5d6e73ea19e21788531e2d");
    digests.put("Ones double",
        "61b1f8eff2649978e56cca360b7ee86da407df9c9be5281b64274646bab18f15");
    digests.put("Constant[value=0.1] float",
        "0fc8fdf1291442219950a23907f15828d06b6a040470d278a552634cecfd0b33");
    digests.put("Constant[value=0.1] double",
        "b0439b1262515cd668d1bfed68e91b6b7c90f64ba3bf7778742f8c2c91947b40");
    digests.put("RandomNormal[mean=-1.5, stddev=0.02] float",
        "acc652d13fdc0d989e20dd8773323dadf3967de500e2ac51e4fcc96962059d6b");
    digests.put("RandomNormal[mean=-1.5, stddev=0.02] double",
        "2e41fefad2e0a2e1cb63387420cdbe88956338f890cda07a6de07bbaed042e6d");
    digests.put("TruncatedNormal[mean=0.25, stddev=0.05] float",
        "2cd682c8f12e46729286e3cc8cd2c30558d4d90cdb35c9eb17da26a350e4e538");
    digests.put("TruncatedNormal[mean=0.25, stddev=0.05] double",
        "6794ced934f3d8d12d53916c89d5cc8b691a29a0fbbda272d009fee3fe140f66");
    digests.put("RandomUniform[minval=-3.0, maxval=5.0] float",
        "481ac9a80bb3e34e36035e3239cd9c4b98ff75ce46b72a63cc4ce0ff1d1b076a");
    digests.put("RandomUniform[minval=-3.0, maxval=5.0] double",
        "0ae21a4fd6b4af4c70e64a0c121266efe9ae200364e45b0747bc9032a948945e");
    return digests;
  }

  private static final Map<String, String> GOLDEN_DIGESTS = goldenDigests();

  private static Map<String, String> goldenDigests() {
    Map<String, String> digests = new LinkedHashMap<>();
    digests.put(
        "TRUNCATED_NORMAL float", "a84fb982b1f092cec1e952245fc6220941109ed698483360087cb1af0f14543b");
    digests.put(
        "TRUNCATED_NORMAL double", "5f65692aabe71ae060b20bf7390631909e02c3e9a50c15d168de5b700cb871a8");
    digests.put(
        "NORMAL float", "7c6ec155ca7c7a7337954bf33cb9ccf5785008863c91fc1db04d47b39008de57");
    digests.put(
        "NORMAL double", "b212b389398d15e160a27b1a601f14fb466856bb5d381e5fb048478ad4bc522b");
    digests.put(
        "UNIFORM float", "ca29043ff37f13f09ce8452439a4f9a52e247acbdfa65bca689cc71d322bb191");
    digests.put(
        "UNIFORM double", "82e310dc283bc9366a0e80b2adb2696e2c65330dd7ec2b27a28b237660cda9c7");
    return digests;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static void assertGolden(
      Initializer init, Fans fans, int[] floatBits, long[] doubleBits) {
    float[] f = new float[6];
    double[] d = new double[6];
    init.fill(f, fans, 42L, "golden.Mlp#w1");
    init.fill(d, fans, 42L, "golden.Mlp#w1");
    StringBuilder actual = new StringBuilder(init + ": floats {");
    for (float x : f) {
      actual.append(String.format("0x%08x, ", Float.floatToRawIntBits(x)));
    }
    actual.append("} doubles {");
    for (double x : d) {
      actual.append(String.format("0x%016xL, ", Double.doubleToRawLongBits(x)));
    }
    actual.append("}");
    assertEquals(f.length, floatBits.length, actual.toString());
    for (int i = 0; i < f.length; i++) {
      assertEquals(floatBits[i], Float.floatToRawIntBits(f[i]), actual.toString());
      assertEquals(doubleBits[i], Double.doubleToRawLongBits(d[i]), actual.toString());
    }
  }

  private static double equalFraction(float[] a, float[] b) {
    int equal = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        equal++;
      }
    }
    return equal / (double) a.length;
  }
}
