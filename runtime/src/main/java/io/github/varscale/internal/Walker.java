package io.github.varscale.internal;

import io.github.varscale.ModelTensor;
import io.github.varscale.TensorSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * A walk over a model's tensor fields and parts, which the generated {@code initialize}, {@code
 * tensors} and {@code specs} share. Not for direct use.
 *
 * <p>Each generated initializer has a {@code walk(model, walker)} method that, for every tensor
 * field, calls {@link #enter}, allocates the field if told to, and calls {@link #leave} with the
 * field's array; and for every {@code @Submodel} field calls {@link #part} or {@link #parts}. The
 * walker decides what happens: a check of every shape, dims value and part (nothing written), the
 * fills, or the collection of {@link ModelTensor}s or {@link TensorSpec}s. Parts are walked after
 * the model's own tensors, inherited ones included, depth first, each under its path: a model
 * that writes is walked twice, checked whole first, so that a refusal leaves every field of every
 * part unchanged.
 */
public final class Walker {
  private enum Phase {
    /** Reads every dims value, shape and part, refusing what is wrong; writes nothing. */
    CHECK,
    /** Allocates the null fields and fills every tensor. */
    INITIALIZE,
    /** Allocates the null fields (zeros) and collects the tensors. */
    TENSORS,
    /** Collects the specs; reads the dims and the parts, not the tensor fields. */
    SPECS
  }

  private static final int[] NO_VALUES = {};

  private final Phase phase;
  private final long seed;
  private final String scope;
  private final List<ModelTensor> tensors = new ArrayList<>();
  private final List<TensorSpec> specs = new ArrayList<>();

  /** The path of the part being walked, {@code "blocks.3."}, empty at the root. */
  private String pathPrefix = "";
  /** What precedes a path in a key inside a part, {@code "p.Gpt#"}; null at the root. */
  private String keyPrefix;
  /** The parts met while walking the current model, walked after it. */
  private List<Runnable> pending = new ArrayList<>();

  /** The tensor between {@link #enter} and {@link #leave}. */
  private TensorSpec current;

  private Walker(Phase phase, long seed, String scope) {
    this.phase = phase;
    this.seed = seed;
    this.scope = scope;
  }

  /**
   * {@code initialize(model, seed)}: checks the whole model, then allocates and fills.
   *
   * @param <M> the model's class
   * @param model the model, whose null tensor fields are allocated and every tensor filled
   * @param seed the model's seed, any {@code long}
   * @param walk the generated {@code <Model>Initializer::walk}, which visits the model's tensor
   *     fields and parts
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException if a field holds an array of another shape, a dimension read
   *     from the model is out of bounds, or a part array or list holds a null; then no field of
   *     the model or its parts has changed
   */
  public static <M> void initialize(M model, long seed, BiConsumer<? super M, Walker> walk) {
    Objects.requireNonNull(model, "model");
    run(model, seed, null, walk);
  }

  /**
   * {@code initialize(model, seed, scope)}: as {@link #initialize(Object, long, BiConsumer)}, with
   * the keys {@code scope + "." + path}.
   *
   * @param <M> the model's class
   * @param model the model, whose null tensor fields are allocated and every tensor filled
   * @param seed the model's seed, any {@code long}
   * @param scope the keys' prefix, {@code "gpt.blocks.3"}; not empty
   * @param walk the generated {@code <Model>Initializer::walk}, which visits the model's tensor
   *     fields and parts
   * @throws NullPointerException if {@code model} or {@code scope} is null
   * @throws IllegalArgumentException if {@code scope} is empty, or as {@link #initialize(Object,
   *     long, BiConsumer)} refuses the model
   */
  public static <M> void initialize(
      M model, long seed, String scope, BiConsumer<? super M, Walker> walk) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(scope, "scope");
    if (scope.isEmpty()) {
      throw new IllegalArgumentException(
          "scope must not be empty; pass the keys' prefix, e.g. \"gpt.blocks.3\"");
    }
    run(model, seed, scope, walk);
  }

  private static <M> void run(M model, long seed, String scope, BiConsumer<? super M, Walker> walk) {
    new Walker(Phase.CHECK, seed, scope).walkRoot(model, walk);
    new Walker(Phase.INITIALIZE, seed, scope).walkRoot(model, walk);
  }

  /**
   * {@code tensors(model)}: checks the whole model, then allocates and collects.
   *
   * @param <M> the model's class
   * @param model the model, whose null tensor fields are allocated with zeros
   * @param walk the generated {@code <Model>Initializer::walk}, which visits the model's tensor
   *     fields and parts
   * @return the tensors of the model and of its parts, in the order {@code initialize} fills them;
   *     unmodifiable
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException as {@link #initialize(Object, long, BiConsumer)} refuses the
   *     model
   */
  public static <M> List<ModelTensor> tensors(M model, BiConsumer<? super M, Walker> walk) {
    Objects.requireNonNull(model, "model");
    new Walker(Phase.CHECK, 0, null).walkRoot(model, walk);
    Walker collect = new Walker(Phase.TENSORS, 0, null);
    collect.walkRoot(model, walk);
    return List.copyOf(collect.tensors);
  }

  /**
   * {@code specs(model)}: the specs, reading only the dims fields and the parts.
   *
   * @param <M> the model's class
   * @param model the model, which is not changed
   * @param walk the generated {@code <Model>Initializer::walk}, which visits the model's tensor
   *     fields and parts
   * @return the specs of the model's tensors and of its parts' tensors, in the order of {@link
   *     #tensors}; unmodifiable
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException if a dimension read from the model is out of bounds, or a
   *     part array or list holds a null
   */
  public static <M> List<TensorSpec> specs(M model, BiConsumer<? super M, Walker> walk) {
    Objects.requireNonNull(model, "model");
    Walker collect = new Walker(Phase.SPECS, 0, null);
    collect.walkRoot(model, walk);
    return List.copyOf(collect.specs);
  }

  private <M> void walkRoot(M model, BiConsumer<? super M, Walker> walk) {
    walkPart(model, walk, "", scope == null ? null : scope + ".");
  }

  private <M> void walkPart(
      M model, BiConsumer<? super M, Walker> walk, String pathPrefix, String keyPrefix) {
    List<Runnable> outer = pending;
    String outerPath = this.pathPrefix;
    String outerKey = this.keyPrefix;
    pending = new ArrayList<>();
    this.pathPrefix = pathPrefix;
    this.keyPrefix = keyPrefix;
    walk.accept(model, this);
    // The parts come after the model's tensors, inherited ones included, in declaration order.
    for (Runnable part : pending) {
      part.run();
    }
    pending = outer;
    this.pathPrefix = outerPath;
    this.keyPrefix = outerKey;
  }

  /**
   * Starts the tensor field {@code field} of constant shape, whose value is {@code array}; returns
   * whether the caller must allocate it ({@code new float[W.SIZE]}, or with {@link #dim}) before
   * calling {@link #leave}.
   *
   * @param array the field's value: the array it holds, or null
   * @param field the field's description, its nested class's {@code FIELD}
   * @return true if {@code array} is null and the walk initializes or collects the tensors: the
   *     caller then stores a new array of the tensor's shape in the field; false otherwise
   * @throws IllegalArgumentException when checking, if {@code array} does not hold the field's
   *     shape
   */
  public boolean enter(Object array, TensorField field) {
    return enter(array, field, NO_VALUES);
  }

  /**
   * Starts the tensor field {@code field}, whose dims read {@code values}; see {@link
   * #enter(Object, TensorField)}.
   *
   * @param array the field's value: the array it holds, or null
   * @param field the field's description, its nested class's {@code FIELD}
   * @param values the current values of the fields the dims read, one per field in the order of
   *     their first appearance in the dims; none for a constant shape
   * @return true if {@code array} is null and the walk initializes or collects the tensors: the
   *     caller then stores a new array of the tensor's shape in the field; false otherwise
   * @throws NullPointerException if {@code values} is null
   * @throws IllegalArgumentException if {@code values} has not one value per field the dims read,
   *     if a dims value or the shape it gives is out of bounds, or, when checking, if {@code
   *     array} does not hold that shape
   */
  public boolean enter(Object array, TensorField field, int... values) {
    field.requireArity(values);
    current = spec(field, values);
    switch (phase) {
      case CHECK:
        if (array != null) {
          ModelTensor.of(current, array);
        }
        return false;
      case SPECS:
        specs.add(current);
        return false;
      default:
        return array == null;
    }
  }

  /** At the root without a scope the field's own key; a constant shape's spec is then prebuilt. */
  private TensorSpec spec(TensorField field, int[] values) {
    String path = pathPrefix + field.name();
    return field.spec(path, keyPrefix == null ? field.key() : keyPrefix + path, values);
  }

  /**
   * Dimension {@code i} of the current tensor, for allocating a nested field.
   *
   * @param i the dimension's index, in {@code [0, rank)}
   * @return the dimension, {@code > 0}
   */
  public int dim(int i) {
    return current.shape()[i];
  }

  /**
   * {@return the element count of the current tensor, at most {@code Integer.MAX_VALUE - 8}} For
   * allocating a flat field.
   */
  public int size() {
    return (int) current.size();
  }

  /**
   * Finishes the current tensor field, whose value is now {@code array}.
   *
   * @param array the field's value after {@link #enter} and any allocation: null only when
   *     checking or collecting specs, else an array of the tensor's shape
   */
  public void leave(Object array) {
    switch (phase) {
      case INITIALIZE:
        ModelTensor.of(current, array).initialize(seed);
        break;
      case TENSORS:
        tensors.add(ModelTensor.of(current, array));
        break;
      default:
        break;
    }
    current = null;
  }

  /**
   * The {@code @Submodel} field {@code key} ({@code "p.Block#attn"}) holding {@code part}, walked
   * with {@code walk} after the current model's tensors; a null part is skipped.
   *
   * @param <M> the part's model class
   * @param key the {@code @Submodel} field's key, {@code "<canonical class name>#<field>"}
   * @param part the field's value, or null
   * @param walk the part's generated {@code <Part>Initializer::walk}
   */
  public <M> void part(String key, M part, BiConsumer<? super M, Walker> walk) {
    if (part != null) {
      String name = key.substring(key.indexOf('#') + 1);
      String childKey = childKeyPrefix(key);
      String childPath = pathPrefix + name + ".";
      pending.add(() -> walkPart(part, walk, childPath, childKey));
    }
  }

  /**
   * The {@code @Submodel} array field {@code key} holding {@code parts}, each element walked
   * under its index; a null array is skipped.
   *
   * @param <M> the part's model class
   * @param key the {@code @Submodel} field's key, {@code "<canonical class name>#<field>"}
   * @param parts the field's value, or null; each element walked under the path {@code
   *     "<field>.<index>."}
   * @param walk the part's generated {@code <Part>Initializer::walk}
   * @throws IllegalArgumentException if an element is null
   */
  public <M> void parts(String key, M[] parts, BiConsumer<? super M, Walker> walk) {
    if (parts != null) {
      parts(key, java.util.Arrays.asList(parts), walk);
    }
  }

  /**
   * The {@code @Submodel} list field {@code key} holding {@code parts}, each element walked under
   * its index; a null list is skipped.
   *
   * @param <M> the part's model class
   * @param key the {@code @Submodel} field's key, {@code "<canonical class name>#<field>"}
   * @param parts the field's value, or null; each element walked under the path {@code
   *     "<field>.<index>."}
   * @param walk the part's generated {@code <Part>Initializer::walk}
   * @throws IllegalArgumentException if an element is null
   */
  public <M> void parts(String key, List<? extends M> parts, BiConsumer<? super M, Walker> walk) {
    if (parts == null) {
      return;
    }
    String name = key.substring(key.indexOf('#') + 1);
    String childKey = childKeyPrefix(key);
    int index = 0;
    for (M part : parts) {
      if (part == null) {
        // Named as TensorField names a field: by its Java name at the root, else by its path.
        String javaName = key.replace('#', '.');
        String element = pathPrefix.isEmpty() ? javaName + "[" + index + "]"
            : pathPrefix + name + "[" + index + "] (" + javaName + ")";
        throw new IllegalArgumentException(
            "@Submodel " + element + " is null; give every element a part, or set"
                + " the field itself to null to leave the part out");
      }
      String childPath = pathPrefix + name + "." + index + ".";
      pending.add(() -> walkPart(part, walk, childPath, childKey));
      index++;
    }
  }

  /** Inside a part, keys are the root field's class, or the scope, followed by the path. */
  private String childKeyPrefix(String key) {
    if (keyPrefix != null) {
      return keyPrefix;
    }
    return key.substring(0, key.indexOf('#') + 1);
  }
}
