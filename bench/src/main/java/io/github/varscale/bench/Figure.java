package io.github.varscale.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * One benchmark's result per element, as the report quotes it. JMH's own score is the mean of all
 * iterations with a confidence interval; this figure is instead the median of the iterations
 * {@link NoiseFilter} keeps, and the fork medians' range shows how far forks disagree (JIT
 * decisions), which here is the larger uncertainty.
 *
 * @param benchmark {@code Class.method}
 * @param distribution the {@code distribution} parameter, or null
 * @param size elements filled per operation
 * @param nsPerElement the median, see above
 * @param forkLow the lowest fork median of clean iterations, ns per element; NaN if none
 * @param forkHigh the highest, likewise
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

  private static final List<String> LAWS = List.of("uniform", "normal", "truncated");

  /** One measured iteration. */
  record Iteration(double nsPerElement, double foreignCores) {}

  /**
   * The figure of a JMH run, or empty for a benchmark without a {@code size} parameter (such as
   * {@link NestedFill}), which has no per-element figure: JMH's own table shows it.
   */
  static Optional<Figure> of(RunResult run) {
    BenchmarkParams params = run.getParams();
    if (params.getParam("size") == null) {
      return Optional.empty();
    }
    String unit = run.getPrimaryResult().getScoreUnit();
    if (!unit.equals("ns/op")) {
      throw new IllegalArgumentException("the report needs ns/op (-tu ns -bm avgt), found " + unit);
    }
    int size = Integer.parseInt(params.getParam("size"));
    List<List<Iteration>> forks = new ArrayList<>();
    for (BenchmarkResult fork : run.getBenchmarkResults()) {
      List<Iteration> iterations = new ArrayList<>();
      for (IterationResult iteration : fork.getIterationResults()) {
        Result<?> foreign = iteration.getSecondaryResults().get(ForeignCpuProfiler.RESULT);
        iterations.add(new Iteration(iteration.getPrimaryResult().getScore() / size,
            foreign == null ? Double.NaN : foreign.getScore()));
      }
      forks.add(iterations);
    }
    String full = params.getBenchmark();
    return Optional.of(of(
        full.substring(full.lastIndexOf('.', full.lastIndexOf('.') - 1) + 1),
        params.getParam("distribution"),
        size,
        forks,
        allocation(run.getAggregatedResult().getSecondaryResults())));
  }

  /** The figure of {@code forks}, each the iterations of one fork in order. */
  static Figure of(String benchmark, String distribution, int size, List<List<Iteration>> forks,
      double bytesPerOp) {
    List<Double> all = new ArrayList<>();
    List<Double> clean = new ArrayList<>();
    List<Double> forkMedians = new ArrayList<>();
    for (List<Iteration> fork : forks) {
      List<Double> forkClean = new ArrayList<>();
      for (Iteration iteration : fork) {
        all.add(iteration.nsPerElement());
        if (NoiseFilter.isClean(iteration.foreignCores())) {
          forkClean.add(iteration.nsPerElement());
        }
      }
      clean.addAll(forkClean);
      if (!forkClean.isEmpty()) {
        forkMedians.add(Stats.median(forkClean));
      }
    }
    Stats forkRange = forkMedians.isEmpty() ? null : Stats.of(forkMedians);
    return new Figure(
        benchmark,
        distribution,
        size,
        Stats.median(NoiseFilter.trusted(all, clean)),
        forkRange == null ? Double.NaN : forkRange.min(),
        forkRange == null ? Double.NaN : forkRange.max(),
        clean.size(),
        all.size(),
        bytesPerOp);
  }

  /**
   * uniform, normal, truncated, or bound: from the distribution parameter, else from the method
   * name, which starts with the law the benchmark draws (a convention of every benchmark class).
   */
  String law() {
    String name = distribution != null ? distribution.toLowerCase(java.util.Locale.ROOT) : method();
    return LAWS.stream().filter(name::startsWith).findFirst().orElse("bound");
  }

  boolean isVarscale() {
    return benchmark.startsWith(VarianceScalingFill.class.getSimpleName() + ".");
  }

  boolean is(BenchmarkId id) {
    return benchmark.equals(id.name());
  }

  String type() {
    return benchmark.substring(0, benchmark.indexOf('.'));
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
}
