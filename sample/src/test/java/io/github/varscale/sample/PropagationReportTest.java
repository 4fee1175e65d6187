package io.github.varscale.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropagationReportTest {
  @Test
  void theBandIsAFactorTwoEitherWayOfTheInputs() {
    assertTrue(PropagationReport.staysInBand(new double[] {1.0, 0.5, 2.0, 1.3}));
    assertFalse(PropagationReport.staysInBand(new double[] {1.0, 0.49}));
    assertFalse(PropagationReport.staysInBand(new double[] {1.0, 2.01}));
    assertFalse(PropagationReport.staysInBand(new double[] {1.0, Double.NaN}));
    assertFalse(PropagationReport.staysInBand(new double[] {1.0, Double.POSITIVE_INFINITY}));
  }

  @Test
  void showsEveryLayerOfAShallowNetworkThenTheVerdict() {
    List<String> lines = lines(new Propagation.Settings(4, 8, 4, 3), Propagation.Activation.TANH);
    // header, layers 0 to 4, verdict
    assertEquals(1 + 5 + 1, lines.size());
    assertTrue(lines.get(0).startsWith("tanh layer"));
    for (int layer = 0; layer <= 4; layer++) {
      assertTrue(lines.get(1 + layer).startsWith(layer + " "), lines.get(1 + layer));
    }
    assertTrue(lines.get(6).startsWith("last layer saturated, |y| > 0.99"), lines.get(6));
  }

  @Test
  void showsEvenlySpacedLayersOfADeepNetworkAndTheLast() {
    List<String> lines = lines(new Propagation.Settings(70, 4, 2, 3), Propagation.Activation.RELU);
    // 70 layers in at most 32 rows: every third layer, 0 to 69, then layer 70
    List<String> layers =
        lines.subList(1, lines.size() - 1).stream().map(l -> l.split(" +")[0]).toList();
    assertEquals("0", layers.get(0));
    assertEquals("3", layers.get(1));
    assertEquals("69", layers.get(layers.size() - 2));
    assertEquals("70", layers.get(layers.size() - 1));
    assertEquals(24 + 1, layers.size());
  }

  private static List<String> lines(
      Propagation.Settings settings, Propagation.Activation activation) {
    String table = PropagationReport.table(Propagation.run(settings), activation);
    return Arrays.asList(table.split(System.lineSeparator()));
  }
}
