package io.github.varscale.bench;

import io.github.varscale.bench.ProcessorCost.Way;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@link ProcessorCost}'s tables, from the milliseconds of each compilation: every way's median
 * and range, the ratios that answer "what does the processor cost", and a check that the cost
 * grows linearly with the number of models.
 */
final class CostReport {

  /** Per number of models, per way, the timed compilations' summary. */
  private final Map<Integer, Map<Way, Stats>> cells = new LinkedHashMap<>();
  private final Targets targets;

  /** @param millis per number of models (in the order measured), per way, each run's time */
  CostReport(Map<Integer, Map<Way, List<Double>>> millis, Targets targets) {
    millis.forEach((n, byWay) -> {
      Map<Way, Stats> stats = new EnumMap<>(Way.class);
      byWay.forEach((way, ms) -> stats.put(way, Stats.of(ms)));
      cells.put(n, stats);
    });
    this.targets = targets;
  }

  /** The median time of {@code a} over that of {@code b}, for {@code n} models. */
  double ratio(int n, Way a, Way b) {
    return median(n, a) / median(n, b);
  }

  /** The median time of {@code a} minus that of {@code b}, as a share of the plain compile. */
  double extra(int n, Way a, Way b) {
    return (median(n, a) - median(n, b)) / median(n, Way.PLAIN);
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("| models | way | median ms | min–max ms | ms per model | × plain |\n");
    out.append("|---:|---|---:|---:|---:|---:|\n");
    cells.forEach((n, byWay) -> byWay.forEach((way, s) -> out.append(format(
        "| %d | %s | %.0f | %.0f–%.0f | %.3f | %.2f |%n", n, way.description, s.median(),
        s.min(), s.max(), s.median() / n, ratio(n, way, Way.PLAIN)))));
    out.append('\n').append(split()).append(linearity());
    return out.toString();
  }

  /** The headline ratio, then where the processor's cost goes. */
  private String split() {
    List<String> columns = new ArrayList<>(List.of(
        format("annotated / hand-written (goal ≤ %.1f×, then ≤ %.1f×)",
            targets.buildOverHandWritten(), targets.buildOverHandWrittenFinal()),
        "processing: (process only − parse only) / plain",
        "full / plain",
        "the generated code: (plain with generated − plain) / plain",
        "the processor: (full − plain with generated) / plain"));
    boolean floors = cells.values().iterator().next().containsKey(Way.PLAIN_WITH_EMPTY);
    if (floors) {
      columns.addAll(List.of("floor: an empty class per model / plain",
          "floor: the API's least / plain"));
    }
    StringBuilder out = new StringBuilder("| models | " + String.join(" | ", columns) + " |\n|---:|"
        + "---:|".repeat(columns.size()) + "\n");
    for (int n : cells.keySet()) {
      out.append(format("| %d | %.2f× | %+.0f%% | %.2f× | %+.0f%% | %+.0f%% |", n,
          ratio(n, Way.FULL, Way.HAND_WRITTEN), 100 * extra(n, Way.PROCESS_ONLY, Way.PARSE_ONLY),
          ratio(n, Way.FULL, Way.PLAIN), 100 * extra(n, Way.PLAIN_WITH_GENERATED, Way.PLAIN),
          100 * extra(n, Way.FULL, Way.PLAIN_WITH_GENERATED)));
      if (floors) {
        out.append(format(" %.2f× | %.2f× |", ratio(n, Way.PLAIN_WITH_EMPTY, Way.PLAIN),
            ratio(n, Way.PLAIN_WITH_API_MINIMUM, Way.PLAIN)));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * Fits {@code t = a + b n} through the smallest and the largest number of models, and compares
   * each number in between with the line: a cost that grows faster than linearly lies above it.
   */
  private String linearity() {
    List<Integer> sizes = cells.keySet().stream().sorted().toList();
    if (sizes.size() < 2) {
      return "";
    }
    int lo = sizes.get(0);
    int hi = sizes.get(sizes.size() - 1);
    StringBuilder out = new StringBuilder(format("%nLine through %d and %d models, t = a + b·n:%n%n"
        + "| way | a ms | b ms/model | measured / line at the sizes between |%n"
        + "|---|---:|---:|---|%n", lo, hi));
    for (Way way : cells.get(lo).keySet()) {
      double b = (median(hi, way) - median(lo, way)) / (hi - lo);
      double a = median(lo, way) - b * lo;
      String between = sizes.subList(1, sizes.size() - 1).stream()
          .map(n -> format("%d: %.2f", n, median(n, way) / (a + b * n)))
          .collect(Collectors.joining(", "));
      out.append(format("| %s | %.0f | %.3f | %s |%n", way.description, a, b,
          between.isEmpty() ? "–" : between));
    }
    return out.toString();
  }

  private double median(int n, Way way) {
    return cells.get(n).get(way).median();
  }

  private static String format(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
