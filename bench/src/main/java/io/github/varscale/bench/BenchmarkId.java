package io.github.varscale.bench;

import java.lang.reflect.Method;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * A benchmark method, named as JMH names it in a report ({@code MemoryBound.arraysFill}) and
 * checked to exist: a renamed or removed method makes {@link #of} throw when the report's
 * constants are loaded (and {@code BenchmarkIdTest} fail), where a name in a string would
 * silently drop the rows and targets that refer to it.
 */
record BenchmarkId(Class<?> type, String method) {

  /** The {@code @Benchmark} method {@code method} of {@code type}. */
  static BenchmarkId of(Class<? extends FillBenchmark> type, String method) {
    Method found;
    try {
      found = type.getMethod(method);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(type.getSimpleName() + " has no method " + method, e);
    }
    if (!found.isAnnotationPresent(Benchmark.class)) {
      throw new IllegalArgumentException(type.getSimpleName() + "." + method + " is no @Benchmark");
    }
    return new BenchmarkId(type, method);
  }

  String name() {
    return type.getSimpleName() + "." + method;
  }
}
