package io.github.varscale.internal;

import io.github.varscale.Distribution;
import io.github.varscale.FanAxes;
import io.github.varscale.FixedInitializer;
import io.github.varscale.Initializer;
import io.github.varscale.Layout;
import io.github.varscale.Mode;
import io.github.varscale.VarianceScaling;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the table of tensor fields a generated initializer holds as text (see {@link
 * TensorField#table}). One line per field, its columns separated by {@code " | "}:
 *
 * <pre>
 * w1 | float | [784, 256] | IN_OUT | HeNormal | VarianceScaling[scale=2.0, mode=FAN_IN, ...]
 * wq | float | {"dModel", "4 * dModel"} | inAxes [0], outAxes [1] | Ones | Ones
 * </pre>
 *
 * <p>The columns are the field's name, its element type, its constant shape or its dims as
 * written, its fan axes as {@link FanAxes#toString} writes them, the initializer annotation's
 * simple name, and the initializer as {@link Initializer#toString} writes it. A string is what
 * costs javac least to compile in every build, far less than the factory calls it stands for.
 * The processor checked every value; each axes and initializer column is accepted only if it is
 * exactly what the runtime itself writes for what it reads, so that a table and a runtime that
 * disagree fail at once rather than draw other values.
 */
final class FieldTable {
  private static final String COLUMN = " | ";

  // Compiled once: a generated class's table is read in its static initializer, and String's
  // split and replaceAll compile a pattern on every call for these.
  private static final Pattern COLUMNS = Pattern.compile(Pattern.quote(COLUMN));
  private static final Pattern LIST = Pattern.compile(", ");
  private static final Pattern DIMS = Pattern.compile(Pattern.quote("\", \""));
  private static final Pattern VALUES = Pattern.compile("=[^,\\]]*");

  private FieldTable() {}

  /**
   * The fields of the lines of {@code chunks}, whose keys are {@code owner + "#" + name}.
   *
   * @throws IllegalArgumentException if a line is not as the processor writes it
   */
  static TensorField[] parse(String owner, String... chunks) {
    // The chunks are one text cut where a class file's string constant ends, at a line's end
    // wherever one fits, but inside a line longer than a constant (a shape of tens of thousands
    // of dimensions): joined first, then split into lines.
    List<TensorField> fields = new ArrayList<>();
    for (String line : String.join("", chunks).split("\n")) {
      if (!line.isEmpty()) {
        fields.add(field(owner, line));
      }
    }
    return fields.toArray(TensorField[]::new);
  }

  private static TensorField field(String owner, String line) {
    String[] columns = COLUMNS.split(line, -1);
    if (columns.length != 6) {
      throw malformed(line, "6 columns separated by \"" + COLUMN + "\"");
    }
    String key = owner + "#" + columns[0];
    Class<?> elementType = elementType(columns[1], line);
    String shape = columns[2];
    FanAxes axes = axes(columns[3], line);
    String annotation = columns[4];
    Initializer initializer = initializer(columns[5], line);
    if (shape.startsWith("[") && shape.endsWith("]")) {
      return TensorField.of(key, annotation, initializer, elementType, axes, ints(shape, line));
    }
    if (shape.startsWith("{\"") && shape.endsWith("\"}")) {
      // The entries hold no quotes: the processor refused any that does not parse.
      String[] dims = DIMS.split(shape.substring(2, shape.length() - 2), -1);
      return TensorField.withDims(key, annotation, initializer, elementType, axes, dims);
    }
    throw malformed(line, "a shape [d0, d1, ...] or dims {\"e0\", \"e1\", ...}");
  }

  private static Class<?> elementType(String name, String line) {
    switch (name) {
      case "float":
        return float.class;
      case "double":
        return double.class;
      default:
        throw malformed(line, "float or double");
    }
  }

  /** {@code IN_OUT}, {@code OUT_IN, batchAxes [0]}, {@code inAxes [0], outAxes [1, 2]}. */
  private static FanAxes axes(String text, String line) {
    String axesText = text;
    int[] batch = {};
    int batchAt = text.indexOf(", batchAxes ");
    if (batchAt >= 0) {
      batch = ints(text.substring(batchAt + ", batchAxes ".length()), line);
      axesText = text.substring(0, batchAt);
    }
    FanAxes axes;
    if (axesText.startsWith("inAxes ")) {
      int outAt = axesText.indexOf(", outAxes ");
      if (outAt < 0) {
        throw malformed(line, "fan axes as FanAxes.toString() writes them");
      }
      axes = FanAxes.explicit(ints(axesText.substring("inAxes ".length(), outAt), line),
          ints(axesText.substring(outAt + ", outAxes ".length()), line), batch);
    } else {
      axes = FanAxes.of(constant(Layout.class, axesText, line), batch);
    }
    return readBack(axes, text, line);
  }

  /** {@code VarianceScaling[scale=2.0, mode=FAN_IN, distribution=UNIFORM]}, {@code Zeros}, ... */
  private static Initializer initializer(String text, String line) {
    int open = text.indexOf('[');
    String name = open < 0 ? text : text.substring(0, open);
    List<String> values = new ArrayList<>();
    if (open >= 0) {
      if (!text.endsWith("]")) {
        throw malformed(line, "an initializer as Initializer.toString() writes it");
      }
      for (String setting : LIST.split(text.substring(open + 1, text.length() - 1))) {
        values.add(setting.substring(setting.indexOf('=') + 1));
      }
    }
    Initializer initializer;
    switch (name + "/" + values.size()) {
      case "VarianceScaling/3":
        initializer = VarianceScaling.of(number(values.get(0), line),
            constant(Mode.class, values.get(1), line),
            constant(Distribution.class, values.get(2), line));
        break;
      case "Zeros/0":
        initializer = FixedInitializer.zeros();
        break;
      case "Ones/0":
        initializer = FixedInitializer.ones();
        break;
      case "Constant/1":
        initializer = FixedInitializer.constant(number(values.get(0), line));
        break;
      case "RandomNormal/2":
        initializer = FixedInitializer.randomNormal(number(values.get(0), line),
            number(values.get(1), line));
        break;
      case "TruncatedNormal/2":
        initializer = FixedInitializer.truncatedNormal(number(values.get(0), line),
            number(values.get(1), line));
        break;
      case "RandomUniform/2":
        initializer = FixedInitializer.randomUniform(number(values.get(0), line),
            number(values.get(1), line));
        break;
      default:
        throw malformed(line, "an initializer as Initializer.toString() writes it");
    }
    // Numbers are compared as numbers: JDK 17 and 19+ print some doubles differently (JDK 19
    // made Double.toString shortest), and the processor may have run on either.
    String expected = initializer.toString();
    if (!settingNames(expected).equals(settingNames(text))) {
      throw malformed(line, "\"" + expected + "\" where it has \"" + text + "\"");
    }
    return initializer;
  }

  /** {@code Constant[value=0.5]} to {@code Constant[value=]}: the text without its values. */
  private static String settingNames(String text) {
    return VALUES.matcher(text).replaceAll("=");
  }

  /** {@code value}, if it prints as {@code text}: then the text held nothing else. */
  private static <T> T readBack(T value, String text, String line) {
    if (!value.toString().equals(text)) {
      throw malformed(line, "\"" + value + "\" where it has \"" + text + "\"");
    }
    return value;
  }

  /** {@code [784, 256]}. */
  private static int[] ints(String text, String line) {
    if (!text.startsWith("[") || !text.endsWith("]")) {
      throw malformed(line, "a list [a, b, ...]");
    }
    String list = text.substring(1, text.length() - 1);
    try {
      return list.isEmpty()
          ? new int[0]
          : Arrays.stream(LIST.split(list)).mapToInt(Integer::parseInt).toArray();
    } catch (NumberFormatException e) {
      throw malformed(line, "integers in " + text);
    }
  }

  private static double number(String text, String line) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw malformed(line, "a number where it has " + text);
    }
  }

  private static <E extends Enum<E>> E constant(Class<E> type, String name, String line) {
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw malformed(line, "a " + type.getSimpleName() + " where it has " + name);
    }
  }

  private static IllegalArgumentException malformed(String line, String expected) {
    return new IllegalArgumentException("a generated field table line must have " + expected
        + ": \"" + line + "\"; recompile the model with the matching varscale processor");
  }
}
