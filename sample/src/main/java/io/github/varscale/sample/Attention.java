package io.github.varscale.sample;

import io.github.varscale.GlorotUniform;
import io.github.varscale.Shape;
import io.github.varscale.Zeros;

/**
 * Multi-head self-attention with its kernels kept per head, as Keras's {@code MultiHeadAttention}
 * and Flax's {@code DenseGeneral} hold them: the query, key and value kernels are {@code [dModel,
 * heads, headDim]} and the output kernel {@code [heads, headDim, dModel]}. Explicit fan axes make
 * their fans those of the equivalent {@code [dModel, heads * headDim]} matrix; with the default
 * layout, {@code dModel} would count as a receptive field and the variance would come out
 * {@code dModel}-fold too small.
 */
public class Attention {
  final int dModel;
  final int heads;
  final int headDim;

  @GlorotUniform
  @Shape(dims = {"dModel", "heads", "headDim"}, inAxes = 0, outAxes = {1, 2})
  float[][][] query;

  @GlorotUniform
  @Shape(dims = {"dModel", "heads", "headDim"}, inAxes = 0, outAxes = {1, 2})
  float[][][] key;

  @GlorotUniform
  @Shape(dims = {"dModel", "heads", "headDim"}, inAxes = 0, outAxes = {1, 2})
  float[][][] value;

  @Zeros
  @Shape(dims = {"heads", "headDim"})
  float[] valueBias;

  @GlorotUniform
  @Shape(dims = {"heads", "headDim", "dModel"}, inAxes = {0, 1}, outAxes = 2)
  float[][][] output;

  @Zeros
  @Shape(dims = "dModel")
  float[] outputBias;

  Attention(int dModel, int heads, int headDim) {
    this.dModel = dModel;
    this.heads = heads;
    this.headDim = headDim;
  }
}
