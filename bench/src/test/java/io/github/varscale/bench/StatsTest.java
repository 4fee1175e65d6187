package io.github.varscale.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void theMedianOfAnOddCountIsTheMiddleValue() {
    assertEquals(new Stats(5, 3.0, 1.0, 9.0), Stats.of(List.of(9.0, 1.0, 3.0, 4.0, 2.0)));
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
    assertEquals(2.5, Stats.median(List.of(4.0, 1.0, 3.0, 2.0)));
    assertEquals(1.5, Stats.median(List.of(2.0, 1.0)));
  }

  @Test
  void oneOutlierDoesNotMoveTheMedianFar() {
    assertEquals(1.02, Stats.median(List.of(1.0, 1.02, 1.01, 1.03, 9.0)));
  }

  @Test
  void oneValueIsItsOwnMedianMinimumAndMaximum() {
    assertEquals(new Stats(1, 0.5, 0.5, 0.5), Stats.of(List.of(0.5)));
  }

  @Test
  void noValuesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Stats.of(List.of()));
  }
}
