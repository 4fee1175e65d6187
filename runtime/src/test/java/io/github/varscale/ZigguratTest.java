package io.github.varscale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The ziggurat's tables, built at class load with StrictMath, against published values. */
class ZigguratTest {

  /**
   * The table construction, run for 256 layers, finds Marsaglia and Tsang's published tail start
   * r = 3.6541528853610088 and layer area v = 4.92867323399e-3. v is published to 12 significant
   * digits, rounded in its last one: agreement to 5e-14 is agreement to the digits given.
   */
  @Test
  void constructionReproducesThePublished256LayerConstants() {
    double r = Ziggurat.normalTailStart(256);
    assertEquals(3.6541528853610088, r, 1e-13);
    double v = r * Math.exp(-r * r / 2) + Ziggurat.upperTail(r);
    assertEquals(4.92867323399e-3, v, 5e-14);
  }

  /**
   * varscale's 1024-layer normal: its tail starts at r = 4.038849846109504522714423, which the
   * same construction run in 40-digit arithmetic (mpmath) by {@code
   * runtime/src/test/python/ziggurat_tail_start.py} puts it at; the script finds Marsaglia and
   * Tsang's r for 256 layers to all 17 digits. The tables are built in double through 1023
   * layers, so agreement to a few units in the last place (8.9e-16 at 4) is all there is to ask.
   */
  @Test
  void normalTailStartsWhereAHighPrecisionConstructionPutsIt() {
    assertEquals(4.038849846109504522714423, Ziggurat.NORMAL.tailStart(), 4e-15);
    assertEquals(Double.POSITIVE_INFINITY, Ziggurat.TRUNCATED.tailStart());
  }

  /**
   * The truncated ziggurat's widths start at the cut, 2, and shrink to 0 at the top; the normal's
   * layer 1 starts at the tail start.
   */
  @Test
  void layerWidthsStartAtTheCutOrTheTailAndShrinkToZero() {
    for (Ziggurat z : new Ziggurat[] {Ziggurat.NORMAL, Ziggurat.TRUNCATED}) {
      assertEquals(0.0, z.layerWidth(1024));
      for (int i = 1; i <= 1024; i++) {
        assertTrue(z.layerWidth(i) <= z.layerWidth(i - 1), "widths shrink upwards at " + i);
      }
    }
    assertEquals(2.0, Ziggurat.TRUNCATED.layerWidth(0));
    assertEquals(Ziggurat.NORMAL.tailStart(), Ziggurat.NORMAL.layerWidth(1));
  }

  /** Laplace's continued fraction against Q(x) = erfc(x / sqrt 2) sqrt(pi / 2), tabulated. */
  @Test
  void upperTailIsTheNormalsSurvivalIntegral() {
    double sqrtTwoPi = Math.sqrt(2 * Math.PI);
    // Standard normal survival probabilities 1 - Phi(x) (Abramowitz and Stegun, table 26.1).
    assertEquals(1.3498980316301e-3, Ziggurat.upperTail(3.0) / sqrtTwoPi, 1e-15);
    assertEquals(3.1671241833120e-5, Ziggurat.upperTail(4.0) / sqrtTwoPi, 1e-17);
  }

  @Test
  void truncatedLayersHaveEqualAreaAndStayWithinTheCut() {
    Ziggurat z = Ziggurat.TRUNCATED;
    double area = z.layerArea(0);
    for (int i = 0; i < 1024; i++) {
      assertEquals(area, z.layerArea(i), 1e-15 + 1e-9 * area, "layer " + i);
    }
  }

  @Test
  void normalLayersAboveTheBaseHaveEqualArea() {
    Ziggurat z = Ziggurat.NORMAL;
    double area = z.layerArea(1);
    for (int i = 1; i < 1024; i++) {
      assertEquals(area, z.layerArea(i), 1e-9 * area, "layer " + i);
    }
  }
}
