package io.github.varscale.internal;

import io.github.varscale.FanAxes;
import io.github.varscale.Initializer;
import io.github.varscale.TensorSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The static description of one tensor field, built once by its generated initializer: its key,
 * initializer, element type, fan axes, and its shape, constant or read from the model's fields.
 * Not for direct use.
 */
public final class TensorField {
  /** The most elements a Java array can hold on every JVM. */
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private final String key;
  private final String name;
  private final String annotation;
  private final Initializer initializer;
  private final Class<?> elementType;
  private final FanAxes axes;
  /** The constant shape, or null if it is read from the model. */
  private final int[] shape;
  /** The constant shape's spec under the default key, or null. */
  private final TensorSpec spec;
  /** The dims expressions as written, or null. */
  private final String[] dims;
  /** {@code factors[d]}: dimension {@code d}'s terms, a literal {@code v >= 0} or field {@code -1 - i}. */
  private final int[][] factors;
  /** The field names the dims read, in the order their values are passed. */
  private final String[] names;

  private TensorField(String key, String annotation, Initializer initializer,
      Class<?> elementType, FanAxes axes, int[] shape, String[] dims, int[][] factors,
      String[] names) {
    this.key = key;
    this.name = key.substring(key.indexOf('#') + 1);
    this.annotation = annotation;
    this.initializer = initializer;
    this.elementType = elementType;
    this.axes = axes;
    this.shape = shape;
    this.dims = dims;
    this.factors = factors;
    this.names = names;
    this.spec = shape == null
        ? null
        : TensorSpec.of(name, key, elementType, shape, axes, initializer, annotation);
    if (spec != null && spec.size() > MAX_ARRAY) {
      // The processor refuses such a field; the walk's allocation would truncate its size.
      throw new IllegalArgumentException(javaName() + ": shape " + Arrays.toString(shape)
          + " has more elements than a Java array can hold (" + MAX_ARRAY + ")");
    }
  }

  /**
   * A field of constant shape.
   *
   * @param key {@code "<canonical class name>#<field>"}
   * @param annotation the initializer annotation's simple name, {@code "HeNormal"}
   * @param initializer draws the field's values, with the annotation's settings
   * @param elementType the field's element type, {@code float.class} or {@code double.class}
   * @param axes which dimensions are the fans, as the field's {@code @Shape} gives them
   * @param shape the dimensions, each {@code > 0}; none for a scalar
   * @return the field, with its spec at the root of its model already built
   * @throws IllegalArgumentException if {@link TensorSpec#of(String, String, Class, int[],
   *     FanAxes, Initializer, String)} refuses the field, or it has more elements than a Java
   *     array can hold
   */
  public static TensorField of(String key, String annotation, Initializer initializer,
      Class<?> elementType, FanAxes axes, int... shape) {
    return new TensorField(key, annotation, initializer, elementType, axes, shape.clone(), null,
        null, null);
  }

  /**
   * A field whose dimensions are read from the model: each of {@code dims} is terms joined by
   * {@code *}, a term a positive literal or a field name, as {@code @Shape(dims = ...)} writes
   * them (checked by the processor). The walk passes the values of the names in the order they
   * first appear.
   *
   * @param key {@code "<canonical class name>#<field>"}
   * @param annotation the initializer annotation's simple name, {@code "HeNormal"}
   * @param initializer draws the field's values, with the annotation's settings
   * @param elementType the field's element type, {@code float.class} or {@code double.class}
   * @param axes which dimensions are the fans, as the field's {@code @Shape} gives them
   * @param dims the dimensions' expressions, outermost first, as written in the {@code @Shape}
   * @return the field, whose spec {@link #spec(int...)} builds from the values the walk reads
   */
  public static TensorField withDims(String key, String annotation, Initializer initializer,
      Class<?> elementType, FanAxes axes, String... dims) {
    List<String> names = new ArrayList<>();
    int[][] factors = new int[dims.length][];
    for (int d = 0; d < dims.length; d++) {
      String[] terms = dims[d].split("\\*");
      factors[d] = new int[terms.length];
      for (int t = 0; t < terms.length; t++) {
        String term = terms[t].strip();
        if (!term.isEmpty() && Character.isDigit(term.charAt(0))) {
          factors[d][t] = Integer.parseInt(term);
        } else {
          if (!names.contains(term)) {
            names.add(term);
          }
          factors[d][t] = -1 - names.indexOf(term);
        }
      }
    }
    return new TensorField(key, annotation, initializer, elementType, axes, null, dims.clone(),
        factors, names.toArray(String[]::new));
  }

