package io.github.varscale.sample;

import io.github.varscale.Layout;
import io.github.varscale.Shape;
import io.github.varscale.Zeros;

/**
 * A small convolutional network for 1x28x28 images in PyTorch's layout ({@code [out, in, h, w]}
 * kernels, {@code [out, in]} linear weights): conv 5x5 (16) - pool - conv 3x3 (32) - pool -
 * linear (10). The kernels are nested arrays indexed like the PyTorch tensors.
 */
public class SmallCnn {
  public static final int IMAGE_CHANNELS = 1;
  public static final int CHANNELS1 = 16;
  public static final int KERNEL1 = 5;
  public static final int CHANNELS2 = 32;
  public static final int KERNEL2 = 3;
  /** Side of the feature map after two 2x2 poolings of a 28x28 image. */
  public static final int POOLED = 28 / 2 / 2;
  public static final int FEATURES = CHANNELS2 * POOLED * POOLED;
  public static final int CLASSES = 10;

  /** {@code conv1[o][i][y][x]}; fan_in = 1 * 5 * 5 = 25. */
  @KaimingNormal
  @Shape(value = {CHANNELS1, IMAGE_CHANNELS, KERNEL1, KERNEL1}, layout = Layout.OUT_IN)
  float[][][][] conv1;

  @Zeros
  @Shape(CHANNELS1)
  float[] conv1Bias;

  /** {@code conv2[o][i][y][x]}; fan_in = 16 * 3 * 3 = 144. */
  @KaimingNormal
  @Shape(value = {CHANNELS2, CHANNELS1, KERNEL2, KERNEL2}, layout = Layout.OUT_IN)
  float[][][][] conv2;

  @Zeros
  @Shape(CHANNELS2)
  float[] conv2Bias;

  /** {@code fc[o][i]}, PyTorch's default {@code nn.Linear} initialization; fan_in = 1568. */
  @TorchLinearDefault
  @Shape(value = {CLASSES, FEATURES}, layout = Layout.OUT_IN)
  float[][] fc;

  /**
   * Zero, as Keras starts its biases; PyTorch's {@code nn.Linear} would draw it from its weight's
   * {@code U(+-1/sqrt(fan_in))}, a law of the weight's fans that a bias's own shape cannot give.
   */
  @Zeros
  @Shape(CLASSES)
  float[] fcBias;
}
