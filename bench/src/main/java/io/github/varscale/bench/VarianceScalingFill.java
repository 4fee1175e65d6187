package io.github.varscale.bench;

import static io.github.varscale.bench.Workload.FANS;
import static io.github.varscale.bench.Workload.KEY;
import static io.github.varscale.bench.Workload.SEED;
import static io.github.varscale.bench.Workload.SLICE;

import io.github.varscale.Distribution;
import io.github.varscale.VarianceScaling;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * varscale's public fill. "One thread" fills the tensor slice by slice, each slice below the
 * parallel threshold so it runs on the calling thread; slices give the same values as the whole
 * tensor, so this measures the sequential sampler. "All threads" is the whole-tensor fill, which
 * runs on the common fork-join pool from {@link VarianceScaling#PARALLEL_THRESHOLD} elements on.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+UseParallelGC"})
@State(Scope.Benchmark)
public class VarianceScalingFill {

  @Param({"16777216", "1048576"})
  int size;

  @Param({"UNIFORM", "NORMAL", "TRUNCATED_NORMAL"})
  Distribution distribution;

  VarianceScaling settings;
  float[] floats;
  double[] doubles;

  @Setup
  public void allocate() {
    settings = Workload.settings(distribution);
    floats = new float[size];
    doubles = new double[size];
  }

  @Benchmark
  public float[] floatOneThread() {
    for (int from = 0; from < size; from += SLICE) {
      settings.fill(floats, from, Math.min(SLICE, size - from), from, FANS, SEED, KEY);
    }
    return floats;
  }

  @Benchmark
  public float[] floatAllThreads() {
    settings.fill(floats, FANS, SEED, KEY);
    return floats;
  }

  @Benchmark
  public double[] doubleOneThread() {
    for (int from = 0; from < size; from += SLICE) {
      settings.fill(doubles, from, Math.min(SLICE, size - from), from, FANS, SEED, KEY);
    }
    return doubles;
  }

  @Benchmark
  public double[] doubleAllThreads() {
    settings.fill(doubles, FANS, SEED, KEY);
    return doubles;
  }
}
