package io.github.varscale;

/**
 * Which dimensions of a weight tensor hold its input and output channels. The remaining ones form
 * the receptive field {@code rf}, the product of the kernel's spatial dimensions, which multiplies
 * both fans.
 *
 * <p>For every layout a shape of rank 0 has {@code fan_in = fan_out = 1} and a shape {@code [d0]}
 * of rank 1 has {@code fan_in = fan_out = d0}.
 */
public enum Layout {
  /**
   * {@code [receptive field..., in, out]}: Keras, TensorFlow, JAX and TF1 contrib. For rank
   * {@code r >= 2}: {@code fan_in = d(r-2) * rf}, {@code fan_out = d(r-1) * rf}, {@code rf = d0 *
   * ... * d(r-3)}. A dense kernel is {@code [in, out]}; a 2-D convolution {@code [h, w, in, out]}.
   */
  IN_OUT,
  /**
   * {@code [out, in, receptive field...]}: PyTorch. For rank {@code r >= 2}: {@code fan_in = d1 *
   * rf}, {@code fan_out = d0 * rf}, {@code rf = d2 * ... * d(r-1)}. A linear layer's weight is
   * {@code [out, in]}; a 2-D convolution's {@code [out, in, h, w]}.
   */
  OUT_IN
}
