package io.github.varscale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TruncatedNormalDistribution;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ziggurat's slow path, which about 0.3% of words take, where whole-law tests see little of
 * it: words chosen to land in a layer's wedge or in the normal's tail (see {@link ChosenWords}),
 * and, after Commons RNG's {@code ZigguratSamplerTest} (added for its RNG-159), fine bins over
 * the range, the structural points included: the wide wedges near 0, the cut at 2 of the
 * truncated law and the normal's tail start r = 4.0388. A correct sampler fails each p-value check with probability 1e-6; the seeds are fixed.
 */
class ZigguratSlowPathTest {
  private static final int LAYERS = 1024;
  private static final long ONE = 1L << 52;

  /**
   * Word {@code n}'s bits 0..9 are the layer, bit 10 the sign and bits 12..63 the position {@code
   * u}; bit 11 is unused and set at random here, which must change nothing.
   */
  private static long word(int layer, boolean negative, long u, SplittableRandom random) {
    return u << 12 | (random.nextBoolean() ? 1L << 11 : 0) | (negative ? 1L << 10 : 0) | layer;
  }

  /**
   * A position above layer {@code i}'s acceptance limit {@code x[i + 1] / x[i]} (scaled to 52
   * bits), whose word the fast pass rejects: the point lies in the wedge, or, in the normal's base
   * layer, over the tail.
   */
  private static long rejectedPosition(Ziggurat z, int i, SplittableRandom random) {
    long limit = (long) Math.ceil(z.layerWidth(i + 1) / z.layerWidth(i) * ONE) + 1;
    return limit + random.nextLong(ONE - limit);
  }

  /** The standard sample the ziggurat writes for {@code word}, element 0 of its chosen key. */
  private static double sample(Ziggurat z, long word) {
    double[] one = new double[1];
    z.fill(one, 0, 1, 0, -0.0, 1.0, ChosenWords.streamKeyWithWord(word, 0));
    return one[0];
  }

  /**
   * Every rejected word of the base layer goes to Marsaglia's tail sampler, which must give the
   * normal conditioned on {@code |z| > r}: {@code P(|z| <= t) = 1 - Q(t) / Q(r)}. The fast pass's
   * provisional value, uniform on {@code [r, x[0])}, would fail the test at once. The sign is the
   * word's bit 10.
   */
  @Test
  void baseLayerRejectionsDrawTheNormalTail() {
    Ziggurat z = Ziggurat.NORMAL;
    double r = z.tailStart();
    NormalDistribution normal = NormalDistribution.of(0, 1);
    double tailMass = normal.survivalProbability(r);
    SplittableRandom random = new SplittableRandom(41);
    int n = 1 << 16;
    double[] magnitudes = new double[n];
    for (int i = 0; i < n; i++) {
      boolean negative = random.nextBoolean();
      double x = sample(z, word(0, negative, rejectedPosition(z, 0, random), random));
      assertEquals(negative, x < 0, "sign of " + x);
      magnitudes[i] = Math.abs(x);
      assertTrue(magnitudes[i] >= r, "tail value " + x + " below r");
    }
    DoubleUnaryOperator cdf = t -> 1 - normal.survivalProbability(t) / tailMass;
    KolmogorovSmirnovTest.OneResult ks = KolmogorovSmirnovTest.withDefaults().test(magnitudes, cdf);
    // n = 2^16: the 1e-6 critical value of D is sqrt(ln(2e6) / 2n) = 0.0105.
    assertTrue(ks.getPValue() > 1e-6, "KS D = " + ks.getStatistic() + ", p = " + ks.getPValue());
  }

