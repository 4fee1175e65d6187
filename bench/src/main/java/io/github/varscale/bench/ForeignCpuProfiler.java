package io.github.varscale.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** Jiffies per second: USER_HZ, 100 on every Linux this runs on. */
  private static final double HZ = 100.0;

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
    machineBusyBefore = machineBusy();
    selfBefore = selfBusy();
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long self = selfBusy() - selfBefore;
    long machine = machineBusy() - machineBusyBefore;
    double seconds = (System.nanoTime() - nanosBefore) * 1e-9;
    double foreign = Math.max(0, machine - self) / HZ / seconds;
    return List.of(new ScalarResult(RESULT, foreign, "cores", AggregationPolicy.AVG));
  }

  /** user + nice + system + irq + softirq + steal of all CPUs, in jiffies. */
  private static long machineBusy() {
    String[] f = read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().trim().split("\\s+");
    return Long.parseLong(f[1])
        + Long.parseLong(f[2])
        + Long.parseLong(f[3])
        + Long.parseLong(f[6])
        + Long.parseLong(f[7])
        + Long.parseLong(f[8]);
  }

  /** utime + stime of this process, in jiffies. */
  private static long selfBusy() {
    String stat = read(Path.of("/proc/self/stat"));
    // fields after the command name, which is in parentheses and may hold spaces
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
