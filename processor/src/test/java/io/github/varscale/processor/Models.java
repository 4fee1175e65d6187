package io.github.varscale.processor;

import com.google.testing.compile.JavaFileObjects;
import java.util.Objects;
import javax.tools.JavaFileObject;

/**
 * The model classes under {@code src/test/resources/models}, which the generation and behaviour
 * tests share: each exercises something the processor must understand (see each file's javadoc).
 */
final class Models {
  private Models() {}

  /** Flat and nested fields of both element types, both layouts, every mode and law. */
  static final JavaFileObject MLP = model("p/Mlp");

  /** Every fixed initializer; its initializer's name clashes with the runtime's class. */
  static final JavaFileObject FIXED = model("p/Fixed");

  /** Dimensions read from fields, a folded constant, explicit fan axes. */
  static final JavaFileObject ATTENTION = model("p/Attention");

  /** Dimensions read from a field, and parts. */
  static final JavaFileObject BLOCK = model("p/Block");

  /** An array and a list of parts. */
  static final JavaFileObject GPT = model("p/Gpt");

  /** A generic subclass of {@link #MLP}, with a static and an inner model class. */
  static final JavaFileObject DEEP = model("p/Deep");

  /** Constant shapes with explicit fan axes and batch axes. */
  static final JavaFileObject AXES = model("p/Axes");

  /** Every model above. */
  static JavaFileObject[] all() {
    return new JavaFileObject[] {MLP, FIXED, ATTENTION, BLOCK, GPT, DEEP, AXES};
  }

  private static JavaFileObject model(String path) {
    return JavaFileObjects.forResource(Objects.requireNonNull(
        Models.class.getResource("/models/" + path + ".java"), path));
  }
}
