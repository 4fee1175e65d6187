package io.github.varscale;

import static io.github.varscale.Refusals.assertNpe;
import static io.github.varscale.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Explicit fan axes and layouts with batch axes, against the frameworks' own rules. The expected
 * fans were printed by {@code runtime/src/test/python/fans_and_gains.py}, which runs JAX's {@code
 * _compute_fans} formula (receptive field = the total size divided by the in, out and batch
 * sizes) and PyTorch 1.13's {@code torch.nn.init._calculate_fan_in_and_fan_out} on these shapes;
 * they are pinned here as printed.
 */
class FanAxesTest {

  @ParameterizedTest(name = "{0} in [{1}] out [{2}] batch [{3}]")
  @CsvSource(delimiter = ';', value = {
    // shape; inAxes; outAxes; batchAxes; fanIn; fanOut (JAX's _compute_fans)
    "640 8 64; 0; 1 2; ; 640; 512",               // attention q kernel [dModel, heads, headDim]
    "640 2 64; 0; 1 2; ; 640; 128",               // k/v kernel with two (grouped) heads
    "8 64 640; 0 1; 2; ; 512; 640",               // output kernel [heads, headDim, dModel]
    "8 64 640; -3 -2; -1; ; 512; 640",            // the same by negative axes
    "8 640 2560; 1; 2; 0; 640; 2560",             // experts [experts, in, out]
    "8 640 2560; -2; -1; 0; 640; 2560",
    "3 3 16 32; 2; 3; ; 144; 288",                // a convolution [h, w, in, out]: rf = 9
    "4 3 3 16 32; -2; -1; 0; 144; 288",           // a stack of four of them
    "4 3 3 16 32; 3; 4; 0 1; 48; 96",             // two batch axes: rf = 3
    "5 7 11; -3; -1; ; 35; 77",                   // the receptive field between the fans
    "2 3 4 5 6; 1; 3; 0; 72; 120",                // rf = 4 * 6
    "6 5 4 3 2; 4 0; 1; 2; 36; 15",               // axes in any order: rf = 3
    "784 256; -2; -1; ; 784; 256",                // JAX's default axes, ranks 2 to 5
    "5 3 4; -2; -1; ; 15; 20",
    "3 5 16 32; -2; -1; ; 240; 480",
    "2 3 5 16 32; -2; -1; ; 480; 960",
  })
  void explicitAxesGiveJaxsFans(
      String shape, String in, String out, String batch, long fanIn, long fanOut) {
    FanAxes axes = FanAxes.explicit(Dims.parse(in), Dims.parse(out), Dims.parse(batch));
    assertEquals(new Fans(fanIn, fanOut), axes.fans(Dims.parse(shape)));
    assertEquals(new Fans(fanIn, fanOut), Fans.of(axes, Dims.parse(shape)));
  }

  /** JAX's default {@code in_axis = -2, out_axis = -1} is {@link Layout#IN_OUT}. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
    "784 256; 784; 256", "5 3 4; 15; 20", "3 5 16 32; 240; 480", "2 3 5 16 32; 480; 960"})
  void inOutIsJaxsDefaultAxes(String shape, long fanIn, long fanOut) {
    assertEquals(new Fans(fanIn, fanOut), Fans.of(Layout.IN_OUT, Dims.parse(shape)));
  }

  /** With a layout, batch axes are JAX's {@code batch_axis} with the layout's channels. */
  @ParameterizedTest(name = "{0} {1} batch [{2}]")
  @CsvSource(delimiter = ';', value = {
    // layout; shape; batchAxes; fanIn; fanOut (JAX's _compute_fans, the layout's channels)
    "IN_OUT; 8 640 2560; 0; 640; 2560",           // experts, as API.md's example
    "IN_OUT; 4 3 3 16 32; 0; 144; 288",           // stacked convolutions
    "IN_OUT; 4 3 3 16 32; 0 1; 48; 96",
    "IN_OUT; 4 3 3 16 32; -5; 144; 288",          // a negative batch axis
    "OUT_IN; 32 16 4 3 3; 2; 144; 288",
    "OUT_IN; 2560 640 8; -1; 640; 2560",
  })
  void layoutBatchAxesAreJaxsBatchAxes(
      Layout layout, String shape, String batch, long fanIn, long fanOut) {
    FanAxes axes = FanAxes.of(layout, Dims.parse(batch));
    assertEquals(new Fans(fanIn, fanOut), axes.fans(Dims.parse(shape)));
  }

