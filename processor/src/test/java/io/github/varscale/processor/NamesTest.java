package io.github.varscale.processor;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The names the processor derives: nested classes in UpperCamelCase, and whether they are legal. */
class NamesTest {

  @ParameterizedTest
  @CsvSource({
    "w1, W1",
    "hidden_weights, HiddenWeights",
    "hiddenWeights, HiddenWeights",
    "_bias, Bias",
    "conv2d_kernel_, Conv2dKernel",
    "a__b, AB",
    "x__y3, XY3",
    "Already, Already",
    "$w, $w",
    "w$1, W$1",
    "__, __",
    "_1, 1",
    "__3d_kernel, 3dKernel",
    "ünits, Ünits"
  })
  void nestedClassNamesAreUpperCamelCase(String field, String nested) {
    assertThat(Names.upperCamel(field)).isEqualTo(nested);
  }

  @ParameterizedTest
  @ValueSource(strings = {"W1", "HiddenWeights", "__", "$w", "Ünits", "Var", "Record", "Yield"})
  void legalClassNames(String name) {
    assertThat(Names.isLegalClassName(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "3dKernel", "", "_", "int", "class", "a-b"})
  void illegalClassNames(String name) {
    // A digit first, empty, a keyword ("_" is one since Java 9), or no identifier at all.
    assertThat(Names.isLegalClassName(name)).isFalse();
  }
}
