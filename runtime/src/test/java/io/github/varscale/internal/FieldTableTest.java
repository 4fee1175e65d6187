package io.github.varscale.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.varscale.Distribution;
import io.github.varscale.FanAxes;
import io.github.varscale.FixedInitializer;
import io.github.varscale.Layout;
import io.github.varscale.Mode;
import io.github.varscale.TensorSpec;
import io.github.varscale.VarianceScaling;
import org.junit.jupiter.api.Test;

/**
 * The text table a generated initializer holds is read back into the fields the factory calls
 * would have built, and a line the processor would not write is refused, naming the line.
 */
class FieldTableTest {

  @Test
  void everyColumnFormReadsBackAsTheFactoryCallsBuildIt() {
    TensorField[] fields = TensorField.table("p.M", """
        w1 | float | [784, 256] | IN_OUT | HeNormal | VarianceScaling[scale=2.0, mode=FAN_IN, \
        distribution=TRUNCATED_NORMAL]
        b1 | double | [256] | IN_OUT | Zeros | Zeros
        experts | float | [8, 256, 128] | IN_OUT, batchAxes [0] | Constant | Constant[value=0.5]
        """, """
        wq | float | [512, 8, 64] | inAxes [0], outAxes [1, 2] | RandomNormal | \
        RandomNormal[mean=0.0, stddev=0.02]
        up | double | {"dModel", "4 * dModel"} | IN_OUT | Ones | Ones
        """);
    assertEquals(5, fields.length);
    assertEquals(TensorSpec.of("w1", "p.M#w1", float.class, new int[] {784, 256},
        FanAxes.of(Layout.IN_OUT),
        VarianceScaling.of(2.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL), "HeNormal"),
        fields[0].spec());
    assertEquals(TensorSpec.of("b1", "p.M#b1", double.class, new int[] {256},
        FanAxes.of(Layout.IN_OUT), FixedInitializer.zeros(), "Zeros"), fields[1].spec());
    assertEquals(TensorSpec.of("experts", "p.M#experts", float.class,
        new int[] {8, 256, 128}, FanAxes.of(Layout.IN_OUT, 0), FixedInitializer.constant(0.5), "Constant"),
        fields[2].spec());
    assertEquals(TensorSpec.of("wq", "p.M#wq", float.class, new int[] {512, 8, 64},
        FanAxes.explicit(new int[] {0}, new int[] {1, 2}),
        FixedInitializer.randomNormal(0.0, 0.02), "RandomNormal"), fields[3].spec());
    assertEquals(TensorSpec.of("up", "p.M#up", double.class, new int[] {6, 24},
        FanAxes.of(Layout.IN_OUT), FixedInitializer.ones(), "Ones"), fields[4].spec(6));
  }

  /** A line longer than a string constant comes in pieces cut inside it: they are one text. */
  @Test
  void chunksAreJoinedBeforeTheLinesAreRead() {
    TensorField[] fields = TensorField.table("p.M", "w1 | float | [784, 2", "56] | IN_OUT | Zer",
        "os | Zeros\nb1 | float | [256] | IN_OUT | Zeros | Zeros\n");
    assertEquals(2, fields.length);
    assertEquals(TensorSpec.of("w1", "p.M#w1", float.class, new int[] {784, 256},
        FanAxes.of(Layout.IN_OUT), FixedInitializer.zeros(), "Zeros"), fields[0].spec());
    assertEquals("p.M#b1 [256]", fields[1].toString());
  }

  /** JDK 17 prints 0.002 as "0.0020" where JDK 19 and later print "0.002": both are read. */
  @Test
  void numbersAreReadAsNumbersWhicheverJdkPrintedThem() {
    TensorField[] fields = TensorField.table("p.M", """
        w | float | [4, 4] | IN_OUT | VarianceScaled | VarianceScaling[scale=0.0020, mode=FAN_IN, \
        distribution=NORMAL]
        """);
    assertEquals(VarianceScaling.of(0.002, Mode.FAN_IN, Distribution.NORMAL),
        fields[0].spec().initializer());
  }

  @Test
  void aLineTheProcessorWouldNotWriteIsRefusedNamingIt() {
    assertRefused("w | float | [4, 4] | IN_OUT | Zeros", "6 columns");
    assertRefused("w | int | [4, 4] | IN_OUT | Zeros | Zeros", "float or double");
    assertRefused("w | float | 4, 4 | IN_OUT | Zeros | Zeros", "a shape [d0, d1, ...]");
    assertRefused("w | float | [4, x] | IN_OUT | Zeros | Zeros", "integers in [4, x]");
    assertRefused("w | float | [4, 4] | SIDEWAYS | Zeros | Zeros", "a Layout where it has SIDEWAYS");
    assertRefused("w | float | [4, 4] | inAxes [0] | Zeros | Zeros", "fan axes as");
    assertRefused("w | float | [4, 4] | IN_OUT | Ones | Ones[value=1.0]", "an initializer as");
    assertRefused("w | float | [4, 4] | IN_OUT | Constant | Constant[val=1.0]",
        "\"Constant[value=1.0]\" where it has \"Constant[val=1.0]\"");
    assertRefused("w | float | [4, 4] | IN_OUT | Constant | Constant[value=one]",
        "a number where it has one");
    assertRefused("w | float | [4, 4] | IN_OUT | VarianceScaled | VarianceScaling[scale=1.0, "
        + "mode=FAN_SUM, distribution=NORMAL]", "a Mode where it has FAN_SUM");
  }

  private static void assertRefused(String line, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TensorField.table("p.M", line + "\n"));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().contains("\"" + line + "\""), e.getMessage());
    assertTrue(e.getMessage().endsWith("recompile the model with the matching varscale processor"),
        e.getMessage());
  }
}