  /** {@code [out, in, kernel...]}: PyTorch's {@code _calculate_fan_in_and_fan_out}, ranks 2-5. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
    // shape; fanIn; fanOut (torch.nn.init._calculate_fan_in_and_fan_out, PyTorch 1.13)
    "256 784; 784; 256",
    "20 15 5; 75; 100",
    "32 16 3 5; 240; 480",
    "32 16 2 3 5; 480; 960",
    "7 1; 1; 7",
    "1 9 1 1; 9; 1",
  })
  void outInIsPyTorchsRule(String shape, long fanIn, long fanOut) {
    assertEquals(new Fans(fanIn, fanOut), Fans.of(Layout.OUT_IN, Dims.parse(shape)));
    assertEquals(new Fans(fanIn, fanOut), FanAxes.of(Layout.OUT_IN).fans(Dims.parse(shape)));
  }

  /** Ranks 0 and 1 keep API.md's rule with batch axes too: 1, 1 and d0, d0. */
  @Test
  void scalarsAndVectorsIgnoreAnEmptyBatch() {
    assertEquals(new Fans(1, 1), FanAxes.of(Layout.OUT_IN).fans());
    assertEquals(new Fans(7, 7), FanAxes.of(Layout.IN_OUT).fans(7));
  }

  @Test
  void anAxisOutOfRangeIsRefusedNamingItAndTheRank() {
    int[] shape = {2, 3, 4};
    assertRefused("inAxes[0] = 3", () -> FanAxes.explicit(new int[] {3}, new int[] {1})
        .fans(shape), "shape [2, 3, 4] of rank 3", "[-3, 2]");
    assertRefused("outAxes[1] = -4", () -> FanAxes.explicit(new int[] {0}, new int[] {1, -4})
        .fans(shape), "of rank 3");
    assertRefused("batchAxes[0] = 5", () -> FanAxes.of(Layout.IN_OUT, 5).fans(shape),
        "of rank 3");
  }

  @Test
  void aRepeatedAxisIsRefusedAlsoThroughItsNegativeAlias() {
    int[] shape = {2, 3, 4};
    assertRefused("inAxes[1] = 0", () -> FanAxes.explicit(new int[] {0, 0}, new int[] {1})
        .fans(shape), "already in inAxes");
    assertRefused("inAxes[1] = -3", () -> FanAxes.explicit(new int[] {0, -3}, new int[] {1})
        .fans(shape), "names axis 0", "already in inAxes");
    assertRefused("batchAxes[1] = -3", () -> FanAxes.of(Layout.IN_OUT, 1, -3)
        .fans(5, 6, 7, 8), "names axis 1", "already in batchAxes");
  }

  @Test
  void overlappingGroupsAreRefusedNamingBoth() {
    int[] shape = {2, 3, 4};
    assertRefused("outAxes[0] = -3", () -> FanAxes.explicit(new int[] {0}, new int[] {-3})
        .fans(shape), "names axis 0", "already in inAxes");
    assertRefused("inAxes[0] = 2", () -> FanAxes.explicit(new int[] {2}, new int[] {1}, 2)
        .fans(shape), "already in batchAxes");
    assertRefused("outAxes[0] = 0", () -> FanAxes.explicit(new int[] {1}, new int[] {0}, -3)
        .fans(shape), "already in batchAxes");
  }

  @Test
  void aBatchAxisThatIsALayoutChannelIsRefused() {
    assertRefused("batchAxes[0] = 1 names axis 1", () -> FanAxes.of(Layout.IN_OUT, 1)
        .fans(3, 4), "a channel of IN_OUT for shape [3, 4]");
    assertRefused("batchAxes[1] = -1 names axis 2", () -> FanAxes.of(Layout.IN_OUT, 0, -1)
        .fans(3, 4, 5), "a channel of IN_OUT");
    assertRefused("batchAxes[0] = 0 names axis 0", () -> FanAxes.of(Layout.OUT_IN, 0)
        .fans(3, 4, 5), "a channel of OUT_IN");
    assertRefused("batchAxes[0] = -2 names axis 0", () -> FanAxes.of(Layout.OUT_IN, -2)
        .fans(3, 4), "a channel of OUT_IN");
    assertRefused("batchAxes[0] = -1 names axis 0, the only axis of shape [7]",
        () -> FanAxes.of(Layout.IN_OUT, -1).fans(7));
  }

