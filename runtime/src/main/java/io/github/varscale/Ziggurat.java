package io.github.varscale;

/**
 * Marsaglia and Tsang's ziggurat ("The Ziggurat Method for Generating Random Variables", J. Stat.
 * Software 5(8), 2000) for the half of the density {@code f(x) = exp(-x^2 / 2)} on {@code [0,
 * xMax)}: 1024 horizontal layers of equal area; a sample picks a layer and a point in it, and
 * almost always lands where the layer lies wholly under the curve.
 *
 * <p>Two instances: {@link #NORMAL} (unbounded, with Marsaglia's tail beyond the base layer) and
 * {@link #TRUNCATED} for the normal cut at 2, whose base layers are full-width rectangles under the
 * curve, so that truncation costs no rejections at all.
 *
 * <p>One 64-bit word drives a sample: bits 12..63 give the position {@code u} in the layer, bits
 * 0..9 the layer, bit 10 the sign. Only the rare rejected word draws more, from the element's own
 * retry stream. The tables are built once with {@link StrictMath} and every step is {@code + - *
 * /}, {@code sqrt} or {@code StrictMath}, so samples are bit-identical on every JVM. Commons RNG's
 * and the JDK's ziggurats consume a sequential generator and so cannot give random access.
 */
final class Ziggurat {
  /** Bits 0..9 of a word pick the layer. */
  private static final int LAYER_BITS = 10;

  private static final int LAYERS = 1 << LAYER_BITS;
  /** Bit 10 of a word is the sign. */
  private static final long SIGN_BIT = 1L << LAYER_BITS;
  /** Bits 12..63 of a word are the position in the layer, a 52-bit fraction. */
  private static final int POSITION_SHIFT = 12;

