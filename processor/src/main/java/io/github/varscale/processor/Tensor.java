package io.github.varscale.processor;

import io.github.varscale.Distribution;
import io.github.varscale.Layout;
import io.github.varscale.Mode;
import java.util.List;

/**
 * A validated tensor field with every number the generated code needs, computed at compile time.
 *
 * @param field the field's name
 * @param nestedClass the generated nested class holding its constants, e.g. {@code HiddenWeights}
 * @param key the sampling key, {@code "<canonical class name>#<field>"}
 * @param isDouble whether the elements are {@code double}s rather than {@code float}s
 * @param rank the field's array dimensions: 1 for a flat array, the shape's rank for a nested one
 * @param shape the declared dimensions
 * @param annotation the initializer annotation's simple name, e.g. {@code HeNormal}
 * @param variance {@code scale / max(1, n)}, computed by the runtime itself
 * @param sampling the standard deviation (normal laws) or limit (uniform) of the law
 * @param size the number of elements
 */
record Tensor(
    String field,
    String nestedClass,
    String key,
    boolean isDouble,
    int rank,
    List<Integer> shape,
    Layout layout,
    String annotation,
    double scale,
    Mode mode,
    Distribution distribution,
    int fanIn,
    int fanOut,
    double variance,
    double sampling,
    int size) {

  /** {@code LIMIT} for a uniform law, {@code STDDEV} for the normal ones. */
  String samplingName() {
    return distribution == Distribution.UNIFORM ? "LIMIT" : "STDDEV";
  }

  boolean isFlat() {
    return rank == 1;
  }
}
