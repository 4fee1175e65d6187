package io.github.varscale.bench;

import static io.github.varscale.bench.Workload.SEED;
import static io.github.varscale.bench.Workload.UNIFORM_LIMIT;

import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Apache Commons RNG: {@code XoShiRo256PlusPlus} with its modified-ziggurat Gaussian sampler, the
 * fastest normal sampler on the JVM before varscale; the truncated law redraws beyond 2 sigma.
 * The all-threads variants give each part its own stream by jumping.
 */
public class CommonsRng extends FillBenchmark {

  private static final float LIMIT = (float) UNIFORM_LIMIT;

  @Param({"16777216"})
  int size;

  float[] dst;
  UniformRandomProvider xoshiro;
  NormalizedGaussianSampler ziggurat;
  NormalizedGaussianSampler[] zigguratParts;

  @Setup
  public void allocate() {
    dst = new float[size];
    JumpableUniformRandomProvider base =
        (JumpableUniformRandomProvider) RandomSource.XO_SHI_RO_256_PP.create(SEED);
    zigguratParts = new NormalizedGaussianSampler[AllThreads.PARTS];
    for (int p = 0; p < zigguratParts.length; p++) {
      zigguratParts[p] = ZigguratSampler.NormalizedGaussian.of(base.jump());
    }
    xoshiro = base;
    ziggurat = ZigguratSampler.NormalizedGaussian.of(base);
  }

  @Benchmark
  public float[] uniformXoShiRo256PlusPlus() {
    UniformRandomProvider g = xoshiro;
    float[] a = dst;
    for (int i = 0; i < size; i++) {
      a[i] = (2f * g.nextFloat() - 1f) * LIMIT;
    }
    return a;
  }

  @Benchmark
  public float[] normalZiggurat() {
    return GaussianFills.normal(ziggurat, dst, 0, size);
  }

  @Benchmark
  public float[] truncatedZiggurat() {
    return GaussianFills.truncated(ziggurat, dst, 0, size);
  }

  @Benchmark
  public float[] normalZigguratAllThreads() {
    AllThreads.fill(
        size, (part, from, to) -> GaussianFills.normal(zigguratParts[part], dst, from, to));
    return dst;
  }

  @Benchmark
  public float[] truncatedZigguratAllThreads() {
    AllThreads.fill(
        size, (part, from, to) -> GaussianFills.truncated(zigguratParts[part], dst, from, to));
    return dst;
  }
}