  /**
   * A word rejected in layer {@code i >= 1} puts a candidate {@code t} uniformly in the wedge's
   * span {@code [x[i + 1], x[i])}, keeps it if a uniform height in {@code [y[i], y[i + 1])} lies
   * under the curve, which it does with probability {@code (f(t) - y[i]) / (y[i + 1] - y[i])},
   * and otherwise redraws a whole new sample. So {@code |z|} has the density {@code (f(t) - y[i])
   * / D} on the span, {@code D = (y[i + 1] - y[i]) (x[i] - x[i + 1])}, plus {@code (1 - a)} times
   * the law's, {@code a} the wedge's acceptance. The layers' heights follow from the widths: a
   * layer's top lies on the curve, {@code y[i + 1] = f(x[i + 1])}, and its area gives its bottom.
   * Checked on the top layer (the widest wedge), a middle one, the normal's lowest above the base,
   * and the truncated one the cut at 2 passes through (full width below, a wedge above). Accepting
   * every candidate, or redrawing within the layer, fails at once.
   */
  @ParameterizedTest(name = "{0} layer {1}")
  @CsvSource({
    "NORMAL, 1", "NORMAL, 512", "NORMAL, 1023", "TRUNCATED, 512", "TRUNCATED, 1023",
    "TRUNCATED, -1",
  })
  void wedgeRejectionsFollowTheWedgeAndARedraw(Ziggurat.Kind kind, int chosen) {
    Ziggurat z = kind.ziggurat();
    int i = chosen >= 0 ? chosen : cutLayer(z);
    double lo = z.layerWidth(i + 1);
    double hi = z.layerWidth(i);
    double top = density(lo);
    double bottom = top - z.layerArea(i) / hi;
    double span = hi - lo;
    double d = (top - bottom) * span;
    NormalDistribution normal = NormalDistribution.of(0, 1);
    double sqrtTwoPi = Math.sqrt(2 * Math.PI);
    // The integral of f - y[i] over [lo, t], by the normal's CDF.
    DoubleUnaryOperator underCurve = t ->
        sqrtTwoPi * (normal.cumulativeProbability(t) - normal.cumulativeProbability(lo))
            - bottom * (t - lo);
    double acceptance = underCurve.applyAsDouble(hi) / d;
    double cut = kind == Ziggurat.Kind.TRUNCATED ? 2.0 : Double.POSITIVE_INFINITY;
    double lawMass = 2 * normal.cumulativeProbability(Math.min(cut, 1e3)) - 1;
    DoubleUnaryOperator law = t -> Math.min(1.0, (2 * normal.cumulativeProbability(t) - 1) / lawMass);
    DoubleUnaryOperator cdf = t -> (t <= lo ? 0 : underCurve.applyAsDouble(Math.min(t, hi)) / d)
        + (1 - acceptance) * law.applyAsDouble(t);

    SplittableRandom random = new SplittableRandom(47 + i);
    double[] magnitudes = new double[1 << 14];
    for (int k = 0; k < magnitudes.length; k++) {
      magnitudes[k] = Math.abs(
          sample(z, word(i, random.nextBoolean(), rejectedPosition(z, i, random), random)));
    }
    KolmogorovSmirnovTest.OneResult ks = KolmogorovSmirnovTest.withDefaults().test(magnitudes, cdf);
    // n = 2^14: the 1e-6 critical value of D is sqrt(ln(2e6) / 2n) = 0.021.
    assertTrue(ks.getPValue() > 1e-6, "layer " + i + " [" + lo + ", " + hi + "), acceptance "
        + acceptance + ": KS D = " + ks.getStatistic() + ", p = " + ks.getPValue());
  }

  /** The truncated ziggurat's layer whose bottom is full width and whose top is not. */
  private static int cutLayer(Ziggurat z) {
    int i = 0;
    while (z.layerWidth(i + 1) == z.layerWidth(0)) {
      i++;
    }
    return i;
  }

  private static double density(double x) {
    return Math.exp(-0.5 * x * x);
  }

  /**
   * Words rejected in any layer of the truncated ziggurat, the one the cut at 2 passes through
   * included, go through the wedge test and redraws, and never leave [-2, 2]; for the normal they
   * stay within the bound {@link Ziggurat.Kind#maxMagnitude()} promises.
   */
  @Test
  void rejectedWordsOfEveryLayerStayWithinTheBounds() {
    SplittableRandom random = new SplittableRandom(43);
    for (Ziggurat.Kind kind : Ziggurat.Kind.values()) {
      Ziggurat z = kind.ziggurat();
      int rejectingLayers = 0;
      for (int layer = 0; layer < LAYERS; layer++) {
        if (z.layerWidth(layer + 1) == z.layerWidth(layer)) {
          continue; // a full rectangle under the curve: no word of it is rejected
        }
        rejectingLayers++;
        for (int k = 0; k < 32; k++) {
          boolean negative = random.nextBoolean();
          double x = sample(z, word(layer, negative, rejectedPosition(z, layer, random), random));
          assertTrue(Math.abs(x) <= kind.maxMagnitude(), kind + " layer " + layer + ": " + x);
          assertEquals(negative, x < 0, kind + " layer " + layer + " sign of " + x);
        }
      }
      // The truncated ziggurat's full-width layers lie below f(2) = e^-2: about 23% of them.
      assertTrue(rejectingLayers > (kind == Ziggurat.Kind.TRUNCATED ? 700 : 1000),
          kind + ": " + rejectingLayers + " layers with a wedge");
    }
  }

