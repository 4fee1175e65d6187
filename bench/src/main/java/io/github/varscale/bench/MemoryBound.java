package io.github.varscale.bench;

import java.util.Arrays;
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

/** The memory-write bound: no sampler can fill a {@code float[]} faster than these. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+UseParallelGC"})
@State(Scope.Benchmark)
public class MemoryBound {

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
