package io.github.varscale.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.varscale.bench.ProcessorCost.Way;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostReportTest {

  /** Three runs per way around {@code ms}, whose median is {@code ms}; linear in n. */
  private static Map<Way, List<Double>> times(int n) {
    Map<Way, List<Double>> byWay = new EnumMap<>(Way.class);
    Map<Way, Double> perModel = Map.of(Way.PLAIN, 1.0, Way.PARSE_ONLY, 0.3, Way.PROCESS_ONLY, 1.3,
        Way.FULL, 3.0, Way.PLAIN_WITH_GENERATED, 2.0, Way.HAND_WRITTEN, 1.2);
    for (Way way : List.of(Way.PLAIN, Way.PARSE_ONLY, Way.PROCESS_ONLY, Way.FULL,
        Way.PLAIN_WITH_GENERATED, Way.HAND_WRITTEN)) {
      double ms = 10 + perModel.get(way) * n;
      byWay.put(way, List.of(ms + 5, ms, ms - 5));
    }
    return byWay;
  }

  private final Map<Integer, Map<Way, List<Double>>> millis = new LinkedHashMap<>();

  {
    for (int n : List.of(100, 200, 300)) {
      millis.put(n, times(n));
    }
  }

  private final CostReport report = new CostReport(millis, Targets.GOALS);

  @Test
  void theHeadlineIsTheAnnotatedBuildOverTheHandWrittenOne() {
    assertEquals(310.0 / 130.0, report.ratio(100, Way.FULL, Way.HAND_WRITTEN), 1e-12);
  }

  @Test
  void theSplitIsInSharesOfThePlainCompile() {
    assertEquals((140.0 - 40.0) / 110.0, report.extra(100, Way.PROCESS_ONLY, Way.PARSE_ONLY),
        1e-12);
  }

  @Test
  void theTablesGiveEachWaysMedianAndRangeTheSplitAndTheLine() {
    String markdown = report.markdown();
    for (String row : List.of(
        "| 100 | -proc:none, class files | 110 | 105–115 | 1.100 | 1.00 |",
        "| 300 | with the processor, class files | 910 | 905–915 | 3.033 | 2.94 |",
        "| 100 | 2.38× | +91% | 2.82× | +91% | +91% |",
        "| with the processor, class files | 10 | 3.000 | 200: 1.00 |")) {
      assertTrue(markdown.contains(row), row + " in\n" + markdown);
    }
    assertTrue(markdown.contains("annotated / hand-written (goal ≤ 2.0×, then ≤ 1.5×)"), markdown);
    assertFalse(markdown.contains("floor"), "no floors measured, no floor columns");
  }
}
