package io.github.varscale.bench;

import static io.github.varscale.bench.Workload.KEY;
import static io.github.varscale.bench.Workload.SEED;

import io.github.varscale.Distribution;
import io.github.varscale.FanAxes;
import io.github.varscale.Fans;
import io.github.varscale.Layout;
import io.github.varscale.ModelTensor;
import io.github.varscale.TensorSpec;
import io.github.varscale.VarianceScaling;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * A nested {@code float[4096][1024]} field, as a generated initializer fills it
 * ({@link ModelTensor#initialize}), against the flat {@code float[4M]} of the same tensor and against
 * filling the rows one by one through the public slice fill, as a hand-written loop does: each
 * row is below the parallel threshold, so it runs on one thread and hashes the key again.
 */
public class NestedFill extends FillBenchmark {
  private static final int ROWS = 4096;
  private static final int COLUMNS = 1024;
  private static final Fans FANS = Fans.of(Layout.OUT_IN, ROWS, COLUMNS);

  @Param({"UNIFORM", "NORMAL"})
  Distribution distribution;

  VarianceScaling settings;
  float[] flat;
  float[][] nested;
  ModelTensor tensor;

  @Setup
  public void allocate() {
    settings = Workload.settings(distribution);
    flat = new float[ROWS * COLUMNS];
    nested = new float[ROWS][COLUMNS];
    tensor = ModelTensor.of(TensorSpec.of("nested", KEY, float.class, new int[] {ROWS, COLUMNS},
        FanAxes.of(Layout.OUT_IN), settings), nested);
  }

  @Benchmark
  public float[] flat() {
    settings.fill(flat, FANS, SEED, KEY);
    return flat;
  }

  @Benchmark
  public float[][] nested() {
    tensor.initialize(SEED);
    return nested;
  }

  @Benchmark
  public float[][] nestedRowByRow() {
    long first = 0;
    for (float[] row : nested) {
      settings.fill(row, 0, row.length, first, FANS, SEED, KEY);
      first += row.length;
    }
    return nested;
  }
}
