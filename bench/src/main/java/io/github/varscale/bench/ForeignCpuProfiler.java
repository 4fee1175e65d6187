package io.github.varscale.bench;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Measures, per iteration, how many cores other processes kept busy, as a secondary result JMH
 * records with the iteration (and writes with {@code -rf json}): the machine's busy time ({@code
 * /proc/stat}) minus this benchmark JVM's own ({@code /proc/self/stat}). JMH has no such
 * profiler; {@link NoiseFilter} says what the figures do with it. Linux only.
 *
 * <p>Give it before {@code -prof gc}: JMH starts profilers in the order given and stops them in
 * reverse, so when this one comes after gc its reads of {@code /proc} (some KB per iteration) fall
 * inside gc's window and count as the benchmark's allocation, a KB per operation for a fill that
 * takes tens of milliseconds. {@link BenchMain} refuses the other order ({@link #orderProblem}).
 */
public final class ForeignCpuProfiler implements InternalProfiler {

  /** The secondary result's name. */
  static final String RESULT = "foreign.cpu";

  private long machineBusyBefore;
  private long selfBefore;
  private long nanosBefore;

  /**
   * Why the profilers, as given to {@code -prof} in order, would count this profiler's
   * allocations as the benchmark's; empty if they would not.
   */
  static Optional<String> orderProblem(List<String> profilers) {
    int self = profilers.indexOf(ForeignCpuProfiler.class.getName());
    int gc = Math.max(profilers.indexOf("gc"), profilers.indexOf(GCProfiler.class.getName()));
    return self >= 0 && gc >= 0 && gc < self
        ? Optional.of("give -prof " + ForeignCpuProfiler.class.getName() + " before -prof gc,"
            + " or gc counts its reads of /proc as the benchmark's allocation")
        : Optional.empty();
  }

  @Override
  public String getDescription() {
    return "CPU (cores) used by other processes during each iteration, from /proc";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    nanosBefore = System.nanoTime();
    machineBusyBefore = CpuTimes.machineBusy();
    selfBefore = CpuTimes.self();
  }

  @Override
  @SuppressWarnings("rawtypes") // the signature of JMH's InternalProfiler
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    double foreign = NoiseFilter.foreignCores(
        CpuTimes.machineBusy() - machineBusyBefore,
        CpuTimes.self() - selfBefore,
        (System.nanoTime() - nanosBefore) * 1e-9);
    return List.of(new ScalarResult(RESULT, foreign, "cores", AggregationPolicy.AVG));
  }
}
