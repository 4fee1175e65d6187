package io.github.varscale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
    int n = 3 * VarianceScaling.PARALLEL_THRESHOLD + 17;
    float[] sequential = new float[n];
    // Slices below the threshold are filled on the calling thread only.
    int slice = VarianceScaling.PARALLEL_THRESHOLD / 2;
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
