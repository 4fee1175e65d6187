package io.github.varscale.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.varscale.bench.Figure.Iteration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

  private static final int M16 = 1 << 24;
  private static final int M1 = 1 << 20;

  private static Figure figure(String benchmark, String distribution, int size, double ns,
      double bytesPerOp) {
    return Figure.of(benchmark, distribution, size, List.of(List.of(new Iteration(ns, 0))),
        bytesPerOp);
  }

  private static final List<Figure> FIGURES = List.of(
      figure("MemoryBound.arraysFill", null, M16, 0.136, Double.NaN),
      figure("VarianceScalingFill.floatOneThread", "UNIFORM", M16, 0.616, 61),
      figure("VarianceScalingFill.floatAllThreads", "UNIFORM", M16, 0.322, 445),
      figure("JdkRandoms.uniformSplittableRandom", null, M16, 1.247, Double.NaN),
      figure("VarianceScalingFill.floatOneThread", "NORMAL", M16, 1.807, 220),
      figure("JdkRandoms.normalL64X128MixRandom", null, M16, 4.258, Double.NaN),
      figure("Nd4jRandom.normalRandn", null, M16, 7.374, Double.NaN),
      figure("TensorFlowStateless.normalStateless", null, M16, 2.0, Double.NaN),
      figure("VarianceScalingFill.floatOneThread", "NORMAL", M1, 2.0, 13),
      figure("VarianceScalingFill.floatAllThreads", "NORMAL", M1, 1.25, 435));

  private final String tables = new Report(FIGURES, Targets.GOALS).tables();

  @Test
  void eachLawsTableGivesTheRatiosToTheBoundAndToVarscalesOneThread() {
    String uniform = """
        ### uniform

        | benchmark | elements | ns/element | M elements/s | × Arrays.fill | varscale × | forks \
        | clean/all | B/op |
        |---|---:|---:|---:|---:|---:|---|---:|---:|
        | VarianceScalingFill.floatAllThreads UNIFORM | 16777216 | 0.322 | 3106 | 2.37 | – \
        | 0.322–0.322 | 1/1 | 445 |
        | VarianceScalingFill.floatOneThread UNIFORM | 16777216 | 0.616 | 1623 | 4.53 | – \
        | 0.616–0.616 | 1/1 | 61 |
        | JdkRandoms.uniformSplittableRandom | 16777216 | 1.247 | 802 | 9.17 | 2.02 \
        | 1.247–1.247 | 1/1 | – |

        """;
    assertTrue(tables.contains(uniform), tables);
  }

  @Test
  void aFigureWithoutABoundOrVarscaleOfItsSizeHasNoRatio() {
    assertTrue(tables.contains(
        "| VarianceScalingFill.floatOneThread NORMAL | 1048576 | 2.000 | 500 | – | – |"), tables);
  }

  @Test
  void theSpeedupTableHoldsTheGoalFromOneMillionElementsOn() {
    assertTrue(tables.contains(
        "| VarianceScalingFill.floatAllThreads UNIFORM | 16777216 | 0.616 | 0.322 | 1.91 | yes |"),
        tables);
    assertTrue(tables.contains(
        "| VarianceScalingFill.floatAllThreads NORMAL | 1048576 | 2.000 | 1.250 | 1.60 | **no** |"),
        tables);
  }

  @Test
  void theGoalsAreCheckedAgainstTheirReferences() {
    for (String row : List.of(
        "| uniform, one thread ≤ 1.0 ns/element | 0.616 ns | yes |",
        "| uniform, one thread ≥ 1.7× JdkRandoms.uniformSplittableRandom | 2.02× | yes |",
        "| normal, one thread ≥ 1.4× JdkRandoms.normalL64X128MixRandom | 2.36× | yes |",
        "| normal, one thread ≥ 3.0× Nd4jRandom.normalRandn | 4.08× | yes |",
        "| normal, one thread ≥ 3.0× TensorFlowStateless.normalStateless | 1.11× | **no** |",
        "| all threads ≥ 1.8× one thread, from 1M elements | 1 of 2 fills | **no** |",
        "| varscale allocates ≤ 1024 B per fill | at most 445 B"
            + " (VarianceScalingFill.floatAllThreads UNIFORM, 16777216 elements) | yes |")) {
      assertTrue(tables.contains(row), row + " in\n" + tables);
    }
    assertFalse(tables.contains("truncated, one thread"), "no truncated figures, no such goal");
  }

  @Test
  void aOneThreadOperationIsOneSliceFillPerSliceOfElements() {
    Figure oneThread = figure("VarianceScalingFill.floatOneThread", "UNIFORM", M16, 0.6, 512);
    Figure allThreads = figure("VarianceScalingFill.floatAllThreads", "UNIFORM", M16, 0.3, 512);
    assertEquals(512.0 / (M16 / Workload.SLICE), Report.bytesPerFill(oneThread));
    assertEquals(512.0, Report.bytesPerFill(allThreads));
  }
}
