package io.github.varscale.sample;

import io.github.varscale.GlorotUniform;
import io.github.varscale.HeNormal;
import io.github.varscale.Shape;
import io.github.varscale.Zeros;

/**
 * A mixture-of-experts feed-forward layer: {@code experts} two-layer perceptrons of width {@code
 * 4 * dModel}, stacked along a leading axis and chosen per token by a router. The stacked axis is a
 * batch axis, in neither fan (JAX's {@code batch_axis}): every expert is initialized as a layer of
 * its own.
 */
public class FeedForward {
  final int dModel;
  final int experts;

  @GlorotUniform
  @Shape(dims = {"dModel", "experts"})
  float[] router;

  @HeNormal
  @Shape(dims = {"experts", "dModel", "4 * dModel"}, batchAxes = 0)
  float[][][] up;

  @Zeros
  @Shape(dims = {"experts", "4 * dModel"})
  float[][] upBias;

  @GlorotUniform
  @Shape(dims = {"experts", "4 * dModel", "dModel"}, batchAxes = 0)
  float[][][] down;

  @Zeros
  @Shape(dims = {"experts", "dModel"})
  float[][] downBias;

  FeedForward(int dModel, int experts) {
    this.dModel = dModel;
    this.experts = experts;
  }
}
