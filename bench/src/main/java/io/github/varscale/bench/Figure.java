package io.github.varscale.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * One benchmark's result per element. The figure is the median of the clean iterations (those
 * during which other processes used less than {@link #DIRTY} cores), or of all iterations when
 * fewer than a third were clean; the fork medians show how far forks disagree (JIT decisions).
 *
 * @param benchmark {@code Class.method}
 * @param distribution the {@code distribution} parameter, or null
 * @param size elements filled per operation
 * @param nsPerElement the median, see above
 * @param forkLow the lowest fork median, ns per element
 * @param forkHigh the highest fork median, ns per element
 * @param clean iterations counted clean
 * @param total iterations measured
 * @param bytesPerOp bytes allocated per operation ({@code -prof gc}), NaN without it
 */
record Figure(
    String benchmark,
    String distribution,
    int size,
    double nsPerElement,
    double forkLow,
    double forkHigh,
    int clean,
    int total,
    double bytesPerOp) {

  /** Other processes' CPU, in cores, above which an iteration is left out. */
  static final double DIRTY = 0.25;

  static Figure of(RunResult run) {
    BenchmarkParams params = run.getParams();
    String unit = run.getPrimaryResult().getScoreUnit();
    if (!unit.equals("ns/op")) {
      throw new IllegalArgumentException("the report needs ns/op (-tu ns -bm avgt), found " + unit);
    }
    int size = Integer.parseInt(params.getParam("size"));
    List<Double> all = new ArrayList<>();
    List<Double> clean = new ArrayList<>();
    List<Double> forkMedians = new ArrayList<>();
    for (BenchmarkResult fork : run.getBenchmarkResults()) {
      List<Double> forkClean = new ArrayList<>();
      for (IterationResult iteration : fork.getIterationResults()) {
        double score = iteration.getPrimaryResult().getScore() / size;
        Result<?> foreign = iteration.getSecondaryResults().get(ForeignCpuProfiler.RESULT);
        all.add(score);
        if (foreign == null || foreign.getScore() < DIRTY) {
          clean.add(score);
          forkClean.add(score);
        }
      }
      if (!forkClean.isEmpty()) {
        forkMedians.add(median(forkClean));
      }
    }
    double median = median(clean.size() * 3 >= all.size() ? clean : all);
    String full = params.getBenchmark();
    return new Figure(
        full.substring(full.lastIndexOf('.', full.lastIndexOf('.') - 1) + 1),
        params.getParam("distribution"),
        size,
        median,
        forkMedians.isEmpty() ? Double.NaN : Collections.min(forkMedians),
        forkMedians.isEmpty() ? Double.NaN : Collections.max(forkMedians),
        clean.size(),
        all.size(),
        allocation(run.getAggregatedResult().getSecondaryResults()));
  }

  /** uniform, normal, truncated, or bound: from the parameter or the method name's first word. */
  String law() {
    String name = distribution != null ? distribution.toLowerCase() : method();
    for (String law : List.of("uniform", "normal", "truncated")) {
      if (name.startsWith(law)) {
        return law;
      }
    }
    return "bound";
  }

  boolean isVarscale() {
    return benchmark.startsWith(VarianceScalingFill.class.getSimpleName() + ".");
  }

  boolean allThreads() {
    return method().endsWith("AllThreads");
  }

  String method() {
    return benchmark.substring(benchmark.indexOf('.') + 1);
  }

  String label() {
    return distribution == null ? benchmark : benchmark + " " + distribution;
  }

  @SuppressWarnings("rawtypes") // JMH's getSecondaryResults() returns Map<String, Result>
  private static double allocation(Map<String, Result> secondary) {
    return secondary.entrySet().stream()
        .filter(e -> e.getKey().endsWith("gc.alloc.rate.norm"))
        .mapToDouble(e -> e.getValue().getScore())
        .findFirst()
        .orElse(Double.NaN);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
