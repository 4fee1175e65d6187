package io.github.varscale.bench;

import static io.github.varscale.bench.Workload.FANS;
import static io.github.varscale.bench.Workload.KEY;
import static io.github.varscale.bench.Workload.SEED;
import static io.github.varscale.bench.Workload.SLICE;

import io.github.varscale.Distribution;
import io.github.varscale.VarianceScaling;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * varscale's public fill. "One thread" fills the tensor slice by slice, each slice below the
 * parallel threshold so it runs on the calling thread; slices give the same values as the whole
 * tensor, so this measures the sequential sampler. "All threads" is the whole-tensor fill, which
 * runs on the common fork-join pool from {@link VarianceScaling#PARALLEL_THRESHOLD} elements on.
 */
public class VarianceScalingFill extends FillBenchmark {

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
