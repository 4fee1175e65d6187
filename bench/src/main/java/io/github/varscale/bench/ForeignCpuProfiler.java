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
 * Measures, per iteration, how many cores other processes kept busy: the machine's busy time
 * ({@code /proc/stat}) minus this benchmark JVM's own ({@code /proc/self/stat}). The machine is
 * shared, and an iteration during which someone else used a core is not a clean measurement;
 * {@link BenchMain} leaves such iterations out of its medians. Linux only.
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
    long self = CpuTimes.self() - selfBefore;
    long machine = CpuTimes.machineBusy() - machineBusyBefore;
    double seconds = (System.nanoTime() - nanosBefore) * 1e-9;
    double foreign = Math.max(0, machine - self) / CpuTimes.HZ / seconds;
    return List.of(new ScalarResult(RESULT, foreign, "cores", AggregationPolicy.AVG));
  }
}
