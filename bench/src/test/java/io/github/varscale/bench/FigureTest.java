package io.github.varscale.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.varscale.bench.Figure.Iteration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FigureTest {

  private static Iteration clean(double ns) {
    return new Iteration(ns, 0.1);
  }

  private static Iteration dirty(double ns) {
    return new Iteration(ns, 1.2);
  }

  @Test
  void theFigureIsTheMedianOfTheCleanIterationsAndTheForksTheirMediansRange() {
    Figure f = Figure.of("JdkRandoms.uniformRandom", null, 16, List.of(
        List.of(clean(1.0), clean(1.2), dirty(3.0), clean(1.1)),
        List.of(clean(1.4), dirty(2.0), clean(1.3), clean(1.5))), 64);
    assertEquals(1.25, f.nsPerElement(), 1e-12);
    assertEquals(1.1, f.forkLow(), 1e-12);
    assertEquals(1.4, f.forkHigh(), 1e-12);
    assertEquals(6, f.clean());
    assertEquals(8, f.total());
  }

  @Test
  void withFewerThanAThirdCleanTheFigureIsTheMedianOfAllAndAForkWithoutCleanHasNoMedian() {
    Figure f = Figure.of("JdkRandoms.uniformRandom", null, 16, List.of(
        List.of(dirty(2.0), dirty(2.2), dirty(2.4)),
        List.of(dirty(2.6), clean(1.0), dirty(2.8))), Double.NaN);
    assertEquals(2.3, f.nsPerElement(), 1e-12);
    assertEquals(1.0, f.forkLow());
    assertEquals(1.0, f.forkHigh());
    assertEquals(1, f.clean());
  }

  @Test
  void withoutTheProfilerEveryIterationCounts() {
    Figure f = Figure.of("MemoryBound.arraysFill", null, 16,
        List.of(List.of(new Iteration(0.2, Double.NaN), new Iteration(0.4, Double.NaN))), 0);
    assertEquals(0.3, f.nsPerElement(), 1e-12);
    assertEquals(2, f.clean());
  }

  @Test
  void theLawComesFromTheDistributionParameterOrTheMethodName() {
    assertEquals("truncated", figure("VarianceScalingFill.floatOneThread", "TRUNCATED_NORMAL").law());
    assertEquals("normal", figure("JdkRandoms.normalL64X128MixRandom", null).law());
    assertEquals("bound", figure("MemoryBound.indexFill", null).law());
  }

  @Test
  void theNameSplitsIntoClassAndMethod() {
    Figure f = figure("CommonsRng.normalZiggurat", null);
    assertEquals("CommonsRng", f.type());
    assertEquals("normalZiggurat", f.method());
  }

  private static Figure figure(String benchmark, String distribution) {
    return Figure.of(benchmark, distribution, 1, List.of(List.of(clean(1))), Double.NaN);
  }
}