  /**
   * The truncated law in bins of 0.01 over {@code |z|} in [0, 2): the top layers' wide wedges
   * near 0, and the layers that narrow from full width to the cut at 2. The expected bin
   * probabilities are Commons Statistics' for N(0, 1) cut to [-2, 2]; of 2^24 samples, at least
   * 9,500 fall in each bin, and none beyond the cut.
   */
  @Test
  void truncatedLawInFineBinsUpToTheCut() {
    double[] edges = edges(2.0, 0.01);
    long[] counts = histogramOfMagnitudes(FixedInitializer.truncatedNormal(0.0, 1.0), edges);
    assertEquals(0, counts[counts.length - 1], "values beyond the cut");
    assertFits(TruncatedNormalDistribution.of(0, 1, -2, 2), edges,
        Arrays.copyOf(counts, counts.length - 1));
  }

  /**
   * The normal in bins of 0.05 over {@code |z|} in [0, 4.8), across the tail start r = 4.0388
   * where the base layer hands over to the tail sampler, and one bin from 4.8 on. Of 2^24
   * samples, about 200 fall in the bin that holds r and 26 beyond 4.8.
   */
  @Test
  void normalLawInFineBinsAcrossTheTailStart() {
    double[] edges = edges(4.8, 0.05);
    long[] counts = histogramOfMagnitudes(FixedInitializer.randomNormal(0.0, 1.0), edges);
    assertFits(NormalDistribution.of(0, 1), edges, counts);
  }

  /** {@code 0, width, 2 width, ...} up to {@code to}. */
  private static double[] edges(double to, double width) {
    int bins = (int) Math.round(to / width);
    double[] edges = new double[bins + 1];
    for (int b = 0; b <= bins; b++) {
      edges[b] = b * width;
    }
    return edges;
  }

  /**
   * Counts {@code |x|} of 2^24 standard samples in the bins between {@code edges}; the last count
   * is of those from the last edge on. The tensor is filled a slice at a time into one buffer.
   */
  private static long[] histogramOfMagnitudes(FixedInitializer init, double[] edges) {
    long[] counts = new long[edges.length];
    double[] slice = new double[1 << 20];
    Fans fans = new Fans(1, 1);
    for (long first = 0; first < 1 << 24; first += slice.length) {
      init.fill(slice, 0, slice.length, first, fans, 20261201L, "bins#w");
      for (double x : slice) {
        counts[bin(edges, Math.abs(x))]++;
      }
    }
    return counts;
  }

  /**
   * The bin of {@code m}, by arithmetic on the equal bins, corrected against the edges so that a
   * value on an edge counts in the bin it starts.
   */
  private static int bin(double[] edges, double m) {
    int b = Math.min(edges.length - 1, (int) (m / edges[1]));
    while (m < edges[b]) {
      b--;
    }
    while (b + 1 < edges.length && m >= edges[b + 1]) {
      b++;
    }
    return b;
  }

  /** Chi-square of {@code counts} against the law's probabilities of {@code |z|}'s bins. */
  private static void assertFits(ContinuousDistribution law, double[] edges, long[] counts) {
    double[] expected = new double[counts.length];
    for (int b = 0; b < counts.length; b++) {
      double hi = b + 1 < edges.length ? edges[b + 1] : Double.POSITIVE_INFINITY;
      // P(lo <= |z| < hi) for a law symmetric about 0.
      expected[b] = 2 * (law.cumulativeProbability(hi) - law.cumulativeProbability(edges[b]));
    }
    double p = ChiSquareTest.withDefaults().test(expected, counts).getPValue();
    assertTrue(p > 1e-6, "chi-square p = " + p);
  }
}
