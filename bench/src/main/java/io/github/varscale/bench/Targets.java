package io.github.varscale.bench;

import java.util.List;

/**
 * The performance goals varscale is held to, in one place. Each bounds a figure a benchmark
 * measures; bench/RESULTS.md states them with their meaning and the latest figures. The fill goals
 * are for one {@code float[16M]} (64 MiB, beyond any cache) unless a field says otherwise.
 *
 * @param uniformNs the most a one-thread {@code UNIFORM} fill may take per element: a few times
 *     the memory-write bound, so that drawing costs little more than writing
 * @param gaussianNs the same for {@code NORMAL} and {@code TRUNCATED_NORMAL}
 * @param uniformOverJdk how much faster than the JDK's fastest uniform generator ({@link
 *     #UNIFORM_JDK}) one thread must be, so that random access and reproducibility cost the user
 *     nothing against the generator they would otherwise pick
 * @param gaussianOverJdk the same for the normal laws against the JDK 17 ziggurat ({@link
 *     #NORMAL_JDK}, {@link #TRUNCATED_JDK}: redrawn beyond 2 sigma)
 * @param overNativeLibraries how much faster than each native ML library's fill of the same law
 *     (ND4J and TensorFlow Java, on all their threads) varscale's one thread must be; these
 *     benchmarks exist only with {@code -Pnative}, so they are named in {@link #NATIVE_LIBRARIES}
 * @param allThreadsSpeedup all threads over one thread, from 1M elements on (two cores here)
 * @param bytesPerFill the most a fill may allocate, whatever its size: a constant, never per
 *     element
 * @param fixedOverVarianceScaled how much slower a fixed initializer's random fill may be than
 *     the variance-scaled fill of the same law (1.1: within 10%)
 * @param constantOverArraysFill how much slower a constant fill ({@code @Zeros}, {@code @Ones},
 *     {@code @Constant}) may be than {@code Arrays.fill}
 * @param safetensorsWriteShare the least share of a plain {@code FileChannel} loop's throughput
 *     that writing a model's tensors as safetensors must reach
 * @param checkpointShare the same for a 32 GB sharded checkpoint written from the specs with
 *     {@code -Xmx256m}
 * @param safetensorsReadShare the same for reading a file back into a model
 * @param buildOverHandWritten the most an annotated build (the processor and the code it
 *     generates) may cost in javac time against the same models initialized by hand through the
 *     runtime API ({@link ProcessorCost.Way#HAND_WRITTEN}); the first goal
 * @param buildOverHandWrittenFinal the same, the final goal
 */
record Targets(
    double uniformNs,
    double gaussianNs,
    double uniformOverJdk,
    double gaussianOverJdk,
    double overNativeLibraries,
    double allThreadsSpeedup,
    double bytesPerFill,
    double fixedOverVarianceScaled,
    double constantOverArraysFill,
    double safetensorsWriteShare,
    double checkpointShare,
    double safetensorsReadShare,
    double buildOverHandWritten,
    double buildOverHandWrittenFinal) {

  static final Targets GOALS =
      new Targets(1.0, 4.0, 1.7, 1.4, 3.0, 1.8, 1024, 1.1, 1.3, 0.8, 0.7, 0.8, 2.0, 1.5);

  /** The fill size the goals are stated for: 16M floats. */
  static final int SIZE = 1 << 24;

  /** The JDK generator each law is compared with. */
  static final BenchmarkId UNIFORM_JDK = BenchmarkId.of(JdkRandoms.class, "uniformSplittableRandom");

  static final BenchmarkId NORMAL_JDK = BenchmarkId.of(JdkRandoms.class, "normalL64X128MixRandom");

  static final BenchmarkId TRUNCATED_JDK =
      BenchmarkId.of(JdkRandoms.class, "truncatedL64X128MixRandom");

  /**
   * The native libraries' benchmark classes, in {@code src/native} and compiled only with {@code
   * -Pnative}, so named rather than referenced; {@code TargetsTest} checks that the sources exist.
   */
  static final List<String> NATIVE_LIBRARIES = List.of("Nd4jRandom", "TensorFlowStateless");
}
