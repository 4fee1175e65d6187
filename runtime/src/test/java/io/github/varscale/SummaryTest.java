package io.github.varscale;

import static io.github.varscale.Refusals.assertNpe;
import static io.github.varscale.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model summary: the table's exact text, the totals and the refusals. */
class SummaryTest {
  private static final FanAxes IN_OUT = FanAxes.of(Layout.IN_OUT);

  private static final TensorSpec EMBED = TensorSpec.of("embed", "p.Gpt#embed", float.class,
      new int[] {1000, 64}, IN_OUT, FixedInitializer.randomNormal(0.0, 0.02), "RandomNormal");
  private static final TensorSpec QUERY = TensorSpec.of("blocks.0.attn.wq",
      "p.Gpt#blocks.0.attn.wq", float.class, new int[] {64, 4, 16},
      FanAxes.explicit(new int[] {0}, new int[] {1, 2}),
      VarianceScaling.of(1.0, Mode.FAN_AVG, Distribution.UNIFORM), "GlorotUniform");

  private static TensorSpec bias(Class<?> type) {
    return TensorSpec.of("blocks.0.ln.bias", "p.Gpt#blocks.0.ln.bias", type, new int[] {64},
        IN_OUT, FixedInitializer.zeros(), "Zeros");
  }

  /**
   * Columns padded to their widest cell and two spaces apart, parameter counts right-aligned with
   * thousands separators, presets by name, other initializers with their settings, and the
   * totals: 38,681,920 parameters, 38,681,856 floats and 64 doubles, 154,727,936 bytes = 147.56
   * MiB. Worked out by hand.
   */
  @Test
  void tableIsPaddedAlignedAndTotalled() {
    List<TensorSpec> specs = List.of(
        EMBED,
        QUERY,
        bias(double.class),
        TensorSpec.of("blocks.0.mlp.up", "p.Gpt#blocks.0.mlp.up", float.class,
            new int[] {64, 256}, IN_OUT,
            VarianceScaling.of(2.0, Mode.FAN_OUT, Distribution.NORMAL), "VarianceScaled"),
        TensorSpec.of("lm_head", "p.Gpt#lm_head", float.class, new int[] {50257, 768},
            FanAxes.of(Layout.OUT_IN),
            VarianceScaling.of(2.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL)));
    String expected = String.join("\n",
        "tensor            shape         type    parameters  initializer",
        "embed             [1000, 64]    float       64,000  RandomNormal(mean=0.0, stddev=0.02)",
        "blocks.0.attn.wq  [64, 4, 16]   float        4,096  GlorotUniform",
        "blocks.0.ln.bias  [64]          double          64  Zeros",
        "blocks.0.mlp.up   [64, 256]     float       16,384  "
            + "VarianceScaled(scale=2.0, mode=FAN_OUT, distribution=NORMAL)",
        "lm_head           [50257, 768]  float   38,597,376  "
            + "VarianceScaling(scale=2.0, mode=FAN_IN, distribution=TRUNCATED_NORMAL)",
        "5 tensors, 38,681,920 parameters, 147.6 MiB",
        "");
    Summary summary = Summary.of(specs);
    assertEquals(expected, summary.toString());
    assertEquals(38_681_920L, summary.parameters());
    assertEquals(154_727_936L, summary.bytes());
    assertEquals(specs, summary.specs());
  }

  /** The example in Summary's documentation is what it prints. */
  @Test
  void documentedExampleIsTheOutput() {
    String expected = String.join("\n",
        "tensor            shape        type   parameters  initializer",
        "embed             [1000, 64]   float      64,000  RandomNormal(mean=0.0, stddev=0.02)",
        "blocks.0.attn.wq  [64, 4, 16]  float       4,096  GlorotUniform",
        "blocks.0.ln.bias  [64]         float          64  Zeros",
        "3 tensors, 68,160 parameters, 266.3 KiB",
        "");
    assertEquals(expected, Summary.of(List.of(EMBED, QUERY, bias(float.class))).toString());
  }

  @Test
  void oneTensorAndNoTensorsAreCounted() {
    assertEquals(String.join("\n",
        "tensor            shape  type    parameters  initializer",
        "blocks.0.ln.bias  [64]   double          64  Zeros",
        "1 tensor, 64 parameters, 512 B",
        ""), Summary.of(List.of(bias(double.class))).toString());
    Summary empty = Summary.of(List.of());
    assertEquals("tensor  shape  type  parameters  initializer\n0 tensors, 0 parameters, 0 B\n",
        empty.toString());
    assertEquals(0, empty.parameters());
    assertEquals(0, empty.bytes());
  }

  @Test
  void bytesAreInBinaryUnitsWithOneDecimal() {
    assertEquals("0 B", Summary.humanBytes(0));
    assertEquals("1023 B", Summary.humanBytes(1023));
    assertEquals("1.0 KiB", Summary.humanBytes(1024));
    assertEquals("1.5 KiB", Summary.humanBytes(1536));
    assertEquals("282.0 KiB", Summary.humanBytes(282 * 1024));
    // Just below a unit, one decimal would round to 1024.0 of the smaller one.
    assertEquals("1.0 MiB", Summary.humanBytes((1 << 20) - 1));
    assertEquals("1.0 MiB", Summary.humanBytes(1 << 20));
    assertEquals("1.5 GiB", Summary.humanBytes(3L << 29));
    assertEquals("29.8 GiB", Summary.humanBytes(32_000_000_000L));
    assertEquals("8.0 EiB", Summary.humanBytes(Long.MAX_VALUE));
  }

  /** The summary keeps the specs as given then: later changes to the caller's list do not show. */
  @Test
  void specsAreCopied() {
    List<TensorSpec> specs = new ArrayList<>(List.of(EMBED));
    Summary summary = Summary.of(specs);
    specs.add(QUERY);
    assertEquals(List.of(EMBED), summary.specs());
    assertEquals(64_000, summary.parameters());
    assertThrows(UnsupportedOperationException.class, () -> summary.specs().add(QUERY));
  }

  @Test
  void nullsAndOverflowingTotalsAreRefused() {
    assertNpe("specs", () -> Summary.of(null));
    assertNpe("specs[1]", () -> Summary.of(Arrays.asList(EMBED, null, QUERY)));
    // Each spec holds 4.6e18 bytes, as two do; three overflow a long.
    int big = Integer.MAX_VALUE;
    TensorSpec huge = TensorSpec.of("huge", "p.M#huge", double.class, new int[] {big, big / 8},
        IN_OUT, FixedInitializer.zeros(), "Zeros");
    assertRefused("the specs' totals overflow a long",
        () -> Summary.of(Collections.nCopies(3, huge)));
    assertEquals(huge.bytes() * 2, Summary.of(Collections.nCopies(2, huge)).bytes());
  }
}
