package io.github.varscale.bench;

import static io.github.varscale.bench.Workload.FANS;
import static io.github.varscale.bench.Workload.KEY;
import static io.github.varscale.bench.Workload.SEED;
import static io.github.varscale.bench.Workload.SLICE;

import io.github.varscale.Distribution;
import io.github.varscale.FixedInitializer;
import io.github.varscale.Initializer;
import java.util.Arrays;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The fixed initializers on one thread, side by side with what they are measured against: each
 * random one with the variance-scaled fill of its law ({@code RandomNormal} with {@code NORMAL},
 * {@code TruncatedNormal} with {@code TRUNCATED_NORMAL}, {@code RandomUniform} with {@code
 * UNIFORM}), whose kernels are the same but for the mean or center added and the uniform's clamp;
 * and the constants with {@code Arrays.fill}. As {@link VarianceScalingFill}'s one-thread fills,
 * the tensor is filled slice by slice, each below the parallel threshold. The fixed laws have
 * Keras's default settings.
 */
public class FixedFill extends FillBenchmark {

  @Param({"16777216"})
  int size;

  @Param({
    "RandomNormal", "NORMAL",
    "TruncatedNormal", "TRUNCATED_NORMAL",
    "RandomUniform", "UNIFORM",
    "Zeros", "Ones", "Constant", "Arrays.fill"
  })
  String law;

  /** Null for {@code Arrays.fill}. */
  Initializer init;
  float[] floats;
  double[] doubles;

  @Setup
  public void allocate() {
    init = initializer(law);
    floats = new float[size];
    doubles = new double[size];
  }

  static Initializer initializer(String law) {
    switch (law) {
      case "RandomNormal":
        return FixedInitializer.randomNormal(0.0, 0.05);
      case "TruncatedNormal":
        return FixedInitializer.truncatedNormal(0.0, 0.05);
      case "RandomUniform":
        return FixedInitializer.randomUniform(-0.05, 0.05);
      case "Zeros":
        return FixedInitializer.zeros();
      case "Ones":
        return FixedInitializer.ones();
      case "Constant":
        return FixedInitializer.constant(0.5);
      case "Arrays.fill":
        return null;
      default:
        return Workload.settings(Distribution.valueOf(law));
    }
  }

  @Benchmark
  public float[] floatOneThread() {
    for (int from = 0; from < size; from += SLICE) {
      int count = Math.min(SLICE, size - from);
      if (init == null) {
        Arrays.fill(floats, from, from + count, 0.5f);
      } else {
        init.fill(floats, from, count, from, FANS, SEED, KEY);
      }
    }
    return floats;
  }

  @Benchmark
  public double[] doubleOneThread() {
    for (int from = 0; from < size; from += SLICE) {
      int count = Math.min(SLICE, size - from);
      if (init == null) {
        Arrays.fill(doubles, from, from + count, 0.5);
      } else {
        init.fill(doubles, from, count, from, FANS, SEED, KEY);
      }
    }
    return doubles;
  }
}
