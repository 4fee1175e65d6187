package io.github.varscale;

import static io.github.varscale.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gains are the squares of PyTorch's {@code torch.nn.init.calculate_gain}. The expected values
 * were printed by {@code runtime/src/test/python/fans_and_gains.py} with PyTorch 1.13 as {@code
 * float.hex(calculate_gain(name, param) ** 2)} and are pinned here as printed. PyTorch rounds the
 * gain (a square root) before squaring it, which puts its square up to about 3 units in the last
 * place (ulps) off the exact value, so a gain matches within 4 ulps.
 */
class GainTest {

  @Test
  void constantsAreThePyTorchGainsSquared() {
    assertSquareOfTorchGain(0x1.0000000000000p+0, Gain.LINEAR);   // "linear", "conv2d"
    assertSquareOfTorchGain(0x1.0000000000000p+0, Gain.SIGMOID);
    assertSquareOfTorchGain(0x1.638e38e38e38fp+1, Gain.TANH);     // (5/3)^2
    assertSquareOfTorchGain(0x1.0000000000001p+1, Gain.RELU);     // sqrt(2)^2
    assertSquareOfTorchGain(0x1.2000000000000p-1, Gain.SELU);     // (3/4)^2
    assertSquareOfTorchGain(0x1.fff2e4e46e7a8p+0, Gain.LEAKY_RELU); // slope 0.01
  }

  /** Written out exactly, the rationals API.md names: 25/9 and 2 / 1.0001 to 17 digits. */
  @Test
  void constantsAreTheRationalsApiMdNames() {
    assertEquals(1.0, Gain.LINEAR, 0.0);
    assertEquals(1.0, Gain.SIGMOID, 0.0);
    assertEquals(2.7777777777777777, Gain.TANH, 0.0);
    assertEquals(2.0, Gain.RELU, 0.0);
    assertEquals(0.5625, Gain.SELU, 0.0);
    assertEquals(1.9998000199980002, Gain.LEAKY_RELU, 0.0);
  }

  @ParameterizedTest(name = "slope {0}")
  @CsvSource({
    // slope, float.hex(calculate_gain("leaky_relu", slope) ** 2)
    "0.01, 0x1.fff2e4e46e7a8p+0",
    "0.2, 0x1.ec4ec4ec4ec4ep+0",
    "0.0, 0x1.0000000000001p+1",
    "-0.5, 0x1.999999999999ap+0",
    "0.001, 0x1.ffffde7212f19p+0",
    "3.0, 0x1.9999999999999p-3",
  })
  void leakyReluIsThePyTorchGainSquared(double slope, String torchHex) {
    assertSquareOfTorchGain(Double.parseDouble(torchHex), Gain.leakyRelu(slope));
  }

  @Test
  void leakyReluOfTheDefaultSlopeIsTheConstant() {
    assertEquals(Gain.LEAKY_RELU, Gain.leakyRelu(0.01), 0.0);
    // A slope of 1 is the identity, whose gain is LINEAR's.
    assertEquals(Gain.LINEAR, Gain.leakyRelu(1.0), 0.0);
    assertEquals(Gain.leakyRelu(0.3), Gain.leakyRelu(-0.3), 0.0);
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void leakyReluRefusesASlopeThatIsNotFinite(double slope) {
    assertRefused("negativeSlope must be a finite number", () -> Gain.leakyRelu(slope),
        "found " + slope);
  }

  private static void assertSquareOfTorchGain(double torchSquare, double gain) {
    assertEquals(torchSquare, gain, 4 * Math.ulp(torchSquare));
  }
}
