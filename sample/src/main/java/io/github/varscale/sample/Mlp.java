package io.github.varscale.sample;

import io.github.varscale.Distribution;
import io.github.varscale.GlorotUniform;
import io.github.varscale.HeNormal;
import io.github.varscale.Mode;
import io.github.varscale.Shape;
import io.github.varscale.VarianceScaled;
import io.github.varscale.Zeros;

/**
 * A 784-256-128-10 multilayer perceptron (MNIST-sized) with ReLU hidden layers, its kernels in
 * Keras's {@code [in, out]} layout. {@code MlpInitializer.initialize(mlp, seed)} allocates and
 * fills the three kernels and the biases, which start at zero as in Keras.
 */
public class Mlp {
  public static final int INPUTS = 784;
  public static final int HIDDEN1 = 256;
  public static final int HIDDEN2 = 128;
  public static final int CLASSES = 10;

  /** He normal (truncated, {@code 2 / fan_in}) for the ReLU after it: Keras's {@code he_normal}. */
  @HeNormal
  @Shape({INPUTS, HIDDEN1})
  float[] w1;

  @Zeros
  @Shape({HIDDEN1})
  float[] b1;

  /**
   * He in fan-out mode, untruncated: keeps the gradients' variance steady in the backward pass.
   * The same law as PyTorch's {@code kaiming_normal_(w, mode="fan_out")}, written out in full.
   */
  @VarianceScaled(scale = 2.0, mode = Mode.FAN_OUT, distribution = Distribution.NORMAL)
  @Shape({HIDDEN1, HIDDEN2})
  float[][] w2;

  @Zeros
  @Shape({HIDDEN2})
  float[] b2;

  /** Glorot uniform for the linear output (softmax logits) layer: Keras's default for Dense. */
  @GlorotUniform
  @Shape({HIDDEN2, CLASSES})
  double[] w3;

  @Zeros
  @Shape({CLASSES})
  double[] b3;
}