  @Test
  void axesOnAScalarAreRefused() {
    assertRefused("batchAxes[0] = 0", () -> FanAxes.of(Layout.IN_OUT, 0).fans(),
        "shape [] of rank 0, which has no axes");
    assertRefused("inAxes[0] = 0", () -> FanAxes.explicit(new int[] {0}, new int[] {-1}).fans(),
        "which has no axes");
  }

  @Test
  void emptyInOrOutAxesAreRefused() {
    assertRefused("inAxes must name at least one axis",
        () -> FanAxes.explicit(new int[0], new int[] {1}));
    assertRefused("outAxes must name at least one axis",
        () -> FanAxes.explicit(new int[] {0}, new int[0], 1));
  }

  @Test
  void badDimensionsAndOverflowingFansAreRefused() {
    FanAxes axes = FanAxes.explicit(new int[] {0}, new int[] {1});
    assertRefused("shape[1] must be > 0, found -2", () -> axes.fans(3, -2, 4));
    int big = Integer.MAX_VALUE;
    // rf = big^2 fits a long; fan_in = 3 rf does not.
    assertRefused("shape [3, 2, 2147483647, 2147483647]", () -> axes.fans(3, 2, big, big),
        "overflow a long");
  }

  @Test
  void nullsAreRefusedNamingTheParameter() {
    int[] one = {0};
    assertNpe("layout", () -> FanAxes.of(null));
    assertNpe("batchAxes", () -> FanAxes.of(Layout.IN_OUT, (int[]) null));
    assertNpe("inAxes", () -> FanAxes.explicit(null, one));
    assertNpe("outAxes", () -> FanAxes.explicit(one, null));
    assertNpe("batchAxes", () -> FanAxes.explicit(one, new int[] {1}, (int[]) null));
    assertNpe("shape", () -> FanAxes.of(Layout.IN_OUT).fans((int[]) null));
    assertNpe("axes", () -> Fans.of((FanAxes) null, 3));
    assertNpe("shape", () -> Fans.of(FanAxes.of(Layout.IN_OUT), (int[]) null));
  }

  /** The axes are copied in and out, so neither the caller's array nor a reader changes them. */
  @Test
  void axesAreImmutableValues() {
    int[] in = {0};
    int[] out = {1, 2};
    int[] batch = {};
    FanAxes axes = FanAxes.explicit(in, out, batch);
    in[0] = 2;
    out[0] = 0;
    axes.outAxes()[1] = 0;
    assertArrayEquals(new int[] {0}, axes.inAxes());
    assertArrayEquals(new int[] {1, 2}, axes.outAxes());
    assertEquals(Optional.empty(), axes.layout());
    assertEquals(new Fans(640, 512), axes.fans(640, 8, 64));

    int[] experts = {0};
    FanAxes stacked = FanAxes.of(Layout.IN_OUT, experts);
    experts[0] = 1;
    assertArrayEquals(new int[] {0}, stacked.batchAxes());
    assertArrayEquals(new int[0], stacked.inAxes());
    assertEquals(Optional.of(Layout.IN_OUT), stacked.layout());
  }

  @Test
  void equalityAndTextFollowTheAxes() {
    FanAxes query = FanAxes.explicit(new int[] {0}, new int[] {1, 2});
    assertEquals(query, FanAxes.explicit(new int[] {0}, new int[] {1, 2}));
    assertEquals(query.hashCode(), FanAxes.explicit(new int[] {0}, new int[] {1, 2}).hashCode());
    assertNotEquals(query, FanAxes.explicit(new int[] {0}, new int[] {2, 1}));
    assertNotEquals(FanAxes.of(Layout.IN_OUT), FanAxes.of(Layout.OUT_IN));
    assertNotEquals(FanAxes.of(Layout.IN_OUT), FanAxes.of(Layout.IN_OUT, 0));
    assertEquals("inAxes [0], outAxes [1, 2]", query.toString());
    assertEquals("IN_OUT", FanAxes.of(Layout.IN_OUT).toString());
    assertEquals("OUT_IN, batchAxes [2]", FanAxes.of(Layout.OUT_IN, 2).toString());
    assertEquals("inAxes [0], outAxes [1], batchAxes [2]",
        FanAxes.explicit(new int[] {0}, new int[] {1}, 2).toString());
    assertTrue(!query.equals(null) && !query.equals("inAxes [0], outAxes [1, 2]"));
  }
}
