package io.github.varscale.internal;

import static io.github.varscale.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.varscale.FanAxes;
import io.github.varscale.FixedInitializer;
import io.github.varscale.Layout;
import io.github.varscale.TensorSpec;
import org.junit.jupiter.api.Test;

/** A generated field's static description: its shape, constant or read from the model. */
class TensorFieldTest {
  private static final FanAxes IN_OUT = FanAxes.of(Layout.IN_OUT);

  private static TensorField constant(int... shape) {
    return TensorField.of("p.M#w", "Ones", FixedInitializer.ones(), float.class, IN_OUT, shape);
  }

  @Test
  void aConstantShapeHasItsSpecUnderTheDefaultKey() {
    TensorField field = constant(3, 4);
    TensorSpec spec = field.constantSpec();
    assertEquals("w", spec.path());
    assertEquals("p.M#w", spec.key());
    assertArrayEquals(new int[] {3, 4}, spec.shape());
    assertEquals("Ones", spec.initializerName());
    assertSame(spec, field.spec("w", "p.M#w", new int[0]));
    TensorSpec inPart = field.spec("blocks.1.w", "p.Gpt#blocks.1.w", new int[0]);
    assertEquals("p.Gpt#blocks.1.w", inPart.key());
    assertArrayEquals(new int[] {3, 4}, inPart.shape());
    assertEquals("w", field.name());
    assertEquals("p.M.w", field.javaName());
    assertEquals("p.M#w [3, 4]", field.toString());
    assertEquals(0, field.arity());
  }

  /** The processor refuses such fields; a walk could not allocate them. */
  @Test
  void aConstantShapePastAJavaArrayIsRefused() {
    assertRefused("p.M.w: shape [65536, 32768] has more elements than a Java array can hold",
        () -> constant(65536, 32768));
  }

  @Test
  void dimsAreReadInTheOrderTheirNamesFirstAppear() {
    TensorField field = TensorField.withDims("p.M#w", "Ones", FixedInitializer.ones(),
        double.class, IN_OUT, "heads * headDim", "2 * heads", "7");
    assertEquals(2, field.arity());
    assertNull(field.constantSpec());
    TensorSpec spec = field.spec("w", "p.M#w", new int[] {4, 16});
    assertArrayEquals(new int[] {64, 8, 7}, spec.shape());
    assertEquals("p.M#w dims [heads * headDim, 2 * heads, 7]", field.toString());
  }

  /** A literal term of 0 (which the processor refuses) is named as such, not mistaken for a name. */
  @Test
  void aZeroLiteralIsRefusedAsALiteral() {
    TensorField field = TensorField.withDims("p.M#w", "Ones", FixedInitializer.ones(),
        float.class, IN_OUT, "n", "0 * n");
    assertRefused("p.M.w: @Shape(dims = [n, 0 * n]) with n = 3: dimension 1, \"0 * n\", has the "
        + "literal 0; a literal must be > 0", () -> field.spec("w", "p.M#w", new int[] {3}));
    TensorField literal = TensorField.withDims("p.M#b", "Ones", FixedInitializer.ones(),
        float.class, IN_OUT, "0");
    assertRefused("p.M.b: @Shape(dims = [0]): dimension 0", () -> literal.spec("b", "p.M#b",
        new int[0]));
  }

  @Test
  void aShapeTheAxesRefuseIsRefusedNamingTheField() {
    TensorField field = TensorField.withDims("p.M#w", "Ones", FixedInitializer.ones(),
        float.class, FanAxes.of(Layout.IN_OUT, 0), "n", "n");
    assertRefused("blocks.0.w (p.M.w): @Shape(dims = [n, n]) with n = 5: batchAxes[0] = 0 names "
        + "axis 0, a channel of IN_OUT", () -> field.spec("blocks.0.w", "p.G#blocks.0.w",
            new int[] {5}));
  }
}
