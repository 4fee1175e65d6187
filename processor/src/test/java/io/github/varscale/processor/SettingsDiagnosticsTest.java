package io.github.varscale.processor;

import static com.google.common.truth.Truth.assertThat;
import static io.github.varscale.processor.Compilations.compile;
import static io.github.varscale.processor.Compilations.model;
import static io.github.varscale.processor.Compilations.source;
import static io.github.varscale.processor.Expected.assertExactly;
import static io.github.varscale.processor.Expected.error;
import static io.github.varscale.processor.Expected.warning;

import io.github.varscale.processor.Compilations.Compiled;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The errors about an initializer annotation's settings: each at the attribute to blame, which
 * sits on a line of its own; a defaulted attribute is blamed at the annotation.
 */
class SettingsDiagnosticsTest {

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "-1.0; -1.0", "0.0; 0.0", "-0.0; -0.0", "0.0 / 0.0; NaN", "1.0 / 0.0; Infinity",
    "Double.NEGATIVE_INFINITY; -Infinity"
  })
  void scaleThatIsNoFiniteNumberAboveZero(String scale, String found) {
    JavaFileObject file = model(
        "  @VarianceScaled(",
        "      mode = Mode.FAN_OUT,",
        "      scale = " + scale + ")",
        "  @Shape({2, 3}) float[] w;");
    Compiled compiled = compile(file);
    assertExactly(compiled.compilation(), error(Message.SCALE, file, "scale = ")
        .at(scale)
        .saying("[varscale:scale] scale must be a finite number > 0, found " + found + "; use e.g."
            + " scale = 1.0 (LeCun, Glorot), scale = 2.0 (He, for ReLU) or a Gain constant"));
    assertThat(compiled.written()).isEmpty();
  }

  @Test
  void misconfiguredPresetIsReportedOnItsDeclarationAndOnEveryFieldUsingIt() {
    JavaFileObject preset = source("p.Bad",
        "package p;",
        "import io.github.varscale.*;",
        "import java.lang.annotation.*;",
        "@Target(ElementType.FIELD)",
        "@VarianceScaled(",
        "    mode = Mode.FAN_AVG,",
        "    scale = -2.0)",
        "public @interface Bad {}");
    JavaFileObject file = model(
        "  @Bad @Shape({2, 3}) float[] first;",
        "  @Shape({4})",
        "  @Bad  ",
        "  float[] second;");
    Compiled compiled = compile(preset, file);
    String onField = "[varscale:preset] preset @Bad is misconfigured: its @VarianceScaled scale"
        + " must be a finite number > 0, found -2.0; fix the declaration of p.Bad";
    assertExactly(compiled.compilation(),
        error(Message.SCALE, preset, "scale = -2.0").at("-2.0"),
        error(Message.PRESET, file, "float[] first").at("@Bad").saying(onField),
        error(Message.PRESET, file, "  @Bad  ").at("@Bad").saying(onField),
        // javac's lint: no processor can name a user's preset among the annotations it claims.
        warning("No processor claimed any of these annotations: /p.Bad"));
    assertThat(compiled.written()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"0; 0.0", "-0.02; -0.02", "Double.NaN; NaN",
    "1 / 0.0; Infinity"})
  void stddevThatIsNoFiniteNumberAboveZero(String stddev, String found) {
    for (String annotation : List.of("RandomNormal", "TruncatedNormal")) {
      JavaFileObject file = model(
          "  @" + annotation + "(",
          "      mean = 1,",
          "      stddev = " + stddev + ")",
          "  @Shape({2}) double[] w;");
      assertExactly(compile(file).compilation(), error(Message.STDDEV, file, "stddev =")
          .at(stddev)
          .saying("[varscale:stddev] stddev must be a finite number > 0, found " + found + ";"
              + " Keras's default is 0.05, GPT-2's 0.02"));
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "Constant(; value",
    "RandomNormal(stddev = 1,; mean",
    "TruncatedNormal(stddev = 1,; mean",
    "RandomUniform(maxval = 1,; minval",
    "RandomUniform(minval = 1,; maxval"
  })
  void valueThatIsNotFinite(String annotation, String attribute) {
    JavaFileObject file = model(
        "  @" + annotation,
        "      " + attribute + " = Double.NaN)",
        "  @Shape({2}) float[] w;");
    assertExactly(compile(file).compilation(), error(Message.NOT_FINITE, file, " = Double.NaN")
        .at("Double.NaN")
        .saying("[varscale:finite] " + attribute + " must be a finite number, found NaN; give it a"
            + " finite value"));
  }

  @Test
  void infiniteBoundsOfAUniformLawAreEachReported() {
    JavaFileObject file = model(
        "  @RandomUniform(",
        "      minval = Double.NEGATIVE_INFINITY,",
        "      maxval = Double.POSITIVE_INFINITY)",
        "  @Shape({2}) float[] w;");
    assertExactly(compile(file).compilation(),
        error(Message.NOT_FINITE, file, "minval =").at("Double.NEGATIVE_INFINITY"),
        error(Message.NOT_FINITE, file, "maxval =").at("Double.POSITIVE_INFINITY"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"1; 1", "1; 0.5", "0.05; -0.05"})
  void emptyUniformRange(String minval, String maxval) {
    JavaFileObject file = model(
        "  @RandomUniform(",
        "      minval = " + minval + ",",
        "      maxval = " + maxval + ")",
        "  @Shape({2}) float[] w;");
    assertExactly(compile(file).compilation(), error(Message.RANGE, file, "maxval =").at(maxval)
        .saying("[varscale:range] minval must be < maxval, found minval = "
            + Double.parseDouble(minval) + " and maxval = " + Double.parseDouble(maxval)
            + "; give a non-empty range"));
  }

  @Test
  void rangeBelowTheDefaultMaximumIsBlamedOnMinval() {
    // maxval keeps its default 0.05: minval is what the user wrote.
    JavaFileObject file = model(
        "  @RandomUniform(",
        "      minval = 0.5)",
        "  @Shape({2}) float[] w;");
    assertExactly(compile(file).compilation(), error(Message.RANGE, file, "minval =").at("0.5"));
  }

  @Test
  void uniformLimitPastTheLargestDoubleIsAnErrorAtScaleNotAnInfiniteConstant() {
    // sqrt(3 * 1e308) overflows while computing the limit: the runtime would refuse the fill.
    JavaFileObject file = model(
        "  @VarianceScaled(",
        "      scale = 1.0E308,",
        "      distribution = Distribution.UNIFORM)",
        "  @Shape({1}) double[] w;");
    Compiled compiled = compile(file);
    assertExactly(compiled.compilation(), error(Message.OVERFLOW, file, "scale =").at("1.0E308")
        .saying("[varscale:overflow] field p.M.w would hold values past the largest double"
            + " (1.7976931348623157E308); use a smaller scale"));
    assertThat(compiled.written()).isEmpty();
  }

  @Test
  void floatTensorWhoseVarianceScaledValuesOverflow() {
    // fans of 1: the truncated law's values reach 2 sqrt(1e78) / 0.8796... = 2.27e39.
    JavaFileObject file = model(
        "  @VarianceScaled(",
        "      scale = 1e78)",
        "  @Shape({1}) float[] w;");
    assertExactly(compile(file).compilation(), error(Message.OVERFLOW, file, "scale =").at("1e78")
        .saying("[varscale:overflow] field p.M.w would hold values up to "
            + 2 * Math.sqrt(1e78) / 0.87962566103423978 + ", past the largest float"
            + " (3.4028235E38); use a smaller scale or a double field"));
  }

  @Test
  void floatTensorWithAScalePastTheLargestFloatIsFineWhileItsValuesFit() {
    // scale 1e39 does not fit a float, but the values, about 7e19, do: nothing to refuse.
    JavaFileObject file = model(
        "  @VarianceScaled(scale = 1e39) @Shape({1}) float[] w;");
    Compiled compiled = compile(Compilations.STRICT, file);
    assertExactly(compiled.compilation());
    assertThat(compiled.wrote("p.MInitializer")).isTrue();
  }

  @Test
  void constantPastTheLargestFloat() {
    JavaFileObject file = model(
        "  @Constant(",
        "      value = 1e39)",
        "  @Shape({2}) float[] w;",
        "  @Constant(value = 1e39) @Shape({2}) double[] fine;");
    assertExactly(compile(file).compilation(), error(Message.OVERFLOW, file, "      value = 1e39)")
        .at("1e39")
        .saying("[varscale:overflow] field p.M.w would hold values up to 1.0E39, past the largest"
            + " float (3.4028235E38); use a smaller value or a double field"));
  }

  @Test
  void uniformBoundPastTheLargestFloatIsBlamedOnTheLargerBound() {
    JavaFileObject file = model(
        "  @RandomUniform(",
        "      minval = -1e300,",
        "      maxval = 1)",
        "  @Shape({2}) float[] w;");
    assertExactly(compile(file).compilation(), error(Message.OVERFLOW, file, "minval =")
        .at("-1e300")
        .saying("[varscale:overflow] field p.M.w would hold values up to 1.0E300, past the largest"
            + " float (3.4028235E38); use a smaller minval or a double field"));
  }

  @Test
  void normalLawPastTheLargestFloatIsBlamedOnStddev() {
    // mean + 2 stddev = 4e38: the truncated law's largest value overflows.
    JavaFileObject file = model(
        "  @TruncatedNormal(",
        "      mean = 0,",
        "      stddev = 2e38)",
        "  @Shape({2}) float[] w;");
    assertExactly(compile(file).compilation(), error(Message.OVERFLOW, file, "stddev =")
        .at("2e38")
        .saying("[varscale:overflow] field p.M.w would hold values up to 4.0E38, past the largest"
            + " float (3.4028235E38); use a smaller stddev or a double field"));
  }

  @Test
  void overflowOfAPresetIsBlamedOnTheFieldsAnnotation() {
    JavaFileObject preset = source("p.Huge",
        "package p;",
        "import io.github.varscale.*;",
        "import java.lang.annotation.*;",
        "@Target(ElementType.FIELD)",
        "@VarianceScaled(scale = 1e80)",
        "public @interface Huge {}");
    JavaFileObject file = model(
        "  @Shape({3})",
        "  @Huge float[] w;",
        "  @Huge @Shape({3}) double[] fits;");
    assertExactly(compile(preset, file).compilation(),
        error(Message.OVERFLOW, file, "@Huge float[] w;").at("@Huge"),
        warning("No processor claimed any of these annotations: /p.Huge"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"float", "double"})
  void dimsShapesAreCheckedForTheLargestVarianceTheirFansCanGive(String type) {
    // Fans of 1 give the largest variance; the dims are read at run time.
    JavaFileObject file = model(
        "  int n;",
        "  @VarianceScaled(",
        "      scale = 1e308,",
        "      distribution = Distribution.UNIFORM)",
        "  @Shape(dims = \"n\") " + type + "[] w;");
    assertExactly(compile(file).compilation(), error(Message.OVERFLOW, file, "scale ="));
  }
}
