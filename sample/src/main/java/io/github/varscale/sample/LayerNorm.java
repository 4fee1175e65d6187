package io.github.varscale.sample;

import io.github.varscale.Ones;
import io.github.varscale.Shape;
import io.github.varscale.Zeros;

/**
 * Layer normalization over {@code width} features: a gain that starts at 1 and an offset that
 * starts at 0, as in PyTorch's {@code nn.LayerNorm} and Keras's {@code LayerNormalization}.
 */
public class LayerNorm {
  final int width;

  @Ones
  @Shape(dims = "width")
  float[] gain;

  @Zeros
  @Shape(dims = "width")
  float[] offset;

  LayerNorm(int width) {
    this.width = width;
  }
}
