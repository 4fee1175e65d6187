package io.github.varscale.bench;

import static io.github.varscale.bench.Workload.NORMAL_SIGMA;
import static io.github.varscale.bench.Workload.SEED;
import static io.github.varscale.bench.Workload.TRUNCATED_SIGMA;
import static io.github.varscale.bench.Workload.UNIFORM_LIMIT;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.BaseRandomOp;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.ops.random.impl.TruncatedNormalDistribution;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * ND4J's native random ops (the ops behind {@code Nd4j.rand} and {@code Nd4j.randn}, given the
 * workload's range and deviation), filling an off-heap array on ND4J's own OpenMP threads (all
 * cores by default). Copying the result into a {@code float[]}, which varscale fills directly,
 * is measured on its own by {@link #copyToFloatArray()}.
 */
public class Nd4jRandom extends FillBenchmark {

  @Param({"16777216"})
  int size;

  INDArray array;
  Random random;
  float[] dst;

  @Setup
  public void allocate() {
    array = Nd4j.create(DataType.FLOAT, size);
    random = Nd4j.getRandomFactory().getNewRandomInstance(SEED);
    dst = new float[size];
  }

  @TearDown
  public void release() {
    array.close();
  }

  @Benchmark
  public INDArray uniformRand() {
    return run(new UniformDistribution(array, -UNIFORM_LIMIT, UNIFORM_LIMIT));
  }

  @Benchmark
  public INDArray normalRandn() {
    return run(new GaussianDistribution(array, 0, NORMAL_SIGMA));
  }

  @Benchmark
  public INDArray truncatedNormal() {
    return run(new TruncatedNormalDistribution(array, 0, TRUNCATED_SIGMA));
  }

  @Benchmark
  public float[] copyToFloatArray() {
    array.data().asNioFloat().get(dst);
    return dst;
  }

  private INDArray run(BaseRandomOp op) {
    return Nd4j.getExecutioner().exec(op, random);
  }
}
