package io.github.varscale.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Where a counter-hash ziggurat spends its time on one thread. Each variant adds one step of the
 * loop varscale's normal sampler runs (SplitMix64 of a counter, a 256-layer table, a rare slow
 * path) to the one before, with Marsaglia and Tsang's normal table, so the differences between
 * variants are the steps' costs and {@code VarianceScalingFill.floatOneThread} minus the last one
 * is what the real slow path costs. This is a model of the loop, not varscale's code: its values
 * are not varscale's.
 */
public class SamplerAnatomy extends FillBenchmark {

  private static final long GAMMA = 0x9e3779b97f4a7c15L;
  private static final int LAYERS = 256;
  private static final int BLOCK = 4096;
  private static final int[] IOTA = java.util.stream.IntStream.range(0, BLOCK).toArray();

  @Param({"16777216"})
  int size;

  float[] dst;
  int[] block = new int[BLOCK];
  long[] accept;
  double[] scale;
  double[] y;
  long key = 0x243f6a8885a308d3L;

  @Setup
  public void tables() {
    dst = new float[size];
    // Marsaglia and Tsang's 256-layer normal ziggurat: tail start r, area v per layer
    double r = 3.6541528853610088;
    double v = 4.92867323399e-3;
    double[] x = new double[LAYERS + 1];
    y = new double[LAYERS + 1];
    x[0] = v / density(r);
    x[1] = r;
    y[1] = density(r);
    for (int i = 1; i < LAYERS; i++) {
      y[i + 1] = Math.min(1, y[i] + v / x[i]);
      x[i + 1] = y[i + 1] >= 1 ? 0 : Math.sqrt(-2 * Math.log(y[i + 1]));
    }
    accept = new long[LAYERS];
    scale = new double[LAYERS];
    for (int i = 0; i < LAYERS; i++) {
      accept[i] = (long) (x[i + 1] / x[i] * 0x1p53);
      scale[i] = x[i] * 0x1p-53;
    }
  }

  /** One SplitMix64 word per element, turned into a float: the hash alone. */
  @Benchmark
  public float[] hashPerElement() {
    float[] a = dst;
    long counter = key;
    for (int j = 0; j < a.length; j++, counter += GAMMA) {
      a[j] = (mix64(counter) >>> 40) * 0x1p-24f;
    }
    return a;
  }

  /**
   * A 32-bit hash per element (Wellons's lowbias32 of the key plus the index) that C2 vectorizes
   * with AVX2, then converted to floats. Two passes over a small block because C2 of JDK 17 does
   * not vectorize the single loop (it reads the index from a constant table, as it does not
   * vectorize computing with the loop counter either). What a vectorizable uniform could cost;
   * a 32-bit hash is weaker than SplitMix64, and a new stream.
   */
  @Benchmark
  public float[] hash32Blocked() {
    float[] a = dst;
    int[] iota = IOTA;
    int[] bits = block;
    int k = (int) key;
    for (int start = 0; start < a.length; start += BLOCK) {
      int base = k + start;
      for (int t = 0; t < BLOCK; t++) {
        int h = iota[t] + base;
        h = (h ^ (h >>> 16)) * 0x7feb352d;
        h = (h ^ (h >>> 15)) * 0x846ca68b;
        bits[t] = (h ^ (h >>> 16)) >>> 8;
      }
      for (int t = 0; t < BLOCK; t++) {
        a[start + t] = bits[t] * 0x1p-24f;
      }
    }
    return a;
  }

  /** One word per two elements, 24 bits each: varscale's uniform loop. */
  @Benchmark
  public float[] hashPerPair() {
    float[] a = dst;
    long counter = key;
    for (int j = 0; j + 1 < a.length; j += 2, counter += GAMMA) {
      long bits = mix64(counter);
      a[j] = (bits >>> 40) * 0x1p-24f;
      a[j + 1] = ((int) bits >>> 8) * 0x1p-24f;
    }
    return a;
  }

  /** The hash, the layer's scale looked up, the sign flipped: the fast path without its test. */
  @Benchmark
  public float[] layerLookup() {
    float[] a = dst;
    double[] s = scale;
    long counter = key;
    for (int j = 0; j < a.length; j++, counter += GAMMA) {
      long bits = mix64(counter);
      double magnitude = (bits >>> 11) * s[(int) bits & (LAYERS - 1)];
      a[j] = (float) (withSign(magnitude, bits) * 0.05);
    }
    return a;
  }

  /** The fast path with its acceptance test; the 1.5% rejected take a trivial, separate call. */
  @Benchmark
  public float[] acceptanceTest() {
    float[] a = dst;
    double[] s = scale;
    long[] acc = accept;
    long counter = key;
    for (int j = 0; j < a.length; j++, counter += GAMMA) {
      long bits = mix64(counter);
      int layer = (int) bits & (LAYERS - 1);
      long u = bits >>> 11;
      double magnitude = u * s[layer];
      if (u >= acc[layer]) {
        magnitude = trivialSlowPath(layer, u);
      }
      a[j] = (float) (withSign(magnitude, bits) * 0.05);
    }
    return a;
  }

  /** As {@link #acceptanceTest()}, the rejected paying one more hash and a StrictMath.exp. */
  @Benchmark
  public float[] wedgeTest() {
    float[] a = dst;
    double[] s = scale;
    long[] acc = accept;
    long counter = key;
    for (int j = 0; j < a.length; j++, counter += GAMMA) {
      long bits = mix64(counter);
      int layer = (int) bits & (LAYERS - 1);
      long u = bits >>> 11;
      double magnitude = u * s[layer];
      if (u >= acc[layer]) {
        magnitude = wedge(layer, u, counter);
      }
      a[j] = (float) (withSign(magnitude, bits) * 0.05);
    }
    return a;
  }

  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  private double trivialSlowPath(int layer, long u) {
    return u * scale[layer];
  }

  private double wedge(int layer, long u, long counter) {
    double candidate = u * scale[layer];
    double height = y[layer] + (mix64(counter ^ key) >>> 11) * 0x1p-53 * (y[layer + 1] - y[layer]);
    return height < density(candidate) ? candidate : 0.5 * candidate;
  }

  private static double density(double x) {
    return StrictMath.exp(-0.5 * x * x);
  }

  private static double withSign(double magnitude, long bits) {
    return Double.longBitsToDouble(
        Double.doubleToRawLongBits(magnitude) ^ ((bits & LAYERS) << (63 - 8)));
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
