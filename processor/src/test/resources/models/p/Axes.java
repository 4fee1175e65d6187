package p;

import io.github.varscale.*;

/** Constant shapes with explicit fan axes and batch axes, as JAX and Keras 3 write them. */
public class Axes {
  /** A query kernel [dModel, heads, headDim]: fan_in = 512, fan_out = 8 * 64. */
  @GlorotUniform @Shape(value = {512, 8, 64}, inAxes = 0, outAxes = {1, 2}) float[] query;

  /** Experts stacked as [experts, in, out]: fan_in = 64, fan_out = 32, whatever the experts. */
  @HeNormal @Shape(value = {8, 64, 32}, batchAxes = 0) double[][][] experts;

  /** A convolution [out, in, h, w] whose last axis is a batch axis: rf = 3, not 3 * 5. */
  @VarianceScaled(mode = Mode.FAN_GEO_AVG)
  @Shape(value = {16, 4, 3, 5}, layout = Layout.OUT_IN, batchAxes = 3)
  float[] conv;

  /** Receptive field and explicit axes: fan_in = 4 * (3 * 3), fan_out = 6 * (3 * 3). */
  @HeUniform @Shape(value = {3, 4, 3, 6}, inAxes = 1, outAxes = -1) float[][][][] mixed;
}
