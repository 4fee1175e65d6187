package io.github.varscale.bench;

import static io.github.varscale.bench.Workload.SEED;
import static io.github.varscale.bench.Workload.UNIFORM_LIMIT;

import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The JDK's generators, drawing the same laws as varscale: U[-L, L], N(0, sigma^2) and the normal
 * cut at 2 sigma by redrawing. Method names start with the law they draw.
 */
public class JdkRandoms extends FillBenchmark {

  private static final float LIMIT = (float) UNIFORM_LIMIT;

  @Param({"16777216"})
  int size;

  float[] dst;
  Random random;
  SplittableRandom splittable;
  SplittableRandom[] splittableParts;
  RandomGenerator l64x128;

  @Setup
  public void allocate() {
    dst = new float[size];
    random = new Random(SEED);
    splittable = new SplittableRandom(SEED);
    splittableParts = new SplittableRandom[AllThreads.PARTS];
    for (int p = 0; p < splittableParts.length; p++) {
      splittableParts[p] = splittable.split();
    }
    l64x128 = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
  }

  @Benchmark
  public float[] uniformRandom() {
    return uniform(random, dst, 0, size);
  }

  @Benchmark
  public float[] normalRandom() {
    return GaussianFills.normal(random::nextGaussian, dst, 0, size);
  }

  @Benchmark
  public float[] uniformThreadLocalRandom() {
    return uniform(ThreadLocalRandom.current(), dst, 0, size);
  }

  @Benchmark
  public float[] normalThreadLocalRandom() {
    return GaussianFills.normal(ThreadLocalRandom.current()::nextGaussian, dst, 0, size);
  }

  @Benchmark
  public float[] uniformSplittableRandom() {
    return uniform(splittable, dst, 0, size);
  }

  @Benchmark
  public float[] normalSplittableRandom() {
    return GaussianFills.normal(splittable::nextGaussian, dst, 0, size);
  }

  @Benchmark
  public float[] uniformSplittableRandomAllThreads() {
    AllThreads.fill(size, (part, from, to) -> uniform(splittableParts[part], dst, from, to));
    return dst;
  }

  @Benchmark
  public float[] normalSplittableRandomAllThreads() {
    AllThreads.fill(
        size,
        (part, from, to) ->
            GaussianFills.normal(splittableParts[part]::nextGaussian, dst, from, to));
    return dst;
  }

  @Benchmark
  public float[] uniformL64X128MixRandom() {
    return uniform(l64x128, dst, 0, size);
  }

  @Benchmark
  public float[] normalL64X128MixRandom() {
    return GaussianFills.normal(l64x128::nextGaussian, dst, 0, size);
  }

  @Benchmark
  public float[] truncatedL64X128MixRandom() {
    return GaussianFills.truncated(l64x128::nextGaussian, dst, 0, size);
  }

  private static float[] uniform(RandomGenerator g, float[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      a[i] = (2f * g.nextFloat() - 1f) * LIMIT;
    }
    return a;
  }
}