  private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);
  private static final double TWO_POW_52 = 0x1p52;
  private static final double TWO_POW_MINUS_53 = 0x1p-53;

  /**
   * Which ziggurat a law draws from. Naming one does not build the tables, which are built with
   * the {@link Ziggurat} class, when a value is first drawn: a law is also made at compile time to
   * check a setting, where no value is drawn.
   */
  enum Kind {
    NORMAL,
    TRUNCATED;

    Ziggurat ziggurat() {
      return this == NORMAL ? Ziggurat.NORMAL : Ziggurat.TRUNCATED;
    }

    /**
     * An upper bound of every sample's magnitude: 2 for the truncated normal; for the normal the
     * largest value its tail can return, {@code r + 53 ln 2 / r}, since a tail draw is {@code r -
     * ln(u) / r} with {@code u >= 2^-53} (4.04 and 4.0 bound {@code r = 4.0388...} from above and
     * below, so the bound only grows by using them).
     */
    double maxMagnitude() {
      return this == TRUNCATED ? Distribution.TRUNCATION : 4.04 + 53 * StrictMath.log(2) / 4.0;
    }
  }

  /** The standard normal. */
  static final Ziggurat NORMAL = normal();

  /** The standard normal cut to {@code [-2, 2]}. */
  static final Ziggurat TRUNCATED = truncated(Distribution.TRUNCATION);

  /** {@code x[i]}: the width of layer {@code i}; {@code x[LAYERS] = 0}. */
  private final double[] x;
  /** {@code y[i]}: the height of the bottom of layer {@code i}; {@code y[LAYERS] = f(0) = 1}. */
  private final double[] y;
  /** {@code u < accept[i]} (a 52-bit position) means the point lies wholly under the curve. */
  private final long[] accept;
  /**
   * The layer widths with the word's sign applied, indexed by its low {@code LAYER_BITS + 1} bits
   * (layer, then sign): {@code signedWidth[i] = x[i]}, {@code signedWidth[LAYERS + i] = -x[i]}. A
   * product's sign is the xor of its factors' signs and its magnitude does not depend on them, so
   * {@code fraction * signedWidth} has exactly the bits of the fraction times {@code x[i]} with its
   * sign flipped, without the bit operations on every element.
   */
  private final double[] signedWidth;
  /** Where the tail starts, or infinity if the density is bounded (truncated). */
  private final double tailStart;

  private Ziggurat(double[] x, double[] y, double tailStart) {
    this.x = x;
    this.y = y;
    this.tailStart = tailStart;
    this.accept = new long[LAYERS];
    this.signedWidth = new double[2 * LAYERS];
    for (int i = 0; i < LAYERS; i++) {
      accept[i] = (long) (x[i + 1] / x[i] * TWO_POW_52);
      signedWidth[i] = x[i];
      signedWidth[LAYERS + i] = -x[i];
    }
  }

  /**
   * Writes elements {@code [first, first + count)} of the stream {@code streamKey}, each {@code
   * mean + z * stddev} for the sample {@code z}, to {@code dst[offset...]}. Element {@code i} reads
   * word {@code i} of the stream, and its own retry stream only if that word is rejected. A {@code
   * mean} of {@code -0.0} adds nothing to any value, the sign of a zero included: that is how the
   * zero-mean laws of {@link VarianceScaling} keep their stream version 1 bits.
   *
   * <p>Each block of words is sampled in two passes: the first writes every element as if its word
   * were accepted and notes the rejected ones, the second redoes those few on the slow path.
   * Keeping the slow path's call out of the first loop keeps that loop tight, and a rejection is
   * noted behind a branch, taken for about 0.3% of words and so almost always predicted, rather
   * than with an unconditional store and add.
   */
  void fill(
      float[] dst, int offset, int count, long first, double mean, double stddev, long streamKey) {
    Scratch scratch = Scratch.acquire();
    fill(dst, offset, count, first, mean, stddev, streamKey, scratch.words, scratch.rejected);
    scratch.release();
  }

  /**
   * The sampling loops, kept apart from {@link Scratch}'s atomic operations: compiled into one
   * method with them, C2 ran these loops about 40% slower.
   */
  private void fill(float[] dst, int offset, int count, long first, double mean, double stddev,
      long streamKey, long[] words, int[] rejected) {
    long[] accept = this.accept;
    double[] width = this.signedWidth;
    for (int done = 0; done < count; ) {
      int n = Math.min(SplitMix64.BLOCK, count - done);
      long index = first + done;
      SplitMix64.words(streamKey, index, words, n);
      int k = offset + done;
      int rejects = 0;
      for (int j = 0; j < n; j++) {
        long bits = words[j];
        int layer = (int) bits & (LAYERS - 1);
        long u = bits >>> POSITION_SHIFT;
        dst[k + j] = (float) (mean + fraction(u) * width[(int) bits & (2 * LAYERS - 1)] * stddev);
        if (u >= accept[layer]) {
          rejected[rejects++] = j;
        }
      }
      for (int r = 0; r < rejects; r++) {
        int j = rejected[r];
        dst[k + j] = (float) (mean + slowSample(words[j], streamKey, index + j) * stddev);
      }
      done += n;
    }
  }

  /**
   * As {@link #fill(float[], int, int, long, double, double, long)}, in double precision: the same
   * loop over another primitive array, which Java's generics cannot share.
   */
  void fill(
      double[] dst, int offset, int count, long first, double mean, double stddev, long streamKey) {
    Scratch scratch = Scratch.acquire();
    fill(dst, offset, count, first, mean, stddev, streamKey, scratch.words, scratch.rejected);
    scratch.release();
  }

  private void fill(double[] dst, int offset, int count, long first, double mean, double stddev,
      long streamKey, long[] words, int[] rejected) {
    long[] accept = this.accept;
    double[] width = this.signedWidth;
    for (int done = 0; done < count; ) {
      int n = Math.min(SplitMix64.BLOCK, count - done);
      long index = first + done;
      SplitMix64.words(streamKey, index, words, n);
      int k = offset + done;
      int rejects = 0;
      for (int j = 0; j < n; j++) {
        long bits = words[j];
        int layer = (int) bits & (LAYERS - 1);
        long u = bits >>> POSITION_SHIFT;
        dst[k + j] = mean + fraction(u) * width[(int) bits & (2 * LAYERS - 1)] * stddev;
        if (u >= accept[layer]) {
          rejected[rejects++] = j;
        }
      }
      for (int r = 0; r < rejects; r++) {
        int j = rejected[r];
        dst[k + j] = mean + slowSample(words[j], streamKey, index + j) * stddev;
      }
      done += n;
    }
  }

  /** The signed standard sample of a rejected word {@code bits} of element {@code index}. */
  private double slowSample(long bits, long streamKey, long index) {
    int layer = (int) bits & (LAYERS - 1);
    return withSign(rejected(layer, bits >>> POSITION_SHIFT, streamKey, index), bits);
  }

  /**
   * The 52-bit position {@code u} as the fraction {@code u / 2^52}, exactly. It is made from the
   * bits of {@code 1 + u / 2^52} rather than by converting the long: on JDK 17, x86's long to
   * double conversion waits for the previous one (it merges into its output register), which made
   * it the slowest step of the loop.
   */
  private static double fraction(long u) {
    return Double.longBitsToDouble(ONE_BITS | u) - 1.0;
  }

  /**
   * Negates {@code magnitude} if the sign bit of {@code bits} is set. Flipping the sign bit rather
   * than branching matters: the branch would be mispredicted half the time.
   */
  private static double withSign(double magnitude, long bits) {
    return Double.longBitsToDouble(
        Double.doubleToRawLongBits(magnitude) ^ ((bits & SIGN_BIT) << (63 - LAYER_BITS)));
  }

  /** The slow path, taken for about 0.3% of words: the wedge test, the tail, and redraws. */
  private double rejected(int layer, long u, long streamKey, long index) {
    long retryKey = StreamKeys.retryKey(streamKey, index);
    long n = 0;
    while (true) {
      if (u < accept[layer]) {
        return fraction(u) * x[layer];
      }
      if (layer == 0 && tailStart < Double.POSITIVE_INFINITY) {
        return tail(retryKey, n);
      }
      double candidate = fraction(u) * x[layer];
      double height =
          y[layer] + unit(SplitMix64.word(retryKey, n++)) * (y[layer + 1] - y[layer]);
      if (height < density(candidate)) {
        return candidate;
      }
      long bits = SplitMix64.word(retryKey, n++);
      layer = (int) bits & (LAYERS - 1);
      u = bits >>> POSITION_SHIFT;
    }
  }

  /** Marsaglia's exact sampler for the normal beyond {@code tailStart}. */
  private double tail(long retryKey, long n) {
    while (true) {
      double dx = -StrictMath.log(unitOpen(SplitMix64.word(retryKey, n++))) / tailStart;
      double dy = -StrictMath.log(unitOpen(SplitMix64.word(retryKey, n++)));
      if (dy + dy >= dx * dx) {
        return tailStart + dx;
      }
    }
  }

  /** A uniform in [0, 1) from the top 53 bits. */
  private static double unit(long bits) {
    return (bits >>> 11) * TWO_POW_MINUS_53;
  }

  /** A uniform in (0, 1] from the top 53 bits, safe to take the logarithm of. */
  private static double unitOpen(long bits) {
    return ((bits >>> 11) + 1) * TWO_POW_MINUS_53;
  }

  private static double density(double x) {
    return StrictMath.exp(-0.5 * x * x);
  }

  private static double inverseDensity(double y) {
    return y >= 1.0 ? 0.0 : StrictMath.sqrt(-2.0 * StrictMath.log(y));
  }

  /** Where the tail starts; infinity if there is none. For the tests of the tables. */
  double tailStart() {
    return tailStart;
  }

  /**
   * The width {@code x[i]} of layer {@code i}, {@code 0 <= i <= LAYERS}. For the tests, which
   * pick words in a layer's wedge to drive the slow path.
   */
  double layerWidth(int i) {
    return x[i];
  }

  /** The area of layer {@code i}'s rectangle, {@code x[i] (y[i + 1] - y[i])}. For the tests. */
  double layerArea(int i) {
    return x[i] * (y[i + 1] - y[i]);
  }

  // ---- table construction ------------------------------------------------------------------

  /**
   * The normal's layers: the base layer is {@code [0, r] x [0, f(r)]} plus the tail beyond
   * {@code r}, of area {@code v = r f(r) + Q(r)}; each layer above has area {@code v} too. The
   * tail start {@code r} is found by bisection so that the top layer ends exactly at {@code f(0)}.
   */
  private static Ziggurat normal() {
    double r = normalTailStart(LAYERS);
    double[] x = new double[LAYERS + 1];
    double[] y = new double[LAYERS + 1];
    normalLayers(r, x, y);
    close(x, y);
    return new Ziggurat(x, y, r);
  }

  /**
   * Where the tail of a normal ziggurat of {@code layers} layers starts, by bisection on where its
   * top layer ends. For 256 layers it is Marsaglia and Tsang's published 3.6541528853610088.
   */
  static double normalTailStart(int layers) {
    double lo = 3.0;
    double hi = 6.0;
    for (int i = 0; i < 200; i++) {
      double mid = 0.5 * (lo + hi);
      if (mid == lo || mid == hi) {
        break;
      }
      // A larger r means a smaller area per layer, so the layers end lower.
      if (normalLayers(mid, new double[layers + 1], new double[layers + 1]) > 1.0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  /** Fills the normal's layers for tail start {@code r}; returns where the top layer ends. */
  private static double normalLayers(double r, double[] x, double[] y) {
    double area = r * density(r) + upperTail(r);
    x[0] = area / density(r);
    y[0] = 0.0;
    x[1] = r;
    y[1] = density(r);
    return stack(area, x, y, 1, Double.POSITIVE_INFINITY);
  }

  /**
   * The truncated normal's layers: stacked from {@code y = 0} with width {@code min(bound,
   * f^-1(y))}, the area per layer found by bisection so that the top layer ends at {@code f(0)}.
   */
  private static Ziggurat truncated(double bound) {
    double lo = 0.0;
    double hi = 1.0;
    double[] x = new double[LAYERS + 1];
    double[] y = new double[LAYERS + 1];
    x[0] = bound;
    for (int i = 0; i < 200; i++) {
      double mid = 0.5 * (lo + hi);
      if (mid == lo || mid == hi) {
        break;
      }
      // A larger area per layer means the layers end higher.
      if (stack(mid, x, y, 0, bound) > 1.0) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    stack(hi, x, y, 0, bound);
    close(x, y);
    return new Ziggurat(x, y, Double.POSITIVE_INFINITY);
  }

  /**
   * Stacks layers of equal {@code area} from layer {@code from} to the top, {@code x.length - 1};
   * returns where the top one ends.
   */
  private static double stack(double area, double[] x, double[] y, int from, double maxWidth) {
    int layers = x.length - 1;
    for (int i = from; i < layers; i++) {
      y[i + 1] = y[i] + area / x[i];
      x[i + 1] = Math.min(maxWidth, inverseDensity(y[i + 1]));
    }
    return y[layers];
  }

  /** The bisection leaves the top within rounding of {@code f(0)}; make it exact. */
  private static void close(double[] x, double[] y) {
    x[x.length - 1] = 0.0;
    y[y.length - 1] = 1.0;
  }

  /**
   * {@code Q(r)}, the integral of {@code f} from {@code r} to infinity, by Laplace's continued
   * fraction {@code f(r) / (r + 1 / (r + 2 / (r + 3 / ...)))}, which converges quickly for the
   * {@code r > 3} used here.
   */
  static double upperTail(double r) {
    double t = r;
    for (int k = 400; k >= 1; k--) {
      t = r + k / t;
    }
    return density(r) / t;
  }
}
