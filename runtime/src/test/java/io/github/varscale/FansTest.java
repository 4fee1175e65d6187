package io.github.varscale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FansTest {

  /**
   * Worked by hand from API.md. IN_OUT: rf = d0..d(r-3), fan_in = d(r-2) rf, fan_out = d(r-1) rf.
   * OUT_IN: rf = d2..d(r-1), fan_in = d1 rf, fan_out = d0 rf. Rank 0: 1, 1; rank 1: d0, d0.
   */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "IN_OUT; '';            1;    1",
        "OUT_IN; '';            1;    1",
        "IN_OUT; 7;             7;    7",
        "OUT_IN; 7;             7;    7",
        "IN_OUT; 784 256;       784;  256",
        "OUT_IN; 256 784;       784;  256",
        "IN_OUT; 5 3 4;         15;   20", // rf = 5
        "OUT_IN; 4 3 5;         15;   20", // rf = 5
        "IN_OUT; 3 5 16 32;     240;  480", // rf = 15
        "OUT_IN; 32 16 3 5;     240;  480", // rf = 15
        "IN_OUT; 2 3 5 16 32;   480;  960", // rf = 30
        "OUT_IN; 32 16 2 3 5;   480;  960", // rf = 30
      })
  void fansFollowTheLayout(Layout layout, String dims, long fanIn, long fanOut) {
    assertEquals(new Fans(fanIn, fanOut), Fans.of(layout, Dims.parse(dims)));
  }

  @Test
  void fansOfHugeReceptiveFieldsUseLongs() {
    // rf = 65536 * 65536 = 2^32 does not fit an int; fan_in = 2^33, fan_out = 3 * 2^32.
    Fans fans = Fans.of(Layout.IN_OUT, 65536, 65536, 2, 3);
    assertEquals(1L << 33, fans.fanIn());
    assertEquals(3L << 32, fans.fanOut());
  }

  @Test
  void refusesNonPositiveDimensionNamingItsIndexAndValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Fans.of(Layout.IN_OUT, 3, 0, 4));
    assertTrue(e.getMessage().contains("shape[1]"), e.getMessage());
    assertTrue(e.getMessage().contains("found 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Fans.of(Layout.OUT_IN, -5));
    assertTrue(e.getMessage().contains("shape[0] must be > 0, found -5"), e.getMessage());
  }

  @Test
  void refusesFansThatOverflowALong() {
    int big = Integer.MAX_VALUE;
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Fans.of(Layout.IN_OUT, big, big, big, 2, 2));
    assertTrue(e.getMessage().contains("overflow"), e.getMessage());
  }

  @Test
  void refusesNullsNamingTheParameter() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> Fans.of((Layout) null, 3, 4));
    assertEquals("layout", e.getMessage());
    e = assertThrows(NullPointerException.class, () -> Fans.of(Layout.IN_OUT, (int[]) null));
    assertEquals("shape", e.getMessage());
  }

  @Test
  void refusesFansBelowOne() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Fans(0, 3));
    assertTrue(e.getMessage().contains("fanIn must be >= 1, found 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Fans(3, -1));
    assertTrue(e.getMessage().contains("fanOut must be >= 1, found -1"), e.getMessage());
  }
}
