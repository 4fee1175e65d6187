package io.github.varscale.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.profile.GCProfiler;

class ForeignCpuProfilerTest {

  private static final String SELF = ForeignCpuProfiler.class.getName();

  @Test
  void gcBeforeThisProfilerWouldCountItsReadsAsTheBenchmarksAllocation() {
    assertTrue(ForeignCpuProfiler.orderProblem(List.of("gc", SELF)).isPresent());
    assertTrue(ForeignCpuProfiler.orderProblem(List.of(GCProfiler.class.getName(), SELF))
        .isPresent());
  }

  @Test
  void thisProfilerFirstOrEitherAloneIsFine() {
    assertEquals(Optional.empty(), ForeignCpuProfiler.orderProblem(List.of(SELF, "gc")));
    assertEquals(Optional.empty(), ForeignCpuProfiler.orderProblem(List.of(SELF)));
    assertEquals(Optional.empty(), ForeignCpuProfiler.orderProblem(List.of("gc", "stack")));
  }
}
