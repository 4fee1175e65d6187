package io.github.varscale;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A model's summary, as Keras's {@code model.summary()}: {@link #toString()} is a table of every
 * tensor's path, shape, element type, parameter count and initializer, with the totals.
 *
 * <pre>{@code
 * System.out.println(Summary.of(GptInitializer.specs(gpt)));
 * }</pre>
 *
 * <pre>{@code
 * tensor            shape        type   parameters  initializer
 * embed             [1000, 64]   float      64,000  RandomNormal(mean=0.0, stddev=0.02)
 * blocks.0.attn.wq  [64, 4, 16]  float       4,096  GlorotUniform
 * blocks.0.ln.bias  [64]         float          64  Zeros
 * 3 tensors, 68,160 parameters, 266.3 KiB
 * }</pre>
 */
public final class Summary {
  private static final String[] HEADER = {"tensor", "shape", "type", "parameters", "initializer"};

  private final List<TensorSpec> specs;
  private final long parameters;
  private final long bytes;

  private Summary(List<TensorSpec> specs, long parameters, long bytes) {
    this.specs = specs;
    this.parameters = parameters;
    this.bytes = bytes;
  }

  /**
   * The summary of {@code specs}, in their order.
   *
   * @param specs the tensors, as a generated {@code <Model>Initializer.specs(model)} lists them;
   *     possibly none
   * @return the summary, holding a copy of the list
   * @throws NullPointerException if {@code specs} or one of them is null, with the message
   *     {@code "specs"} or {@code "specs[i]"}
   * @throws IllegalArgumentException if the totals overflow a {@code long}
   */
  public static Summary of(List<TensorSpec> specs) {
    TensorSpec[] given = Objects.requireNonNull(specs, "specs").toArray(new TensorSpec[0]);
    for (int i = 0; i < given.length; i++) {
      Objects.requireNonNull(given[i], "specs[" + i + "]");
    }
    List<TensorSpec> copy = List.of(given);
    long parameters = 0;
    long bytes = 0;
    try {
      for (TensorSpec spec : copy) {
        parameters = Math.addExact(parameters, spec.size());
        bytes = Math.addExact(bytes, spec.bytes());
      }
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("the specs' totals overflow a long", e);
    }
    return new Summary(copy, parameters, bytes);
  }

  /** {@return the tensors summarized, in order, unmodifiable} */
  public List<TensorSpec> specs() {
    return specs;
  }

  /** {@return the total number of parameters (elements) of every tensor} */
  public long parameters() {
    return parameters;
  }

  /** {@return the total number of bytes of their values: 4 per float, 8 per double} */
  public long bytes() {
    return bytes;
  }

  /**
   * The table: one row per tensor, columns padded to their widest cell, parameter counts right
   * aligned with thousands separators, and a last line of totals.
   */
  @Override
  public String toString() {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (TensorSpec spec : specs) {
      rows.add(new String[] {
        spec.path(),
        Arrays.toString(spec.shape()),
        spec.elementType().getName(),
        String.format(Locale.ROOT, "%,d", spec.size()),
        initializer(spec)
      });
    }
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    StringBuilder table = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.length; c++) {
        if (c > 0) {
          line.append("  ");
        }
        String pad = " ".repeat(widths[c] - row[c].length());
        // Parameter counts line up on their last digit, as numbers do.
        line.append(c == 3 ? pad + row[c] : row[c] + (c == row.length - 1 ? "" : pad));
      }
      table.append(line.toString().stripTrailing()).append('\n');
    }
    table.append(String.format(Locale.ROOT, "%,d %s, %,d parameters, %s\n", specs.size(),
        specs.size() == 1 ? "tensor" : "tensors", parameters, humanBytes(bytes)));
    return table.toString();
  }

  /**
   * The initializer's annotation, with its settings where the name does not imply them: {@code
   * HeNormal}, {@code VarianceScaled(scale=2.0, mode=FAN_OUT, distribution=NORMAL)}, {@code
   * RandomNormal(mean=0.0, stddev=0.02)}, and for a spec made by hand {@code
   * VarianceScaling(scale=2.0, ...)}.
   */
  private static String initializer(TensorSpec spec) {
    String name = spec.initializerName();
    String description = spec.initializer().toString();
    int bracket = description.indexOf('[');
    boolean preset = spec.initializer() instanceof VarianceScaling && !name.equals("VarianceScaled")
        && !name.equals(description.substring(0, Math.max(bracket, 0)));
    if (bracket < 0 || preset) {
      return name;
    }
    return name + "(" + description.substring(bracket + 1, description.length() - 1) + ")";
  }

  /** {@code 812 B}, {@code 282.0 KiB}, {@code 474.8 MiB}, {@code 29.8 GiB}. */
  static String humanBytes(long bytes) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    if (bytes < 1024) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = 0;
    // Up a unit from where one decimal would round to 1024.0: 1,048,575 B is "1.0 MiB".
    while (value >= 1023.95 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