  /**
   * The fields a generated initializer declares, from its table: one line per field, {@code
   * "w1 | float | [784, 256] | IN_OUT | HeNormal | VarianceScaling[scale=2.0, ...]"} (see {@link
   * FieldTable}), cut into {@code chunks} that each fit a class file's constant, at the end of a
   * line wherever one fits.
   *
   * @param owner the canonical name of the class declaring the fields, the keys' prefix
   * @param chunks the table's text, whose concatenation is its lines, each ended by a newline
   * @return the fields, in the table's order
   * @throws IllegalArgumentException if a line is not as the processor writes it
   */
  public static TensorField[] table(String owner, String... chunks) {
    return FieldTable.parse(owner, chunks);
  }

  /**
   * The spec of this field at the root of its model, its dims evaluated from {@code values} (the
   * fields they read, in order of first appearance): what the nested class's {@code spec(model)}
   * returns.
   *
   * @param values the current values of the fields the dims name, one per name in order of first
   *     appearance; none for a constant shape
   * @return the spec, with path the field's name and key {@code "<canonical class name>#<field>"}
   * @throws NullPointerException if {@code values} is null
   * @throws IllegalArgumentException if a dimension is out of bounds, the message naming the
   *     field, its dims and the values; or if {@code values} has not one value per name the dims
   *     read
   */
  public TensorSpec spec(int... values) {
    requireArity(values);
    return spec(name, key, values);
  }

  /** The field's simple name, the last segment of its paths. */
  String name() {
    return name;
  }

  /** {@code "<canonical class name>#<field>"}. */
  String key() {
    return key;
  }

  /** The field as Java names it: {@code p.Mlp.w1}. */
  String javaName() {
    return key.replace('#', '.');
  }

  /** The spec under the default key, for a constant shape; null otherwise. */
  TensorSpec constantSpec() {
    return spec;
  }

  /**
   * The spec of this field at {@code path} under {@code key}, its dims evaluated from {@code
   * values} (none for a constant shape).
   *
   * @throws IllegalArgumentException if a dimension is {@code <= 0} or overflows, the tensor
   *     exceeds a Java array, or the spec refuses it; the message names the field and the values
   */
  TensorSpec spec(String path, String key, int[] values) {
    if (shape != null) {
      return path.equals(name) && key.equals(this.key)
          ? spec
          : TensorSpec.of(path, key, elementType, shape, axes, initializer, annotation);
    }
    int[] dimensions = new int[factors.length];
    long size = 1;
    for (int d = 0; d < factors.length; d++) {
      long value = 1;
      for (int factor : factors[d]) {
        int term = factor >= 0 ? factor : values[-1 - factor];
        if (term <= 0) {
          String read = factor >= 0 ? "has the literal " + term + "; a literal must be > 0"
              : "reads " + names[-1 - factor] + " = " + term
                  + "; every field a dimension reads must be > 0";
          throw refusal(path, "dimension " + d + ", \"" + dims[d] + "\", " + read, values);
        }
        value *= term;
        if (value > Integer.MAX_VALUE) {
          throw refusal(path, "dimension " + d + ", \"" + dims[d] + "\", overflows an int", values);
        }
      }
      dimensions[d] = (int) value;
      size = Math.min(size * value, MAX_ARRAY + 1);
    }
    if (size > MAX_ARRAY) {
      throw refusal(path, "shape " + Arrays.toString(dimensions) + " has more elements than a Java"
          + " array can hold (" + MAX_ARRAY + ")", values);
    }
    try {
      return TensorSpec.of(path, key, elementType, dimensions, axes, initializer, annotation);
    } catch (IllegalArgumentException e) {
      throw refusal(path, e.getMessage(), values);
    }
  }

  private IllegalArgumentException refusal(String path, String what, int[] values) {
    StringBuilder read = new StringBuilder();
    for (int i = 0; i < names.length; i++) {
      read.append(i == 0 ? "" : ", ").append(names[i]).append(" = ").append(values[i]);
    }
    String field = path.equals(name) ? javaName() : path + " (" + javaName() + ")";
    return new IllegalArgumentException(field + ": @Shape(dims = " + Arrays.toString(dims) + ")"
        + (names.length == 0 ? "" : " with " + read) + ": " + what);
  }

  /** The number of values a walk passes for the dims. */
  int arity() {
    return names == null ? 0 : names.length;
  }

  @Override
  public String toString() {
    return key + (shape != null ? " " + Arrays.toString(shape) : " dims " + Arrays.toString(dims));
  }

  /** Throws unless {@code values} has one value per name the dims read. */
  void requireArity(int[] values) {
    Objects.requireNonNull(values, "values");
    if (values.length != arity()) {
      throw new IllegalArgumentException(
          key + " reads " + arity() + " dims values, given " + values.length
              + "; recompile the model with the matching varscale processor");
    }
  }
}
