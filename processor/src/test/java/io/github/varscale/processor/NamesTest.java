package io.github.varscale.processor;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

  @ParameterizedTest
  @CsvSource({
    "w1, W1",
    "hidden_weights, HiddenWeights",
    "hiddenWeights, HiddenWeights",
    "_bias, Bias",
    "conv2d_kernel_, Conv2dKernel",
    "a__b, AB",
    "__, __",
    "Already, Already"
  })
  void nestedClassNamesAreUpperCamelCase(String field, String nested) {
    assertThat(Names.upperCamel(field)).isEqualTo(nested);
  }
}
