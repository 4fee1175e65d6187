package io.github.varscale.bench;

import java.util.Arrays;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** The memory-write bound: no sampler can fill a {@code float[]} faster than these. */
public class MemoryBound extends FillBenchmark {

  @Param({"16777216", "1048576"})
  int size;

  float[] dst;

  @Setup
  public void allocate() {
    dst = new float[size];
  }

  @Benchmark
  public float[] arraysFill() {
    Arrays.fill(dst, 0.5f);
    return dst;
  }

  /** A value that depends on the index, as a counter-based sampler's does, at no cost. */
  @Benchmark
  public float[] indexFill() {
    float[] a = dst;
    for (int i = 0; i < a.length; i++) {
      a[i] = i * 0x1p-24f;
    }
    return a;
  }

  @Benchmark
  public float[] arraysFillAllThreads() {
    AllThreads.fill(size, (part, from, to) -> Arrays.fill(dst, from, to, 0.5f));
    return dst;
  }
}
