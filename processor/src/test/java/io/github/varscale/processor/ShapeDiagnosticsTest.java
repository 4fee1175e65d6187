package io.github.varscale.processor;

import static com.google.common.truth.Truth.assertThat;
import static io.github.varscale.processor.Compilations.compile;
import static io.github.varscale.processor.Compilations.model;
import static io.github.varscale.processor.Compilations.source;
import static io.github.varscale.processor.Expected.assertExactly;
import static io.github.varscale.processor.Expected.error;

import io.github.varscale.processor.Compilations.Compiled;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The errors about {@code @Shape}'s value and dims: each at the dimension or entry to blame. */
class ShapeDiagnosticsTest {

  @Test
  void bothValueAndDims() {
    JavaFileObject file = model(
        "  int n;",
        "  @HeNormal @Shape(",
        "      value = {2},",
        "      dims = {\"n\"})",
        "  float[] w;");
    Compiled compiled = compile(file);
    assertExactly(compiled.compilation(), error(Message.SHAPE_BOTH, file, "dims =").at("{\"n\"}")
        .saying("[varscale:shape-both] @Shape of field p.M.w gives both value and dims; give value"
            + " for compile-time constants or dims for expressions read from the model, not"
            + " both"));
    assertThat(compiled.written()).isEmpty();
  }

  @Test
  void neitherValueNorDims() {
    JavaFileObject file = model(
        "  @HeNormal",
        "  @Shape(layout = Layout.OUT_IN)",
        "  float[] w;");
    assertExactly(compile(file).compilation(), error(Message.SHAPE_NEITHER, file, "@Shape(")
        .at("@Shape")
        .saying("[varscale:shape-neither] @Shape of field p.M.w gives neither value nor dims; give"
            + " value = {...} (value = {} for a scalar) or dims = {...}"));
  }

  @Test
  void everyDimensionBelowOneIsReportedAtItself() {
    JavaFileObject file = model(
        "  @HeNormal",
        "  @Shape({784,",
        "      0,",
        "      -3})",
        "  float[] w;");
    assertExactly(compile(file).compilation(),
        error(Message.DIMENSION, file, "0,").at("0").saying("[varscale:dimension] dimension 1 of"
            + " field p.M.w must be > 0, found 0; give the number of elements along that axis"),
        error(Message.DIMENSION, file, "-3})").at("-3"));
  }

  @Test
  void constantDimsBelowOneAreReportedAtTheirEntry() {
    JavaFileObject file = model(
        "  static final int NONE = 0;",
        "  @HeNormal",
        "  @Shape(dims = {\"4\",",
        "      \"2 * NONE\"})",
        "  float[] w;");
    assertExactly(compile(file).compilation(), error(Message.DIMENSION, file, "2 * NONE")
        .at("\"2 * NONE\"")
        .saying("[varscale:dimension] dimension 1 of field p.M.w must be > 0, found 0; give the"
            + " number of elements along that axis"));
  }

  @Test
  void moreElementsThanAnArrayCanHold() {
    // 46341^2 = 2147488281 > Integer.MAX_VALUE - 8; each dimension alone is fine.
    JavaFileObject file = model(
        "  @HeNormal",
        "  @Shape(",
        "      value = {46341, 46341})",
        "  float[] w;");
    assertExactly(compile(file).compilation(), error(Message.SIZE, file, "value = {46341")
        .at("{46341, 46341}")
        .saying("[varscale:size] shape [46341, 46341] of field p.M.w has 2147488281 elements, more"
            + " than a Java array can hold (2147483639); split the tensor into several fields, or"
            + " write it with a hand-made TensorSpec"));
  }

  @Test
  void foldedDimsPastAnIntAreCountedExactly() {
    // Each entry folds past Integer.MAX_VALUE: the size is exact, not saturated.
    JavaFileObject file = model(
        "  static final int K = 100000;",
        "  @HeNormal",
        "  @Shape(",
        "      dims = {\"K * K\", \"3\"})",
        "  double[] w;");
    assertExactly(compile(file).compilation(), error(Message.SIZE, file, "dims =")
        .saying("[varscale:size] shape [10000000000, 3] of field p.M.w has 30000000000 elements,"
            + " more than a Java array can hold (2147483639); split the tensor into several"
            + " fields, or write it with a hand-made TensorSpec"));
  }

