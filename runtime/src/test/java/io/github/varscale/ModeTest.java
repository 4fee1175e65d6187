package io.github.varscale;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The fan each mode divides the variance by: {@code v = scale / max(1, n)}. */
class ModeTest {

  private static double variance(double scale, Mode mode, Fans fans) {
    return VarianceScaling.of(scale, mode, Distribution.NORMAL).variance(fans);
  }

  @Test
  void variancesFollowTheModes() {
    Fans fans = new Fans(300, 100);
    assertEquals(2.0 / 300, variance(2, Mode.FAN_IN, fans));
    assertEquals(2.0 / 100, variance(2, Mode.FAN_OUT, fans));
    assertEquals(2.0 / 200, variance(2, Mode.FAN_AVG, fans));
    // The average is a real number, not rounded: (1 + 2) / 2 = 1.5.
    assertEquals(1 / 1.5, variance(1, Mode.FAN_AVG, new Fans(1, 2)));
    assertEquals(Math.sqrt(3 * 2.0 / 300), VarianceScaling.of(2, Mode.FAN_IN,
        Distribution.UNIFORM).bound(fans));
  }

  /**
   * JAX's {@code "fan_geo_avg"}: the variance is {@code scale / sqrt(fan_in * fan_out)}, so its
   * standard deviation is JAX's documented {@code sqrt(scale / sqrt(fan_in fan_out))}.
   * {@code sqrt(300 * 100) = 173.20508075688772}, and 2 divided by it is 0.011547005383792516.
   */
  @Test
  void geometricMeanDividesByTheRootOfTheProduct() {
    assertEquals(0.011547005383792516, variance(2, Mode.FAN_GEO_AVG, new Fans(300, 100)), 0.0);
    assertEquals(3.0 / 64, variance(3, Mode.FAN_GEO_AVG, new Fans(16, 256)), 0.0);
    // Equal fans: the geometric mean is the fan itself, as the arithmetic one is.
    assertEquals(variance(1, Mode.FAN_AVG, new Fans(49, 49)),
        variance(1, Mode.FAN_GEO_AVG, new Fans(49, 49)), 0.0);
    // Fans of 1 divide by max(1, 1).
    assertEquals(0.5, variance(0.5, Mode.FAN_GEO_AVG, new Fans(1, 1)), 0.0);
  }

  /** The product is taken in double: 2^40 * 2^40 = 2^80 overflows a long, not a double. */
  @Test
  void geometricMeanOfHugeFansDoesNotOverflow() {
    assertEquals(0x1p-40, variance(1, Mode.FAN_GEO_AVG, new Fans(1L << 40, 1L << 40)), 0.0);
    assertEquals(0x1p-41, variance(1, Mode.FAN_GEO_AVG, new Fans(1L << 62, 1L << 20)), 0.0);
  }
}
