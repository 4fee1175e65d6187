package io.github.varscale.internal;

import io.github.varscale.TensorSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the no-argument {@code specs()} of a model whose specs depend on no instance: its own
 * tensors, its superclass's, and its single parts'. The order is {@code specs(model)}'s: the
 * inherited tensors, the own tensors, the inherited parts, the own parts. Not for direct use.
 */
public final class StaticSpecs {
  private final List<TensorSpec> inheritedTensors = new ArrayList<>();
  private final List<TensorSpec> tensors = new ArrayList<>();
  private final List<TensorSpec> inheritedParts = new ArrayList<>();
  private final List<TensorSpec> parts = new ArrayList<>();

  private StaticSpecs() {}

  /**
   * A builder with the superclass's {@code specs()}, or with none.
   *
   * @param superclassSpecs the superclass's initializer's {@code specs()}, in its order; a path
   *     with no dot is one of its tensor fields, the others its parts' tensors
   * @return a new builder holding them, to which the model's own tensors and parts are added
   */
  public static StaticSpecs inherit(List<TensorSpec> superclassSpecs) {
    StaticSpecs builder = new StaticSpecs();
    for (TensorSpec spec : superclassSpecs) {
      // A field's path has no dot; a part's tensors' paths start with the part's name and a dot.
      (spec.path().indexOf('.') < 0 ? builder.inheritedTensors : builder.inheritedParts).add(spec);
    }
    return builder;
  }

  /**
   * A builder for a model without a superclass model.
   *
   * @return a new, empty builder
   */
  public static StaticSpecs of() {
    return new StaticSpecs();
  }

  /**
   * Adds the tensor fields of constant shape a generated initializer declares, in order.
   *
   * @param fields the fields, from {@link TensorField#table}; their specs at the root are added
   * @return this builder
   */
  public StaticSpecs tensors(TensorField... fields) {
    for (TensorField field : fields) {
      tensors.add(field.constantSpec());
    }
    return this;
  }

  /**
   * Adds the part in field {@code key} ({@code "p.Block#attn"}), whose own specs are given.
   *
   * @param key the {@code @Submodel} field's key, {@code "<canonical class name>#<field>"}: the
   *     field's name prefixes the part's paths ({@code "attn.wq"}), and the class with the path
   *     makes each key ({@code "p.Block#attn.wq"})
   * @param partSpecs the part's initializer's {@code specs()}, paths relative to the part
   * @return this builder
   */
  public StaticSpecs part(String key, List<TensorSpec> partSpecs) {
    String prefix = key.substring(key.indexOf('#') + 1) + ".";
    String keyPrefix = key.substring(0, key.indexOf('#') + 1);
    for (TensorSpec spec : partSpecs) {
      String path = prefix + spec.path();
      parts.add(TensorSpec.of(path, keyPrefix + path, spec.elementType(), spec.shape(),
          spec.axes(), spec.initializer(), spec.initializerName()));
    }
    return this;
  }

  /** {@return the specs, in {@code specs(model)}'s order, unmodifiable} */
  public List<TensorSpec> build() {
    List<TensorSpec> all = new ArrayList<>(inheritedTensors);
    all.addAll(tensors);
    all.addAll(inheritedParts);
    all.addAll(parts);
    return List.copyOf(all);
  }
}