  @Test
  void nestedArrayWhoseRankDiffersFromTheShape() {
    JavaFileObject file = model(
        "  @HeNormal",
        "  @Shape({2, 3, 4})",
        "  float[][] w;",
        "  int n;",
        "  @HeNormal",
        "  @Shape(dims = {\"n\"})",
        "  double[][][] v;");
    assertExactly(compile(file).compilation(),
        error(Message.RANK, file, "@Shape({2, 3, 4})").at("{2, 3, 4}")
            .saying("[varscale:rank] field p.M.w is a 2-dimensional array but its shape [2, 3, 4]"
                + " has rank 3; declare it as a flat float[] or as a nested float[][][] with one"
                + " dimension per shape dimension"),
        error(Message.RANK, file, "@Shape(dims = {\"n\"})").at("{\"n\"}")
            .saying("[varscale:rank] field p.M.v is a 3-dimensional array but its shape [\"n\"]"
                + " has rank 1; declare it as a flat double[] or as a nested double[] with one"
                + " dimension per shape dimension"));
  }

  @Test
  void scalarInANestedArrayIsToldToUseAFlatArray() {
    JavaFileObject file = model(
        "  @HeNormal",
        "  @Shape({})",
        "  float[][] w;");
    assertExactly(compile(file).compilation(), error(Message.RANK, file, "@Shape({})").at("{}")
        .saying("[varscale:rank] field p.M.w is a 2-dimensional array but its shape [] has rank"
            + " 0; a scalar is held by a flat float[] of length 1: declare it as float[]"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "''; it is empty",
    "'   '; it is empty",
    "4 *; a term before or after a * is missing",
    "* 4; a term before or after a * is missing",
    "a ** b; a term before or after a * is missing",
    "-4; \"-4\" is neither a positive integer nor the name of a field",
    "4x; \"4x\" is neither a positive integer nor the name of a field",
    "d.model; \"d.model\" is neither a positive integer nor the name of a field",
    "int; \"int\" is neither a positive integer nor the name of a field",
    "0; the literal 0 is not a positive integer",
    "2 * 00; the literal 00 is not a positive integer",
    "99999999999; the literal 99999999999 does not fit an int"
  })
  void dimsEntryThatDoesNotParse(String entry, String why) {
    JavaFileObject file = model(
        "  int a, b, dModel;",
        "  @HeNormal",
        "  @Shape(dims = {\"dModel\",",
        "      \"" + entry + "\"})",
        "  float[] w;");
    assertExactly(compile(file).compilation(), error(Message.DIMS_SYNTAX, file, "\"})")
        .at("\"" + entry + "\"")
        .saying("[varscale:dims-syntax] dims entry 1 of field p.M.w, \"" + entry + "\", does not"
            + " parse: " + why + "; write one or more terms joined by *, each a positive integer or"
            + " the name of an int field, e.g. \"4 * dModel\""));
  }

  @Test
  void dimsNameThatIsNoFieldSuggestsTheClosestIntField() {
    JavaFileObject file = model(
        "  int dModel, heads;",
        "  double scale;",
        "  @HeNormal",
        "  @Shape(dims = {",
        "      \"4 * dmodel\"})",
        "  float[] w;");
    assertExactly(compile(file).compilation(), error(Message.DIMS_NAME, file, "4 * dmodel")
        .at("\"4 * dmodel\"")
        .saying("[varscale:dims-name] dims entry 0 of field p.M.w reads dmodel, which is no field"
            + " of p.M or its superclasses; did you mean dModel?"));
  }

  @Test
  void dimsNameSuggestionsIncludeTheSuperclasssIntFields() {
    JavaFileObject base = source("p.Base",
        "package p;",
        "public class Base {",
        "  int hiddenSize;",
        "}");
    JavaFileObject file = source("p.M",
        "package p;",
        "import io.github.varscale.*;",
        "public class M extends Base {",
        "  @HeNormal @Shape(dims = \"hidenSize\") float[] w;",
        "}");
    assertExactly(compile(base, file).compilation(), error(Message.DIMS_NAME, file, "hidenSize")
        .saying("[varscale:dims-name] dims entry 0 of field p.M.w reads hidenSize, which is no"
            + " field of p.M or its superclasses; did you mean hiddenSize?"));
  }

  @Test
  void dimsNameWithNothingCloseListsTheIntFields() {
    JavaFileObject file = model(
        "  int dModel, heads;",
        "  long big;",
        "  @HeNormal",
        "  @Shape(dims = {",
        "      \"experts\"})",
        "  float[] w;");
    assertExactly(compile(file).compilation(), error(Message.DIMS_NAME, file, "experts")
        .saying("[varscale:dims-name] dims entry 0 of field p.M.w reads experts, which is no field"
            + " of p.M or its superclasses; its int fields are dModel, heads"));
  }

  @Test
  void dimsNameInAClassWithoutIntFields() {
    JavaFileObject file = model(
        "  @HeNormal",
        "  @Shape(dims = \"n\")",
        "  float[] w;");
    assertExactly(compile(file).compilation(), error(Message.DIMS_NAME, file, "dims = \"n\"")
        .saying("[varscale:dims-name] dims entry 0 of field p.M.w reads n, which is no field of"
            + " p.M or its superclasses; the class has no int fields to read a dimension from"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"long; long", "Integer; java.lang.Integer",
    "short; short", "float[]; float[]"})
  void dimsNameOfAFieldThatIsNoInt(String type, String found) {
    JavaFileObject file = model(
        "  " + type + " n;",
        "  @HeNormal",
        "  @Shape(dims = {\"2\",",
        "      \"n * 2\"})",
        "  float[] w;");
    assertExactly(compile(file).compilation(), error(Message.DIMS_TYPE, file, "\"n * 2\"")
        .at("\"n * 2\"")
        .saying("[varscale:dims-type] dims entry 1 of field p.M.w reads n, a field of type " + found
            + "; a dimension is read from an int field: declare n as int"));
  }

  @Test
  void dimsNameOfAPrivateField() {
    JavaFileObject file = model(
        "  private int n;",
        "  M(int n) { this.n = n; }",
        "  @HeNormal",
        "  @Shape(dims = {",
        "      \"n\"})",
        "  float[] w;");
    assertExactly(compile(file).compilation(), error(Message.DIMS_ACCESS, file, "      \"n\"})")
        .at("\"n\"")
        .saying("[varscale:dims-access] dims entry 0 of field p.M.w reads n, which the generated"
            + " initializer in package p cannot read: it is private in p.M; make it"
            + " package-private, protected or public"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"''; package-private", "protected; protected"})
  void dimsNameOfAFieldOfASuperclassInAnotherPackage(String modifier, String named) {
    JavaFileObject base = source("q.Base",
        "package q;",
        "public class Base {",
        "  " + modifier + " int n = 3;",
        "}");
    JavaFileObject file = source("p.M",
        "package p;",
        "import io.github.varscale.*;",
        "public class M extends q.Base {",
        "  @HeNormal",
        "  @Shape(dims = \"n\")",
        "  float[] w;",
        "}");
    assertExactly(compile(base, file).compilation(), error(Message.DIMS_ACCESS, file, "dims =")
        .saying("[varscale:dims-access] dims entry 0 of field p.M.w reads n, which the generated"
            + " initializer in package p cannot read: it is " + named + " in q.Base, another"
            + " package; make it public"));
  }

  @Test
  void everyWrongEntryOfAShapeIsReported() {
    JavaFileObject file = model(
        "  long big;",
        "  @HeNormal",
        "  @Shape(dims = {",
        "      \"big\",",
        "      \"4 x\",",
        "      \"missing\"})",
        "  float[] w;");
    assertExactly(compile(file).compilation(),
        error(Message.DIMS_TYPE, file, "\"big\""),
        error(Message.DIMS_SYNTAX, file, "\"4 x\""),
        error(Message.DIMS_NAME, file, "\"missing\""));
  }
}
