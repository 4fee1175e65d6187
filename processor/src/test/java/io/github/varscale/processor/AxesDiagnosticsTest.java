package io.github.varscale.processor;

import static io.github.varscale.processor.Compilations.compile;
import static io.github.varscale.processor.Compilations.model;
import static io.github.varscale.processor.Expected.assertExactly;
import static io.github.varscale.processor.Expected.error;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The errors about explicit fan axes (JAX's {@code in_axis}, {@code out_axis}, {@code batch_axis})
 * and batch axes of a layout, each at the axis or attribute to blame.
 */
class AxesDiagnosticsTest {

  @ParameterizedTest
  @CsvSource({"inAxes, outAxes", "outAxes, inAxes"})
  void explicitAxesComeInPairs(String given, String missing) {
    JavaFileObject file = model(
        "  @HeNormal",
        "  @Shape(value = {2, 3},",
        "      " + given + " = 0)",
        "  float[] w;");
    assertExactly(compile(file).compilation(), error(Message.AXES_PAIR, file, given + " =")
        .at("0")
        .saying("[varscale:axes-pair] @Shape of field p.M.w gives " + given + " without " + missing
            + "; explicit fan axes come in pairs: give both inAxes and outAxes, or neither and a"
            + " layout"));
  }

  @Test
  void explicitAxesReplaceTheLayout() {
    JavaFileObject file = model(
        "  @HeNormal",
        "  @Shape(value = {2, 3}, inAxes = 0, outAxes = 1,",
        "      layout = Layout.OUT_IN)",
        "  float[] w;");
    assertExactly(compile(file).compilation(), error(Message.AXES_LAYOUT, file, "layout =")
        .at("Layout.OUT_IN")
        .saying("[varscale:axes-layout] @Shape of field p.M.w gives a layout and explicit inAxes"
            + " and outAxes; the axes replace the layout: remove layout"));
  }

  @Test
  void theDefaultLayoutWrittenOutCountsAsALayoutToo() {
    JavaFileObject file = model(
        "  @HeNormal",
        "  @Shape(value = {2, 3}, inAxes = 0, outAxes = 1,",
        "      layout = Layout.IN_OUT)",
        "  float[] w;");
    assertExactly(compile(file).compilation(), error(Message.AXES_LAYOUT, file, "layout ="));
  }

  @ParameterizedTest
  @CsvSource({"inAxes, outAxes = 1", "outAxes, inAxes = 0"})
  void explicitAxesAreNotEmpty(String empty, String other) {
    JavaFileObject file = model(
        "  @HeNormal",
        "  @Shape(value = {2, 3}, " + other + ",",
        "      " + empty + " = {})",
        "  float[] w;");
    assertExactly(compile(file).compilation(), error(Message.AXES_EMPTY, file, empty + " = {}")
        .at("{}")
        .saying("[varscale:axes-empty] " + empty + " of field p.M.w is empty; explicit fan axes"
            + " name at least one input and one output axis, e.g. inAxes = 0, outAxes = {1, 2}"));
  }

  @ParameterizedTest
  @CsvSource({"inAxes, 3", "inAxes, -4", "outAxes, 3", "batchAxes, 7", "batchAxes, -9"})
  void axisOutOfRange(String attribute, int axis) {
    JavaFileObject file = model(
        "  @HeNormal",
        "  @Shape(value = {2, 3, 4}, " + (attribute.equals("inAxes") ? "outAxes = 2"
            : attribute.equals("outAxes") ? "inAxes = 0" : "inAxes = 0, outAxes = 2") + ",",
        "      " + attribute + " = {1,",
        "          " + axis + "})",
        "  float[] w;");
    assertExactly(compile(file).compilation(), error(Message.AXES_RANGE, file, axis + "})")
        .at(String.valueOf(axis))
        .saying("[varscale:axes-range] " + attribute + " of field p.M.w names axis " + axis
            + ", out of range for its shape of rank 3: axes are in [-3, 2] (negative ones count"
            + " from the end)"));
  }

  @Test
  void axisOfAScalar() {
    JavaFileObject file = model(
        "  @HeNormal",
        "  @Shape(value = {}, inAxes = 0, outAxes = -1)",
        "  float[] w;");
    assertExactly(compile(file).compilation(),
        error(Message.AXES_RANGE, file, "@Shape").at("0").saying("[varscale:axes-range] inAxes of"
            + " field p.M.w names axis 0, out of range for its shape of rank 0: axes are in [0, -1]"
            + " (negative ones count from the end)"),
        error(Message.AXES_RANGE, file, "@Shape").at("-1"));
  }

  @Test
  void repeatedAxis() {
    JavaFileObject file = model(
        "  @HeNormal",
        "  @Shape(value = {2, 3, 4}, outAxes = 2,",
        "      inAxes = {0,",
        "          0})",
        "  float[] w;");
    assertExactly(compile(file).compilation(), error(Message.AXES_REPEATED, file, "          0})")
        .at("0")
        .saying("[varscale:axes-repeated] inAxes of field p.M.w names axis 0 twice (as 0 and 0);"
            + " name each axis once"));
  }

  @Test
  void repeatedAxisThroughANegativeAlias() {
    JavaFileObject file = model(
        "  @HeNormal",
        "  @Shape(value = {2, 3, 4}, inAxes = 0,",
        "      outAxes = {2,",
        "          -1})",
        "  float[] w;");
    assertExactly(compile(file).compilation(), error(Message.AXES_REPEATED, file, "-1})")
        .at("-1")
        .saying("[varscale:axes-repeated] outAxes of field p.M.w names axis 2 twice (as 2 and -1);"
            + " name each axis once"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "inAxes = {0, 1}; outAxes = {-2}; outAxes; 1; inAxes; outAxes",
    "inAxes = 0; outAxes = 1, batchAxes = {-3}; batchAxes; 0; inAxes; batchAxes"
  })
  void axisInTwoGroups(String first, String second, String lastAttribute, int axis,
      String group, String other) {
    JavaFileObject file = model(
        "  @HeNormal",
        "  @Shape(value = {2, 3, 4}, " + first + ",",
        "      " + second + ")",
        "  float[] w;");
    assertExactly(compile(file).compilation(), error(Message.AXES_OVERLAP, file, lastAttribute)
        .saying("[varscale:axes-overlap] axis " + axis + " of field p.M.w is in both " + group
            + " and " + other + "; each axis is in at most one group"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "{2, 3, 4}; IN_OUT; 1; 1", "{2, 3, 4}; IN_OUT; -1; 2", "{2, 3, 4}; OUT_IN; 0; 0",
    "{2, 3, 4}; OUT_IN; 1; 1", "{5}; IN_OUT; 0; 0"
  })
  void batchAxisThatIsAChannelOfTheLayout(String shape, String layout, int axis, int resolved) {
    JavaFileObject file = model(
        "  @HeNormal",
        "  @Shape(value = " + shape + ", layout = Layout." + layout + ",",
        "      batchAxes = " + axis + ")",
        "  float[] w;");
    int rank = shape.split(",").length;
    assertExactly(compile(file).compilation(), error(Message.AXES_CHANNEL, file, "batchAxes =")
        .at(String.valueOf(axis))
        .saying("[varscale:axes-channel] batchAxes of field p.M.w names axis " + resolved + ", a"
            + " channel of layout " + layout + " for its shape of rank " + rank + "; a batch axis"
            + " counts in neither fan, so it cannot be the layout's input or output"));
  }

  @Test
  void batchAxesOfADimsShapeAreCheckedAgainstItsRank() {
    JavaFileObject file = model(
        "  int experts, in, out;",
        "  @HeNormal",
        "  @Shape(dims = {\"experts\", \"in\", \"out\"},",
        "      batchAxes = 3)",
        "  float[] w;");
    assertExactly(compile(file).compilation(), error(Message.AXES_RANGE, file, "batchAxes = 3")
        .at("3"));
  }
}
