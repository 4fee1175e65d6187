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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A tensor's values are a pure function of (seed, key, settings, fans, index, element type). */
class DeterminismTest {
  private static final Fans FANS = Fans.of(Layout.IN_OUT, 3, 3, 64, 128);
  private static final String KEY = "p.Model#w";

  private static VarianceScaling init(Distribution distribution) {
    return VarianceScaling.of(2.0, Mode.FAN_IN, distribution);
  }

  @ParameterizedTest
  @EnumSource(Distribution.class)
  void sameSeedGivesSameBitsAndOtherSeedsOrKeysOtherBits(Distribution distribution) {
    float[] a = new float[10_001];
    float[] b = new float[10_001];
    init(distribution).fill(a, FANS, 42, KEY);
    init(distribution).fill(b, FANS, 42, KEY);
    assertArrayEquals(a, b);
    init(distribution).fill(b, FANS, 43, KEY);
    assertTrue(equalFraction(a, b) < 0.01, "seed 43 equals seed 42 at many elements");
    init(distribution).fill(b, FANS, 42, KEY + "2");
    assertTrue(equalFraction(a, b) < 0.01, "another key equals the first at many elements");
  }

  @ParameterizedTest
  @EnumSource(Distribution.class)
  void shardsInAnyOrderEqualTheWholeTensor(Distribution distribution) {
    int n = 100_003;
    float[] whole = new float[n];
    double[] wholeD = new double[n];
    init(distribution).fill(whole, FANS, 7, KEY);
    init(distribution).fill(wholeD, FANS, 7, KEY);

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
      init(distribution).fill(local, 5, count, start, FANS, 7, KEY);
      init(distribution).fill(localD, 5, count, start, FANS, 7, KEY);
      System.arraycopy(local, 5, assembled, start, count);
      System.arraycopy(localD, 5, assembledD, start, count);
    }
    assertArrayEquals(whole, assembled);
    assertArrayEquals(wholeD, assembledD);
  }

  @ParameterizedTest
  @EnumSource(Distribution.class)
  void oneThreadEqualsManyThreads(Distribution distribution) throws Exception {
    int n = 3 * ParallelFill.THRESHOLD + 17;
    float[] sequential = new float[n];
    // Slices below the threshold are filled on the calling thread only.
    int slice = ParallelFill.THRESHOLD / 2;
    for (int start = 0; start < n; start += slice) {
      int count = Math.min(slice, n - start);
      init(distribution).fill(sequential, start, count, start, FANS, 11, KEY);
    }
    for (int threads : new int[] {1, 3, 8}) {
      float[] parallel = new float[n];
      ForkJoinPool pool = new ForkJoinPool(threads);
      try {
        // A parallel stream started inside a pool runs on that pool's workers.
        pool.submit(() -> init(distribution).fill(parallel, FANS, 11, KEY)).get();
      } finally {
        pool.shutdown();
      }
      assertArrayEquals(sequential, parallel, threads + " threads");
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
        Distribution.UNIFORM,
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
        Distribution.NORMAL,
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
        Distribution.TRUNCATED_NORMAL,
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
   * Pins every value of a million-element tensor per law and element type, not just the first few:
   * about 0.3% of a normal fill's words take the ziggurat's slow path, so only a large tensor
   * checks that the fast pass and the slow path still agree with stream version 1 bit for bit.
   * The digest is SHA-256 of the values' raw bits, little-endian, in index order (the buffers'
   * bulk puts write raw bits: no NaN is canonicalized).
   */
  @Test
  void goldenDigestsOfAMillionElements() throws Exception {
    Fans fans = Fans.of(Layout.IN_OUT, 1024, 1024);
    Map<String, String> digests = new LinkedHashMap<>();
    for (Distribution distribution : Distribution.values()) {
      VarianceScaling init = VarianceScaling.of(2.0, Mode.FAN_IN, distribution);
      float[] f = new float[1 << 20];
      init.fill(f, fans, 7L, "golden.Big#w");
      ByteBuffer floatBytes = ByteBuffer.allocate(4 * f.length).order(ByteOrder.LITTLE_ENDIAN);
      floatBytes.asFloatBuffer().put(f);
      digests.put(distribution + " float", sha256(floatBytes.array()));
      double[] d = new double[1 << 20];
      init.fill(d, fans, 7L, "golden.Big#w");
      ByteBuffer doubleBytes = ByteBuffer.allocate(8 * d.length).order(ByteOrder.LITTLE_ENDIAN);
      doubleBytes.asDoubleBuffer().put(d);
      digests.put(distribution + " double", sha256(doubleBytes.array()));
    }
    assertEquals(GOLDEN_DIGESTS, digests);
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
      Distribution distribution, Fans fans, int[] floatBits, long[] doubleBits) {
    float[] f = new float[6];
    double[] d = new double[6];
    VarianceScaling init = VarianceScaling.of(1.0, Mode.FAN_AVG, distribution);
    init.fill(f, fans, 42L, "golden.Mlp#w1");
    init.fill(d, fans, 42L, "golden.Mlp#w1");
    StringBuilder actual = new StringBuilder(distribution + ": floats {");
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
