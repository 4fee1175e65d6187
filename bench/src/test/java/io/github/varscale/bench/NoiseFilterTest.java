package io.github.varscale.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoiseFilterTest {

  @Test
  void foreignCoresAreTheMachinesBusyTimeLessThisProcessesOverTheWallTime() {
    // 2 s in which the machine was busy 300 jiffies (3 CPU-seconds), this JVM 200 of them
    assertEquals(0.5, NoiseFilter.foreignCores(300, 200, 2.0), 1e-12);
  }

  @Test
  void aProcessCountedAheadOfTheMachineGivesZeroNotANegativeLoad() {
    assertEquals(0.0, NoiseFilter.foreignCores(199, 200, 1.0));
  }

  @Test
  void anEmptyIntervalIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> NoiseFilter.foreignCores(1, 0, 0));
  }

  @Test
  void anIterationIsDirtyFromAQuarterCoreOn() {
    assertTrue(NoiseFilter.isClean(0.0));
    assertTrue(NoiseFilter.isClean(Math.nextDown(NoiseFilter.DIRTY_CORES)));
    assertFalse(NoiseFilter.isClean(NoiseFilter.DIRTY_CORES));
    assertFalse(NoiseFilter.isClean(1.6));
  }

  @Test
  void anIterationMeasuredWithoutTheProfilerCountsAsClean() {
    assertTrue(NoiseFilter.isClean(Double.NaN));
  }

  @Test
  void theCleanIterationsAreTrustedWhenAtLeastAThirdAreClean() {
    List<Integer> all = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9);
    List<Integer> threeClean = List.of(1, 2, 3);
    assertSame(threeClean, NoiseFilter.trusted(all, threeClean));
    assertSame(all, NoiseFilter.trusted(all, List.of(1, 2)));
    assertSame(all, NoiseFilter.trusted(all, Collections.emptyList()));
  }
}
