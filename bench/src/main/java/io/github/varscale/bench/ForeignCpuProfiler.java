package io.github.varscale.bench;

import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
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
 */
public final class ForeignCpuProfiler implements InternalProfiler {

  /** The secondary result's name. */
  static final String RESULT = "foreign.cpu";

  private long machineBusyBefore;
  private long selfBefore;
  private long nanosBefore;

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
