package io.github.varscale.bench;

import static io.github.varscale.bench.Workload.NORMAL_SIGMA;
import static io.github.varscale.bench.Workload.SEED;
import static io.github.varscale.bench.Workload.TRUNCATED_SIGMA;
import static io.github.varscale.bench.Workload.UNIFORM_LIMIT;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * TensorFlow Java's stateless random ops (Philox), scaled to the workload's law as Keras's
 * initializers do, in graph mode on TensorFlow's own thread pool; each operation runs the graph
 * once and copies the tensor into a {@code float[]}. The seed is fed, not a constant, so the
 * graph cannot be folded into a constant and cached.
 */
public class TensorFlowStateless extends FillBenchmark {

  @Param({"16777216"})
  int size;

  Graph graph;
  Session session;
  Operand<TFloat32> uniform;
  Operand<TFloat32> normal;
  Operand<TFloat32> truncated;
  Placeholder<TInt64> seed;
  TInt64 seedValue;
  FloatDataBuffer dst;

  @Setup
  public void build() {
    graph = new Graph();
    Ops tf = Ops.create(graph);
    Operand<TInt64> shape = tf.constant(new long[] {size});
    // fed at every run: a constant seed would let TensorFlow fold the whole graph into a constant
    seed = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
    seedValue = TInt64.vectorOf(SEED, 0);
    // U[0, 1) * 2L - L
    uniform = tf.math.add(
        tf.math.mul(tf.random.statelessRandomUniform(shape, seed),
            tf.constant((float) (2 * UNIFORM_LIMIT))),
        tf.constant((float) -UNIFORM_LIMIT));
    normal = tf.math.mul(
        tf.random.statelessRandomNormal(shape, seed), tf.constant((float) NORMAL_SIGMA));
    truncated = tf.math.mul(
        tf.random.statelessTruncatedNormal(shape, seed), tf.constant((float) TRUNCATED_SIGMA));
    session = new Session(graph);
    dst = DataBuffers.of(new float[size], false, false);
  }

  @TearDown
  public void close() {
    seedValue.close();
    session.close();
    graph.close();
  }

  @Benchmark
  public FloatDataBuffer uniformStateless() {
    return run(uniform);
  }

  @Benchmark
  public FloatDataBuffer normalStateless() {
    return run(normal);
  }

  @Benchmark
  public FloatDataBuffer truncatedStateless() {
    return run(truncated);
  }

  private FloatDataBuffer run(Operand<TFloat32> op) {
    try (Result result = session.runner().feed(seed, seedValue).fetch(op).run()) {
      ((TFloat32) result.get(0)).copyTo(dst);
    }
    return dst;
  }
}
